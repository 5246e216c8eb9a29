import Foundation
import Testing
@testable import FacetsCore

/// A folder vault is loaded differently from notes held in memory: links are resolved by path and stem
/// on the threads that parse, and note text is read again from the file when asked. These tests hold
/// both routes to the same answers, and the file-backed text to what is on disk.
@Suite("Loading a folder")
struct FolderLoadTests {
    /// Notes that link in every way the resolver knows: path, stem, `.md` ending, cleaned name, title,
    /// alias, heading-only, missing, leaving the vault, a folder before a name, and a stem shared by two folders.
    static let notes: [(String, String)] = [
        ("a/shared.md", noteText(title: "Shared in a", body: "[[b/shared]] [[shared]] [[Shared]]\n")),
        ("b/shared.md", noteText(title: "Shared in b", body: "[[a/shared.md]] [[#Top]] [[]]\n")),
        (
            "mission_oriented.md",
            noteText(
                title: "Missions", extra: "aliases: [Moon shots]",
                body: "[[Mission-oriented]] [[moon shots]] [[MISSIONS]]\n[[nowhere]]\n")
        ),
        ("notes/deep/leaf.md", noteText(title: "Leaf", body: "[[leaf]] [[deep/leaf]] [[notes/deep/leaf|x]] [[../outside]]\n")),
        ("plain.md", "no front matter, [[Leaf]] and ![[mission_oriented]] and [[shared#Part|label]]\n"),
        ("Title Case.md", noteText(title: "Cased", body: "[[title case]] [[Title_Case]] [[missing one]] [[nowhere]]\n")),
        // Targets the loader cannot look up by their bytes alone (non-ASCII, padded, `~` and `\` starts) next
        // to ones it can: both ways must agree on every one.
        ("u/café.md", noteText(title: "Café", body: "[[café]] [[ plain | padded ]] [[~/home]] [[\\etc]] [[CAFÉ]] [[Plain]]\n")),
        // By title after a folder (the last component), `[[.md]]`, a missing folder path, and a title in capitals.
        ("z/extra.md", noteText(title: "Extra", body: "[[x/Cased]] [[.md]] [[folder/nothing]] [[CASED]] [[Extra]]\n")),
    ]

