import Dispatch
import Synchronization

/// A vault's search index, built on another thread from the moment this is made. On a vault of 25,000
/// notes the index takes seconds to build: the explorer shows its first screen meanwhile, and a search
/// asked for before the index is done waits for it (the wait is whatever is left of the build).
/// Shared by copies of the state that holds it; safe across threads.
public final class BackgroundSearchIndex: Sendable {
    private let built = Mutex<SearchIndex?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(vault: Vault) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = SearchIndex(vault: vault)
            built.withLock { $0 = index }
            finished.signal()
        }
    }

    /// Whether the index is ready (a search now would not wait).
    public var isReady: Bool { built.withLock { $0 != nil } }

    /// The index, once built.
    public var index: SearchIndex {
        if let ready = built.withLock({ $0 }) { return ready }
        finished.wait()
        finished.signal() // let any other waiter through too
        guard let ready = built.withLock({ $0 }) else { preconditionFailure("the search index was signalled before it was stored") }
        return ready
    }
}
