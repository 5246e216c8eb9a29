import Foundation
import Testing
@testable import FacetsCore

/// Notes can be hostile or just broken; loading and rendering them must cost bounded work.
///
/// Costs are checked by how they grow, not against a clock: the same work at four times the size takes
/// about 4x as long when linear and 16x when quadratic. The fastest of three runs at each size is used,
/// so a machine busy with other tests (or anything else) does not decide the outcome, as it did for the
/// fixed budgets these tests had.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    /// How many times longer `work(4 * size)` takes than `work(size)`, the fastest of five runs each.
    func growth(from size: Int, _ work: (Int) -> Void) -> Double {
        func fastest(_ n: Int) -> Double {
            (0..<5).map { _ in seconds { work(n) } }.reduce(Double.infinity, min)
        }
        return fastest(4 * size) / max(fastest(size), 1e-6)
    }

    /// Linear work grows about 4x; quadratic 16x. Room above 4 for fixed costs and timer noise.
    static let linear = 9.0

    @Test("unmatched emphasis, long lines and deep quotes stay linear and lose no text")
    func boundedEmphasisAndNesting() {
        func stars(_ n: Int) -> String { String(repeating: "*a ", count: n) + String(repeating: "_b ", count: n) }
        let text = stars(2000)
        #expect(plain(InlineParser.parse(text, line: 1)) == text)
        let ratio = growth(from: 2000) { n in _ = InlineParser.parse(stars(n), line: 1) }
        #expect(ratio < Self.linear, "4x the unmatched emphasis took \(ratio)x as long")

        let quotes = String(repeating: "> ", count: 2000) + "deep [[link]]"
        let n = note(quotes)
        #expect(n.readLinks().map(\.target) == ["link"])
        let blocks = n.readBlocks()
        #expect(!blocks.isEmpty)

        // Items each one space deeper: the text itself grows with the square of the depth, so the bound is
        // on the text's length (16x the text for 4x the depth).
        func lists(_ depth: Int) -> String { (0..<depth).map { String(repeating: " ", count: $0) + "- x" }.joined(separator: "\n") }
        let nesting = growth(from: 125) { depth in _ = BlockParser.parse(lists(depth), firstLine: 1) }
        #expect(nesting < 16 * Self.linear / 4, "4x the depth (16x the text) took \(nesting)x as long")
    }

    @Test("an open `<div>` that never closes takes the rest of the note, once")
    func unclosedDiv() {
        func body(_ lines: Int) -> String { "<div class=\"callout\">\n" + String(repeating: "line [[x]]\n", count: lines) }
        let blocks = BlockParser.parse(body(5000), firstLine: 1)
        #expect(wikiLinks(in: allInlines(blocks)).count == 5000)
        let ratio = growth(from: 1500) { lines in _ = BlockParser.parse(body(lines), firstLine: 1) }
        #expect(ratio < Self.linear, "4x the lines took \(ratio)x as long")
    }

    @Test("control characters, NULs and lone surrogates' replacements in a note do not break parsing")
    func oddBytes() {
        let bytes: [UInt8] =
            Array("---\ntitle: T\n---\n".utf8) + [0x1B, 0x5B, 0x32, 0x4A, 0x0A, 0xED, 0xA0, 0x80, 0x0A]
            + Array("[[ok]]".utf8)
        let n = NoteParser.parse(path: "odd.md", bytes: bytes)
        #expect(n.readLinks().map { "\($0.target)@\($0.line)" } == ["ok@6"])
        #expect(n.diagnostics.contains { $0.message.contains("UTF-8") && $0.line == 5 })
    }

    // MARK: Once quadratic: look-ahead to the end of the line at every candidate.

    @Test("a line of many `<a ` costs linear time to load (TimestampSyntax.anchor)")
    func manyAnchorOpenings() {
        #expect(note(String(repeating: "<a ", count: 8000)).timestamps.isEmpty)
        let ratio = growth(from: 32_000) { n in _ = note(String(repeating: "<a ", count: n)) }
        #expect(ratio < Self.linear, "4x the line took \(ratio)x as long to load")
    }

    @Test("a line of many `[[` costs linear time to load (WikiLinkSyntax.parse)")
    func manyBrackets() {
        #expect(note(String(repeating: "[", count: 20_000)).readLinks().isEmpty)
        let ratio = growth(from: 80_000) { n in _ = note(String(repeating: "[", count: n)) }
        #expect(ratio < Self.linear, "4x the line took \(ratio)x as long to load")
    }

    @Test("a line of many unclosed tags costs linear time to render (InlineParser.skipTag)")
    func manyTagOpenings() {
        let line = String(repeating: "<b ", count: 10_000)
        #expect(plain(InlineParser.parse(line, line: 1)) == line)
        let ratio = growth(from: 40_000) { n in _ = InlineParser.parse(String(repeating: "<b ", count: n), line: 1) }
        #expect(ratio < Self.linear, "4x the line took \(ratio)x as long to render")
    }
}
