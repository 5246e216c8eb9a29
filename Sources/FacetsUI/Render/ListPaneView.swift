/// The entries of the selected tree node.
enum ListPaneView {
    static func draw(_ state: AppState, frame: Layout.Frame, into screen: inout ScreenBuffer) {
        let focused = state.focus == .list
        let title = state.selectedNode.map { "\($0.title) (\(state.listEntries.count))" } ?? Pane.list.title
        Renderer.drawFrame(title, frame: frame, focused: focused, glyphs: state.glyphs, into: &screen)
        let area = frame.content
        guard area.width > 0, area.height > 0 else { return }
        if state.listEntries.isEmpty {
            screen.put("(no entries)", row: area.y, column: area.x, style: CellStyle(.dim), maxColumn: area.maxX)
            return
        }
        let mixedKinds = Set(state.listEntries.prefix(500).map { state.vault.notes[$0].kind ?? "" }).count > 1
        var hyperlinks: [String: Int] = [:]
        for offset in 0..<area.height {
            let index = state.listScroll + offset
            guard index < state.listEntries.count else { break }
            let note = state.vault.notes[state.listEntries[index]]
            let tag = mixedKinds ? (note.kind.map { " \($0)" } ?? "") : ""
            let titleWidth = max(1, area.width - DisplayWidth.of(tag))
            let safeTitle = TerminalSafeText.sanitize(note.title)
            let title = TextWrapper.truncate(safeTitle, width: titleWidth)
            let padding = String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
            let spans = [Span(title + padding), Span(tag, .kind)]
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
