import Foundation

/// One change below a watched folder, by its path relative to the folder (as `Note.path`).
public struct FileChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Created, or moved in from elsewhere.
        case created
        /// Written to.
        case modified
        /// Deleted, or moved out.
        case removed
        /// The system dropped events (its queue overflowed): anything may have changed.
        case lost
    }

    public var path: String
    public var kind: Kind
    /// A folder rather than a file.
    public var isFolder: Bool

    public init(path: String, kind: Kind, isFolder: Bool = false) {
        self.path = path
        self.kind = kind
        self.isFolder = isFolder
    }
}

/// The seam between the platform's file events and everything above them: Linux has `InotifyWatcher`;
/// FSEvents (macOS) or kqueue (the BSDs) would be further conformances, not yet written, so there
/// `FolderWatchers.watch(folder:)` says live reload is unavailable and the explorer runs as before.
/// A watcher covers a folder and every folder below it, skipping hidden ones as the load does.
public protocol FolderWatcher: AnyObject, Sendable {
    /// Waits until changes come or `timeout` passes (nil: no limit), and returns them ([] on timeout or
    /// after `interrupt()`). Called from one thread at a time.
    func waitForChanges(timeout: Duration?) -> [FileChange]
    /// Makes a waiting (or the next) `waitForChanges` return at once; safe from any thread.
    func interrupt()
    /// What could not be watched (a folder past the system's watch limit, say), for a message.
    var problems: [String] { get }
}

/// Why a folder cannot be watched at all.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The platform's watcher.
public enum FolderWatchers {
    /// A watcher for `folder` and the folders below it.
    public static func watch(folder: String) throws(WatchError) -> any FolderWatcher {
        #if os(Linux)
            return try InotifyWatcher(folder: folder)
        #else
            throw WatchError("live reload is not available on this system yet (it uses Linux inotify)")
        #endif
    }

    /// Whether a name is one the load skips (hidden files and folders, editors' backup files), so its
    /// changes need no reload.
    public static func ignores(name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }
}
