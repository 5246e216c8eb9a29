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
