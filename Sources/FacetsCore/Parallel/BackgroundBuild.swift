import Dispatch
import Synchronization

/// A value that takes seconds to make on a large vault (the search index, the tag index), made on
/// another thread once `start()` is called. The explorer shows its first screen meanwhile, and whoever
/// asks before it is done waits for what is left of the build. Made without starting anything, so
/// building a state in a test or a fuzzer spawns no thread; the terminal layer starts it. Asked for
/// before anyone started it, the value is made on the asking thread. Shared by copies of the state
/// that holds it; safe across threads.
public final class BackgroundBuild<Value: Sendable>: Sendable {
    private enum Progress { case idle, building, built(Value) }
    private let make: @Sendable () -> Value
    private let progress = Mutex<Progress>(.idle)
    private let finished = DispatchSemaphore(value: 0)

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// Starts the build on a background thread (once; later calls build nothing), then `next` on that
    /// thread: builds queued one after another do not compete for the cores, and none runs on the caller's.
    public func start(then next: @escaping @Sendable () -> Void = {}) {
        let claimed = claimBuild()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            if claimed { build() }
            next()
        }
    }

    /// Makes the value on this thread unless it is made or being made (for a thread of its own).
    public func buildHere() {
        if claimBuild() { build() }
    }

    /// Whether the value is ready (asking now would not wait).
    public var isReady: Bool {
        progress.withLock { if case .built = $0 { return true } else { return false } }
    }

    /// The value, once made.
    public var value: Value {
        if let ready = builtValue { return ready }
        if claimBuild() {
            build()
        } else {
            finished.wait()
            finished.signal()  // let any other waiter through too
        }
        guard let ready = builtValue else { preconditionFailure("a background build was signalled before it was stored") }
        return ready
    }

    private var builtValue: Value? {
        progress.withLock { if case .built(let value) = $0 { return value } else { return nil } }
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
        let value = make()
        progress.withLock { $0 = .built(value) }
        finished.signal()
    }
}

/// A vault's search index, built in the background: every keystroke of a search asks it, never the notes.
public typealias BackgroundSearchIndex = BackgroundBuild<SearchIndex>

extension BackgroundBuild where Value == SearchIndex {
    public convenience init(vault: Vault) { self.init { SearchIndex(vault: vault) } }

    /// The index, once built.
    public var index: SearchIndex { value }
}

/// A vault's tags, read from every note in the background after the search index: the tag grouping of
/// the tree (`=`) then opens without reading 25,000 notes on the key.
public typealias BackgroundTagIndex = BackgroundBuild<TagIndex>

extension BackgroundBuild where Value == TagIndex {
    public convenience init(vault: Vault) {
        let notes = vault.notes
        self.init { TagIndex(notes: notes) }
    }
}
