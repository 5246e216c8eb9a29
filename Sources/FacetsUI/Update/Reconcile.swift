extension AppState {
    /// The one step after every action that brings derived state up to date: each view lays itself
    /// out for its frame (the detail pane its document and the moment at its cursor) and keeps its
    /// cursor in view. Breadcrumb and hints are drawn from the state as it then is. Nothing else
    /// refreshes derived state.
    mutating func reconcile() {
        let layout = self.layout
        for id in views.keys {
            let viewContext = context(for: id, layout: layout)
            updateAny(id) { $0.reconcile(in: viewContext) }
        }
    }
}
