import FacetsCore

/// The facet tree: sections and groups with their entry counts, expandable.
enum TreePaneView {
    static func draw(_ state: AppState, frame: Layout.Frame, into screen: inout ScreenBuffer) {
        let focused = state.focus == .tree
        Renderer.drawFrame(Pane.tree.title, frame: frame, focused: focused, glyphs: state.glyphs, into: &screen)
        let area = frame.content
        guard area.width > 0, area.height > 0 else { return }
        var hyperlinks: [String: Int] = [:]
        for offset in 0..<area.height {
            let index = state.treeScroll + offset
            guard index < state.treeRows.count else { break }
            let row = state.treeRows[index]
            let marker = row.hasChildren ? (row.isExpanded ? state.glyphs.expanded : state.glyphs.collapsed) : state.glyphs.leaf
            let indent = String(repeating: "  ", count: row.depth)
            let count = " \(row.count)"
            let titleWidth = max(1, area.width - DisplayWidth.of(indent + marker + " ") - DisplayWidth.of(count))
            let title = TextWrapper.truncate(TerminalSafeText.sanitize(row.title), width: titleWidth)
            let padding = String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
            let spans = [Span(indent + marker + " ", .dim), Span(title + padding), Span(count, .treeCount)]
            let selected = index == state.treeCursor
            Renderer.drawSpans(spans, row: area.y + offset, in: area, selected: selected && focused, highlightRef: nil,
                               into: &screen, hyperlinks: &hyperlinks)
            if selected && !focused {
                screen.restyle(row: area.y + offset, from: area.x, to: area.maxX) { $0.role = .selectionUnfocused }
            }
        }
    }
}
