import Foundation
import Testing

/// A synthetic vault shaped like the corpus (channel folders of talks, made by scripts/), browsed in tmux.
@Suite("Folder tree end to end (tmux)", .serialized)
struct FolderTreeEndToEndTests {
    /// A small folder vault from the generator, and a fake browser that writes its arguments to a file.
    static func prepare() throws -> (vault: URL, browser: String, record: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-folders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let vault = folder.appendingPathComponent("vault")
        let script = Facets.packageRoot.appendingPathComponent("scripts/make_folder_vault.py").path
        let made = try runProcess(
            "/usr/bin/env", ["python3", script, vault.path, "--notes", "80", "--channels", "4", "--largest", "20"], timeout: 180)
        try #require(made.status == 0, "the generator failed: \(made.stderr)")
        let record = folder.appendingPathComponent("opened.txt")
        let browser = folder.appendingPathComponent("browser.sh")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(Facets.shellQuoted(record.path))\n".write(to: browser, atomically: true, encoding: .utf8)
        chmod(browser.path, 0o755)
        return (vault, browser.path, record)
    }

    /// The talk titles of a channel's index page, in the order the tree shows them.
    static func talkTitles(_ index: URL) throws -> [String] {
        let text = try String(contentsOf: index, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### ["), let close = line.range(of: "](") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 5)..<close.lowerBound])
        }.sorted { $0.lowercased() < $1.lowercased() }
    }

    @Test("the tree's first level is the channel folders; a folder opens to talk titles; Enter opens a note; O opens the moment")
    func browseFolders() throws {
        let binary = try Facets.requireBinary()
        let (vault, browser, record) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: vault.deletingLastPathComponent()) }
        let tmux = try TmuxSession(width: 160, height: 40)
        defer { tmux.close() }
        try tmux.start(
            command: "\(Facets.shellQuoted(binary)) --vault \(Facets.shellQuoted(vault.path))",
            environment: ["LANG": "C.UTF-8", "BROWSER": browser])
        let screen = try tmux.waitFor("channel01")
        #expect(screen.contains("Folders"), "the tree pane is titled by its grouping")
        let treeRows = tmux.lines.dropFirst().prefix(5)
        #expect(treeRows.first?.contains("channel01") == true)
        #expect(treeRows.dropFirst().first?.contains("channel02") == true)
        let titles = try Self.talkTitles(vault.appendingPathComponent("channel01/channel01.md"))
        let first = try #require(titles.first)
        try tmux.press("l")
        try tmux.waitFor(String(first.prefix(12)))
        // Into the first talk, onto its first note, and open it.
        try tmux.press("j", "l", "j")
        try tmux.press("Enter")
        try tmux.waitFor("From:")
        try tmux.press("O")
        try tmux.waitFor("Opening https://www.youtube.com/watch?v=")
        let deadline = Date().addingTimeInterval(5)
        var opened = ""
        while Date() < deadline, opened.isEmpty {
            opened = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
            usleep(50_000)
        }
        #expect(opened.hasPrefix("https://www.youtube.com/watch?v="))
        #expect(opened.contains("&t="))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("in a served session the moment is not opened on the server's machine: it is copied")
    func servedDoesNotOpen() throws {
        let binary = try Facets.requireBinary()
        let (vault, browser, record) = try Self.prepare()
        defer { try? FileManager.default.removeItem(at: vault.deletingLastPathComponent()) }
        let tmux = try TmuxSession(width: 160, height: 40)
        defer { tmux.close() }
        try tmux.start(
            command: "\(Facets.shellQuoted(binary)) --vault \(Facets.shellQuoted(vault.path))",
            environment: ["LANG": "C.UTF-8", "BROWSER": browser, "FACETS_SERVE": "1"])
        try tmux.waitFor("channel01")
        try tmux.press("l", "j", "l", "j", "Enter")
        try tmux.waitFor("From:")
        try tmux.press("O")
        try tmux.waitFor("Opening happens on your own machine")
        usleep(300_000)
        #expect(!FileManager.default.fileExists(atPath: record.path), "the opener was not run")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
