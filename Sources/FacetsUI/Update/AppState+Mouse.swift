extension AppState {
    /// Click selects, double-click follows, the wheel scrolls the view under the pointer.
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        defer { reconcile() }
        if overlay != nil {
            overlay = nil
            return []
        }
        let layout = self.layout
        guard let id = layout.pane(atRow: event.row, column: event.column) else { return [] }
        let content = layout[id].content
        let viewContext = context(for: id, layout: layout)
        switch event.kind {
        case .wheelUp, .wheelDown:
            let requests = updateAny(id) { $0.scroll(by: event.kind == .wheelUp ? -3 : 3, in: viewContext) } ?? []
            return apply(requests, from: id)
        case .click, .doubleClick:
            setFocus(id)
            let focusedContext = context(for: id, layout: layout)
            let offset = event.row - content.y
            let double = event.kind == .doubleClick
            let requests: [ViewRequest]
            if offset >= 0, offset < content.height {
                requests = updateAny(id) { $0.click(row: offset, column: event.column - content.x, double: double, in: focusedContext) } ?? []
            } else {
                requests = double ? (updateAny(id) { $0.handle(.open, in: focusedContext) } ?? nil) ?? [] : []
            }
            return apply(requests, from: id)
        }
    }
}
