import FacetsCore
import Foundation
import Testing

/// The real binary in tmux at 80x24 on the hostile vault, browsed as a person would: every note in the
/// detail pane, the links that leave the vault, the cycle and the self link, a search, then quit. A note's
/// escapes must never act: the frame stays drawn (a `\e[2J` that reached the terminal would blank it), the
/// pane title is not renamed (OSC 0), no tmux buffer appears (OSC 52), nothing outside the vault shows.
@Suite("Hostile vault in the explorer (tmux)", .serialized)
struct HostileExplorerTests {
    /// What is wrong with a captured 80x24 two-column screen: missing frame corners or sides, escapes'
    /// leftovers, the secret, lines wider than the window.
    static func problems(_ screen: String) -> [String] {
        var lines = screen.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var found: [String] = []
        if lines.count != 24 { found.append("\(lines.count) lines") }
        for (row, line) in lines.prefix(23).enumerated() {
            let characters = Array(line)
            guard let first = characters.first, let last = characters.last else {
                found.append("row \(row) is blank")
                continue
            }
            if !"┌│└".contains(first) { found.append("row \(row) starts with \(first)") }
            if !"┐│┃┘".contains(last) { found.append("row \(row) ends with \(last)") }
            if characters.count > 80 { found.append("row \(row) is \(characters.count) wide") }
        }
        if lines.first?.hasPrefix("┌─ Facets") != true { found.append("no tree pane frame on the top row") }
        if lines.count > 22, !lines[22].hasPrefix("└") { found.append("no bottom frame row") }
        if screen.contains(HostileVault.secret) { found.append("the secret outside the vault is shown") }
        if screen.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x202E }) { found.append("a raw escape or bidi override") }
        return found
    }

    /// Waits for `text`, then checks the whole screen.
    @discardableResult
    static func expectScreen(
        _ tmux: TmuxSession, showing text: String, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let screen = try tmux.waitFor(text, sourceLocation: sourceLocation)
        let problems = Self.problems(screen)
        #expect(problems.isEmpty, "\(what): \(problems)\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// The detail pane's title for a note: how the frame names it once it is shown.
    static func frameTitle(_ title: String) -> String {
        "─ " + String(TerminalSafeText.sanitize(title).prefix(14))
    }

    @Test("open every note, follow links out of the vault, around the cycle and to itself, search, quit")
    func browse() throws {
        let binary = try Facets.requireBinary()
        let vault = try HostileVault()
        defer { vault.remove() }
        let loaded = try Vault.load(directory: vault.vault.path)
        let all = try #require(loaded.tree.children.last, "the tree's last node is All notes")
        #expect(all.title == "All notes")

        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(binary)) --vault \(Facets.shellQuoted(vault.vault.path))")
        try Self.expectScreen(tmux, showing: "─ Facets ─", "the first screen")
        // Let a note that reached OSC 52 create a tmux buffer, so the test would see it.
        try tmux.tmux(["set-option", "-s", "set-clipboard", "on"])

        // Every note, in the list of all notes, one after the other in the detail pane.
        try tmux.press("G", "Enter")
        try Self.expectScreen(tmux, showing: "─ All notes (\(all.entries.count))", "the list of all notes")
        for (position, index) in all.entries.enumerated() {
            if position > 0 { try tmux.press("j") }
            try Self.expectScreen(tmux, showing: Self.frameTitle(loaded.notes[index].title), loaded.notes[index].path)
        }

        // The note full of escapes, paged through in the detail pane.
        let evil = try #require(all.entries.firstIndex { loaded.notes[$0].stem == "escape_everywhere" })
        try tmux.press("g")
        for _ in 0..<evil { try tmux.press("j") }
        try Self.expectScreen(tmux, showing: "─ Wipe␛[2J", "escape_everywhere")
        try tmux.press("3")
        for page in 0..<4 {
            try tmux.press("PageDown")
            usleep(100_000)
            let screen = tmux.settledScreen()
            #expect(Self.problems(screen).isEmpty, "page \(page + 2) of escape_everywhere:\n\(screen)")
        }
        try tmux.press("g")

        // Links leaving the vault: each opens the page of a missing note, nothing from outside.
        try Self.open("leaving_the_vault", in: tmux, all: all, vault: loaded)
        for (number, target) in [(1, "../../etc/passwd"), (2, "/etc/passwd"), (3, "~/.ssh/id_rsa"), (9, "outside_link")] {
            try tmux.type("\(number)")
            try tmux.press("Enter")
            try Self.expectScreen(tmux, showing: "No note for “\(target)”", "link \(number)")
            try tmux.press("BSpace")
            try Self.expectScreen(tmux, showing: "─ Leaving the vault", "back from link \(number)")
        }

        // Around the cycle, and a note linking itself.
        try Self.open("cycle_a", in: tmux, all: all, vault: loaded)
        for next in ["Cycle B", "Cycle C", "Cycle A"] {
            try tmux.type("1")
            try tmux.press("Enter")
            try Self.expectScreen(tmux, showing: "─ \(next) ─", "following the cycle to \(next)")
        }
        try Self.open("self_link", in: tmux, all: all, vault: loaded)
        try tmux.type("1")
        try tmux.press("Enter")
        try Self.expectScreen(tmux, showing: "─ Self link ─", "the self link")

        // Search everything, open the hit.
        try tmux.press("C-f")
        try tmux.type("wipe")
        try Self.expectScreenText(tmux, "Wipe␛[2J␛[3J␛[H")
        try tmux.press("Enter")
        try Self.expectScreen(tmux, showing: "─ Wipe␛[2J", "the search hit opened")

        let title = try tmux.display("#{pane_title}")
        #expect(!title.contains("pwned"), "OSC 0 renamed the pane: \(title)")
        let buffers = try tmux.tmux(["list-buffers"])
        #expect(buffers.isEmpty, "OSC 52 reached tmux: \(buffers)")

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// From the detail pane: back to the list of all notes, selects a note there and focuses the detail
    /// pane on it. (Digits in the detail pane are link numbers, so the list is reached with Esc and h.)
    static func open(
        _ stem: String, in tmux: TmuxSession, all: BrowseNode, vault: Vault,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let position = try #require(all.entries.firstIndex { vault.notes[$0].stem == stem }, sourceLocation: sourceLocation)
        try tmux.press("Escape", "h")
        try tmux.waitFor("j/k move", sourceLocation: sourceLocation)
        try tmux.press("g")
        for _ in 0..<position { try tmux.press("j") }
        try Self.expectScreen(
            tmux, showing: Self.frameTitle(vault.notes[all.entries[position]].title), stem,
            sourceLocation: sourceLocation)
        try tmux.press("3")
        try tmux.waitFor("Enter follow", sourceLocation: sourceLocation)
    }

    /// Waits for text in an overlay (its frame covers the panes' sides, so the frame check does not apply).
    static func expectScreenText(_ tmux: TmuxSession, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitFor(text, sourceLocation: sourceLocation)
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B }, sourceLocation: sourceLocation)
    }
}
