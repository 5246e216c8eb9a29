import FacetsCore
import Foundation
import Synchronization
import Testing
@testable import FacetsUI

@Suite("Folder tree in the explorer: expand, remember, group, open")
struct FolderTreeViewTests {
    static func note(_ title: String, video: String? = nil, extra: String = "", body: String = "") -> String {
        var front = "---\ntitle: \(title)\n"
        if let video { front += "videoId: \(video)\n" }
        if !extra.isEmpty { front += extra + "\n" }
        return front + "---\n" + body + "\n"
    }

    /// Two channel folders of talks, in memory (a source with folder paths is grouped like a folder).
    static let vault = Vault(
        origin: "test",
        files: [
            SourceFile(
                path: "alpha/alpha.md",
                text: note("alpha", body: "### [Alpha Talk Title](https://www.youtube.com/watch?v=VA)\n- [[a1]]\n")),
            SourceFile(
                path: "alpha/a1.md",
                text: note("First note", video: "VA", body: "Said <a class=\"yt-timestamp\" data-t=\"00:01:05\">[00:01:05]</a> here.")),
            SourceFile(path: "alpha/a2.md", text: note("Second note", video: "VA")),
            SourceFile(path: "beta/b1.md", text: note("Beta note", video: "VB")),
        ])

    static func explorer(_ vault: Vault = vault) -> Explorer {
        Explorer(state: AppState(vault: vault, width: 120, height: 30))
    }

    @Test("the first level is the folders, closed; expanding shows talk titles, then notes")
    func expandFolders() {
        let e = Self.explorer()
        #expect(e.tree.prefix(3).map { $0.trimmingCharacters(in: .whitespaces) }.first?.contains("alpha") == true)
        #expect(e.state.tree.rows.map(\.title) == ["alpha", "beta", "All notes"])
        #expect(e.state.tree.rows[0].count == 3)
        e.press(.character("l"))
        #expect(e.state.tree.rows.map(\.title) == ["alpha", "Alpha Talk Title", "alpha", "beta", "All notes"])
        #expect(e.tree.contains { $0.contains("Alpha Talk Title") })
        e.press(.character("j"), .character(" "))
        #expect(e.state.tree.rows.map(\.title).prefix(4) == ["alpha", "Alpha Talk Title", "First note", "Second note"])
    }

    @Test("folders opened stay open when their parent is closed and opened again")
    func remembersExpanded() {
        let e = Self.explorer()
        e.press(.character("l"), .character("j"), .character("l"))
        let open = e.state.tree.rows.map(\.title)
        e.press(.character("k"), .character("h"))
        #expect(e.state.tree.rows.map(\.title) == ["alpha", "beta", "All notes"])
        e.press(.character("l"))
        #expect(e.state.tree.rows.map(\.title) == open)
        // h on a closed child goes up to its parent.
        e.press(.character("j"), .character("j"), .character("h"))
        #expect(e.state.tree.selectedNodeID == "talk:alpha|VA")
    }

    @Test("Enter on a note in the tree opens it in the detail pane")
    func enterOpensNote() {
        let e = Self.explorer()
        e.press(.character("l"), .character("j"), .character("l"), .character("j"))
        #expect(e.state.tree.selectedNodeID == "note:alpha/a1.md")
        e.press(.enter)
        #expect(e.state.focus == .detail)
        #expect(e.detail.contains { $0.contains("Said") })
        #expect(e.titleRow(.detail).contains("First note"))
    }

    @Test("O opens the talk at the moment on the cursor's line (an effect for the terminal)")
    func openMoment() throws {
        let e = Self.explorer()
        // The beta folder's note has no timestamp: nothing to open.
        e.press(.character("j"), .character("O"))
        #expect(e.lastEffects.isEmpty)
        #expect(e.statusLine.contains("No moment here"))
        e.press(.character("k"), .character("l"), .character("j"), .character("l"), .character("j"), .enter)
        let row = try #require(e.state.detail.document.lines.firstIndex { $0.text.contains("Said") })
        for _ in 0..<row { e.press(.character("j")) }
        e.press(.character("O"))
        #expect(e.lastEffects == [.openExternally("https://www.youtube.com/watch?v=VA&t=65s")])
    }

