import Foundation
import Testing
@testable import FacetsCore

@Suite("Folder tree, natural order, talk titles and attachments")
struct FolderTreeTests {
    /// A vault shaped like the corpus: channel folders of notes with `videoId`, a channel index page per
    /// channel, a nested folder, notes at the top and files that are not notes.
    static func corpusShaped(_ root: URL) throws {
        let index = noteText(
            title: "chan1",
            body: """
                ### [The Real Title](https://www.youtube.com/watch?v=VID1)
                - [[talk1_a]]
                """)
        try root.write("chan1/chan1.md", index)
        try root.write("chan1/talk1_a.md", noteText(title: "Note 10", videoId: "VID1", body: "a \(anchor("00:01:05"))"))
        try root.write("chan1/talk1_b.md", noteText(title: "Note 2", videoId: "VID1", body: "b"))
        try root.write("chan1/talk2_a.md", noteText(title: "Unnamed", videoId: "VID2", body: "c"))
        try root.write("chan1/talk3_a.md", noteText(title: "Framed", videoId: "VID3", extra: "talkTitle: From Front Matter", body: "d"))
        try root.write("Chan 10/x.md", noteText(title: "X", videoId: "VID4", body: ""))
        try root.write("Chan 2/sub/deep.md", noteText(title: "Deep", body: ""))
        try root.write("Chan 2/picture.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])
        try root.write("Chan 2/board.canvas", "{}")
        try root.write("top.md", noteText(title: "Top", body: ""))
        try root.write("manual.pdf", bytes: Array(repeating: 0x25, count: 2048))
        try root.write(".hidden/secret.png", bytes: [1])
    }

    @Test("natural order: digit runs compare as numbers, case is ignored")
    func naturalOrder() {
        let names = ["Talk 10", "talk 2", "Talk 1", "Talk 02b", "alpha", "Talk 2a", "Beta"]
        let sorted = NaturalOrder.sortedIndices(names).map { names[$0] }
        #expect(sorted == ["alpha", "Beta", "Talk 1", "talk 2", "Talk 2a", "Talk 02b", "Talk 10"])
        #expect(NaturalOrder.precedes("Talk 9", "Talk 10"))
        #expect(!NaturalOrder.precedes("Talk 10", "Talk 9"))
        #expect(NaturalOrder.precedes("file2.md", "file10.md"))
    }

    @Test("a vault with folders is grouped by folder: folders first in natural order, then talks, notes, files")
    func foldersFirst() throws {
        try withTemporaryFolder { root in
            try Self.corpusShaped(root)
            let vault = try Vault.load(directory: root.path)
            #expect(vault.treeGrouping == "folders")
            let top = vault.tree.children.map(\.title)
            // A space sorts before a digit, as in file managers: "Chan 2", "Chan 10", then "chan1".
            #expect(top == ["Chan 2", "Chan 10", "chan1", "Top", "manual.pdf", "All notes"])
            #expect(vault.tree.children[0].kind == .folder)
            // Counts: every note below a folder, nested ones included.
            let chan1 = try #require(vault.tree.children.first { $0.id == "folder:chan1" })
            #expect(chan1.entries.count == 5)
            let chan2 = try #require(vault.tree.children.first { $0.id == "folder:Chan 2" })
            #expect(chan2.children.map(\.title) == ["sub", "board.canvas", "picture.png"])
            #expect(chan2.entries.count == 1)
            #expect(chan2.children[0].children.map(\.title) == ["Deep"])
        }
    }

    @Test("a vault loaded with its tree built when asked has the tree, grouping, order and diagnostics of one built with the load")
    func treeWhenAsked() throws {
        try withTemporaryFolder { root in
            try Self.corpusShaped(root)
            try self.sameTree(root.path)
        }
        try sameTree(try Fixture.shared(Fixture.oecdVaultPath).path)
    }

    private func sameTree(_ folder: String) throws {
        let (eager, eagerReport) = try Vault.load(.folder(folder))
        let (lazy, lazyReport) = try Vault.load(.folder(folder), tree: .whenAsked)
        // The lazy load never built the tree: its report has no tree step.
        #expect(eagerReport.phases.contains { $0.name == "talks and tree" })
        #expect(!lazyReport.phases.contains { $0.name.contains("tree") }, "\(lazyReport.phases.map(\.name))")
        #expect(lazy.diagnostics == eager.diagnostics)
        #expect(lazy.talks == eager.talks)
        #expect(lazy.tree == eager.tree)
        #expect(lazy.treeGrouping == eager.treeGrouping)
        #expect(lazy.treeOrder == eager.treeOrder)
        // Asked from several threads at once, built once and the same for all.
        let orders = Parallel.map(count: 4) { _ in lazy.treeOrder }
        #expect(orders.allSatisfy { $0 == eager.treeOrder })
        // A reload keeps the choice and still answers.
        let reloaded = try lazy.reloading(changed: [])
        #expect(reloaded.loadedFrom.tree == .whenAsked)
        #expect(reloaded.tree == eager.tree)
    }

    @Test("a channel folder expands to its talks, named wherever a note names them, and a talk to its notes")
    func talksInFolders() throws {
        try withTemporaryFolder { root in
            try Self.corpusShaped(root)
            let vault = try Vault.load(directory: root.path)
            let chan1 = try #require(vault.tree.find(id: "folder:chan1"))
            // Talks first (natural order of their titles), then the notes of no talk (the channel index).
            #expect(chan1.children.map(\.title) == ["From Front Matter", "Talk VID2", "The Real Title", "chan1"])
            let real = try #require(chan1.children.first { $0.title == "The Real Title" })
            #expect(real.kind == .talk)
            // Natural order inside the talk: "Note 2" before "Note 10".
            #expect(real.children.map(\.title) == ["Note 2", "Note 10"])
            let first = try #require(real.children.first)
            guard case .note(let index) = first.kind else {
                Issue.record("a talk's children are notes")
                return
            }
            #expect(vault.notes[index].path == "chan1/talk1_b.md")
            #expect(first.entries == [index])
            #expect(vault.talk(videoId: "VID3")?.title == "From Front Matter")
        }
    }

    @Test("files that are not notes are listed with their size, never parsed, and hidden folders skipped")
    func attachments() throws {
        try withTemporaryFolder { root in
            try Self.corpusShaped(root)
            let vault = try Vault.load(directory: root.path)
            #expect(vault.attachments.map(\.path) == ["Chan 2/board.canvas", "Chan 2/picture.png", "manual.pdf"])
            let pdf = try #require(vault.attachments.first { $0.name == "manual.pdf" })
            #expect(pdf.byteCount == 2048)
            #expect(pdf.typeDescription == "PDF document")
            #expect(pdf.sizeDescription == "2.0 KB")
            #expect(vault.attachments[0].typeDescription == "Obsidian canvas")
            #expect(vault.attachments[1].sizeDescription == "8 bytes")
            #expect(vault.notes.allSatisfy { $0.path.hasSuffix(".md") })
            #expect(vault.errors.isEmpty)
            #expect(vault.filePath(of: pdf) == root.path + "/manual.pdf")
        }
    }

    @Test("a link or embed naming a file of the vault is not reported missing; one naming no file is")
    func linksToFiles() throws {
        try withTemporaryFolder { root in
            try Self.corpusShaped(root)
            let note = "---\ntitle: Figures\n---\n![[picture.png]] and ![[Chan 2/board.canvas]], [[MANUAL.pdf]], ![[gone.png]]\n"
            try note.write(to: root.appendingPathComponent("figures.md"), atomically: false, encoding: .utf8)
            let vault = try Vault.load(directory: root.path)
            let warnings = vault.diagnostics.filter { $0.path == "figures.md" }.map(\.message)
            #expect(warnings.count == 1, "\(warnings)")
            #expect(warnings.first?.contains("gone.png") == true, "\(warnings)")
        }
    }

    @Test("a vault with kinds and folders offers both groupings; the facet tree is the default")
    func bothGroupings() throws {
        try withTemporaryFolder { root in
            try root.write("a/p.md", noteText(title: "P", extra: "kind: practice", body: ""))
            try root.write("b/c.md", noteText(title: "C", extra: "kind: concept", body: ""))
            let vault = try Vault.load(directory: root.path)
            #expect(vault.treeGrouping == "facets")
            let applicable = BrowseTree.applicable(vault.browseInput).map(\.0.id)
            #expect(applicable == ["facets", "folders"])
            #expect(vault.tree.children.map(\.title) == ["Concept", "Practices", "All notes"])
        }
    }

    @Test("a flat vault without kinds keeps the talk tree, and a grouping is one more entry in a list")
    func flatAndExtensible() {
        let flat = vault([
            ("a.md", noteText(title: "A", videoId: "V1", body: "")),
            ("b.md", noteText(title: "B", body: "")),
        ])
        #expect(flat.treeGrouping == "talks")
        #expect(flat.tree.children.map(\.title) == ["Talk V1", "Other notes", "All notes"])
        let byLetter = TreeGrouping(id: "letters", title: "By letter") { input in
            BrowseNode(
                id: "root", title: "Vault", entries: [],
                children: input.notes.indices.map { BrowseNode(id: "letter:\($0)", title: input.notes[$0].title, entries: [$0]) })
        }
        let groupings = BrowseTree.applicable(flat.browseInput, groupings: BrowseTree.groupings + [byLetter])
        #expect(groupings.map(\.0.id) == ["talks", "letters"])
        #expect(groupings[1].1.children.map(\.title) == ["A", "B"])
    }
}
