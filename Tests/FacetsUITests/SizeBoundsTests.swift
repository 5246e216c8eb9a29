import FacetsCore
import Foundation
import Testing
@testable import FacetsUI

/// Notes and vaults of hostile size and shape, made at test time (never committed): each loads, lays out
/// and renders in bounded time, warns where something was skipped, and the rest of the vault still loads.
/// Ceilings are wide (a loaded 2-core machine, a debug build, other suites running alongside): linear code
/// needs a small fraction of them; the quadratic behaviour these tests once found needed minutes.
/// The default run takes one seeded sample of each test's shapes and leaves out the 100,000-note vault
/// (minutes of writing files); `FACETS_FULL_SWEEP=1` (CI) runs every shape (see `SizeSweep`).
@Suite("Size and shape bounds", .serialized)
struct SizeBoundsTests {
    static let limit = VaultReader.maximumFileSize

    /// Seconds `work` took.
    static func seconds<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try work()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// A fresh folder with a small ordinary note that links to `linked`, removed afterwards.
    static func withVault<T>(linking linked: String, _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\ntitle: Ordinary\n---\nAn ordinary note beside a huge one: [[\(linked)]].\n"
            .write(to: folder.appendingPathComponent("ordinary.md"), atomically: false, encoding: .utf8)
        return try body(folder)
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    /// Bytes of `count` length made by repeating `piece` (cut at the end), with an optional front matter first.
    static func repeated(_ piece: String, toLength count: Int, header: String = "") -> [UInt8] {
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(count)
        let unit = Array(piece.utf8)
        while bytes.count + unit.count <= count { bytes += unit }
        while bytes.count < count { bytes.append(0x78) }
        return bytes
    }

    /// Loads, lays out every note at 80 and 20 columns, renders the explorer with the note open, and
    /// builds the search index: what opening the vault and reading the note costs.
    static func loadAndShow(_ folder: URL, note stem: String) throws -> (vault: Vault, document: RenderedDocument) {
        let vault = try Vault.load(directory: folder.path)
        let index = try #require(vault.notes.firstIndex { $0.stem == stem }, "\(stem) did not load")
        let document = DocumentLayout.note(index, vault: vault, width: 80)
        _ = DocumentLayout.note(index, vault: vault, width: 20)
        var state = AppState(vault: vault, width: 80, height: 24)
        _ = state.handle(.character("3"))
        _ = Renderer.render(state)
        _ = SearchIndex(vault: vault).search(SearchQuery("word"), vault: vault, limit: 10)
        return (vault, document)
    }

    @Test("a 50 MB note is skipped with a warning; the rest of the vault loads")
    func fiftyMegabytes() throws {
        try Self.withVault(linking: "huge") { folder in
            try Self.write(
                Self.repeated(
                    "A paragraph with [[ordinary]] links and **bold** words.\n\n", toLength: 50_000_000,
                    header: "---\ntitle: Huge\n---\n"), to: folder.appendingPathComponent("huge.md"))
            let (vault, elapsed) = try Self.seconds { try Vault.load(directory: folder.path) }
            #expect(elapsed < 20, "\(elapsed) s")
            #expect(vault.notes.map(\.stem) == ["ordinary"])
            #expect(vault.warnings.contains { $0.path == "huge.md" && $0.message.contains("over the 8 MiB limit") }, "\(vault.warnings)")
            #expect(vault.missing["huge"] != nil, "the link to the skipped note is a missing one")
        }
    }

    @Test("a single 10 MB line is skipped with a warning; the rest of the vault loads")
    func tenMegabyteLine() throws {
        try Self.withVault(linking: "line") { folder in
            try Self.write(Self.repeated("word [[ordinary]] *it* ", toLength: 10_000_000), to: folder.appendingPathComponent("line.md"))
            let (vault, elapsed) = try Self.seconds { try Vault.load(directory: folder.path) }
            #expect(elapsed < 20, "\(elapsed) s")
            #expect(vault.notes.map(\.stem) == ["ordinary"])
            #expect(vault.warnings.contains { $0.path == "line.md" && $0.message.contains("over the 8 MiB limit") })
        }
    }

    @Test(
        "a note just under the limit made of one long line loads, lays out and renders",
        arguments: SizeSweep.sample(
            [
                "word [[ordinary]] *emphasis* `code` <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a> ",
                "x",  // one word of 8 MiB: every row of the layout cuts it
            ], 1, salt: "longLineUnderTheLimit"))
    func longLineUnderTheLimit(piece: String) throws {
        try Self.withVault(linking: "line") { folder in
            let size = Self.limit - 1024
            try Self.write(
                Self.repeated(piece, toLength: size, header: "---\ntitle: Line\nvideoId: VID\n---\n"),
                to: folder.appendingPathComponent("line.md"))
            let ((vault, document), elapsed) = try Self.seconds { try Self.loadAndShow(folder, note: "line") }
            #expect(elapsed < 240, "\(elapsed) s to load and show an 8 MiB line")
            #expect(vault.notes.count == 2)
            #expect(!vault.warnings.contains { $0.path == "line.md" && $0.message.contains("skipped") })
            #expect(document.lines.count > size / 80 / 2, "the line is laid out, not cut: \(document.lines.count) rows")
            #expect(document.lines.allSatisfy { $0.width <= 80 })
        }
    }

    @Test(
        "100,000 links in one note, one per line and all on one line, to one note and to many",
        arguments: SizeSweep.sample(
            [
                [true, true], [true, false], [false, true], [false, false],
            ], 1, salt: "hundredThousandLinks"
        ).map { ($0[0], $0[1]) })
    func hundredThousandLinks(onOneLine: Bool, sameTarget: Bool) throws {
        try Self.withVault(linking: "links") { folder in
            let separator = onOneLine ? " " : "\n"
            let links = (0..<100_000).map { i in sameTarget ? "[[ordinary|o\(i)]]" : "[[target \(i % 5000)]]" }
            let text = "---\ntitle: Links\n---\n" + links.joined(separator: separator) + "\n"
            #expect(text.utf8.count < Self.limit)
            try text.write(to: folder.appendingPathComponent("links.md"), atomically: false, encoding: .utf8)
            let ((vault, document), elapsed) = try Self.seconds { try Self.loadAndShow(folder, note: "links") }
            #expect(elapsed < 240, "\(elapsed) s")
            let index = try #require(vault.notes.firstIndex { $0.stem == "links" })
            #expect(vault.notes[index].readLinks().count == 100_000)
            #expect(document.refs.count >= 100_000)
            // The linked note's page lists every backlink, each with its line's text.
            let ordinary = try #require(vault.notes.firstIndex { $0.stem == "ordinary" })
            let (backlinksPage, backlinksTime) = Self.seconds { DocumentLayout.note(ordinary, vault: vault, width: 80) }
            #expect(backlinksTime < 120, "\(backlinksTime) s to lay out \(vault.backlinks[ordinary].count) backlinks")
            #expect(backlinksPage.refs.count >= vault.backlinks[ordinary].count)
            if !sameTarget {
                #expect(vault.missing.count == 5000)
                let (missingPage, missingTime) = Self.seconds { DocumentLayout.missing("target 7", vault: vault, width: 80) }
                #expect(missingTime < 60, "\(missingTime) s")
                #expect(missingPage.refs.count == 20)
            }
        }
    }

    @Test(
        "100,000 timestamps in one note, on one line and one per line, with words and bare: its page, its timeline",
        arguments: SizeSweep.sample([[true, true], [false, true], [true, false]], 1, salt: "hundredThousandTimestamps")
            .map { ($0[0], $0[1]) })
    func hundredThousandTimestamps(onOneLine: Bool, worded: Bool) throws {
        try Self.withVault(linking: "stamps") { folder in
            let stamps = (0..<100_000).map { i in
                let time = "00:\(i % 60 < 10 ? "0" : "")\(i % 60):0\(i % 10)"
                return worded ? "said \(i) <a class=\"yt-timestamp\" data-t=\"\(time)\">[t]</a>" : "[\(time)]"
            }
            let text = "---\ntitle: Stamps\nvideoId: VID\n---\n" + stamps.joined(separator: onOneLine ? " " : "\n") + "\n"
            #expect(text.utf8.count < Self.limit)
            try text.write(to: folder.appendingPathComponent("stamps.md"), atomically: false, encoding: .utf8)
            let ((vault, _), loadTime) = try Self.seconds { try Self.loadAndShow(folder, note: "stamps") }
            #expect(loadTime < 240, "\(loadTime) s")
            let index = try #require(vault.notes.firstIndex { $0.stem == "stamps" })
            #expect(vault.notes[index].timestamps.count == 100_000)
            // The talk's timeline: every statement, each from its line.
            let (timeline, timelineTime) = Self.seconds { DocumentLayout.timeline(videoId: "VID", seconds: 62, vault: vault, width: 80) }
            #expect(timelineTime < 240, "\(timelineTime) s for a timeline of 100,000 statements")
            // A note says a statement once per moment: bare stamps say the same (nothing), and worded stamps
            // all on one line share that line's one sentence, so both give one statement per moment, 60 of them.
            #expect(worded && !onOneLine ? timeline.refs.count > 100_000 : timeline.refs.count == 1 + 60)
            // The note at a moment: what else is said around it (nothing: every stamp is this note's).
            let (page, pageTime) = Self.seconds { DocumentLayout.note(index, vault: vault, width: 80, moment: 62) }
            #expect(pageTime < 120, "\(pageTime) s")
            #expect(page.lines.contains { $0.text.contains("Said around 00:01:02 (0)") })
        }
    }

    @Test("10,000 nested list levels: over the limit as a file (skipped, warned), bounded when parsed anyway")
    func deepLists() throws {
        let levels = (0..<10_000).map { String(repeating: " ", count: $0) + "- level \($0) [[ordinary]]" }
        let text = "---\ntitle: Deep\n---\n" + levels.joined(separator: "\n") + "\n"
        try Self.withVault(linking: "deep") { folder in
            try text.write(to: folder.appendingPathComponent("deep.md"), atomically: false, encoding: .utf8)
            // The first 4,000 levels fit under the limit: that file loads and shows.
            let fitting = "---\ntitle: Fitting\n---\n" + levels.prefix(4000).joined(separator: "\n") + "\n"
            #expect(fitting.utf8.count < Self.limit)
            try fitting.write(to: folder.appendingPathComponent("fitting.md"), atomically: false, encoding: .utf8)
            let ((vault, document), elapsed) = try Self.seconds { try Self.loadAndShow(folder, note: "fitting") }
            #expect(elapsed < 240, "\(elapsed) s")
            #expect(vault.warnings.contains { $0.path == "deep.md" && $0.message.contains("over the 8 MiB limit") })
            #expect(document.lines.contains { $0.text.contains("level 3999") }, "the deepest item is shown")
            #expect(document.lines.allSatisfy { $0.width <= 80 }, "nesting stops indenting before the width runs out")
        }
        // The whole 50 MB text parsed and laid out without the reader's limit (as bundled content would be).
        let (document, elapsed) = Self.seconds { () -> RenderedDocument in
            let vault = Vault(origin: "memory", files: [SourceFile(path: "deep.md", text: text)])
            return DocumentLayout.note(0, vault: vault, width: 80)
        }
        #expect(elapsed < 300, "\(elapsed) s")
        #expect(document.lines.contains { $0.text.contains("level 9999") })
    }

    @Test(
        "100,000 small notes load, every one of them; the explorer opens and searches them",
        .enabled(if: SizeSweep.full, "minutes of writing 100,000 files: FACETS_FULL_SWEEP=1 runs it"))
    func hundredThousandNotes() throws {
        try Self.withVault(linking: "note_0") { folder in
            for i in 0..<100_000 {
                let sub = folder.appendingPathComponent("d\(i / 1000)")
                if i % 1000 == 0 { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
                // Half the notes in groups of their own: 50,000 groups once made building the tree quadratic.
                let text = "---\ntitle: Note \(i)\nkind: k\(i % 7)\ngroup: g\(i % 50_000)\n---\nNote \(i) links [[note_\((i + 1) % 100_000)]].\n"
                try Self.write(Array(text.utf8), to: sub.appendingPathComponent("note_\(i).md"))
            }
            let ((vault, _), elapsed) = try Self.seconds { try Self.loadAndShow(folder, note: "note_500") }
            #expect(elapsed < 300, "\(elapsed) s")
            #expect(vault.notes.count == 100_001)
            #expect(vault.missing.isEmpty, "every link resolves")
        }
    }
}