    @Test("= switches a vault with kinds and folders between the facet tree and the folder tree, keeping what was open")
    func groupingKey() {
        let both = Vault(
            origin: "test",
            files: [
                SourceFile(path: "one/p.md", text: Self.note("Practice note", extra: "kind: practice")),
                SourceFile(path: "two/c.md", text: Self.note("Concept note", extra: "kind: concept")),
            ])
        let e = Self.explorer(both)
        #expect(e.state.tree.rows.map(\.title) == ["Concept", "Practices", "All notes"])
        e.press(.character("="))
        #expect(e.state.tree.grouping == "folders")
        #expect(e.state.tree.rows.map(\.title) == ["one", "two", "All notes"])
        #expect(e.statusLine.contains("by folder"))
        e.press(.character("l"))
        #expect(e.state.tree.rows.map(\.title) == ["one", "Practice note", "two", "All notes"])
        e.press(.character("="))
        #expect(e.state.tree.rows.map(\.title) == ["Concept", "Practices", "All notes"])
        e.press(.character("="))
        #expect(e.state.tree.rows.map(\.title) == ["one", "Practice note", "two", "All notes"])
    }

    @Test("the tag grouping takes its index from the background build, asked once; a vault without tags is asked once too")
    func tagIndexAskedOnce() {
        final class Asked: Sendable {
            let count = Mutex(0)
        }
        let tagged = Vault(
            origin: "test",
            files: [
                SourceFile(path: "one/p.md", text: Self.note("Practice note", extra: "kind: practice", body: "About #pilot work.")),
                SourceFile(path: "two/c.md", text: Self.note("Concept note", extra: "kind: concept")),
            ])
        for (vault, hasTags) in [(tagged, true), (Self.vault, false)] {
            let asked = Asked()
            let index = TagIndex(notes: vault.notes)
            let input = BrowseInput(
                notes: vault.notes, talks: vault.talks, attachments: vault.attachments,
                tagIndex: {
                    asked.count.withLock { $0 += 1 }
                    return index
                })
            var tree = TreeView(tree: vault.tree, grouping: vault.treeGrouping)
            var seen: [String] = []
            for _ in 0..<(BrowseTree.groupings.count * 2) {
                if let grouping = tree.nextGrouping(input: input) { seen.append(grouping.id) }
            }
            #expect(asked.count.withLock { $0 } == 1, "the tag index was asked for \(asked.count.withLock { $0 }) times")
            #expect(seen.contains("tags") == hasTags, "groupings met: \(seen)")
        }
    }

    @Test("the explorer's tag grouping uses the tags the background build found")
    func explorerTagGrouping() {
        let tagged = Vault(
            origin: "test",
            files: [
                SourceFile(path: "one/p.md", text: Self.note("Practice note", extra: "kind: practice", body: "About #pilot work.")),
                SourceFile(path: "two/c.md", text: Self.note("Concept note", extra: "kind: concept", body: "Also #pilot/phase-one.")),
            ])
        let e = Self.explorer(tagged)
        e.state.startBackgroundWork()
        _ = e.state.tagIndexBuild.value
        #expect(e.state.tagIndexBuild.isReady)
        while e.state.tree.grouping != "tags" {
            e.press(.character("="))
            if e.state.tree.grouping == "facets" { break }
        }
        #expect(e.state.tree.grouping == "tags")
        #expect(e.state.tree.rows.contains { $0.title == "#pilot" })
    }

    @Test("= on a vault with one grouping says so; the bundled content keeps its facet tree")
    func oneGrouping() {
        let e = Explorer()
        let before = e.state.tree.rows
        e.press(.character("="))
        #expect(e.state.tree.rows == before)
        #expect(e.statusLine.contains("one way of grouping"))
    }

    @Test("a file that is not a note: Enter tells its name, type and size, X asks the terminal to open it")
    func attachments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-ui-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try Data(Self.note("Readme").utf8).write(to: folder.appendingPathComponent("docs/readme.md"))
        try Data(repeating: 7, count: 1500).write(to: folder.appendingPathComponent("docs/paper.pdf"))
        let vault = try Vault.load(directory: folder.path)
        let e = Self.explorer(vault)
        e.press(.character("X"))
        #expect(e.lastEffects.isEmpty)
        #expect(e.statusLine.contains("No file selected"))
        e.press(.character("l"), .character("j"))
        #expect(e.state.tree.rows.map(\.title).prefix(3) == ["docs", "Readme", "paper.pdf"])
        e.press(.character("j"), .enter)
        #expect(e.statusLine.contains("paper.pdf"))
        #expect(e.statusLine.contains("PDF document"))
        #expect(e.statusLine.contains("1.5 KB"))
        e.press(.character("X"))
        #expect(e.lastEffects == [.openExternally(folder.path + "/docs/paper.pdf")])
    }
}
