extension AppState {
    /// Click selects, double-click follows, the wheel scrolls the pane under the pointer.
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        defer { keepCursorsVisible() }
        if overlay != nil {
            overlay = nil
            return []
        }
        let layout = self.layout
        guard let pane = layout.pane(atRow: event.row, column: event.column) else { return [] }
        let content = layout[pane].content
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelUp ? -3 : 3
            if pane == .detail {
                // The wheel scrolls the text; the line cursor stays on a visible line.
                let visible = max(1, content.height)
                detailScroll = max(0, min(detailScroll + delta, max(0, document.lines.count - visible)))
                detailCursor = max(detailScroll, min(detailCursor, detailScroll + visible - 1))
                refreshDocument()
                return []
            }
            let previous = focus
            focus = pane
            move(by: delta)
            focus = previous == pane ? pane : previous
            return []
        case .click, .doubleClick:
            setFocus(pane)
            let offset = event.row - content.y
            if offset >= 0, offset < content.height {
                switch pane {
                case .tree: selectTreeRow(treeScroll + offset)
                case .list: selectListRow(listScroll + offset)
                case .detail: moveDetailCursor(to: detailScroll + offset)
                }
            }
            if event.kind == .doubleClick {
                if pane == .tree, let row = treeRows[safe: treeCursor], row.hasChildren { setExpanded(row.id, !row.isExpanded) }
                return open()
            }
            return []
        }
    }
}
