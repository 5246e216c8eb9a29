/// Gathers file changes until they pause: a batch is due once no change came for `quiet`, or at the
/// latest `maxDelay` after its first change, so an edit shows within a second even while another file
/// is written continuously. A bulk change (`bulk` paths or more: a `git checkout`, a sync) waits for
/// its pause instead, up to `maxBulkDelay`, so 10,000 files are one reload rather than one per
/// `maxDelay`. A value fed with instants, so tests need no clock.
public struct ChangeDebouncer: Sendable {
    public let quiet: Duration
    public let maxDelay: Duration
    public let bulk: Int
    public let maxBulkDelay: Duration
    /// The paths changed since the last `take`.
    public private(set) var pending: Set<String> = []
    /// The system dropped events: the next batch must treat every file as changed.
    public private(set) var lost = false
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    public init(
        quiet: Duration = .milliseconds(200), maxDelay: Duration = .milliseconds(800), bulk: Int = 200,
        maxBulkDelay: Duration = .seconds(10)
    ) {
        self.quiet = quiet
        self.maxDelay = max(quiet, maxDelay)
        self.bulk = max(1, bulk)
        self.maxBulkDelay = max(self.maxDelay, maxBulkDelay)
    }

    /// Notes changes seen at `now`.
    public mutating func add(_ changes: [FileChange], at now: ContinuousClock.Instant) {
        guard !changes.isEmpty else { return }
        for change in changes {
            if change.kind == .lost { lost = true } else { pending.insert(change.path) }
        }
        if first == nil { first = now }
        last = now
    }

    /// When the gathered changes are due, or nil when there are none.
    public var deadline: ContinuousClock.Instant? {
        guard let first, let last else { return nil }
        let isBulk = lost || pending.count >= bulk
        return min(last + quiet, first + (isBulk ? maxBulkDelay : maxDelay))
    }

    /// The batch, if it is due at `now`: the changed paths, and whether events were lost. Empties the batch.
    public mutating func take(at now: ContinuousClock.Instant) -> (paths: Set<String>, lost: Bool)? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = []
            lost = false
            first = nil
            last = nil
        }
        return (pending, lost)
    }
}
