import Synchronization

/// Each talk's timeline, sorted the first time it is asked for and kept: "said around" is asked per
/// moment shown, so sorting per question was quadratic, and sorting every talk while loading made the
/// load pay for timelines most sessions never open. Shared by copies of a vault; safe across threads.
final class TimelineCache: Sendable {
    private let timelines = Mutex<[String: [TimelineEntry]]>([:])

    func timeline(videoId: String, build: () -> [TimelineEntry]) -> [TimelineEntry] {
        if let known = timelines.withLock({ $0[videoId] }) { return known }
        let built = build()
        timelines.withLock { $0[videoId] = built }
        return built
    }
}
