import Dispatch
import Synchronization

/// A vault's search index, built on another thread once `start()` is called. On a vault of 25,000
/// notes the index takes seconds to build: the explorer shows its first screen meanwhile, and a search
/// asked for before the index is done waits for it (the wait is whatever is left of the build). Made
/// without starting anything, so building a state in a test or a fuzzer spawns no thread; the terminal
/// layer starts it. Asked for before anyone started it, the index is built on the asking thread.
/// Shared by copies of the state that holds it; safe across threads.
public final class BackgroundSearchIndex: Sendable {
    private enum Progress { case idle, building, built(SearchIndex) }
    private let vault: Vault
    private let progress = Mutex<Progress>(.idle)
    private let finished = DispatchSemaphore(value: 0)

    public init(vault: Vault) {
        self.vault = vault
    }

    /// Starts the build on a background thread (once; later calls do nothing).
    public func start() {
        guard claimBuild() else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in build() }
    }

    /// Whether the index is ready (a search now would not wait).
    public var isReady: Bool {
        progress.withLock { if case .built = $0 { return true } else { return false } }
    }

    /// The index, once built.
    public var index: SearchIndex {
        if let ready = builtIndex { return ready }
        if claimBuild() {
            build()
        } else {
            finished.wait()
            finished.signal()  // let any other waiter through too
        }
        guard let ready = builtIndex else { preconditionFailure("the search index was signalled before it was stored") }
        return ready
    }

    private var builtIndex: SearchIndex? {
        progress.withLock { if case .built(let index) = $0 { return index } else { return nil } }
    }

    /// True for the one caller that moves the build from idle to building.
    private func claimBuild() -> Bool {
        progress.withLock { state in
            guard case .idle = state else { return false }
            state = .building
            return true
        }
    }

    private func build() {
        let index = SearchIndex(vault: vault)
        progress.withLock { $0 = .built(index) }
        finished.signal()
    }
}
