import Foundation
import Testing

/// `facets serve` end to end: the real binary, the real OpenSSH client (interactive ones in tmux),
/// loopback only. Each test has its own port, XDG_STATE_HOME, keys and vault copy.
@Suite("facets serve over SSH", .serialized)
struct ServeTests {
    @Test(
        "the host key is made once with mode 0600, reused, matches ssh-keygen -l, and refused when others can read it",
        .timeLimit(.minutes(3)))
    func hostKey() throws {
        let workspace = try Workspace()
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: try workspace.clientKey("id") + ".pub", encoding: .utf8))
        let keyPath = workspace.statePath + "/facets/ssh_host_ed25519_key"

        let first = try ServeProcess(workspace, ["--authorized-keys", keys])
        #expect(first.fingerprint.hasPrefix("SHA256:"))
        #expect(first.output.contains("ssh -p \(first.port) workshop@localhost"), "the banner says how to connect")
        #expect(first.stop() == 0)
        var info = stat()
        #expect(stat(keyPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600, "host key mode is \(String(info.st_mode & 0o777, radix: 8))")
        let keygen = try Harness.run(try Harness.tool("ssh-keygen"), ["-l", "-f", keyPath])
        #expect(keygen.stdout.contains(first.fingerprint), "ssh-keygen -l says \(keygen.stdout), the server said \(first.fingerprint)")

        let second = try ServeProcess(workspace, ["--authorized-keys", keys])
        #expect(second.fingerprint == first.fingerprint, "a later start reuses the key")
        #expect(second.stop() == 0)

        chmod(keyPath, 0o644)
        let refused = try Harness.run(
            try Harness.facetsBinary(), ["serve", "--authorized-keys", keys, "--port", "0"],
            environment: workspace.environment, timeout: 10)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("can be read by others"), "stderr: \(refused.stderr)")
    }

    @Test(
        "an authorized key gets the explorer: it navigates, resizes, quits, and its process is gone; it has the server's config",
        .timeLimit(.minutes(3)))
    func keySession() throws {
        let workspace = try Workspace()
        let identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let vault = try workspace.vault()
        // The server finds its config through XDG_CONFIG_HOME, which sessions do not get: the file must
        // reach the explorer as --config. Its effect: x moves down, as j does by default.
        try FileManager.default.createDirectory(atPath: workspace.configHome + "/facets", withIntermediateDirectories: true)
        let config = try workspace.write("config/facets/config.toml", "[keys]\nmove_down = [\"j\", \"x\"]\n")
        let server = try ServeProcess(workspace, ["--vault", vault, "--authorized-keys", keys])
        defer { server.stop() }
        let tmux = try Tmux(environment: workspace.environment)

        try tmux.start("a", width: 100, height: 30, try server.interactiveSSH(identity: identity))
        let (shown, first) = tmux.waitForScreen("a") { $0.contains("Facets") && $0.contains("Start here") }
        #expect(shown, "the explorer did not appear:\n\(first)\n\(server.log)")
        let started = server.logLines(containing: "session 1 started:").first ?? ""
        #expect(started.contains("key SHA256:") && started.contains("100x30"), "log: \(server.log)")
        let pid = try #require(server.pid(ofSession: 1), "log: \(server.log)")
        #expect(Harness.pgrep("facets --vault \(vault) --config \(config)$") == [pid], "one explorer runs, with --vault and --config")

        try tmux.keys("a", "x")
        let (moved, afterMove) = tmux.waitForScreen("a") { $0 != first && !$0.contains("─ Start here ─") }
        #expect(moved, "x (move_down in the server's config) changed nothing:\n\(afterMove)")

        try tmux.resize("a", width: 70, height: 20)
        let (resized, small) = tmux.waitForScreen("a") { screen in
            let top = screen.split(separator: "\n").first.map(String.init) ?? ""
            return top.count == 70 && top.hasSuffix("┐")
        }
        #expect(resized, "the explorer did not redraw at 70x20:\n\(small)")

        try tmux.keys("a", "q")
        let (quit, last) = tmux.waitForScreen("a") { $0.contains("SSH-EXIT=") }
        #expect(quit && last.contains("SSH-EXIT=0"), "ssh did not end with 0:\n\(last)")
        #expect(Harness.waitUntil(5) { !server.logLines(containing: "session 1 ended:").isEmpty }, "log: \(server.log)")
        #expect(server.logLines(containing: "session 1 ended:").first?.contains("exit 0") == true)
        #expect(Harness.waitUntil(5) { !Harness.isAlive(pid) }, "the explorer \(pid) is still there")
        #expect(Harness.pgrep("facets --vault \(vault) --config \(config)$").isEmpty)
        #expect(server.stop() == 0)
    }

    @Test(
        "an edit to the served vault reaches an open session with no key pressed, and a session started later",
        .timeLimit(.minutes(3)))
    func liveReload() throws {
        let serving = try KeyedServer()
        let server = serving.server, tmux = serving.tmux, vault = serving.vault
        defer { server.stop() }

        try serving.connect("a")
        let (shown, first) = tmux.waitForScreen("a") { $0.contains("─ Start here ─") }
        #expect(shown, "the explorer did not appear:\n\(first)\n\(server.log)")

        // The note on screen, edited on the server's disk: each session watches the vault.
        let note = vault + "/start_here.md"
        let text = try String(contentsOfFile: note, encoding: .utf8)
        try #require(text.contains("title: Start here\n"))
        try text.replacingOccurrences(of: "title: Start here\n", with: "title: Edited on the server\n")
            .write(toFile: note, atomically: false, encoding: .utf8)
        let (followed, edited) = tmux.waitForScreen("a") { $0.contains("─ Edited on the server ─") }
        #expect(followed, "the open session did not follow the edit:\n\(edited)\n\(server.log)")

        try serving.connect("b")
        let (later, second) = tmux.waitForScreen("b") { $0.contains("─ Edited on the server ─") }
        #expect(later, "a session started after the edit shows the old note:\n\(second)")

        try tmux.keys("a", "q")
        try tmux.keys("b", "q")
        #expect(tmux.waitForScreen("a") { $0.contains("SSH-EXIT=0") }.0)
        #expect(tmux.waitForScreen("b") { $0.contains("SSH-EXIT=0") }.0)
        #expect(server.stop() == 0)
    }

    @Test(
        "wrong keys and passwords are refused, slower each time; exec, sftp and forwarding are refused",
        .timeLimit(.minutes(3)))
    func refusals() throws {
        let workspace = try Workspace()
        let identity = try workspace.clientKey("attendee")
        let stranger = try workspace.clientKey("stranger")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let password = try workspace.write("password", "open sesame\n")
        let askpass = try workspace.write("askpass", "#!/bin/sh\nprintf '%s\\n' \"$FACETS_TEST_PASSWORD\"\n", mode: 0o700)
        let server = try ServeProcess(workspace, ["--authorized-keys", keys, "--password-file", password])
        defer { server.stop() }
        let ssh = try Harness.tool("ssh")
        let target = "workshop@127.0.0.1"

        // The right key, but commands are not what this server offers.
        let exec = try Harness.run(ssh, server.sshOptions(identity: identity) + [target, "cat", "/etc/passwd"])
        #expect(exec.status == 255 && exec.stderr.contains("exec request failed"), "exec: \(exec)")
        #expect(!exec.stdout.contains("root:"))
        let sftp = try Harness.run(ssh, server.sshOptions(identity: identity) + ["-s", target, "sftp"])
        #expect(sftp.status == 255 && sftp.stderr.contains("subsystem request failed"), "sftp: \(sftp)")
        let stdio = try Harness.run(ssh, server.sshOptions(identity: identity) + ["-W", "127.0.0.1:\(server.port)", target])
        #expect(stdio.status == 255 && stdio.stderr.contains("forwarding failed"), "-W: \(stdio)")
        let remote = try Harness.run(
            ssh, server.sshOptions(identity: identity) + ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", target])
        #expect(remote.status == 255 && remote.stderr.contains("remote port forwarding failed"), "-R: \(remote)")
        let noTerminal = try Harness.run(ssh, server.sshOptions(identity: identity) + ["-T", target])
        #expect(noTerminal.status == 1 && noTerminal.stderr.contains("needs a terminal"), "no pty: \(noTerminal)")
        #expect(server.logLines(containing: "refused exec \"cat /etc/passwd\"").count == 1)
        #expect(server.logLines(containing: "refused subsystem \"sftp\"").count == 1)

        // A key not in authorized_keys.
        let wrongKey = try Harness.run(ssh, server.sshOptions(identity: stranger) + [target, "true"])
        #expect(wrongKey.status == 255 && wrongKey.stderr.contains("Permission denied"), "wrong key: \(wrongKey)")

        // Wrong passwords: each failure makes the next answer to this address wait longer.
        func tryPassword(_ word: String) throws -> Harness.Result {
            var environment = workspace.environment
            environment["SSH_ASKPASS"] = askpass
            environment["SSH_ASKPASS_REQUIRE"] = "force"
            environment["FACETS_TEST_PASSWORD"] = word
            environment.removeValue(forKey: "DISPLAY")
            return try Harness.run(
                ssh, server.sshOptions(batch: false) + ["-o", "NumberOfPasswordPrompts=1", "-T", target],
                environment: environment)
        }
        // The wrong key was failure 1; failures 2 and 3 are still free (a room's typos are not slowed).
        let wrong1 = try tryPassword("open says me")
        let wrong2 = try tryPassword("sesame open")
        let wrong3 = try tryPassword("open sesam")
        let wrong4 = try tryPassword("open  sesame")
        for wrong in [wrong1, wrong2, wrong3, wrong4] {
            #expect(wrong.status == 255 && wrong.stderr.contains("Permission denied"), "wrong password: \(wrong)")
        }
        // What the server says it waits, then that the waits happened: lower bounds only, which a busy
        // machine cannot break (comparing two ssh runs' durations failed on one).
        let waits = server.logLines(containing: "auth refused").map { line in
            line.firstMatch(of: /next answer waits ([0-9.]+ s)\)/).map { String($0.1) } ?? "none"
        }
        #expect(waits == ["none", "none", "none", "0.5 s", "1.0 s"], "3 free failures, then each doubles the next wait: \(server.log)")
        #expect(wrong4.seconds >= 0.5, "four failures before it: answered after \(wrong4.seconds) s")
        let right = try tryPassword("open sesame")
        #expect(right.status == 1 && right.stderr.contains("needs a terminal"), "right password: \(right)")
        #expect(right.seconds >= 1.0, "five failures before it: answered after \(right.seconds) s")
        #expect(server.logLines(containing: "auth refused").count == 5, "log: \(server.log)")
        #expect(server.logLines(containing: "(password)").count == 1, "the password session is logged as password")
        print(
            "serve refusals: wrong key \(String(format: "%.2f", wrongKey.seconds)) s, wrong passwords \([wrong1, wrong2, wrong3, wrong4].map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ")) s, right password after \(String(format: "%.2f", right.seconds)) s"
        )
        #expect(
            server.logLines(containing: "does not verify").isEmpty, "a stranger's key has a good signature: an ordinary refusal, not a forged one")
        #expect(server.stop() == 0)
    }

    @Test("50 concurrent sessions are all served at once and all close", .timeLimit(.minutes(2)))
    func fiftySessions() throws {
        let workspace = try Workspace()
        let identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let vault = try workspace.vault()
        let server = try ServeProcess(workspace, ["--vault", vault, "--authorized-keys", keys])
        defer { server.stop() }
        let ssh = try Harness.tool("ssh")
        let pattern = "facets --vault \(vault)$"

        let outcome = PtyClients.run(
            count: 50, ssh: ssh, arguments: ["-tt"] + server.sshOptions(identity: identity) + ["workshop@127.0.0.1"],
            marker: "Start here", timeout: 90
        ) { Harness.pgrep(pattern).count }
        print(
            "serve 50 sessions: all showed the explorer after \(outcome.secondsToAllUI.map { String(format: "%.1f", $0) } ?? "never") s, \(outcome.explorersAtPeak) explorers at once, all done after \(String(format: "%.1f", outcome.secondsTotal)) s"
        )
        #expect(outcome.spawned == 50)
        #expect(outcome.sawUI == 50, "\(outcome.sawUI) of 50 saw the explorer\n\(server.log.suffix(2000))")
        #expect(outcome.explorersAtPeak == 50, "explorers running at once: \(outcome.explorersAtPeak)")
        #expect(outcome.exitedZero == 50, "\(outcome.exitedZero) of 50 ssh clients exited 0")
        #expect(
            Harness.waitUntil(10) { server.logLines(containing: " ended: ").count == 50 }, "ended: \(server.logLines(containing: " ended: ").count)")
        #expect(server.logLines(containing: " started: ").count == 50)
        #expect(server.logLines(containing: " ended: ").allSatisfy { $0.contains("exit 0") })
        #expect(Harness.waitUntil(5) { Harness.pgrep(pattern).isEmpty }, "explorers left: \(Harness.pgrep(pattern))")
        #expect(server.logLines(containing: "does not verify").isEmpty, "fifty good key logins are none of them taken for forged signatures")
        #expect(server.stop() == 0)
    }

    @Test(
        "killing one session's explorer ends that session only; SIGTERM then closes the rest cleanly",
        .timeLimit(.minutes(3)))
    func killedExplorer() throws {
        let serving = try KeyedServer()
        let server = serving.server, tmux = serving.tmux, vault = serving.vault
        defer { server.stop() }
        let explorer: (String) -> Bool = { $0.contains("Facets") && $0.contains("Start here") }

        try serving.connect("victim")
        #expect(tmux.waitForScreen("victim", explorer).0)
        let victim = try #require(server.pid(ofSession: 1))
        for name in ["b", "c"] {
            try serving.connect(name)
            #expect(tmux.waitForScreen(name, explorer).0, "\(name) did not get the explorer")
        }

        kill(victim, SIGKILL)
        let (gone, victimScreen) = tmux.waitForScreen("victim") { $0.contains("SSH-EXIT=") }
        #expect(gone, "the killed session's client is still connected:\n\(victimScreen)")
        #expect(
            Harness.waitUntil(5) { server.logLines(containing: "session 1 ended:").first?.contains("killed by SIGKILL") == true },
            "log: \(server.log)")

        // The others still answer, and the server still takes newcomers.
        for name in ["b", "c"] {
            let before = tmux.screen(name)
            try tmux.keys(name, "j")
            let (answered, screen) = tmux.waitForScreen(name) { $0 != before }
            #expect(answered, "\(name) stopped answering:\n\(screen)\n\(server.log)")
        }
        try serving.connect("d")
        #expect(tmux.waitForScreen("d", explorer).0, "a new session after the kill did not get the explorer")
        #expect(Harness.pgrep("facets --vault \(vault)$").count == 3)

        // SIGTERM: every explorer restores its screen and exits, every client is told, the server exits 0.
        let start = Date()
        #expect(server.stop() == 0)
        let stopSeconds = Date().timeIntervalSince(start)
        for name in ["b", "c", "d"] {
            let (told, screen) = tmux.waitForScreen(name, seconds: 5) { $0.contains("facets serve is stopping") && $0.contains("SSH-EXIT=") }
            #expect(told, "\(name) was not closed cleanly:\n\(screen)")
        }
        #expect(Harness.pgrep("facets --vault \(vault)$").isEmpty)
        print("serve shutdown with 3 sessions took \(String(format: "%.2f", stopSeconds)) s")
    }

    @Test(
        "--open lets anyone in; --max-sessions turns the next one away with a message; --idle-timeout closes a quiet session",
        .timeLimit(.minutes(3)))
    func openAndLimits() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(workspace, ["--open", "--max-sessions", "1", "--idle-timeout", "4"])
        defer { server.stop() }
        #expect(server.output.contains("WARNING: --open"), "--open is announced loudly:\n\(server.output)")
        let tmux = try Tmux(environment: workspace.environment)

        // No key, no password (the client offers none): let in, logged as open.
        try tmux.start("seated", try server.interactiveSSH(identity: nil))
        #expect(tmux.waitForScreen("seated") { $0.contains("Start here") }.0)
        #expect(server.logLines(containing: "session 1 started:").first?.contains(" open, pid ") == true, "log: \(server.log)")
        let ssh = try Harness.tool("ssh")
        let turnedAway = try Harness.run(ssh, ["-tt"] + server.sshOptions() + ["workshop@127.0.0.1"])
        #expect(turnedAway.status == 1 && turnedAway.stdout.contains("all 1 seats are taken"), "turned away: \(turnedAway)")
        #expect(server.logLines(containing: "turned away").count == 1)

        let (closed, screen) = tmux.waitForScreen("seated", seconds: 15) { $0.contains("SSH-EXIT=") }
        #expect(closed && screen.contains("without input"), "the idle session was not closed:\n\(screen)")
        #expect(server.logLines(containing: "no input for").count == 1, "log: \(server.log)")

        // The seat is free again.
        try tmux.start("next", try server.interactiveSSH(identity: nil))
        #expect(tmux.waitForScreen("next") { $0.contains("Start here") }.0)
        #expect(server.stop() == 0)
    }

    @Test("with --follow, an attendee's explorer opens the entry the presenter opens", .timeLimit(.minutes(3)))
    func followThePresenter() throws {
        let workspace = try Workspace()
        let identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let vault = try workspace.vault()
        let channel = workspace.path("presenter.json")
        let tmux = try Tmux(environment: workspace.environment)

        let presenter = [try Harness.facetsBinary(), "--vault", vault, "--publish", channel].map(ServeProcess.quote).joined(separator: " ")
        try tmux.start("presenter", width: 100, height: 30, presenter + "; sleep 120")
        #expect(tmux.waitForScreen("presenter") { $0.contains("Start here") }.0)
        #expect(Harness.waitUntil(5) { FileManager.default.fileExists(atPath: channel) }, "the presenter published nothing")

        let server = try ServeProcess(workspace, ["--vault", vault, "--authorized-keys", keys, "--follow", "--presenter-file", channel])
        defer { server.stop() }
        #expect(server.output.contains("--follow \(channel)"))
        try tmux.start("attendee", width: 100, height: 30, try server.interactiveSSH(identity: identity))
        let (following, before) = tmux.waitForScreen("attendee") { $0.contains("Following the presenter") }
        #expect(following, "the attendee is not following:\n\(before)")
        #expect(Harness.pgrep("facets --vault \(vault) --follow \(channel)$").count == 1)
        #expect(!before.contains("Keeping pace with change"))

        // The presenter moves down the tree to Motivations: its detail pane opens the first one.
        try tmux.keys("presenter", "j")
        try tmux.keys("presenter", "j")
        let (presenterMoved, presenterScreen) = tmux.waitForScreen("presenter") { $0.contains("─ Keeping pace with change ─") }
        #expect(presenterMoved, "the presenter did not open the entry:\n\(presenterScreen)")
        let (followed, after) = tmux.waitForScreen("attendee") { $0.contains("─ Keeping pace with change ─") }
        #expect(followed, "the attendee did not follow:\n\(after)")
        #expect(server.stop() == 0)
    }
}
