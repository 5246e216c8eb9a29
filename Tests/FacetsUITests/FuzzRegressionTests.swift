import FacetsCore
import Foundation
import Testing
@testable import FacetsUI

/// Every input the fuzzer (`Fuzz/`) found crashing or breaking one of its properties, kept in
/// `Tests/Fixtures/FuzzCrashes` and put through what the fuzz target does: parse, a small vault around it,
/// layout at its four widths, the pages around it, a search. Each must pass the fuzz target's checks.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/FuzzCrashes")
    }

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// The fuzz target's fixed notes: one linking to the fuzzed note, one it may link to.
    static let fixedFiles = [
        SourceFile(
            path: "start.md",
            text: "---\ntitle: Start here\nvideoId: VIDEO\naliases: Begin\n---\n"
                + "Links to [[fuzz]], [[Fuzz note|the fuzzed note]] and [[other_note#Part|other]] "
                + "<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a>."),
        SourceFile(
            path: "sub/other_note.md",
            text: "---\ntitle: Other note\nkind: practice\ngroup: Group\nvideoId: VIDEO\n---\n"
                + "# Part\n- [[start]] said [00:00:30] and [[fuzz]]"),
    ]

    /// What the fuzz target checks of a document: no line wider than the width, no control character
    /// or bidi override, every reference on a row.
    static func problems(_ document: RenderedDocument, width: Int) -> [String] {
        var found: [String] = []
        for line in document.lines {
            if width > 6, line.width > width { found.append("width \(line.width) > \(width): \(line.text.debugDescription)") }
            if line.text.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) { found.append("control in \(line.text.debugDescription)") }
        }
        for ref in document.refs where ref.row < 0 || (!document.lines.isEmpty && ref.row >= document.lines.count) {
            found.append("reference on row \(ref.row)")
        }
        return found
    }

    static func replay(_ bytes: [UInt8]) throws -> [String] {
        var found: [String] = []
        let note = NoteParser.parse(path: "fuzz.md", bytes: bytes)
        let lineCount = note.readText().utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        for link in note.readLinks() where link.line < 1 || link.line > lineCount { found.append("link on line \(link.line)") }
        _ = note.readBlocks()
        let vault = Vault(origin: "fuzz", files: fixedFiles + [SourceFile(path: "fuzz.md", bytes: bytes)])
        let index = try #require(vault.notes.firstIndex { $0.path == "fuzz.md" })
        let moment = vault.notes[index].timestamps.first.map { vault.seconds(of: $0, inNote: index) }
        for width in [7, 23, 41, 80] {
            found += problems(DocumentLayout.note(index, vault: vault, width: width, moment: moment), width: width)
        }
        for other in vault.notes.indices where other != index {
            found += problems(DocumentLayout.note(other, vault: vault, width: 40, moment: 62), width: 40)
        }
        for name in vault.missing.keys.sorted() { found += problems(DocumentLayout.missing(name, vault: vault, width: 40), width: 40) }
        for video in vault.videoIds {
            found += problems(DocumentLayout.timeline(videoId: video, seconds: moment, vault: vault, width: 40), width: 40)
        }
        let query = SearchQuery(String(vault.notes[index].title.prefix(12)))
        for hit in SearchIndex(vault: vault).search(query, vault: vault, limit: 5) { _ = vault.notes[hit.note].matchedLine(for: query) }
        return found
    }

    @Test("each input the fuzzer found now passes its checks", arguments: FuzzRegressionTests.inputs)
    func replayFound(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let found = try Self.replay(bytes)
        #expect(found.isEmpty, "\(name): \(found.prefix(5))")
    }

    @Test("the fixtures are there")
    func fixturesPresent() {
        #expect(!Self.inputs.isEmpty, "no inputs in \(Self.folder.path)")
    }

    @Test("a callout whose kind holds controls and no title shows its kind inert (found by the fuzzer)")
    func calloutKind() throws {
        let vault = Vault(origin: "t", files: [SourceFile(path: "n.md", bytes: Array("> [!N\u{13}\0\u{1B}[2JOTE]\n> body\n".utf8))])
        let document = DocumentLayout.note(0, vault: vault, width: 40)
        #expect(document.lines.contains { $0.text.contains("N␓␀␛[2jote") }, "\(document.lines.map(\.text))")
        #expect(Self.problems(document, width: 40).isEmpty)
    }

    @Test("blank lines inside quotes nested deeper than the width is wide are cut to it (found by the fuzzer)")
    func deepQuoteBlanks() {
        let bars = String(repeating: "> ", count: 10)
        let vault = Vault(origin: "t", files: [SourceFile(path: "n.md", text: "\(bars)first\n\(bars)\n\(bars)second\n")])
        for width in [7, 12, 19] {
            let document = DocumentLayout.note(0, vault: vault, width: width)
            #expect(document.lines.allSatisfy { $0.width <= width }, "\(width): \(document.lines.map(\.text))")
            #expect(document.lines.contains { $0.text.contains("│") }, "the quote bars are drawn at \(width): \(document.lines.map(\.text))")
        }
    }
}
