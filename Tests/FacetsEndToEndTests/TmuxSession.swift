import ChildProcessSupport
import Foundation
import Testing

// A driver for the real `facets` binary in tmux, with the vocabulary of the in-process driver:
//
//     let tmux = try TmuxSession()
//     defer { tmux.close() }
//     try tmux.start(command: Facets.binary)
//     try tmux.waitFor("Practices")
//     tmux.press("j", "Enter")
//
// Each session has its own tmux server (a unique `-L` socket), so tests never see each other's
// windows or a person's own tmux. Nothing sleeps a fixed time: screens are polled until the text
// expected appears.

enum Facets {
    /// The package root: three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `.build/debug/facets`, which `swift build` (and so `swift test`) builds.
    static var binary: String { packageRoot.appendingPathComponent(".build/debug/facets").path }

    /// The binary's path, or a failed requirement saying how to get it.
    static func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = binary
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "no facets binary at \(path): build it first with `swift build` (or `swift build --build-tests`)",
            sourceLocation: sourceLocation)
        return path
    }

    /// Quotes a word for `sh -c`.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// The outcome of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The bytes as written, for checks that must see what a terminal would (`stdout` is empty when they
    /// are not valid UTF-8).
    var stdoutBytes: [UInt8] = []
    var stderrBytes: [UInt8] = []
}

/// Runs a program to its end (or kills it after `timeout` seconds) and collects its output. Started as a
/// shell would start it (`ChildProcess.spawn`: empty signal mask, default handlers, stdin /dev/null,
/// output in files) and reaped with `waitpid`.
func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    timeout: TimeInterval = 10
) throws -> ProcessResult {
    let folder = FileManager.default.temporaryDirectory
    let outPath = folder.appendingPathComponent("facets-e2e-\(UUID().uuidString).out").path
    let errPath = folder.appendingPathComponent("facets-e2e-\(UUID().uuidString).err").path
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    // Without an environment of its own, the test runner's, minus the developer's facets config.
    let environment =
        environment
        ?? ProcessInfo.processInfo.environment.merging(
            ["XDG_CONFIG_HOME": NSTemporaryDirectory() + "facets-tests-without-config"]) { $1 }.filter {
            $0.key != "FACETS_CONFIG" && $0.key != "FACETS_VAULT"
        }
    let pid: pid_t
    do {
        pid = try ChildProcess.spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath)
    } catch {
        throw TmuxError(description: error.description)
    }

    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { break }
        if reaped == -1, errno != EINTR {
            throw TmuxError(description: "waitpid for \(executable) failed: \(String(cString: strerror(errno)))")
        }
        if Date() > deadline {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            throw TmuxError(description: "\(executable) \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        usleep(2_000)
    }
    // Exited: the code in bits 8-15; killed: the signal in bits 0-6, reported as a shell does (128 + n).
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let stdoutBytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data())
    let stderrBytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data())
    return ProcessResult(
        status: code, stdout: String(validating: stdoutBytes, as: UTF8.self) ?? "",
        stderr: String(validating: stderrBytes, as: UTF8.self) ?? "",
        stdoutBytes: stdoutBytes, stderrBytes: stderrBytes)
}

final class TmuxSession {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    let socket = "facets-test-\(UUID().uuidString)"
    let name = "facets-\(UUID().uuidString.prefix(8))"
    private(set) var width: Int
    private(set) var height: Int
    private var started = false

    init(width: Int = 80, height: Int = 24, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(Self.tmux != nil, "tmux is not installed (apt-get install tmux)", sourceLocation: sourceLocation)
        self.width = width
        self.height = height
    }

    deinit { close() }

