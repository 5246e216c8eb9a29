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
        if let place = TimelinePlace(name: name) {
            guard vault.videoIds.contains(place.videoId) else { return }
            let subject = DetailSubject.timeline(videoId: place.videoId, seconds: place.seconds)
            if detail.subject != subject { jump { $0.showInDetail(subject) } }
            return
        }
        guard case .found(let index) = vault.lookup(name) else { return }
        if case .note(index) = detail.subject, panes.last == .detail || panes.last == .neighbourhood { return }
        jump { $0.openEntry(index) }
    }
}

/// A talk's timeline at a moment, as a presenter publishes it for followers: `timeline:VIDEO@SECONDS`
/// (no note path starts so: paths are relative and end in `.md`).
struct TimelinePlace: Equatable {
    var videoId: String
    var seconds: Int?

    var name: String { "timeline:\(videoId)" + (seconds.map { "@\($0)" } ?? "") }

    init(videoId: String, seconds: Int?) {
        self.videoId = videoId
        self.seconds = seconds
    }

    init?(name: String) {
        guard name.hasPrefix("timeline:"), !name.hasSuffix(".md") else { return nil }
        let rest = name.dropFirst("timeline:".count)
        let parts = rest.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let video = parts.first, !video.isEmpty else { return nil }
        videoId = String(video)
        if parts.count == 2 {
            guard let seconds = Int(parts[1]), seconds >= 0 else { return nil }
            self.seconds = seconds
        } else {
            seconds = nil
        }
    }
}
