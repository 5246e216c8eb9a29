import Foundation
import Testing
@testable import FacetsCore

/// `Vault.reloading(changed:)`: the load pipeline run again for the files that changed, the other notes
/// kept as parsed. Whatever it keeps, the result must be the vault a fresh load gives.
@Suite("Reloading changed files")
struct ReloadTests {
    /// Every relation a reload rebuilds, compared with a fresh load of the same folder.
    static func expectSame(_ reloaded: Vault, _ fresh: Vault, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reloaded.notes.map(\.path) == fresh.notes.map(\.path), sourceLocation: sourceLocation)
        #expect(reloaded.notes.map(\.title) == fresh.notes.map(\.title), sourceLocation: sourceLocation)
        #expect(reloaded.linkTargets == fresh.linkTargets, sourceLocation: sourceLocation)
        #expect(reloaded.backlinks == fresh.backlinks, sourceLocation: sourceLocation)
        #expect(reloaded.missing == fresh.missing, sourceLocation: sourceLocation)
        #expect(reloaded.talks == fresh.talks, sourceLocation: sourceLocation)
        #expect(reloaded.treeOrder == fresh.treeOrder, sourceLocation: sourceLocation)
        #expect(reloaded.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
    }

    @Test("an edited, an added and a removed file: read anew, indexes rebuilt, as a fresh load")
    func editAddRemove() throws {
        try withTemporaryFolder { folder in
            try folder.write("a.md", noteText(title: "A", body: "[[b]] [[Gone]] [[New title]]\n"))
            try folder.write("b.md", noteText(title: "B", body: "[[a]]\n"))
            try folder.write("gone.md", noteText(title: "Gone", body: "[[a]]\n"))
            let before = try Vault.load(directory: folder.path)
            let a = try index(of: "a.md", in: before)
            #expect(before.linkTargets[a].contains(.missing("New title")))

            try folder.write("b.md", noteText(title: "Bee", aliases: "Renamed", body: "[[a]] [[c]]\n"))
            try folder.write("c.md", noteText(title: "New title", body: "[[Bee]]\n"))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("gone.md"))
            let after = try before.reloading(changed: ["b.md", "c.md", "gone.md"])

            Self.expectSame(after, try Vault.load(directory: folder.path))
            let c = try index(of: "c.md", in: after), b = try index(of: "b.md", in: after)
            #expect(after.notes[b].title == "Bee", "the edited file was read again")
            #expect(
                after.linkTargets[try index(of: "a.md", in: after)] == [.note(b), .missing("Gone"), .note(c)],
                "a kept note's links resolve against the new names")
            #expect(after.backlinks[b].map(\.source) == [try index(of: "a.md", in: after), c], "by stem, and by the new title")
        }
    }

    @Test("files not named as changed are kept as parsed, even when they changed on disk")
    func unnamedFilesAreKept() throws {
        try withTemporaryFolder { folder in
            try folder.write("a.md", noteText(title: "A", body: "text\n"))
            try folder.write("b.md", noteText(title: "B", body: "text\n"))
            let before = try Vault.load(directory: folder.path)
            try folder.write("a.md", noteText(title: "A again", body: "text\n"))
            try folder.write("b.md", noteText(title: "B again", body: "text\n"))
            let after = try before.reloading(changed: ["b.md"])
            #expect(after.notes.map(\.title) == ["A", "B again"])
        }
    }

    @Test(
        "an edit that renames a note: the kept notes' links are settled again by the new names, without their files, as a fresh load"
    )
    func editKeepsLinksWithoutReading() throws {
        try withTemporaryFolder { folder in
            try folder.write("x/a.md", noteText(title: "A", body: "[[b]] [[Bee]] [[Renamed]] [[#top]] [[../out]] [[x/c]] [[Sub/C]] [[nothing]]\n"))
            try folder.write("x/b.md", noteText(title: "B", body: "[[a]] [[C title]]\n"))
            try folder.write("y/c.md", noteText(title: "C title", body: "[[A]] [[b]]\n"))
            try folder.write("y/d.md", noteText(title: "D", body: "[[Bee]]\n"))
            let before = try Vault.load(directory: folder.path)
            try folder.write("x/b.md", noteText(title: "Bee", aliases: "Renamed", body: "[[a]] [[D]]\n"))
            let after = try before.reloading(changed: ["x/b.md"])
            let fresh = try Vault.load(directory: folder.path)
            Self.expectSame(after, fresh)
            let b = try index(of: "x/b.md", in: after)
            #expect(after.backlinks[b].count > before.backlinks[b].count, "the links by the new title and alias now reach b")
            Self.expectSameSearch(after, fresh, queries: ["bee", "renamed", "c title", "a"])
        }
    }

    @Test("a kept note's links are the ones it was parsed with: its file is not read again")
    func keptNotesAreNotRead() throws {
        try withTemporaryFolder { folder in
            try folder.write("a.md", noteText(title: "A", body: "[[b]]\n"))
            try folder.write("b.md", noteText(title: "B", body: "text\n"))
            try folder.write("c.md", noteText(title: "C", body: "text\n"))
            let before = try Vault.load(directory: folder.path)
            // Changed on disk but not named as changed: a reload keeps what was parsed.
            try folder.write("a.md", noteText(title: "A", body: "[[c]]\n"))
            try folder.write("b.md", noteText(title: "B", body: "more text\n"))
            let after = try before.reloading(changed: ["b.md"])
            #expect(after.linkTargets[0] == [.note(1)])
            #expect(after.backlinks[1].map(\.source) == [0])
        }
    }

    @Test("the OECD vault: one note's title changed, reloaded, equals a fresh load (links, backlinks, search)")
    func oecdEdit() throws {
        let source = try Fixture.shared(Fixture.oecdVaultPath)
        try withTemporaryFolder { folder in
            let copy = folder.appendingPathComponent("vault")
            try FileManager.default.copyItem(at: source, to: copy)
            let before = try Vault.load(directory: copy.path)
            // The most linked note whose title is a plain line: renaming it changes what the links by name reach.
            let ranked = before.backlinks.indices.sorted { before.backlinks.count(of: $0) > before.backlinks.count(of: $1) }
            var found: (index: Int, text: String)?
            for candidate in ranked.prefix(20) {
                let text = try String(contentsOf: copy.appendingPathComponent(before.notes[candidate].path), encoding: .utf8)
                if text.contains("\ntitle: \(before.notes[candidate].title)\n") {
                    found = (candidate, text)
                    break
                }
            }
            let (target, text) = try #require(found)
            #expect(before.backlinks.count(of: target) > 10)
            let path = before.notes[target].path, title = before.notes[target].title
            try text.replacingOccurrences(of: "\ntitle: \(title)\n", with: "\ntitle: Renamed practice\n")
                .write(to: copy.appendingPathComponent(path), atomically: true, encoding: .utf8)
            let after = try before.reloading(changed: [path])
            let fresh = try Vault.load(directory: copy.path)
            #expect(after.notes[target].title == "Renamed practice")
            Self.expectSame(after, fresh)
            Self.expectSameSearch(after, fresh, queries: ["renamed", "innovation", "denmark", String(title.prefix(12))])
        }
    }

    /// The same hits, in the same order, for each query.
    static func expectSameSearch(_ reloaded: Vault, _ fresh: Vault, queries: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let reloadedIndex = SearchIndex(vault: reloaded), freshIndex = SearchIndex(vault: fresh)
        for text in queries {
            let query = SearchQuery(text)
            #expect(
                reloadedIndex.search(query, vault: reloaded) == freshIndex.search(query, vault: fresh), "query \(text)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("a vault of files in memory reloads to the same vault")
    func memoryVault() throws {
        let files = FolderLoadTests.notes
        let before = vault(files)
        Self.expectSame(try before.reloading(changed: [files[0].0]), before)
        Self.expectSame(try before.reloading(changed: []), before)
    }
}

private func noteText(title: String, aliases: String, body: String) -> String {
    noteText(title: title, extra: "aliases: [\(aliases)]", body: body)
}