    /// The notes loaded from a folder and built in memory, handed to `body` while the folder exists
    /// (a folder vault reads its notes' text from their files).
    static func withBothWays<T>(extraFiles: [(String, [UInt8])] = [], _ body: (_ folder: Vault, _ memory: Vault) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            for (path, text) in notes { try folder.write(path, text) }
            for (path, bytes) in extraFiles { try folder.write(path, bytes: bytes) }
            let fromFolder = try Vault.load(directory: folder.path)
            let sorted = notes.sorted { TextOrder.bytesPrecede($0.0, $1.0) }
            return try body(fromFolder, vault(sorted))
        }
    }

    @Test("links resolve as they do for the same notes in memory", arguments: [false, true])
    func sameLinks(withUnreadableFile: Bool) throws {
        // A binary file is listed but not read: the notes after it move up one place, and the loader must
        // not use link targets worked out for the listing's places.
        let extra: [(String, [UInt8])] = withUnreadableFile ? [("b/binary.md", [0x61, 0, 0x62])] : []
        try Self.withBothWays(extraFiles: extra) { folder, memory in
            #expect(folder.notes.map(\.path) == memory.notes.map(\.path))
            #expect(folder.linkTargets == memory.linkTargets)
            #expect(folder.backlinks == memory.backlinks)
            #expect(folder.missing == memory.missing)
            let linkWarnings = { (vault: Vault) in vault.diagnostics.filter { !$0.message.contains("binary") }.map(\.formatted) }
            #expect(linkWarnings(folder) == linkWarnings(memory))
            #expect(folder.diagnostics.contains { $0.message.contains("binary") } == withUnreadableFile)
            // The comparison means something: links of each kind are there.
            let targets = folder.linkTargets.flatMap { $0 }
            #expect(targets.contains(.missing("nowhere")) && targets.contains(.missing("../outside")))
            let mission = try index(of: "mission_oriented.md", in: folder)
            #expect(folder.backlinks[mission].count == 4, "loose name, alias, title and embed")
            let cased = try index(of: "Title Case.md", in: folder), extra = try index(of: "z/extra.md", in: folder)
            #expect(
                folder.backlinks[cased].filter { $0.source == extra }.map(\.linkIndex) == [0, 3],
                "by title after a folder, and by title in capitals")
            #expect(folder.backlinks[extra].map(\.linkIndex) == [4], "a note naming itself links to itself")
            #expect(targets.contains(.missing("nothing")), "a folder path names its last component when missing")
            let cafe = try index(of: "u/café.md", in: folder), plain = try index(of: "plain.md", in: folder)
            #expect(folder.backlinks[plain].filter { $0.source == cafe }.map(\.linkIndex) == [1, 5], "padded, and by title")
            #expect(folder.backlinks[cafe].filter { $0.source == cafe }.map(\.linkIndex) == [0, 4], "accented stem and capitals")
        }
    }

    @Test("talks are named from the channel index as in memory, without reading any file again")
    func talksFromHeadings() throws {
        let index =
            "# Channel\n\n### [First talk](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n- [[one]]\n"
            + "### [Second talk](https://youtu.be/BBBBBBBBBBB)\n- [[two]]\n## not a talk\n"
        let files = [
            ("channel_index.md", index),
            ("one.md", noteText(title: "One", videoId: "AAAAAAAAAAA", body: anchor("00:00:01") + "\n")),
            ("two.md", noteText(title: "Two", videoId: "BBBBBBBBBBB", body: "### [Not read](https://youtu.be/CCCCCCCCCCC)\n")),
        ]
        try withTemporaryFolder { folder in
            for (path, text) in files { try folder.write(path, text) }
            let fromFolder = try Vault.load(directory: folder.path)
            #expect(fromFolder.talks == vault(files).talks)
            #expect(fromFolder.talks.map(\.title) == ["First talk", "Second talk"])
            // Each note brought what the channel index needs from its parse: none is opened again for it.
            #expect(fromFolder.notes.allSatisfy { $0.headingTalks != nil })
            #expect(fromFolder.notes[0].headingTalks?.count == 2)
        }
    }

    @Test("a note's text is read from its file when asked, and shows the file as it is now")
    func textFollowsTheFile() throws {
        try withTemporaryFolder { folder in
            let original = noteText(title: "Changing", body: "first line [[other]]\n")
            try folder.write("changing.md", original)
            try folder.write("other.md", "other\n")
            let vault = try Vault.load(directory: folder.path)
            let changing = try index(of: "changing.md", in: vault)
            let note = vault.notes[changing]
            guard case .file = note.content else {
                Issue.record("a folder note keeps its bytes in memory")
                return
            }
            #expect(note.readText() == original)
            #expect(note.byteCount == original.utf8.count)
            #expect(note.bodyLine(note.bodyFirstLine) == "first line [[other]]")
            #expect(note.readLinks().map(\.target) == ["other"])

            // Edited elsewhere, with a longer front matter: the body is found again.
            let edited = "---\ntitle: Changing\nkind: practice\nsummary: added\n---\nrewritten body\n"
            try folder.write("changing.md", edited)
            #expect(note.readText() == edited)
            #expect(String(note.readBody()) == "rewritten body\n")

            // Its links are read from the file as it is now, like its text; the link graph stays as loaded.
            #expect(note.readLinks().isEmpty)
            #expect(note.linkCount == 1)

            // Deleted: empty, no crash; what the load found stays in the graph.
            try FileManager.default.removeItem(at: folder.appendingPathComponent("changing.md"))
            #expect(note.readText().isEmpty)
            #expect(note.bodyLine(note.bodyFirstLine) == nil || note.bodyLine(note.bodyFirstLine) == "")
            #expect(note.readLinks().isEmpty)
            let other = try index(of: "other.md", in: vault)
            #expect(vault.linkTargets[changing] == [.note(other)])
            #expect(vault.backlinks[other].map(\.source) == [changing])
        }
    }

    @Test("the cache of notes read again keeps the latest used, bounded in notes and in bytes")
    func cacheIsBounded() throws {
        try withTemporaryFolder { folder in
            for number in 0..<(NoteFileCache.capacity + 10) { try folder.write("n\(number).md", "note \(number)\n") }
            let vault = try Vault.load(directory: folder.path)
            guard case .file(let first) = vault.notes[0].content else {
                Issue.record("a folder note keeps its bytes in memory")
                return
            }
            let cache = first.cache
            func cached(_ index: Int) -> Bool {
                guard case .file(let file) = vault.notes[index].content, let stamp = FileStamp(path: file.path) else { return false }
                return cache.lookup(file.path, stamp: stamp) != nil
            }
            // Read every note but the last ten, the first one again in the middle: it stays, being used lately.
            for index in 0..<(NoteFileCache.capacity - 1) {
                #expect(vault.notes[index].readText().hasPrefix("note "))
                if index == NoteFileCache.capacity / 2 { _ = vault.notes[0].readText() }
            }
            for index in (NoteFileCache.capacity - 1)..<(NoteFileCache.capacity + 10) { _ = vault.notes[index].readText() }
            #expect(cache.count == NoteFileCache.capacity)
            #expect(cached(0), "used lately, kept")
            #expect(!cached(1), "the least recently used went first")
            #expect(cached(NoteFileCache.capacity + 9))
        }
        // A few large notes: the bytes bound holds before the count bound.
        try withTemporaryFolder { folder in
            let large = String(repeating: "x", count: 7 << 20)
            for number in 0..<6 { try folder.write("big\(number).md", large) }
            let vault = try Vault.load(directory: folder.path)
            var cache: NoteFileCache?
            for note in vault.notes {
                #expect(note.readText().utf8.count == 7 << 20)
                if case .file(let file) = note.content { cache = file.cache }
            }
            let shared = try #require(cache)
            #expect(shared.byteCount <= NoteFileCache.byteBudget)
            #expect(shared.count == NoteFileCache.byteBudget / (7 << 20))
        }
    }

    @Test("loading reads the vault and never writes it")
    func neverWrites() throws {
        try withTemporaryFolder { folder in
            for (path, text) in Self.notes { try folder.write(path, text) }
            let before = try Self.snapshot(folder)
            let vault = try Vault.load(directory: folder.path)
            for note in vault.notes {
                _ = note.readText()
                _ = note.readBlocks()
                _ = note.readLinks()
            }
            _ = SearchIndex(vault: vault)
            #expect(try Self.snapshot(folder) == before)
        }
    }

    @Test("search finds the same in a folder vault as in the same notes in memory")
    func searchAgrees() throws {
        try Self.withBothWays { folder, memory in
            let fromFolder = SearchIndex(vault: folder), fromMemory = SearchIndex(vault: memory)
            for text in ["shared", "leaf", "moon", "rewritten", "front matter", "miss"] {
                let query = SearchQuery(text)
                #expect(fromFolder.search(query, vault: folder) == fromMemory.search(query, vault: memory), "\(text)")
            }
            #expect(fromFolder.search(SearchQuery("front matter"), vault: folder).count == 1, "a hit in a body, read from its file")
        }
    }

    /// Every file's path, size, modification time and checksum.
    static func snapshot(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let data = FileManager.default.contents(atPath: url.path) ?? Data()
            result[url.path] = "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "") \(fnv1a(data))"
        }
        return result
    }
}

