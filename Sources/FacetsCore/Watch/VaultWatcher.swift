import Foundation
import Synchronization

/// Keeps a folder's vault current while the explorer (or `check --watch`) runs: watches the folder,
/// gathers changes until they pause (`ChangeDebouncer`), re-runs the one load pipeline for the changed
/// files (`Vault.reloading(changed:)`) on a thread of its own, and holds the newest vault for whoever
/// asks. A reload that takes long delays only the next vault, never the asker.
public final class VaultWatcher: Sendable {
    /// A vault read again after changes on disk.
    public struct Update: Sendable {
        /// The newest vault (after a failed reload: the last one that loaded).
        public var vault: Vault
        /// The paths the file events named since the last update taken.
        public var changed: Set<String>
        /// Why the vault could not be read again (its folder went, say), if it could not.
        public var failure: String?
    }

    private struct Shared {
        var pending: Update?
        var stopped = false
        var running = false
    }

    private let watcher: any FolderWatcher
    private let start: Vault
    private let debouncer: ChangeDebouncer
    private let shared = Mutex(Shared())
    private let arrived = DispatchSemaphore(value: 0)

    /// Watches the folder `vault` was loaded from. Throws for a vault not read from a folder (the
    /// bundled content is compiled in: nothing to watch) and where the platform has no watcher.
    public init(vault: Vault, debouncer: ChangeDebouncer = ChangeDebouncer()) throws(WatchError) {
        guard case .folder(let folder) = vault.loadedFrom.source else {
            throw WatchError("\(vault.origin) is not read from a folder; nothing to watch")
        }
        watcher = try FolderWatchers.watch(folder: folder)
        start = vault
        self.debouncer = debouncer
    }

    /// Whether a vault has files to watch (read from a folder; the bundled content is compiled in).
    public static func canWatch(_ vault: Vault) -> Bool {
        if case .folder = vault.loadedFrom.source { return true }
        return false
    }

    /// What could not be watched, for a message.
    public var problems: [String] { watcher.problems }

    /// Starts watching on a thread of its own (once).
    public func run() {
        let first = shared.withLock { state in
            defer { state.running = true }
            return !state.running && !state.stopped
        }
        guard first else { return }
        let thread = Thread { [self] in loop() }
        thread.stackSize = 8 << 20  // as the main thread's: parsing recurses
        thread.name = "facets vault watcher"
        thread.start()
    }

    /// Stops watching; the thread ends after the reload in progress, if any.
    public func stop() {
        shared.withLock { $0.stopped = true }
        watcher.interrupt()
        arrived.signal()
    }

    /// The newest vault not yet taken, without waiting.
    public func takeUpdate() -> Update? {
        shared.withLock { state in
            defer { state.pending = nil }
            return state.pending
        }
    }

    /// Waits for the next vault (nil once stopped, or when `timeout` passes first).
    public func waitForUpdate(timeout: Duration? = nil) -> Update? {
        while true {
            if let update = takeUpdate() { return update }
            if shared.withLock({ $0.stopped }) { return nil }
            if let timeout {
                let nanoseconds = Int(timeout.components.seconds) * 1_000_000_000 + Int(timeout.components.attoseconds / 1_000_000_000)
                if arrived.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .timedOut { return takeUpdate() }
            } else {
                arrived.wait()
            }
        }
    }

    private func loop() {
        var current = start
        var batch = debouncer
        let clock = ContinuousClock()
        while !shared.withLock({ $0.stopped }) {
            let wait = batch.deadline.map { max(.zero, $0 - clock.now) }
            batch.add(watcher.waitForChanges(timeout: wait), at: clock.now)
            guard let due = batch.take(at: clock.now), !shared.withLock({ $0.stopped }) else { continue }
            // Lost events: any file may have changed, so every one is read again.
            let changed = due.lost ? Set(current.notes.map(\.path)).union(due.paths) : due.paths
            var failure: String?
            do {
                current = try current.reloading(changed: changed)
            } catch {
                failure = "\(error)"
            }
            publish(Update(vault: current, changed: due.paths, failure: failure))
        }
    }

    /// Hands a vault over; one not yet taken is replaced (its changed paths carried into the new one).
    private func publish(_ update: Update) {
        shared.withLock { state in
            var update = update
            if let older = state.pending { update.changed.formUnion(older.changed) }
            state.pending = update
        }
        arrived.signal()
    }
}
