import FacetsCore

extension AppState {
    /// The vault was read again after its files changed on disk (live reload): every view, the history
    /// and a tour move to the new vault, keeping selection, scroll and places wherever their entries
    /// still exist (matched by path); an entry shown whose file went says so in place of its text. The
    /// search and tag indexes are made anew: the terminal layer starts their build (`startBackgroundWork()`).
    public mutating func vaultChanged(_ newVault: Vault) {
        let change = VaultChange(from: vault, to: newVault)
        vault = newVault
        searchIndexBuild = BackgroundSearchIndex(vault: newVault)
        tagIndexBuild = BackgroundTagIndex(vault: newVault)
        history = history.mapped { $0.renumbered(change) }
        let layout = self.layout
        for id in views.keys {
            let viewContext = context(for: id, layout: layout)
            updateAny(id) { $0.vaultChanged(change, in: viewContext) }
        }
        // The list shows its tree node's entries as they now are (new notes included).
        let node = tree.selectedNode
        update(.list, as: ListView.self) { $0.refresh(node: node) }
        if let tour = workshop.tour {
            workshop.tour = tour.renumbered(change)
            if workshop.tour == nil { message = "The tour \(tour.title) ended: its note or its stops were removed" }
        }
        reconcile()
        history.replaceCurrent(location)
    }
}

extension Location {
    /// This place in the new vault: the list entry and the subject renumbered (a subject whose note
    /// went becomes the removed page).
    func renumbered(_ change: VaultChange) -> Location {
        var place = self
        place.listEntry = listEntry.flatMap(change.note)
        place.listFilter = listFilter?.renumbered(change)
        switch subject {
        case .note(let index):
            if let now = change.note(index) {
                place.subject = .note(now)
            } else if index < change.old.notes.count {
                place.subject = .removed(title: change.old.notes[index].title, path: change.old.notes[index].path)
            }
        case .removed(_, let path):
            if let now = change.note(path: path) { place.subject = .note(now) }
        case .nothing, .missing, .timeline: break
        }
        place.neighbourhood = neighbourhood?.renumbered(change)
        return place
    }
}

extension NeighbourhoodPlace {
    /// The same centre in the new vault; nil when its file went (history then shows the detail).
    func renumbered(_ change: VaultChange) -> NeighbourhoodPlace? {
        change.note(centre).map { NeighbourhoodPlace(centre: $0, depth: depth, selected: selected.flatMap(change.note)) }
    }
}

extension ListFilter {
    /// The filter's hits, what Esc restores and its scope, renumbered; removed notes left out.
    func renumbered(_ change: VaultChange) -> ListFilter {
        var filter = self
        filter.hits = hits.compactMap { $0.renumbered(change) }
        filter.savedEntries = change.notes(savedEntries)
        filter.scope = change.notes(scope)
        return filter
    }
}

extension SearchHit {
    /// The same hit on the note's new index; nil when the note went.
    func renumbered(_ change: VaultChange) -> SearchHit? {
        guard let now = change.note(note) else { return nil }
        var hit = self
        hit.note = now
        return hit
    }
}

extension TourState {
    /// The tour in the new vault, its removed stops left out; nil when its note went or no stop is left.
    func renumbered(_ change: VaultChange) -> TourState? {
        guard let now = change.note(note) else { return nil }
        let current = stops[safe: position].flatMap(change.note)
        let kept = change.notes(stops)
        guard !kept.isEmpty else { return nil }
        let place = current.flatMap { kept.firstIndex(of: $0) } ?? min(position, kept.count - 1)
        return TourState(note: now, title: title, stops: kept, position: place)
    }
}
