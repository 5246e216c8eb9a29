import CTerminalSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens a URL or a file with the system's opener (`$BROWSER`, else `xdg-open`, else `open` on macOS),
/// detached: its own session, stdin/stdout/stderr on /dev/null, never waited for, so the explorer's
/// terminal is not disturbed. Never on the server's machine in a served session (`FACETS_SERVE`), nor
/// under --lofi: there the link is copied (OSC 52) or shown, for the person to open where they are.
public struct SystemOpener: Sendable {
    /// What to do with a target, and what to tell the person.
    public struct Outcome: Sendable, Equatable {
        public var message: String
        /// Text for the clipboard, when opening gave way to copying.
        public var copy: String?
    }

    let environment: [String: String]
    let lofi: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, lofi: Bool) {
        self.environment = environment
        self.lofi = lofi
    }

    /// A served session: the explorer runs on the server, for someone at another machine.
    var served: Bool { (environment["FACETS_SERVE"] ?? "").isEmpty == false }

    /// The command line that opens `target`, or nil when there is no opener.
    func command(for target: String) -> [String]? {
        // $BROWSER may list several commands separated by ":"; the first is used, "%s" standing for the target.
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            let words = browser.split(separator: " ").map(String.init)
            return words.contains("%s") ? words.map { $0 == "%s" ? target : $0 } : words + [target]
        }
        for opener in ["xdg-open", "open"] {
            if let path = executable(named: opener) { return [path, target] }
        }
        return nil
    }

    /// The first file called `name` on $PATH that may be run.
    func executable(named name: String) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// Opens `target` (or says why not, and copies it where that helps).
    public func open(_ target: String) -> Outcome {
        let shown = String(target.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        if served {
            return Outcome(message: "Opening happens on your own machine: copied \(shown)", copy: target)
        }
        if lofi { return Outcome(message: "No opener under --lofi: \(shown)", copy: nil) }
        guard let command = command(for: target) else {
            return Outcome(message: "No opener found (set $BROWSER or install xdg-open): copied \(shown)", copy: target)
        }
        if let failure = Self.spawnDetached(command) {
            return Outcome(message: "Could not start \(command[0]): \(failure)", copy: nil)
        }
        return Outcome(message: "Opening \(shown)", copy: nil)
    }

    /// Starts `command` in a new session with stdio on /dev/null and none of our other descriptors; a
    /// thread reaps it when it ends.
    /// Returns why it could not start, or nil.
    static func spawnDetached(_ command: [String]) -> String? {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        #if canImport(Glibc)
            // glibc's POSIX_SPAWN_SETSID (2.26 and later), which its headers show only to _GNU_SOURCE.
            posix_spawnattr_setflags(&attributes, 0x80)
        #elseif canImport(Darwin)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSID))
        #endif
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Our other descriptors stay ours: a browser that kept the watcher's inotify descriptor would
        // hold its watches after the explorer ends.
        facets_spawn_actions_close_from(&actions, 3)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let error = posix_spawnp(&pid, command[0], &actions, &attributes, &argv, environ)
        guard error == 0 else { return String(cString: strerror(error)) }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            _ = waitpid(child, &status, 0)
        }
        return nil
    }
}
