import FacetsBundledContent
import Foundation
import Testing
@testable import FacetsCore

/// The bundled content starts from notes parsed at build time (`PrebuiltVault`): that vault must be
/// exactly the one a fresh parse gives, note by note and relation by relation.
@Suite("Prebuilt vault")
struct PrebuiltVaultTests {
    /// The bundled files as `facets` lends them: the binary's constants, not copies.
    static var bundledFiles: [SourceFile] {
        BundledContent.files.map { file in
            SourceFile(path: file.path, bytes: NoteBytes(immortal: file.utf8.utf8Start, count: file.utf8.utf8CodeUnitCount))
        }
    }

    static func prebuiltBundled() throws -> Vault {
        let form = BundledContent.prebuiltNotes
        let loaded = PrebuiltVault.load(
            form: UnsafeBufferPointer(start: form.utf8Start, count: form.utf8CodeUnitCount), files: bundledFiles, origin: "bundled")
        return try #require(loaded, "the embedded form does not fit the embedded files").vault
    }

    @Test("the prebuilt bundled vault is the vault a fresh parse of Data/ on disk gives")
    func sameAsDataFolder() throws {
        let prebuilt = try Self.prebuiltBundled()
        let data = Fixture.packageRoot.appendingPathComponent("Data").path
        let parsed = try Vault.load(directory: data)
        #expect(prebuilt.notes.count == parsed.notes.count, "Data/ changed and the build did not embed it again?")
        try Self.expectSame(prebuilt, parsed)
    }

    @Test("the prebuilt bundled vault is the vault parsing the embedded files gives")
    func sameAsEmbeddedParse() throws {
        let prebuilt = try Self.prebuiltBundled()
        let parsed = try Vault.load(.files(Self.bundledFiles, origin: "bundled")).vault
        try Self.expectSame(prebuilt, parsed)
        #expect(prebuilt.diagnostics == parsed.diagnostics)
    }

    @Test("notes of every shape come back as parsed: YAML lists, maps, nulls, broken YAML, CRLF, BOM, no front matter")
    func everyShapeRoundTrips() throws {
        let texts: [(String, String)] = [
            (
                "a.md",
                "---\ntitle: A \"quoted\" title\naliases: [One, \"Two: too\"]\nmeta:\n  depth: 2\n  list:\n    - x\n    - ~\nempty:\n---\nSee [[b|the B note]] and ![[c#Part]] <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>\n"
            ),
            ("b.md", "---\ntitle: [unclosed\n---\nBody with [12:34] and [[a]] and [[missing note]].\n"),
            ("c.md", "\u{FEFF}---\r\ntitle: Crlf\r\nvideoId: abc-123\r\n---\r\n# Part\r\nLine [[#Part]] [01:02:03]\r\n"),
            ("sub/d é.md", "No front matter, just [[a]] and unicode: ünïcødé 日本.\n"),
            ("e.md", "---\ntitle: never closed\n"),
            ("f.md", ""),
            ("g.md", "---\nkind: practice\norder: 3\n---\n"),
        ]
        let files = texts.map { SourceFile(path: $0.0, text: $0.1) }
        let form = PrebuiltVault.form(of: files)
        let loaded = form.withUnsafeBufferPointer { PrebuiltVault.load(form: $0, files: files, origin: "shapes") }
        let prebuilt = try #require(loaded).vault
        let parsed = try Vault.load(.files(files, origin: "shapes")).vault
        try Self.expectSame(prebuilt, parsed)
        #expect(prebuilt.diagnostics == parsed.diagnostics)
        #expect(!parsed.diagnostics.isEmpty, "the broken notes above are diagnosed")
        #expect(prebuilt.notes[0].frontMatter.strings("aliases") == ["One", "Two: too"])
    }

    @Test("a form that does not fit its files is refused, so the caller parses instead")
    func damagedFormsAreRefused() throws {
        let files = [SourceFile(path: "a.md", text: "---\ntitle: A\n---\n[[b]]\n"), SourceFile(path: "b.md", text: "B\n")]
        let form = PrebuiltVault.form(of: files)
        func load(_ bytes: [UInt8], _ files: [SourceFile]) -> Vault? {
            bytes.withUnsafeBufferPointer { PrebuiltVault.load(form: $0, files: files, origin: "x")?.vault }
        }
        #expect(load(form, files) != nil)
        #expect(load(Array(form.dropLast()), files) == nil, "cut short")
        #expect(load(form + [0x31], files) == nil, "bytes after the end")
        #expect(load(Array(form.dropFirst()), files) == nil, "another header")
        #expect(load(form, Array(files.reversed())) == nil, "files in another order")
        #expect(load(form, [files[0]]) == nil, "fewer files")
        let edited = [files[0], SourceFile(path: "b.md", text: "B, edited\n")]
        #expect(load(form, edited) == nil, "a file of another size")
        for cut in stride(from: 0, to: form.count, by: 7) {
            var damaged = form
            damaged[cut] = 0x7F
            _ = load(damaged, files)  // never crashes, whatever it decides
        }
    }

    /// Every note (fields, text, links, timestamps) and every relation (link targets, backlinks,
    /// missing links, talks, timelines, tree and its order).
    static func expectSame(_ a: Vault, _ b: Vault, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(a.notes.count == b.notes.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.notes, b.notes) {
            #expect(x.path == y.path, sourceLocation: sourceLocation)
            #expect(x.stem == y.stem && x.title == y.title, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.frontMatter == y.frontMatter, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.videoId == y.videoId && x.kind == y.kind, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.byteCount == y.byteCount && x.readBodyOffset() == y.readBodyOffset(), "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.bodyFirstLine == y.bodyFirstLine, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.readText() == y.readText(), "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.readLinks() == y.readLinks() && x.linkCount == y.linkCount, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.timestamps == y.timestamps, "\(x.path)", sourceLocation: sourceLocation)
            #expect(x.diagnostics == y.diagnostics, "\(x.path)", sourceLocation: sourceLocation)
        }
        for note in a.notes.indices {
            #expect(a.linkTargets[note] == b.linkTargets[note], "links of \(a.notes[note].path)", sourceLocation: sourceLocation)
            #expect(a.backlinks[note] == b.backlinks[note], "backlinks of \(a.notes[note].path)", sourceLocation: sourceLocation)
        }
        #expect(a.missing == b.missing, sourceLocation: sourceLocation)
        #expect(a.talks == b.talks, sourceLocation: sourceLocation)
        #expect(a.videoIds == b.videoIds, sourceLocation: sourceLocation)
        for video in a.videoIds {
            #expect(a.timeline(videoId: video) == b.timeline(videoId: video), "timeline of \(video)", sourceLocation: sourceLocation)
        }
        #expect(a.tree == b.tree && a.treeGrouping == b.treeGrouping, sourceLocation: sourceLocation)
        #expect(a.treeOrder == b.treeOrder, sourceLocation: sourceLocation)
    }
}
