import Foundation
import Testing

/// Signals to the real explorer, run from an interactive shell in tmux as a person runs it: whatever
/// ends or stops it, the shell gets its terminal back exactly as it was (`stty -g` before and after,
/// measured in the same pane) and the alternate screen is left. (Ctrl-C as a key and SIGTERM's exit
/// status are in ExplorerEndToEndTests.)
@Suite("Signals end to end (tmux, a shell in the pane)", .serialized)
struct SignalEndToEndTests {
    /// Signals that end the explorer, with the status the shell should see (128 + the signal).
    @Test(
        "A terminating signal: the status says which, the terminal is as before",
        arguments: [
            (SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"),
        ])
    func terminatingSignal(_ signal: Int32, _ name: String) throws {
        let shell = try ShellPane()
        defer { shell.close() }
        try shell.run("stty -g > before")
        try shell.startExplorer()
        #expect(shell.alternateScreen, "the explorer draws on the alternate screen")
        let pid = try #require(try shell.tmux.pid(of: "facets"))
        #expect(kill(pid, signal) == 0)
        try shell.waitForExplorerToEnd()
        #expect(try shell.exitStatusOfLastCommand() == 128 + Int(signal), "\(name)")
        try shell.run("stty -g > after")
        #expect(shell.file("after") == shell.file("before"), "\(name): stty -g before \(shell.file("before")) after \(shell.file("after"))")
        #expect(!shell.alternateScreen, "\(name): the alternate screen is left")
        let screen = shell.tmux.screen
        #expect(!screen.contains("┌") && !screen.contains("Practices"), "\(name): no explorer left on the shell's screen:\n\(screen)")
    }

    @Test("SIGPIPE is ignored: the explorer carries on, then quits with the terminal as before")
    func sigpipe() throws {
        let shell = try ShellPane()
        defer { shell.close() }
        try shell.run("stty -g > before")
        try shell.startExplorer()
        let pid = try #require(try shell.tmux.pid(of: "facets"))
        let before = shell.tmux.screen
        #expect(kill(pid, SIGPIPE) == 0)
        // Still there and still answering keys.
        try shell.tmux.press("j", "j")
        try shell.tmux.waitUntil("the cursor to move after SIGPIPE") { $0 != before && $0.contains("Practices") }
        #expect(try shell.tmux.pid(of: "facets") == pid)
        try shell.tmux.press("q")
        try shell.waitForExplorerToEnd()
        #expect(try shell.exitStatusOfLastCommand() == 0)
        try shell.run("stty -g > after")
        #expect(shell.file("after") == shell.file("before"))
        #expect(!shell.alternateScreen)
    }

    enum Stop: String, CaseIterable, CustomTestStringConvertible {
        case controlZ = "Ctrl-Z", sigtstp = "SIGTSTP", sigstop = "SIGSTOP"
        var testDescription: String { rawValue }
    }

    @Test("Stopped and continued with fg: the shell had its terminal meanwhile; the explorer comes back whole", arguments: Stop.allCases)
    func stopAndContinue(_ how: Stop) throws {
        let shell = try ShellPane()
        defer { shell.close() }
        try shell.run("stty -g > before")
        try shell.startExplorer()
        try shell.tmux.press("j", "j", "j", "Tab")
        try shell.tmux.waitFor("─ Facets (4) ─")
        let shown = try shell.tmux.waitForStableScreen()
        let pid = try #require(try shell.tmux.pid(of: "facets"))
        switch how {
        case .controlZ: try shell.tmux.press("C-z")
        case .sigtstp: #expect(kill(pid, SIGTSTP) == 0)
        case .sigstop: #expect(kill(pid, SIGSTOP) == 0)
        }
        try shell.tmux.waitFor("Stopped")
        if how != .sigstop {
            // The explorer gave the terminal back before stopping (SIGSTOP gives it no chance).
            #expect(!shell.alternateScreen, "\(how): the shell's own screen while stopped")
            try shell.run("stty -g > during")
            #expect(shell.file("during") == shell.file("before"), "\(how): the shell's modes while the explorer is stopped")
        }
        try shell.tmux.type("fg")
        try shell.tmux.press("Enter")
        // Every row as it was: the shell's lines are painted over, the modes are the explorer's again.
        try shell.tmux.waitUntil("the explorer's screen back as it was") { $0 == shown }
        #expect(shell.alternateScreen)
        try shell.tmux.press("j")
        try shell.tmux.waitUntil("a key to move the cursor after fg") { $0 != shown && $0.contains("─ Facets (4) ─") }
        try shell.tmux.press("q")
        try shell.waitForExplorerToEnd()
        #expect(try shell.exitStatusOfLastCommand() == 0)
        try shell.run("stty -g > after")
        #expect(shell.file("after") == shell.file("before"), "\(how): stty -g before \(shell.file("before")) after \(shell.file("after"))")
        #expect(!shell.alternateScreen)
    }

    @Test("Resized while stopped: after fg it draws for the new size, as a fresh start there would")
    func resizeWhileStopped() throws {
        let shell = try ShellPane()
        defer { shell.close() }
        try shell.startExplorer()
        try shell.tmux.press("j", "j", "j")
        try shell.tmux.waitFor("─ Facets (4) ─")
        try shell.tmux.waitForStableScreen()
        try shell.tmux.press("C-z")
        try shell.tmux.waitFor("Stopped")
        try shell.tmux.resize(100, 30)
        try shell.tmux.type("fg")
        try shell.tmux.press("Enter")
        let resumed = try shell.tmux.waitUntil("a 100x30 explorer") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.first.map { $0.unicodeScalars.count == 100 && $0.hasSuffix("┐") } == true && screen.contains("─ Facets (4) ─")
        }
        #expect(try shell.tmux.waitForStableScreen() == resumed)

        let fresh = try TmuxSession(width: 100, height: 30)
        defer { fresh.close() }
        try fresh.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(try Facets.requireBinary()))")
        try fresh.waitFor("Practices")
        try fresh.press("j", "j", "j")
        try fresh.waitFor("─ Facets (4) ─")
        let expected = try fresh.waitForStableScreen()
        #expect(resumed == expected, "resumed:\n\(resumed)\nfresh:\n\(expected)")
        try shell.tmux.press("q")
        try shell.waitForExplorerToEnd()
    }

    @Test("Ctrl-Z where no shell could resume it (the explorer leads its own session): it says so and carries on")
    func controlZWithoutJobControl() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(binary))")
        try tmux.waitFor("Practices")
        try tmux.press("C-z")
        try tmux.waitFor("Ctrl-Z does nothing here")
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.press("j")
        try tmux.waitForAbsence(of: "Ctrl-Z does nothing here")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
