import FacetsCore

extension AppState {
    /// Starts walking a tour note's stops from the first; the panes stay usable at every stop.
    public mutating func startTour(_ note: Int) {
        let stops = vault.tourStops(note)
        guard !stops.isEmpty else {
            message = "\(vault.notes[note].title) has no stops"
            return
        }
        workshop.tour = TourState(note: note, title: vault.notes[note].title, stops: stops, position: 0)
        jump { $0.openEntry(stops[0]) }
    }

    mutating func startDefaultTour() {
        if let entry = list.selectedEntry, vault.notes[entry].kind == "tour" {
            startTour(entry)
        } else if let first = vault.tours.first {
            startTour(first)
        } else {
            message = "This vault has no tour (a note with kind: tour)"
        }
    }

    mutating func moveTour(by delta: Int) {
        guard var current = workshop.tour else { return }
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
        workshop.tour = current
        jump { $0.openEntry(current.stops[next]) }
    }

    mutating func leaveTour() {
        guard let current = workshop.tour else { return }
        workshop.tour = nil
        message = "Left \(current.title) at stop \(current.progress)"
    }

    /// The presenter opened an entry: jump there while following (a key press stops following).
    public mutating func presenterOpened(_ name: String) {
        guard workshop.following == true else { return }
        if name.hasPrefix(Self.viewPrefix) {
            let id = ViewID(String(name.dropFirst(Self.viewPrefix.count)))
            if registry.registrations.contains(where: { $0.id == id && $0.opener != nil }) { openMainView(id) }
            reconcile()
            return
        }
        guard case .found(let index) = vault.lookup(name) else { return }
        if case .note(index) = detail.subject, panes.last == .detail { return }
        jump { $0.openEntry(index) }
    }
}
