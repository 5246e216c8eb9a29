import FacetsCore
import FacetsUI
import Foundation
import Testing

/// Live reload with the real binary in tmux: a copy of the bundled vault is edited while the explorer
/// (or `check --watch`) runs, and the screen follows with no key pressed.
@Suite("Live reload end to end (tmux)", .serialized)
struct LiveReloadEndToEndTests {
    /// A copy of the bundled notes in a fresh temporary folder (removed by the caller).
    static func copyOfBundledVault() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("facets-live-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Facets.packageRoot.appendingPathComponent("Data"), to: copy)
        return copy
    }

    /// The entry the explorer selects after Tab, j at this size: worked out with the same state in memory.
    static func secondEntry(of folder: URL, width: Int, height: Int) throws -> Note {
        let vault = try Vault.load(directory: folder.path)
        var state = AppState(vault: vault, width: width, height: height)
        _ = state.handle(.tab)
        _ = state.handle(.character("j"))
        let entry = try #require(state.selectedEntry)
        return vault.notes[entry]
    }

    static func command(_ binary: String, _ arguments: String) -> String {
        "env TERM=xterm-256color \(Facets.shellQuoted(binary)) \(arguments)"
    }

    @Test("a title edited on disk changes on screen, the selection kept; the selected note deleted says it is gone")
    func editAndDelete() throws {
        let binary = try Facets.requireBinary()
        let folder = try Self.copyOfBundledVault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let selected = try Self.secondEntry(of: folder, width: 100, height: 30)
        let file = folder.appendingPathComponent(selected.path)

        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.start(command: Self.command(binary, "--vault \(Facets.shellQuoted(folder.path))"))
        try tmux.waitFor("─ Facets ─")
        try tmux.press("Tab", "j")
        try tmux.waitFor("─ \(selected.title) ─")

        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains("title: \(selected.title)\n"))
        try text.replacingOccurrences(of: "title: \(selected.title)\n", with: "title: Edited while open\n")
            .write(to: file, atomically: false, encoding: .utf8)
        let edited = try tmux.waitFor("─ Edited while open ─")
        #expect(!edited.contains("─ \(selected.title) ─"))
        // The list cursor is still on the note: down and up again preview it, by its new title.
        try tmux.press("j", "k")
        try tmux.waitFor("─ Edited while open ─")

        try FileManager.default.removeItem(at: file)
        let gone = try tmux.waitFor("This note was removed")
        #expect(gone.contains("Edited while open (removed)"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("--no-watch: the screen keeps what was read at start")
    func noWatch() throws {
        let binary = try Facets.requireBinary()
        let folder = try Self.copyOfBundledVault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let selected = try Self.secondEntry(of: folder, width: 100, height: 30)
        let file = folder.appendingPathComponent(selected.path)

        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.start(command: Self.command(binary, "--no-watch --vault \(Facets.shellQuoted(folder.path))"))
        try tmux.waitFor("─ Facets ─")
        try tmux.press("Tab", "j")
        try tmux.waitFor("─ \(selected.title) ─")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: \(selected.title)\n", with: "title: Edited while open\n")
            .write(to: file, atomically: false, encoding: .utf8)
        // Long past the reload a watching explorer makes (within a second), then a key is read.
        usleep(2_000_000)
        try tmux.press("j", "k")
        let screen = try tmux.waitFor("─ \(selected.title) ─")
        #expect(!screen.contains("Edited while open"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("check --watch prints the warning a new note brings, then that it went, with the counts")
    func checkWatch() throws {
        let binary = try Facets.requireBinary()
        let folder = try Self.copyOfBundledVault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = try Vault.load(directory: folder.path).notes.count

        let tmux = try TmuxSession(width: 160, height: 40)
        defer { tmux.close() }
        try tmux.start(command: Self.command(binary, "check --watch --vault \(Facets.shellQuoted(folder.path))"))
        try tmux.waitFor("Watching")
        try "---\ntitle: Fresh note\n---\nSee [[Nowhere at all]].\n".write(
            to: folder.appendingPathComponent("fresh.md"), atomically: false, encoding: .utf8)
        let added = try tmux.waitFor("\(notes + 1) notes (+1)")
        #expect(added.contains("+ fresh.md:4: warning:"), "\(added)")
        #expect(added.contains("Nowhere at all"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("fresh.md"))
        let removed = try tmux.waitFor("\(notes) notes (-1)")
        #expect(removed.contains("- fresh.md:4: warning:"), "\(removed)")
        try tmux.press("C-c")
        // Ended by the interrupt, as a shell's Ctrl-C ends any command that runs until interrupted.
        // tmux marks the pane dead when its terminal closes and adds how the process ended once it has
        // reaped it; in full CI runs it sometimes never adds it ("1::" after 45 s, three times), so the
        // signal is checked whenever tmux knows it, and the end itself always.
        let ended = Date().addingTimeInterval(10)
        var end = ""
        repeat {
            end = (try? tmux.display("#{pane_dead}:#{pane_dead_signal}:#{pane_dead_status}")) ?? ""
            if end.hasPrefix("1:") && end != "1::" { break }
            usleep(50_000)
        } while Date() < ended
        let screen = tmux.lines.joined(separator: "\n")
        #expect(end.hasPrefix("1:"), "check --watch still runs after Ctrl-C: \(end)\n\(screen)")
        if end != "1::" { #expect(end.hasPrefix("1:\(SIGINT):"), "dead:signal:status = \(end)\n\(screen)") }
    }
}
