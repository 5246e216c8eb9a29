import Foundation
import Testing
@testable import FacetsCore

/// Notes can be hostile or just broken; loading and rendering them must cost bounded work.
/// The timing budgets are generous: linear code needs milliseconds for these sizes, even in debug builds.
@Suite("Hostile input")
struct HostileInputTests {
    func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    @Test("unmatched emphasis, long lines and deep quotes stay fast and lose no text")
    func boundedEmphasisAndNesting() {
        let stars = String(repeating: "*a ", count: 2000) + String(repeating: "_b ", count: 2000)
        var inlines: [Inline] = []
        let elapsed = seconds { inlines = InlineParser.parse(stars, line: 1) }
        #expect(elapsed < 2, "\(elapsed) s")
        #expect(plain(inlines) == stars)

        let quotes = String(repeating: "> ", count: 2000) + "deep [[link]]"
        let n = note(quotes)
        #expect(n.links.map(\.target) == ["link"])
        let blocks = n.blocks
        #expect(!blocks.isEmpty)

        let lists = (0..<500).map { String(repeating: " ", count: $0) + "- x" }.joined(separator: "\n")
        #expect(seconds { _ = BlockParser.parse(lists, firstLine: 1) } < 2)
    }

    @Test("an open `<div>` that never closes takes the rest of the note, once")
    func unclosedDiv() {
        let body = "<div class=\"callout\">\n" + String(repeating: "line [[x]]\n", count: 5000)
        var blocks: [Block] = []
        let elapsed = seconds { blocks = BlockParser.parse(body, firstLine: 1) }
        #expect(elapsed < 2, "\(elapsed) s")
        #expect(wikiLinks(in: allInlines(blocks)).count == 5000)
    }

    @Test("control characters, NULs and lone surrogates' replacements in a note do not break parsing")
    func oddBytes() {
        let bytes: [UInt8] = Array("---\ntitle: T\n---\n".utf8) + [0x1B, 0x5B, 0x32, 0x4A, 0x0A, 0xED, 0xA0, 0x80, 0x0A]
            + Array("[[ok]]".utf8)
        let n = NoteParser.parse(path: "odd.md", bytes: bytes)
        #expect(n.links.map { "\($0.target)@\($0.line)" } == ["ok@6"])
        #expect(n.diagnostics.contains { $0.message.contains("UTF-8") && $0.line == 5 })
    }

    // MARK: Known bugs: look-ahead to the end of the line at every candidate, quadratic in line length.

    @Test("a line of many `<a ` costs linear time to load (TimestampSyntax.anchor)")
    func manyAnchorOpenings() {
        let line = String(repeating: "<a ", count: 8000)
        var n: Note?
        let elapsed = seconds { n = note(line) }
        #expect(n?.timestamps.isEmpty == true)
        #expect(elapsed < 0.5, "loading a 24 KB line took \(elapsed) s")
    }

    @Test("a line of many `[[` costs linear time to load (WikiLinkSyntax.parse)")
    func manyBrackets() {
        let line = String(repeating: "[", count: 20_000)
        var n: Note?
        let elapsed = seconds { n = note(line) }
        #expect(n?.links.isEmpty == true)
        #expect(elapsed < 0.5, "loading a 20 KB line took \(elapsed) s")
    }

    @Test("a line of many unclosed tags costs linear time to render (InlineParser.skipTag)")
    func manyTagOpenings() {
        let line = String(repeating: "<b ", count: 10_000)
        var inlines: [Inline] = []
        let elapsed = seconds { inlines = InlineParser.parse(line, line: 1) }
        #expect(plain(inlines) == line)
        #expect(elapsed < 0.5, "rendering a 30 KB line took \(elapsed) s")
    }
}
