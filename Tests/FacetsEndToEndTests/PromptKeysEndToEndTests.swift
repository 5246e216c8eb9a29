import Foundation
import Testing

/// Issue 19, point 4, through the real binary: prompt keys come from the key map (cancel on Ctrl-G cancels
/// `/`, `:` and the find in an entry; Esc, now nobody's key, does not), and `facets keys` lists the contexts.
@Suite("Prompt keys end to end", .serialized)
struct PromptKeysEndToEndTests {
    /// No action keeps Esc: cancel and leave_tour move to Ctrl-G.
    static let ctrlG = "[keys]\ncancel = [\"ctrl-g\"]\nleave_tour = [\"ctrl-g\"]\n"

    @Test("facets keys groups the keys by context, the prompt's among them, with a config's keys in force")
    func keysListsContexts() throws {
        let home = try ConfigEndToEndTests.folder()
        let defaults = try ConfigEndToEndTests.run(["keys"], ["HOME": home.path])
        #expect(defaults.status == 0)
        let lines = defaults.stdout.components(separatedBy: "\n")
        for heading in ["Everywhere (", "Tree (", "Tour (", "Prompt ("] {
            #expect(lines.contains { $0.hasPrefix(heading) }, "no \(heading) heading:\n\(defaults.stdout)")
        }
        let prompt = try #require(lines.firstIndex { $0.hasPrefix("Prompt (") })
        let promptRows = lines[(prompt + 1)...].prefix { !$0.isEmpty }
        #expect(promptRows.contains { $0.hasPrefix("Ctrl-W ") && $0.hasSuffix("In a prompt: delete the last word") })
        #expect(promptRows.contains { $0.hasPrefix("Ctrl-P ") && $0.hasSuffix("In a prompt: an earlier query of this prompt") })
        #expect(!promptRows.contains { $0.hasSuffix("Quit") }, "quit is an everywhere key")

        let config = try ConfigEndToEndTests.write(Self.ctrlG, to: home.appendingPathComponent("c.toml"))
        let rebound = try ConfigEndToEndTests.run(["keys", "--config", config], ["HOME": home.path])
        #expect(
            rebound.stdout.components(separatedBy: "\n").contains {
                $0.hasPrefix("Ctrl-G ") && $0.hasSuffix("Cancel, close (in a prompt too: drop the query)")
            })
        let markdown = try ConfigEndToEndTests.run(["keys", "--markdown"], ["HOME": home.path])
        #expect(markdown.stdout.contains("| (prompt) `Ctrl-W` | In a prompt: delete the last word |"))
    }

    @Test("tmux: with cancel = [\"ctrl-g\"], Ctrl-G cancels /, : and the find in an entry; Esc does not")
    func ctrlGCancelsPrompts() throws {
        let binary = try Facets.requireBinary()
        let home = try ConfigEndToEndTests.folder()
        let config = try ConfigEndToEndTests.write(Self.ctrlG, to: home.appendingPathComponent("c.toml"))
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(
            command: "env TERM=xterm-256color HOME=\(Facets.shellQuoted(home.path)) "
                + "\(Facets.shellQuoted(binary)) --config \(Facets.shellQuoted(config))")
        try tmux.waitFor("Practices")

        // The list filter.
        try tmux.press("/")
        try tmux.type("silo")
        let filtering = try tmux.waitUntil("the /silo prompt") { Self.statusLine($0).hasPrefix("/silo") }
        #expect(Self.statusLine(filtering).contains("Ctrl-G cancel"), "\(filtering)")
        try Self.escapeDoesNothing(tmux) { Self.statusLine($0).hasPrefix("/silo") }
        try tmux.press("C-g")
        try tmux.waitUntil("the / prompt to be cancelled") { !Self.statusLine($0).hasPrefix("/silo") && !$0.contains("/silo (") }

        // Search all entries.
        try tmux.press(":")
        try tmux.type("silo")
        let searching = try tmux.waitFor("Search all entries")
        #expect(searching.contains("Ctrl-G closes"), "\(searching)")
        try Self.escapeDoesNothing(tmux) { $0.contains("Search all entries") }
        try tmux.press("C-g")
        try tmux.waitForAbsence(of: "Search all entries")

        // The find in an entry.
        try tmux.press("3")
        try tmux.press("/")
        try tmux.type("the")
        let finding = try tmux.waitUntil("the /the prompt") { Self.statusLine($0).hasPrefix("/the") }
        #expect(Self.statusLine(finding).contains("line"), "the in-entry find counts lines: \(finding)")
        try Self.escapeDoesNothing(tmux) { Self.statusLine($0).hasPrefix("/the") }
        try tmux.press("C-g")
        try tmux.waitUntil("the find to be cancelled") { !Self.statusLine($0).hasPrefix("/the") }

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// Presses Esc and checks, once the key has surely arrived, that `stillThere` holds.
    static func escapeDoesNothing(
        _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation,
        _ stillThere: (String) -> Bool
    ) throws {
        try tmux.press("Escape")
        // Longer than ncurses' ESCDELAY, so the Esc has been read as a key.
        usleep(1_000_000)
        let screen = tmux.settledScreen()
        #expect(stillThere(screen), "Esc, bound to nothing, changed the prompt:\n\(screen)", sourceLocation: sourceLocation)
    }

    /// The bottom line of the screen, trimmed.
    static func statusLine(_ screen: String) -> String {
        let line = screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }
}
