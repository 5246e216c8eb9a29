import Foundation
import Testing

/// Workshop use of the real binary in tmux: presenter captions, a whole tour, --lofi, terminal types,
/// a non-UTF-8 locale, and the SSH link dropping (SIGHUP).
@Suite("Workshop mode end to end", .serialized)
struct WorkshopEndToEndTests {
    static let boxDrawing: ClosedRange<UInt32> = 0x2500...0x257F

    /// tmux sets TERM in its panes itself, so a TERM to test is given through `env` in the command.
    func run(
        _ arguments: String = "", environment: [String: String] = ["LANG": "C.UTF-8"], term: String? = nil,
        width: Int = 100, height: Int = 30
    ) throws -> TmuxSession {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession(width: width, height: height)
        let prefix = term.map { $0.isEmpty ? "env -u TERM " : "env TERM=\($0) " } ?? ""
        try tmux.start(command: prefix + Facets.shellQuoted(binary) + " " + arguments, environment: environment)
        return tmux
    }

    @Test("presenter mode captions the keys pressed, with the action's name")
    func presenterCaptions() throws {
        let tmux = try run("--present")
        defer { tmux.close() }
        try tmux.waitFor("Start here")
        try tmux.press("j")
        try tmux.waitFor("j down")
        try tmux.press("Tab")
        try tmux.waitFor("Tab next pane")
        try tmux.press("BSpace")
        let screen = try tmux.waitFor("Backspace back")
        // Chrome reduced to one status line: no pane borders in presenter mode.
        #expect(!screen.contains("┌─ Facets"))
        try tmux.press("P")
        try tmux.waitFor("┌─ Facets")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("a whole tour, first stop to last and back, then Esc leaves it where you are")
    func fullTour() throws {
        let tmux = try run("tour")
        defer { tmux.close() }
        try tmux.waitFor("Tour 1/10")
        for stop in 2...10 {
            try tmux.press("Space")
            try tmux.waitFor("Tour \(stop)/10")
        }
        try tmux.waitFor("OECD Declaration on Public Sector Innovation")
        try tmux.press("Space")
        try tmux.waitFor("Last stop")
        for stop in stride(from: 9, through: 1, by: -1) {
            try tmux.press("Left")
            try tmux.waitFor("Tour \(stop)/10")
        }
        try tmux.press("Right")
        try tmux.waitFor("Tour 2/10")
        // The panes stay usable at a stop.
        try tmux.press("j")
        try tmux.press("Escape")
        let left = try tmux.waitFor("at stop 2/10")
        #expect(left.contains("Public sector innovation"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("--lofi draws no box-drawing characters")
    func lofi() throws {
        let tmux = try run("--lofi")
        defer { tmux.close() }
        let screen = try tmux.waitFor("Practices")
        #expect(!screen.unicodeScalars.contains { Self.boxDrawing.contains($0.value) }, "box drawing on a --lofi screen:\n\(screen)")
        #expect(screen.contains("+-"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("starts and quits cleanly under each terminal type", arguments: ["xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100"])
    func terminalTypes(_ term: String) throws {
        let tmux = try run("", term: term, width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("Practices")
        try tmux.press("j")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("a non-UTF-8 locale falls back to ASCII drawing and says so")
    func nonUTF8Locale() throws {
        let tmux = try run("", environment: ["LANG": "C", "LC_ALL": "C"], width: 80, height: 24)
        defer { tmux.close() }
        let screen = try tmux.waitFor("not UTF-8")
        #expect(!screen.unicodeScalars.contains { Self.boxDrawing.contains($0.value) })
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("SIGHUP (the SSH link dropping) ends the explorer; no process is left")
    func hangUp() throws {
        let tmux = try run("", width: 80, height: 24)
        defer { tmux.close() }
        try tmux.waitFor("Practices")
        let pid = try #require(try tmux.pid(of: "facets"))
        kill(pid, SIGHUP)
        let status = try tmux.waitForExit()
        #expect(status == 128 + SIGHUP)
        #expect(kill(pid, 0) != 0, "facets \(pid) is still running")
    }

    @Test("TERM unset or dumb: a clear message and exit 2")
    func noUsableTerminal() throws {
        for term in ["dumb", ""] {
            let tmux = try run("", term: term, width: 80, height: 24)
            defer { tmux.close() }
            let screen = try tmux.waitFor("TERM")
            #expect(screen.contains("subcommands"))
            #expect(try tmux.waitForExit() == 2)
        }
    }
}
