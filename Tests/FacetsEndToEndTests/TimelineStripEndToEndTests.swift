import Foundation
import Testing

/// The timeline's strip in the real binary at 80x24: open a talk's timeline, move along the strip,
/// read the statements of the cursor's cell below it, open one with Enter and come back.
@Suite("Timeline strip end to end (tmux)", .serialized)
struct TimelineStripEndToEndTests {
    /// The time the caption under the strip names (the row with the ▲ marker), if any.
    static func captionTime(_ screen: String) -> String? {
        let row = screen.components(separatedBy: "\n").first { $0.contains("▲") } ?? ""
        return row.firstMatch(of: /▲[^0-9]*(\d\d:\d\d:\d\d)/).map { String($0.1) }
            ?? row.firstMatch(of: /(\d\d:\d\d:\d\d)[^▲]*▲/).map { String($0.1) }
    }

    @Test("open the timeline, move along the strip, read the statements, Enter opens the entry, Backspace returns")
    func moveReadOpen() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        try tmux.waitFor("Practices")
        try tmux.press("j", "j", "j", "j", "j")
        try tmux.waitFor("─ Practices (12) ─")
        try tmux.press("Enter", "j", "j", "j", "j", "j", "j")
        try tmux.waitFor("─ Safe experimental spaces ─")
        try tmux.press("Enter")
        try tmux.waitFor("Enter follow")
        try tmux.press("t")
        var screen = try tmux.waitUntil("the timeline with its strip") { $0.contains("Timeline at 00:48:01") && $0.contains("▲") }
        #expect(screen.contains { "░▒▓█".contains($0) }, "shaded ticks on the strip:\n\(screen)")
        #expect(Self.captionTime(screen) == "00:48:01", "the caption names the moment:\n\(screen)")
        #expect(screen.contains("[/] moments"), "the status line names the strip's keys")

        // Along the strip: the next cited moment, its statements listed under the strip.
        try tmux.press("]")
        screen = try tmux.waitUntil("the strip's cursor to move") { Self.captionTime($0).map { $0 > "00:48:01" } ?? false }
        let time = try #require(Self.captionTime(screen))
        let detail = ExplorerEndToEndTests.detailRegion(screen.components(separatedBy: "\n"))
        let markerRow = try #require(detail.firstIndex { $0.contains("▲") })
        let statement = try #require(
            detail[(markerRow + 1)...].first { $0.contains(time) }, "a statement at \(time) under the strip:\n\(screen)")
        // The statement's entry: its title's first word (a long title wraps onto the next row).
        let word = try #require(
            statement.firstMatch(of: /\d\d:\d\d:\d\d ([^\s\[]+)/).map { String($0.1) }, "the statement names its entry: \(statement)")

        // Enter opens that entry (the frame's title), Backspace comes back to the timeline at that moment.
        try tmux.press("Enter")
        screen = try tmux.waitUntil("the statement's entry") { screen in
            let top = screen.components(separatedBy: "\n").first ?? ""
            return top.contains("─ \(word)") && !top.contains("Timeline")
        }
        #expect(!screen.contains("▲"), "an entry has no strip")
        try tmux.press("BSpace")
        screen = try tmux.waitUntil("the timeline again") { $0.contains("Timeline at 00:48:01") && $0.contains("▲") }
        #expect(Self.captionTime(screen) == time, "back at the same moment:\n\(screen)")
        #expect(tmux.lines.allSatisfy { $0.unicodeScalars.count <= 80 })
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
