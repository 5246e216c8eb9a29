import FacetsCore

extension AppState {
    /// The entry the explorer is at: what the detail pane shows, else the list's selection.
    var currentEntry: Int? {
        if case .note(let index) = (views[.detail] as? DetailView)?.subject { return index }
        return (views[.list] as? ListView)?.selectedEntry
    }

    /// The neighbourhood on screen in the main slot, for history to keep.
    var neighbourhoodPlace: NeighbourhoodPlace? {
        guard panes.last == .neighbourhood else { return nil }
        return (views[.neighbourhood] as? NeighbourhoodView)?.place
    }

    /// Shows a note's neighbourhood in the main slot, focused, with the detail pane (behind it) on the centre.
    mutating func showNeighbourhood(_ place: NeighbourhoodPlace) {
        let vault = self.vault
        guard update(.neighbourhood, as: NeighbourhoodView.self, { $0.show(place, in: vault) }) != nil, !panes.isEmpty else { return }
        panes[panes.count - 1] = .neighbourhood
        focus = .neighbourhood
        if detail.subject != .note(place.centre) { update(.detail, as: DetailView.self) { $0.show(.note(place.centre)) } }
    }
}
