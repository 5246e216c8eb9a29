import Crypto
import Foundation
import NIOCore
import NIOSSH
import Testing

/// Issue 25: the attacks a probe of `facets serve` found, each reproduced against the real binary with
/// the real OpenSSH client where it can make the request, and the scripted client where it cannot.
@Suite("facets serve under attack", .serialized)
struct AttackTests {
    /// A key-authenticated server on a vault copy, and the attendee's key.
    static func keyServer(_ workspace: Workspace, _ extra: [String] = []) throws -> (ServeProcess, String, String) {
        let identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let vault = try workspace.vault()
        return (try ServeProcess(workspace, ["--vault", vault, "--authorized-keys", keys] + extra), identity, vault)
    }

    @Test(
        "200 idle connections from 127.0.0.1 hold 64 slots; ssh -b 127.0.0.2 reaches the explorer within 2 s",
        .timeLimit(.minutes(3)))
    func flood() throws {
        let workspace = try Workspace()
        let (server, identity, _) = try Self.keyServer(workspace)
        defer { server.stop() }
        let flood = IdleConnections(count: 200, from: "127.0.0.1", port: server.port)
        #expect(flood.sockets.count == 200)
        // Every flood connection has been answered: a banner (held) or a close (refused).
        let answers = flood.sockets.map { IdleConnections.firstWords($0, seconds: 10) }
        let held = answers.filter { $0?.hasPrefix("SSH-2.0-") == true }.count
        #expect(held == 64, "one address holds at most --per-source-max-startups (64) slots; it held \(held)")
        #expect(answers.filter { $0 == "" }.count == 136)
        #expect(server.logLines(containing: "have not logged in yet").count < 10, "refusals are logged in summary:\n\(server.log)")

        let start = Date()
        let ssh = try PtySSH(
            ssh: try Harness.tool("ssh"),
            arguments: ["-tt", "-b", "127.0.0.2"] + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"])
        let reached = ssh.waitFor("Start here", seconds: 15)
        let seconds = Date().timeIntervalSince(start)
        #expect(reached, "no explorer during the flood:\n\(ssh.text)\n\(server.log)")
        #expect(seconds < 2, "reached the explorer after \(seconds) s during the flood")
        print(
            "serve flood: 200 idle connections from 127.0.0.1, \(held) held; ssh -b 127.0.0.2 saw the explorer after \(String(format: "%.2f", seconds)) s"
        )
        ssh.type("q")
        #expect(ssh.waitForExit() == 0)
        #expect(server.stop() == 0)
    }

    @Test(
        "past --max-startups new connections are dropped; one that does not log in within --login-grace-time is closed",
        .timeLimit(.minutes(3)))
    func beforeLogin() throws {
        let workspace = try Workspace()
        // A grace time long enough that the three first connections are surely still open when the
        // fourth arrives, even on a busy machine.
        let server = try ServeProcess(workspace, ["--open", "--login-grace-time", "5", "--max-startups", "3:100:3"])
        defer { server.stop() }
        let first = ["127.0.0.3", "127.0.0.4", "127.0.0.5"].compactMap { IdleConnections.connect(from: $0, port: server.port) }
        defer { first.forEach { close($0) } }
        #expect(first.map { IdleConnections.firstWords($0, seconds: 10)?.hasPrefix("SSH-2.0-") == true } == [true, true, true])
        let fourth = try #require(IdleConnections.connect(from: "127.0.0.6", port: server.port))
        defer { close(fourth) }
        #expect(IdleConnections.firstWords(fourth, seconds: 10) == "", "the fourth was not dropped")
        #expect(server.logLines(containing: "dropped a connection from 127.0.0.6").count == 1, "log:\n\(server.log)")

        // Five seconds to log in, then closed (within 20 s on a busy machine).
        for fd in first { #expect(IdleConnections.closedByServer(fd, seconds: 20)) }
        #expect(!server.logLines(containing: "not logged in within 5.0 s").isEmpty, "log:\n\(server.log)")
        let after = try #require(IdleConnections.connect(from: "127.0.0.6", port: server.port))
        defer { close(after) }
        #expect(IdleConnections.firstWords(after, seconds: 10)?.hasPrefix("SSH-2.0-") == true, "the slots are free again")
        #expect(server.stop() == 0)
    }

    @Test(
        "parallel wrong passwords from one address shut it out; an address nearby is not punished",
        .timeLimit(.minutes(2)))
    func parallelGuessing() throws {
        let workspace = try Workspace()
        let password = try workspace.write("password", "open sesame\n")
        let askpass = try workspace.write("askpass", "#!/bin/sh\nprintf '%s\\n' \"$FACETS_TEST_PASSWORD\"\n", mode: 0o700)
        let server = try ServeProcess(workspace, ["--password-file", password, "--max-auth-failures", "5", "--penalty-time", "60"])
        defer { server.stop() }
        let ssh = try Harness.tool("ssh")
        func arguments(from source: String) -> [String] {
            ["-b", source] + server.sshOptions(batch: false) + ["-o", "NumberOfPasswordPrompts=1", "-T", "workshop@127.0.0.1"]
        }
        func environment(_ word: String) -> [String: String] {
            var environment = workspace.environment
            environment["SSH_ASKPASS"] = askpass
            environment["SSH_ASKPASS_REQUIRE"] = "force"
            environment["FACETS_TEST_PASSWORD"] = word
            environment.removeValue(forKey: "DISPLAY")
            return environment
        }
        // 30 guesses at once, as a guesser with many connections would.
        let pids = try (0..<30).map { index in
            try Spawn.start(
                ssh, arguments(from: "127.0.0.1"), environment: environment("guess \(index)"),
                stdout: "/dev/null", stderr: workspace.path("guess-\(index).err"))
        }
        for pid in pids {
            if Spawn.wait(pid, timeout: 60) == nil {
                kill(pid, SIGKILL)
                _ = Spawn.wait(pid, timeout: 5)
            }
        }
        let answered = server.logLines(containing: "auth refused").count
        #expect(answered >= 5 && answered <= 7, "after 5 failures the address is shut out; \(answered) guesses were answered:\n\(server.log)")
        #expect(server.logLines(containing: "shutting out 127.0.0.1 for 1 min 0 s").count == 1, "log:\n\(server.log)")

        let shutOut = try Harness.run(ssh, arguments(from: "127.0.0.1"), environment: environment("open sesame"))
        #expect(shutOut.status == 255 && !shutOut.stderr.contains("needs a terminal"), "the right password from the shut-out address: \(shutOut)")
        let neighbour = try Harness.run(ssh, arguments(from: "127.0.0.2"), environment: environment("open sesame"))
        #expect(neighbour.status == 1 && neighbour.stderr.contains("needs a terminal"), "another address: \(neighbour)")
        print("serve parallel guessing: 30 guesses at once, \(answered) answered before the address was shut out")
        #expect(server.stop() == 0)
    }

    @Test("ssh -Y (X11) and a break (~B) are refused and logged; the session carries on", .timeLimit(.minutes(3)))
    func x11AndBreak() throws {
        let workspace = try Workspace()
        let (server, identity, vault) = try Self.keyServer(workspace)
        defer { server.stop() }
        let ssh = try PtySSH(
            ssh: try Harness.tool("ssh"),
            // -Y: with no X server to ask, ssh still sends x11-req (with a made-up cookie).
            arguments: ["-tt", "-Y"] + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"],
            environment: ["DISPLAY": "127.0.0.1:97", "XAUTHORITY": workspace.path("Xauthority")])
        #expect(ssh.waitFor("Start here"), "no explorer with -X:\n\(ssh.text)\n\(server.log)")
        #expect(Harness.waitUntil(5) { !server.logLines(containing: "refused X11 forwarding").isEmpty }, "log:\n\(server.log)")
        ssh.type("\r")
        usleep(200_000)
        ssh.type("~B")
        #expect(Harness.waitUntil(5) { !server.logLines(containing: "refused a break request").isEmpty }, "log:\n\(server.log)")
        usleep(500_000)
        ssh.pump()
        #expect(ssh.exit == nil, "the connection was dropped:\n\(ssh.text)")
        #expect(server.logLines(containing: "session 1 ended").isEmpty)
        #expect(Harness.pgrep("facets --vault \(vault)$").count == 1, "the explorer still runs")
        ssh.kill()
        #expect(server.stop() == 0)
    }

    @Test("one connection gets one session: a second channel (ssh ControlMaster) is refused", .timeLimit(.minutes(3)))
    func oneSessionPerConnection() throws {
        let workspace = try Workspace()
        let (server, identity, vault) = try Self.keyServer(workspace)
        defer { server.stop() }
        let ssh = try Harness.tool("ssh")
        let control = workspace.path("control")
        let first = try PtySSH(
            ssh: ssh,
            arguments: ["-tt", "-o", "ControlMaster=yes", "-o", "ControlPath=\(control)"]
                + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"])
        #expect(first.waitFor("Start here"), "no explorer:\n\(first.text)")
        #expect(Harness.waitUntil(5) { FileManager.default.fileExists(atPath: control) })
        let second = try Harness.run(
            ssh,
            ["-tt", "-o", "ControlMaster=no", "-o", "ControlPath=\(control)"]
                + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"], timeout: 15)
        #expect(second.status != 0, "a second session on the same connection: \(second)")
        #expect(server.logLines(containing: "refused a second session channel").count == 1, "log:\n\(server.log)")
        #expect(Harness.pgrep("facets --vault \(vault)$").count == 1, "one seat taken")
        first.kill()
        #expect(server.stop() == 0)
    }

    @Test("a public-key login with a forged signature is logged and counted as a failed login", .timeLimit(.minutes(3)))
    func forgedSignature() throws {
        let workspace = try Workspace()
        let attendee = Curve25519.Signing.PrivateKey()
        let line = String(openSSHPublicKey: NIOSSHPrivateKey(ed25519Key: attendee).publicKey)
        let keys = try workspace.write("authorized_keys", line + " attendee\n")
        let server = try ServeProcess(workspace, ["--authorized-keys", keys, "--max-auth-failures", "2"])
        defer { server.stop() }
        let fingerprint = FingerprintForTest.of(attendee)
        for _ in 0..<2 {
            let client = try ScriptedClient(port: server.port, login: .forgedKey(signer: Curve25519.Signing.PrivateKey(), claimed: attendee))
            #expect(throws: (any Error).self) { try client.openSession(timeout: .seconds(10)) }
            client.close()
        }
        Harness.waitUntil(5) { server.logLines(containing: "with a signature that does not verify").count >= 2 }
        let refused = server.logLines(containing: "with a signature that does not verify")
        #expect(refused.count == 2 && refused.allSatisfy { $0.contains(fingerprint) }, "log:\n\(server.log)")
        #expect(server.logLines(containing: "shutting out 127.0.0.1").count == 1, "forged signatures count toward the penalty")
        #expect(server.stop() == 0)
    }

    @Test("TERM=.. falls back to xterm-256color; the explorer runs in the vault folder at most 500x200", .timeLimit(.minutes(3)))
    func termCwdAndSize() throws {
        let workspace = try Workspace()
        let (server, identity, vault) = try Self.keyServer(workspace)
        defer { server.stop() }
        let ssh = try PtySSH(
            ssh: try Harness.tool("ssh"), arguments: ["-tt"] + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"],
            columns: 1000, rows: 1000, environment: ["TERM": ".."])
        #expect(ssh.waitFor("Start here", seconds: 20), "no explorer with TERM=..:\n\(server.log)")
        let started = server.logLines(containing: "session 1 started:").first ?? ""
        #expect(started.hasSuffix("500x200 xterm-256color"), "log: \(server.log)")
        let pid = try #require(server.pid(ofSession: 1))
        let cwd = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
        #expect(
            URL(fileURLWithPath: cwd).standardizedFileURL.path == URL(fileURLWithPath: vault).standardizedFileURL.path,
            "the explorer runs in \(cwd)")
        ssh.type("q")
        #expect(ssh.waitForExit() == 0)
        #expect(server.stop() == 0)
    }

    @Test("a host key in a folder others can write to is refused", .timeLimit(.minutes(3)))
    func hostKeyFolder() throws {
        let workspace = try Workspace()
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: try workspace.clientKey("id") + ".pub", encoding: .utf8))
        let first = try ServeProcess(workspace, ["--authorized-keys", keys])
        #expect(first.stop() == 0)
        chmod(workspace.statePath + "/facets", 0o777)
        let refused = try Harness.run(
            try Harness.facetsBinary(), ["serve", "--authorized-keys", keys, "--port", "0"],
            environment: workspace.environment, timeout: 10)
        #expect(refused.status == 2 && refused.stderr.contains("others can write to the host key folder"), "\(refused)")
        chmod(workspace.statePath + "/facets", 0o700)
    }

    @Test("user names with U+202E or U+2028 reach the log escaped", .timeLimit(.minutes(3)))
    func logEscaping() throws {
        let workspace = try Workspace()
        let password = try workspace.write("password", "open sesame\n")
        let server = try ServeProcess(workspace, ["--password-file", password])
        defer { server.stop() }
        let client = try ScriptedClient(port: server.port, user: "admin\u{202E}gpj.exe\u{2028}root", login: .password("nope"))
        #expect(throws: (any Error).self) { try client.openSession(timeout: .seconds(10)) }
        client.close()
        #expect(Harness.waitUntil(5) { !server.logLines(containing: "auth refused").isEmpty })
        let log = server.log
        #expect(log.contains("user \"admin?gpj.exe?root\""), "log:\n\(log)")
        #expect(!log.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x2028 })
        #expect(server.stop() == 0)
    }

    @Test(
        "server memory stays flat across four storms of keys and window changes from clients that stop reading",
        .timeLimit(.minutes(3)))
    func memoryAcrossStorms() throws {
        let workspace = try Workspace()
        let vault = try workspace.vault()
        let server = try ServeProcess(workspace, ["--vault", vault, "--open"])
        defer { server.stop() }
        var after: [Int] = []
        var peak = 0
        let before = residentKiB(server.pid) ?? 0
        for storm in 1...4 {
            // A client with a 1 GiB window that stops reading its socket once the explorer shows: every
            // window change makes the explorer redraw, and nothing the server sends is taken.
            let client = try ScriptedClient(port: server.port, login: .none, packetSize: 1 << 24)
            try client.openSession()
            client.pty(columns: 200, rows: 60)
            client.shell()
            #expect(Harness.waitUntil(15) { client.text.contains("Start here") }, "storm \(storm): no explorer")
            client.stopReading()
            let end = Date().addingTimeInterval(8)
            let keys = String(repeating: "jkJK", count: 4096)
            var flip = false
            var requests = 0
            while Date() < end {
                var written: EventLoopFuture<Void>?
                for _ in 0..<20 {
                    written = client.windowChange(columns: flip ? 400 : 300, rows: flip ? 150 : 100)
                    flip.toggle()
                }
                requests += 20
                client.type(keys)
                // Paced by what the server's socket takes: a client that queued faster than that only
                // measured how long the server needs to work through the backlog after the client left.
                _ = try? written?.wait()
                peak = max(peak, residentKiB(server.pid) ?? 0)
                usleep(20_000)
            }
            client.close()
            let closed = Date()
            let ended = Harness.waitUntil(60) { !server.logLines(containing: "session \(storm) ended").isEmpty }
            let explorer = server.pid(ofSession: storm).map { processState($0) } ?? "no pid"
            print(
                "serve storms: storm \(storm): \(requests) window changes; ended \(String(format: "%.1f", Date().timeIntervalSince(closed))) s after the client closed"
            )
            #expect(ended, "storm \(storm) did not end in 60 s; explorer: \(explorer); server: \(processState(server.pid))\n\(server.log)")
            usleep(300_000)
            after.append(residentKiB(server.pid) ?? 0)
        }
        print(
            "serve storms: server heap (RssAnon) \(before / 1024) MB before, after each storm \(after.map { "\($0 / 1024) MB" }.joined(separator: ", ")), peak \(peak / 1024) MB"
        )
        // RssAnon measured on this machine: before the fix 3 MB, then 15, 22, 22, 29 MB (peak 29); after
        // it 3 MB, then 3, 5, 8, 7 MB (peak 11), and in later runs 5, 9, 10, 11 and 3, 7, 7, 5, and 3, 6,
        // 10, 11 in a full CI run (the allocator keeps what it freed in different places from run to
        // run; the peak stays 11). The bounds sit between the two. (VmRSS also counts pages of the 64 MB
        // debug binary as more of its code runs, which is noise here.)
        let first = try #require(after.first)
        let last = try #require(after.last)
        #expect(last - first < 10 * 1024, "memory grows across storms: \(after) KiB")
        #expect(peak - before < 18 * 1024, "a storm took the server from \(before) KiB to \(peak) KiB")
        #expect(server.stop() == 0)
    }

    @Test("illegal request orders over a real connection are refused cleanly (scripted client)", .timeLimit(.minutes(3)))
    func illegalOrders() throws {
        let workspace = try Workspace()
        let vault = try workspace.vault()
        let server = try ServeProcess(workspace, ["--vault", vault, "--open"])
        defer { server.stop() }

        // Shell before pty-req: told a terminal is needed, exit status 1, closed.
        let early = try ScriptedClient(port: server.port, login: .none)
        try early.openSession()
        early.shell()
        #expect(early.waitFor { $0.contains(.closed) }, "events: \(early.received)")
        #expect(early.received.first == .success && early.received.contains(.exitStatus(1)))
        early.close()

        // Window change before pty-req (refused, no effect), then pty-req and shell; a second shell and a
        // second pty-req are refused and the explorer runs on.
        let client = try ScriptedClient(port: server.port, login: .none)
        try client.openSession()
        client.windowChange(columns: 300, rows: 90)
        client.pty(columns: 90, rows: 28)
        client.shell()
        #expect(client.waitFor { $0.count >= 2 }, "events: \(client.received)")
        #expect(client.received.prefix(2) == [.success, .success])
        #expect(Harness.waitUntil(10) { client.text.contains("Start here") }, "no explorer")
        client.shell()
        client.pty()
        #expect(client.waitFor { $0.count >= 4 }, "events: \(client.received)")
        #expect(Array(client.received.prefix(4)) == [.success, .success, .failure, .failure])
        #expect(
            server.logLines(containing: "session 1 started").first?.hasSuffix("90x28 xterm-256color") == true, "the pty-req's size: \(server.log)")

        // The explorer quits; keys sent after it ended are dropped and the connection is not torn down.
        client.type("q")
        #expect(client.waitFor { $0.contains(.exitStatus(0)) }, "events: \(client.received)")
        _ = try? client.type("jjj")?.wait()
        usleep(300_000)
        #expect(client.isConnected, "the connection was dropped")
        client.close()
        #expect(Harness.pgrep("facets --vault \(vault)$").isEmpty)
        #expect(server.stop() == 0)
    }
}

enum FingerprintForTest {
    /// SHA256:… as ssh-keygen -l prints it.
    static func of(_ key: Curve25519.Signing.PrivateKey) -> String {
        var blob: [UInt8] = []
        func append(_ bytes: [UInt8]) {
            let count = UInt32(bytes.count)
            blob += [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)] + bytes
        }
        append(Array("ssh-ed25519".utf8))
        append(Array(key.publicKey.rawRepresentation))
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}
