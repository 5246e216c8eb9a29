import ChildProcessSupport
import CPty
import Foundation
import Testing

/// Helpers for driving the real `facets serve` binary with the real OpenSSH client, on loopback only.
enum Harness {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug build of `facets` (built by `swift build` / `swift test`); FACETS_BINARY overrides it
    /// (for a build with another --scratch-path).
    static func facetsBinary() throws -> String {
        let path =
            ProcessInfo.processInfo.environment["FACETS_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? packageRoot.appending(path: ".build/debug/facets").path
        try #require(FileManager.default.isExecutableFile(atPath: path), "build facets first (swift build): \(path) is missing")
        return path
    }

    static func tool(_ name: String) throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/bin"] {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        try #require(Bool(false), "\(name) is not installed (.ci/run installs openssh-client and tmux)")
        return name
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    @discardableResult
    static func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if condition() { return true }
            if Date() >= deadline { return false }
            usleep(50_000)
        }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs a program to the end (stdin from /dev/null), killing it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 20) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "facets-serve-run-\(UUID().uuidString)").path
        defer {
            unlink(scratch + ".out")
            unlink(scratch + ".err")
        }
        let start = Date()
        let pid = try Spawn.start(
            executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            stdout: scratch + ".out", stderr: scratch + ".err")
        let status =
            Spawn.wait(pid, timeout: timeout)
            ?? {
                kill(pid, SIGKILL)
                return Spawn.wait(pid, timeout: 5) ?? -1
            }()
        return Result(
            status: status,
            stdout: (try? String(contentsOfFile: scratch + ".out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: scratch + ".err", encoding: .utf8)) ?? "",
            seconds: Date().timeIntervalSince(start))
    }

    /// PIDs whose command line matches `pattern` (pgrep -f).
    static func pgrep(_ pattern: String) -> [Int32] {
        guard let result = try? run("/usr/bin/pgrep", ["-f", pattern], timeout: 5) else { return [] }
        return result.stdout.split(separator: "\n").compactMap { Int32($0) }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        // A zombie still answers kill(0); look at /proc instead.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return !stat.contains(") Z ")
    }
}

/// A temporary folder per test: XDG_STATE_HOME, client keys, a private copy of the vault.
final class Workspace {
    let root: URL
    let tag = String(UUID().uuidString.prefix(8)).lowercased()

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "facets-serve-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appending(path: "state"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var statePath: String { root.appending(path: "state").path }
    /// XDG_CONFIG_HOME of the servers started here: `facets/config.toml` below it is their config file.
    var configHome: String { root.appending(path: "config").path }

    func path(_ name: String) -> String { root.appending(path: name).path }

    /// `ssh-keygen -t ed25519 -N '' -f NAME`; returns the private key path.
    @discardableResult
    func clientKey(_ name: String) throws -> String {
        let path = self.path(name)
        let result = try Harness.run(try Harness.tool("ssh-keygen"), ["-q", "-t", "ed25519", "-N", "", "-C", "\(name)@test", "-f", path])
        try #require(result.status == 0, "ssh-keygen failed: \(result.stderr)")
        return path
    }

    func write(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        let path = self.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode_t(mode))
        return path
    }

    /// A copy of the bundled notes at a path no other process has: `pgrep -f` finds exactly our explorers.
    func vault() throws -> String {
        let path = self.path("vault-\(tag)")
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.copyItem(at: Harness.packageRoot.appending(path: "Data"), to: URL(fileURLWithPath: path))
        }
        return path
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = statePath
        // The developer's own config must not reach these servers; a test that wants one writes it here.
        environment["XDG_CONFIG_HOME"] = configHome
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "FACETS_VAULT")
        environment.removeValue(forKey: "FACETS_CONFIG")
        return environment
    }
}

/// The real `facets serve`, started as a child process on a free loopback port (`--port 0`).
final class ServeProcess {
    let pid: pid_t
    let outPath: String
    let errPath: String
    private(set) var port = 0
    private(set) var fingerprint = ""
    private var status: Int32?

