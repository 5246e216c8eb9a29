import CPty
import Foundation

/// Plain TCP connections that say nothing: the pre-login flood of issue 25. Loopback only, bounded.
final class IdleConnections {
    private(set) var sockets: [Int32] = []

    /// Opens `count` connections from `source` (an address in 127.0.0.0/8) to `port`; those the server
    /// refuses are still counted (their sockets read EOF).
    init(count: Int, from source: String, port: Int) {
        for _ in 0..<count {
            if let fd = Self.connect(from: source, port: port) { sockets.append(fd) }
        }
    }

    deinit { closeAll() }

    func closeAll() {
        for fd in sockets { close(fd) }
        sockets = []
    }

    static func connect(from source: String, port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr)
        let ok =
            withUnsafePointer(to: &local) { bindAddress in
                bindAddress.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            && withUnsafePointer(to: &remote) { remoteAddress in
                remoteAddress.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        guard ok else {
            close(fd)
            return nil
        }
        return fd
    }

    /// What the server said first on `fd` within `seconds`: its SSH banner, "" for a close without a
    /// word, nil when it said nothing yet.
    static func firstWords(_ fd: Int32, seconds: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(fd, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    /// Waits up to `seconds` for the server to close `fd` (reading and dropping what it sends).
    static func closedByServer(_ fd: Int32, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { return true }
        }
        return false
    }
}

/// One OpenSSH client in a pseudo-terminal we hold: screen bytes are read only when asked (a client
/// that never reads is one that never calls `pump`), keys and window sizes are ours to send.
final class PtySSH {
    let pid: pid_t
    let master: Int32
    private(set) var seen: [UInt8] = []
    private(set) var exit: Int32?

    init(ssh: String, arguments: [String], columns: Int = 100, rows: Int = 30, environment extra: [String: String] = [:]) throws {
        var environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSHomeDirectory()]
        environment.merge(extra) { $1 }
        let argv = [ssh] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var master: Int32 = -1
        var pid: pid_t = 0
        let error = cArgv.withUnsafeMutableBufferPointer { a in
            cEnv.withUnsafeMutableBufferPointer { e in
                facets_pty_spawn(ssh, a.baseAddress, e.baseAddress, UInt16(clamping: rows), UInt16(clamping: columns), &master, &pid)
            }
        }
        guard error == 0 else { throw ServeTestError("cannot start ssh in a pty: \(error)") }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.pid = pid
        self.master = master
    }

    deinit {
        if exit == nil {
            Glibc.kill(pid, SIGKILL)
            _ = Spawn.wait(pid, timeout: 5)
        }
        close(master)
    }

    var text: String { String(decoding: seen, as: UTF8.self) }

    /// Reads what is there (keeping the last 256 KiB) and notes an exit.
    func pump() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n > 0 {
                seen += buffer[0..<n]
                if seen.count > 262_144 { seen.removeFirst(seen.count - 262_144) }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            break
        }
        if exit == nil { exit = Spawn.reap(pid) }
    }

    /// Reads until the output contains `marker` or `seconds` pass.
    @discardableResult
    func waitFor(_ marker: String, seconds: Double = 15) -> Bool {
        Harness.waitUntil(seconds) {
            pump()
            return text.contains(marker)
        }
    }

    func waitForExit(seconds: Double = 15) -> Int32? {
        Harness.waitUntil(seconds) {
            pump()
            return exit != nil
        }
        return exit
    }

    /// Writes keys without blocking; returns how many bytes went (0 when ssh is not taking input).
    @discardableResult
    func type(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        return max(0, bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) })
    }

    /// Sets the terminal size; ssh gets SIGWINCH and sends a window-change request.
    func resize(columns: Int, rows: Int) {
        _ = facets_pty_resize(master, UInt16(clamping: rows), UInt16(clamping: columns))
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
        exit = Spawn.wait(pid, timeout: 5)
    }
}

/// A process's resident memory in KiB from /proc (`RssAnon`: its heap and stacks, leaving out the
/// pages of its binary and libraries, which grow as more of the code runs), nil when it is gone.
func residentKiB(_ pid: pid_t, field: String = "RssAnon") -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
    else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
}

/// A process's state, wait channel and threads from /proc, for a message about a process that will not end.
func processState(_ pid: pid_t) -> String {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return "pid \(pid) gone" }
    let fields = status.split(separator: "\n").filter {
        $0.hasPrefix("State:") || $0.hasPrefix("Threads:") || $0.hasPrefix("SigPnd:") || $0.hasPrefix("ShdPnd:")
    }
    let channel = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? "?"
    return "pid \(pid) " + fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: ", ") + ", wchan \(channel)"
}
