import CPty
import Foundation

/// Many interactive `ssh -tt` clients at once, each in its own pseudo-terminal (no tmux window per
/// client): waits until every one shows the explorer, then types `q` into each and collects exits.
struct PtyClients {
    struct Client {
        var pid: pid_t
        var master: Int32
        var tail: [UInt8] = []
        var sawUI = false
        var exit: Int32?
    }

    struct Outcome {
        var spawned = 0
        var sawUI = 0
        var exitedZero = 0
        var exited = 0
        var secondsToAllUI: Double?
        var secondsTotal = 0.0
        /// Explorer processes counted while every client was still connected.
        var explorersAtPeak = 0
    }

    /// Runs `count` clients; `atPeak` is called once all have shown `marker` (before anyone quits).
    static func run(
        count: Int, ssh: String, arguments: [String], marker: String, timeout: Double,
        atPeak: () -> Int
    ) -> Outcome {
        var outcome = Outcome()
        let start = Date()
        var clients: [Client] = []
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=" + NSHomeDirectory()]
        for _ in 0..<count {
            var master: Int32 = -1
            var pid: pid_t = 0
            let argv = [ssh] + arguments
            var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
            let error = cArgv.withUnsafeMutableBufferPointer { a in
                cEnv.withUnsafeMutableBufferPointer { e in facets_pty_spawn(ssh, a.baseAddress, e.baseAddress, 24, 80, &master, &pid) }
            }
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
            guard error == 0 else { continue }
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            clients.append(Client(pid: pid, master: master))
        }
        outcome.spawned = clients.count
        let markerBytes = Array(marker.utf8)
        var quitSent = false
        let deadline = start.addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)

        while Date() < deadline {
            var fds = clients.filter { $0.master >= 0 }.map { pollfd(fd: $0.master, events: Int16(POLLIN), revents: 0) }
            if !fds.isEmpty { _ = poll(&fds, nfds_t(fds.count), 100) } else { usleep(50_000) }
            for index in clients.indices where clients[index].master >= 0 {
                while true {
                    let n = read(clients[index].master, &buffer, buffer.count)
                    if n > 0 {
                        if !clients[index].sawUI {
                            clients[index].tail += buffer[0..<n]
                            if contains(clients[index].tail, markerBytes) {
                                clients[index].sawUI = true
                                clients[index].tail = []
                            } else if clients[index].tail.count > 4096 {
                                clients[index].tail.removeFirst(clients[index].tail.count - markerBytes.count)
                            }
                        }
                        continue
                    }
                    if n < 0 && errno == EAGAIN { break }
                    if n < 0 && errno == EINTR { continue }
                    // EIO: the client has gone.
                    close(clients[index].master)
                    clients[index].master = -1
                    break
                }
            }
            for index in clients.indices where clients[index].exit == nil {
                var code: Int32 = 0
                var signal: Int32 = 0
                if facets_pty_reap(clients[index].pid, &code, &signal) == 1 {
                    clients[index].exit = signal != 0 ? 128 + signal : code
                }
            }
            if !quitSent && clients.allSatisfy(\.sawUI) {
                outcome.secondsToAllUI = Date().timeIntervalSince(start)
                outcome.explorersAtPeak = atPeak()
                for client in clients where client.master >= 0 {
                    _ = write(client.master, "q", 1)
                }
                quitSent = true
            }
            if clients.allSatisfy({ $0.exit != nil }) { break }
        }
        for index in clients.indices where clients[index].exit == nil {
            kill(clients[index].pid, SIGKILL)
            var status: Int32 = 0
            waitpid(clients[index].pid, &status, 0)
        }
        for client in clients where client.master >= 0 { close(client.master) }
        outcome.sawUI = clients.filter(\.sawUI).count
        outcome.exited = clients.filter { $0.exit != nil }.count
        outcome.exitedZero = clients.filter { $0.exit == 0 }.count
        outcome.secondsTotal = Date().timeIntervalSince(start)
        return outcome
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && Array(haystack[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }
}