    init(_ workspace: Workspace, _ arguments: [String]) throws {
        let binary = try Harness.facetsBinary()
        let id = UUID().uuidString.prefix(6)
        outPath = workspace.path("serve-\(id).out")
        errPath = workspace.path("serve-\(id).err")
        pid = try Spawn.start(
            binary, ["serve"] + arguments + ["--host", "127.0.0.1", "--port", "0"],
            environment: workspace.environment, stdout: outPath, stderr: errPath)
        var exited: Int32?
        let listening = Harness.waitUntil(15) {
            exited = exited ?? Spawn.reap(pid)
            // The banner's last line: the fingerprint line is written after "listening on".
            return exited != nil || output.contains("Stop with Ctrl-C")
        }
        guard listening, exited == nil,
            let match = output.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/), let port = Int(match.1)
        else {
            if exited == nil {
                kill(pid, SIGKILL)
                exited = Spawn.wait(pid, timeout: 5)
            }
            status = exited
            throw ServeTestError("facets serve did not start (status \(exited.map(String.init) ?? "?")):\n\(output)\n\(log)")
        }
        self.port = port
        if let key = output.firstMatch(of: /host key  256 (SHA256:[A-Za-z0-9+\/]+)/) { fingerprint = String(key.1) }
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = Spawn.wait(pid, timeout: 5)
        }
    }

    var output: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var log: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    func logLines(containing text: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    /// The explorer pid the log gives for session `number`.
    func pid(ofSession number: Int) -> Int32? {
        guard let line = logLines(containing: "session \(number) started:").first,
            let match = line.firstMatch(of: /, pid (\d+),/)
        else { return nil }
        return Int32(match.1)
    }

    /// SIGTERM, then the exit status (SIGKILL after `timeout` seconds).
    @discardableResult
    func stop(timeout: Double = 15) -> Int32 {
        if let status { return status }
        if let early = Spawn.reap(pid) {
            status = early
            return early
        }
        kill(pid, SIGTERM)
        var result = Spawn.wait(pid, timeout: timeout)
        if result == nil {
            kill(pid, SIGKILL)
            result = Spawn.wait(pid, timeout: 5)
        }
        status = result ?? -1
        return status!
    }

    /// OpenSSH client arguments for this server (no user config, no agent, no known_hosts).
    func sshOptions(identity: String? = nil, batch: Bool = true) -> [String] {
        var options = [
            "-F", "/dev/null", "-p", "\(port)",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
            "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=0",
        ]
        options += ["-o", "BatchMode=\(batch ? "yes" : "no")"]
        if let identity { options += ["-i", identity] } else { options += ["-o", "PubkeyAuthentication=no"] }
        return options
    }

    /// A shell command line for an interactive `ssh -tt` that reports its exit status and lingers.
    func interactiveSSH(identity: String?) throws -> String {
        let ssh = try Harness.tool("ssh")
        let arguments = [ssh, "-tt"] + sshOptions(identity: identity) + ["workshop@127.0.0.1"]
        // A new line first: an explorer that was killed leaves the cursor wherever it was.
        return arguments.map(Self.quote).joined(separator: " ") + "; printf '\\r\\nSSH-EXIT=%d\\r\\n' $?; sleep 120"
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The set-up most session tests share: a server of a copy of the bundled notes that one client key
/// logs in to, and a tmux to run its clients in. The caller stops the server (`defer`).
struct KeyedServer {
    let workspace: Workspace
    let identity: String
    let vault: String
    let server: ServeProcess
    let tmux: Tmux

    init() throws {
        workspace = try Workspace()
        identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        vault = try workspace.vault()
        server = try ServeProcess(workspace, ["--vault", vault, "--authorized-keys", keys])
        tmux = try Tmux(environment: workspace.environment)
    }

    /// An interactive client in a tmux session of its own.
    func connect(_ name: String, width: Int = 100, height: Int = 30) throws {
        try tmux.start(name, width: width, height: height, try server.interactiveSSH(identity: identity))
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A private tmux server (`tmux -L SOCKET`) holding the interactive clients; `capture-pane -p` reads screens.
final class Tmux {
    let socket = "facets-serve-test-\(UUID().uuidString.prefix(8))"
    let binary: String
    let environment: [String: String]

    init(environment: [String: String]) throws {
        binary = try Harness.tool("tmux")
        self.environment = environment
    }

    deinit {
        _ = try? Harness.run(binary, ["-L", socket, "kill-server"], timeout: 5)
    }

    @discardableResult
    func command(_ arguments: [String]) throws -> Harness.Result {
        try Harness.run(binary, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment, timeout: 10)
    }

    func start(_ name: String, width: Int = 100, height: Int = 30, _ shellCommand: String) throws {
        let result = try command(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", shellCommand])
        try #require(result.status == 0, "tmux new-session failed: \(result.stderr)")
    }

    /// The session named exactly `name` (a bare name could also match a window named "bash"…).
    static func target(_ name: String) -> String { "=\(name):" }

    func screen(_ name: String) -> String {
        (try? command(["capture-pane", "-p", "-t", Self.target(name)]))?.stdout ?? ""
    }

    func keys(_ name: String, _ keys: String...) throws {
        try command(["send-keys", "-t", Self.target(name)] + keys)
    }

    func resize(_ name: String, width: Int, height: Int) throws {
        try command(["resize-window", "-t", Self.target(name), "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen of `name` satisfies `condition`; returns the last screen seen.
    @discardableResult
    func waitForScreen(_ name: String, seconds: Double = 15, _ condition: (String) -> Bool) -> (Bool, String) {
        var last = ""
        let ok = Harness.waitUntil(seconds) {
            last = screen(name)
            return condition(last)
        }
        return (ok, last)
    }
}

/// Children started as a shell would (`ChildProcess.spawn`) and reaped with waitpid: Foundation's Process
/// can miss a child that exits at once, as `tmux new-session -d` does, and then wait forever.
enum Spawn {
    static func start(
        _ executable: String, _ arguments: [String], environment: [String: String],
        stdout: String, stderr: String
    ) throws -> pid_t {
        do {
            return try ChildProcess.spawn(executable, arguments, environment: environment, stdout: stdout, stderr: stderr, mode: 0o644)
        } catch {
            throw ServeTestError(error.description)
        }
    }

    /// The exit status (128 + signal when killed) if `pid` has ended; nil while it runs.
    static func reap(_ pid: pid_t) -> Int32? {
        var code: Int32 = 0
        var signal: Int32 = 0
        switch facets_pty_reap(pid, &code, &signal) {
        case 1: return signal != 0 ? 128 + signal : code
        case 0: return nil
        default: return -1
        }
    }

    static func wait(_ pid: pid_t, timeout: Double) -> Int32? {
        var status: Int32?
        Harness.waitUntil(timeout) {
            status = reap(pid)
            return status != nil
        }
        return status
    }
}
