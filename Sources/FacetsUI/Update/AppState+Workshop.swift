import FacetsCore

extension AppState {
    /// Starts walking a tour note's stops from the first; the panes stay usable at every stop.
    public mutating func startTour(_ note: Int) {
        let stops = vault.tourStops(note)
        guard !stops.isEmpty else {
            message = "\(vault.notes[note].title) has no stops"
            return
        }
        tour = TourState(note: note, title: vault.notes[note].title, stops: stops, position: 0)
        jump { $0.openEntry(stops[0]) }
    }

    mutating func startDefaultTour() {
        if let entry = selectedEntry, vault.notes[entry].kind == "tour" {
            startTour(entry)
        } else if let first = vault.tours.first {
            startTour(first)
        } else {
            message = "This vault has no tour (a note with kind: tour)"
        }
    }

    mutating func moveTour(by delta: Int) {
        guard var current = tour else { return }
        let next = current.position + delta
        guard next >= 0 else {
            message = "First stop · Space goes on"
            return
        }
        guard next < current.stops.count else {
            message = "Last stop of \(current.title) · Esc leaves the tour"
            return
        }
        current.position = next
        tour = current
        jump { $0.openEntry(current.stops[next]) }
    }

    mutating func leaveTour() {
        guard let current = tour else { return }
        tour = nil
        message = "Left \(current.title) at stop \(current.progress)"
    }
}

extension AppState {
    /// The presenter opened an entry: jump there while following (a key press stops following).
    public mutating func presenterOpened(_ name: String) {
        guard following == true, case .found(let index) = vault.lookup(name) else { return }
        if case .note(index) = subject { return }
        jump { $0.openEntry(index) }
        keepCursorsVisible()
    }

    /// The entry the detail pane shows, for a presenter to publish.
    public var shownEntryName: String? {
        if case .note(let index) = subject { return vault.notes[index].path }
        return nil
    }
}
