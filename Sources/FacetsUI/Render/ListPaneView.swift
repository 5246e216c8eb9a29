/// The entries of the selected tree node.
enum ListPaneView {
    static func draw(_ state: AppState, frame: Layout.Frame, into screen: inout ScreenBuffer) {
        let focused = state.focus == .list
        var title = state.selectedNode.map { "\(TerminalSafeText.sanitize($0.title)) (\(state.listEntries.count))" } ?? Pane.list.title
        if let filter = state.listFilter {
            title = "/\(TerminalSafeText.sanitize(filter.query)) (\(state.listEntries.count) of \(filter.scope.count))"
        }
        Renderer.drawFrame(title, frame: frame, focused: focused, glyphs: state.glyphs, into: &screen)
        let area = frame.content
        guard area.width > 0, area.height > 0 else { return }
        if state.listEntries.isEmpty {
            screen.put(state.listFilter == nil ? "(no entries)" : "(no match)", row: area.y, column: area.x, style: CellStyle(.dim), maxColumn: area.maxX)
            return
        }
        let hits = state.listFilter.map { filter in Dictionary(filter.hits.map { ($0.note, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let mixedKinds = Set(state.listEntries.prefix(500).map { state.vault.notes[$0].kind ?? "" }).count > 1
        var hyperlinks: [String: Int] = [:]
        for offset in 0..<area.height {
            let index = state.listScroll + offset
            guard index < state.listEntries.count else { break }
            let note = state.vault.notes[state.listEntries[index]]
            let tag = mixedKinds ? (note.kind.map { " " + TerminalSafeText.sanitize($0) } ?? "") : ""
            let titleWidth = max(1, area.width - DisplayWidth.of(tag))
            let hit = hits[state.listEntries[index]]
            var name = note.title
            if let hit, hit.viaAlias { name = note.title + " · " + hit.matchedName }
            let aliasOffset = hit?.viaAlias == true ? note.title.count + 3 : 0
            let marked = Set(hit?.namePositions.map { $0 + aliasOffset } ?? [])
            var spans = HighlightedText.spans(TerminalSafeText.sanitize(name), width: titleWidth, marked: marked)
            spans.append(Span(tag, .kind))
            let selected = index == state.listCursor
            Renderer.drawSpans(spans, row: area.y + offset, in: area, selected: selected && focused, highlightRef: nil,
                               into: &screen, hyperlinks: &hyperlinks)
            if selected && !focused {
                screen.restyle(row: area.y + offset, from: area.x, to: area.maxX) { $0.role = .selectionUnfocused }
            }
        }
    }
}

import FacetsCore
