/// How long each step of a load took, for `facets bench load`. Kept beside the vault rather than in
/// it: the vault is what was loaded, not how.
public struct LoadReport: Sendable {
    /// The steps in the order they ended, with their seconds (the link graph's steps and the talks'
    /// ran side by side).
    public internal(set) var phases: [(name: String, seconds: Double)] = []
}

/// Times the steps of a load one after the other.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var mark: ContinuousClock.Instant
    private(set) var phases: [(name: String, seconds: Double)] = []

    init() { mark = clock.now }

    /// Ends the step running since the last lap (or the start) under `name`.
    mutating func lap(_ name: String) {
        let now = clock.now
        phases.append((name, Self.seconds(now - mark)))
        mark = now
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