@Suite("Byte-keyed name table")
struct ByteKeyTableTests {
    @Test("answers as a dictionary does, through growth, shared prefixes and non-ASCII keys")
    func agreesWithDictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = ByteKeyTable(capacity: 4)
        var model: [String: Int] = [:]
        let alphabet = Array("ab_ é漢")
        for value in 0..<5_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let key = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let earlier = table.addIfAbsent(key, value)
            #expect(earlier == model[key])
            if model[key] == nil { model[key] = value }
        }
        #expect(table.count == model.count)
        for (key, value) in model { #expect(table.value(key) == value, "\(key)") }
        for probe in ["zz", "abababababababababababab", "a b", "é"] where model[probe] == nil {
            #expect(table.value(probe) == nil, "\(probe)")
        }
    }

    @Test("keys that differ only in length or in their last byte are told apart")
    func nearKeys() {
        var table = ByteKeyTable(capacity: 8)
        let keys = ["", "a", "aa", "aaaaaaa", "aaaaaaaa", "aaaaaaaaa", "aaaaaaab", "aaaaaaaab"]
        for (value, key) in keys.enumerated() { table.addIfAbsent(key, value) }
        for (value, key) in keys.enumerated() { #expect(table.value(key) == value, "\(key)") }
        #expect(table.value("aaaaaaac") == nil)
    }

    @Test("keys are equal when the strings are: precomposed and combining accents meet")
    func canonicalEquivalence() {
        var table = ByteKeyTable(capacity: 4)
        table.addIfAbsent("Cafe\u{301} culture", 7)
        #expect(table.value("Caf\u{E9} culture") == 7)
        #expect(table.addIfAbsent("Caf\u{E9} culture", 8) == 7)
        #expect(table.value("Cafe culture") == nil)
    }
}

