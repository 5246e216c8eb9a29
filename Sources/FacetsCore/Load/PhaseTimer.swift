/// Times the steps of building a vault one after the other, for `facets bench load`.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var mark: ContinuousClock.Instant
    private(set) var phases: [(name: String, seconds: Double)] = []

    init() { mark = clock.now }

    /// Ends the step running since the last lap (or the start) under `name`.
    mutating func lap(_ name: String) {
        let now = clock.now
        phases.append((name, Vault.seconds(now - mark)))
        mark = now
    }
}