    /// Runs a tmux command on this session's own server.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // A small, fixed environment for the server (and so for the panes): nothing of the test runner's
        // (NO_COLOR, TMUX, ...) leaks in; each session adds its own with `-e`.
        let inherited = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
            // The developer's own ~/.config/facets/config.toml (rebound keys, a theme) must not
            // change what these tests see: point the config folder at one that holds none.
            "XDG_CONFIG_HOME": NSTemporaryDirectory() + "facets-tests-without-config",
        ]
        if let tmp = inherited["TMPDIR"] { environment["TMPDIR"] = tmp }
        let result = try runProcess(Self.tmux!, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Starts `command` (run by the shell) in a new detached session of this size, UTF-8 locale; the pane
    /// stays after the command ends so its exit status can be read.
    func start(command: String, environment: [String: String] = ["LANG": "C.UTF-8"]) throws {
        var arguments = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        // Set remain-on-exit in the same tmux call, before the command can possibly end.
        arguments += [command, ";", "set-option", "-w", "-t", name, "remain-on-exit", "on"]
        try tmux(arguments)
        started = true
    }

    /// Presses keys, named as `tmux send-keys` names them ("j", "Enter", "BSpace", "C-c", "PageDown").
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The pane as text, one line per row, trailing spaces trimmed (as capture-pane gives it).
    var screen: String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The scrollback and the pane together. Needed after a program ends: with remain-on-exit, tmux
    /// scrolls a dead pane up a line to make room for its "Pane is dead" note.
    var screenWithHistory: String {
        (try? tmux(["capture-pane", "-p", "-S", "-", "-t", name])) ?? ""
    }

    var lines: [String] {
        var lines = screen.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen every 50 ms until `condition` holds on a settled screen (the same in a capture
    /// 30 ms later); returns that screen. A capture can land in the middle of one refresh, while ncurses
    /// is still writing it, and a check of the whole screen must not read such a half-drawn one. A screen
    /// that holds the condition but never settles is returned at the deadline.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var heldUnsettled: String?
        while Date() < deadline {
            last = screen
            if condition(last) {
                usleep(30_000)
                let again = screen
                if again == last { return last }
                heldUnsettled = last
                continue
            }
            usleep(50_000)
        }
        if let heldUnsettled { return heldUnsettled }
        Issue.record("timed out after \(timeout) s waiting for \(what); the screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError(description: "timed out waiting for \(what)")
    }

    /// The screen once two captures 50 ms apart agree (at most `timeout`). A capture can land in the
    /// middle of one refresh, while ncurses is still writing it (a row scrolled away and not yet
    /// redrawn); checks of the whole screen read the settled one, which a real fault stays on.
    func settledScreen(timeout: TimeInterval = 3) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = screen
        while Date() < deadline {
            usleep(50_000)
            let current = screen
            if current == previous { return current }
            previous = current
        }
        return previous
    }

    /// Polls the screen until it contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(text.debugDescription, timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls until the screen no longer contains `text`.
    @discardableResult
    func waitForAbsence(of text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("\(text.debugDescription) to go", timeout: timeout, sourceLocation: sourceLocation) { !$0.contains(text) }
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(_ width: Int, _ height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
    }

    /// A tmux format for the pane (`#{pane_pid}`).
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The exit status once the pane's command has ended, else nil.
    var exitStatus: Int32? {
        guard let state = try? display("#{pane_dead}:#{pane_dead_status}") else { return nil }
        let parts = state.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "1", let status = Int32(parts[1]) else { return nil }
        return status
    }

    /// Polls until the pane's command has ended; returns its exit status.
    ///
    /// tmux 3.3a on this kind of machine sometimes misses the SIGCHLD of a pane's process (about one
    /// exit in ten, with any program, from any shell): the pane is then dead but its process stays a
    /// zombie and `pane_dead_status` stays empty. A SIGCHLD sent to this test's own tmux server makes
    /// it reap the process and fill the status in.
    func waitForExit(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var deadWithoutStatus = 0
        while Date() < deadline {
            if let status = exitStatus { return status }
            if (try? display("#{pane_dead}")) == "1" {
                deadWithoutStatus += 1
                if deadWithoutStatus % 5 == 0, let server = Int32((try? display("#{pid}")) ?? "") {
                    kill(server, SIGCHLD)
                }
            }
            usleep(50_000)
        }
        let pane = (try? display("#{pane_pid} dead=#{pane_dead} status=#{pane_dead_status}")) ?? "?"
        let pid = pane.split(separator: " ").first.map(String.init) ?? ""
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "(no process)"
        Issue.record(
            "the program did not exit within \(timeout) s (pane \(pane); /proc stat: \(state)); the screen:\n\(screen)",
            sourceLocation: sourceLocation)
        throw TmuxError(description: "no exit")
    }

    /// The pid of the first process named `command` at or below the pane's process.
    func pid(of command: String) throws -> Int32? {
        guard let root = Int32(try display("#{pane_pid}")) else { return nil }
        var queue = [root]
        while !queue.isEmpty {
            let pid = queue.removeFirst()
            let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if comm == command { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { Int32($0) }
        }
        return nil
    }

    /// Ends this session's tmux server (and with it anything still running in it).
    func close() {
        guard started else { return }
        started = false
        _ = try? tmux(["kill-server"])
    }
}