@Suite("Byte-keyed name table: normalization")
struct ByteKeyTableNormalizationTests {
    @Test("a combining mark is found wherever it falls: before, inside or after a sixteen-byte step")
    func markAtEveryOffset() {
        for offset in 0...40 {
            let padding = String(repeating: "a", count: offset)
            let decomposed = padding + "e\u{301}bb", composed = padding + "\u{E9}bb"
            var table = ByteKeyTable(capacity: 4)
            table.addIfAbsent(decomposed, offset)
            #expect(table.value(composed) == offset, "mark after \(offset) bytes")
            #expect(Array(decomposed.utf8).withUnsafeBufferPointer(ByteKeyTable.isPlainlyNFC) == false, "\(offset)")
            // Below U+0300 (é precomposed is C3 A9) the bytes are their own normal form.
            #expect(Array(composed.utf8).withUnsafeBufferPointer(ByteKeyTable.isPlainlyNFC), "\(offset)")
        }
    }

    @Test(
        "keys below U+0300 are used as they are; others meet their canonical equivalents",
        arguments: [
            ("façade über Åre", "fac\u{327}ade u\u{308}ber A\u{30A}re"),
            ("Ελλάδα", "Ελλα\u{301}δα"),
            ("Å", "\u{212B}"),
            ("한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"),
        ])
    func equivalents(composed: String, other: String) {
        #expect(composed == other, "the test's two spellings are canonically equivalent")
        var table = ByteKeyTable(capacity: 4)
        table.addIfAbsent(composed, 1)
        #expect(table.value(other) == 1)
        var reversed = ByteKeyTable(capacity: 4)
        reversed.addIfAbsent(other, 2)
        #expect(reversed.value(composed) == 2)
    }
}

@Suite("Listing order")
struct ListingOrderTests {
    @Test("paths sort in the byte order of their UTF-8, prefixes and long shared starts included")
    func byteOrder() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "ab", "abcdefgh", "abcdefghi", "Z", "é", "ü/", "/", "_", "0", "abcdefgh/x"]
        var paths = (0..<3_000).map { _ in
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "a" }.joined()
        }
        paths += ["", "abcdefgh", "abcdefgh"]
        let expected = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(TextOrder.sortedByBytes(paths) == expected)
    }

    @Test("a folder's listing is in the byte order of the whole paths, though each subfolder is sorted on its own")
    func listingByteOrder() throws {
        try withTemporaryFolder { root in
            // Names that sort differently as folders ("a/") than as names ("a"), a folder named like a
            // note, the same name composed and decomposed, nesting, and long shared starts.
            let paths = [
                "a.md", "a/x.md", "a-b/y.md", "a b/z.md", "ab.md", "a/b/c.md", "a/b.md", "a/b0.md", "x.md/inner.md", "x.md.md",
                "caf\u{E9}.md", "cafe\u{301}.md", "caf\u{E9}/n.md", "cafe\u{301}/n.md", "Z/1.md", "_/2.md", "0.md",
                "longsharedfoldername1/aaaaaaaa1.md", "longsharedfoldername1/aaaaaaaa0.md", "longsharedfoldername/aaaaaaaa.md",
            ]
            for path in paths { try root.write(path, "# \(path)\n") }
            for picture in ["caf\u{E9}.png", "cafe\u{301}.png", "a/chart.png", "a.png"] { try root.write(picture, bytes: [0x89, 0x50]) }
            let listing = try VaultReader.list(directory: root.path)
            let expected = listing.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(listing.paths == expected)
            // Every note file listed once (the file system may or may not keep both spellings of "café").
            let files =
                FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])?
                .compactMap { $0 as? URL }
                .filter { ($0.pathExtension == "md") && ((try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false) } ?? []
            #expect(listing.paths.count == files.count, "\(listing.paths)")
            #expect(listing.paths.count >= paths.count - 2)
            // The other files too: in byte order, each once, however its name is spelled.
            let pictures = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".png") } ?? []
            #expect(listing.attachments.map(\.path) == listing.attachments.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(listing.attachments.count == pictures.count, "\(listing.attachments.map(\.path)) vs \(pictures)")
        }
    }
}
