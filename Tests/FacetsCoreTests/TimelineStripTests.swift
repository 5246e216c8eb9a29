import Testing
@testable import FacetsCore

@Suite("Timeline strip")
struct TimelineStripTests {
    @Test("one bucket per cell, each moment in the cell its second falls in")
    func buckets() {
        // A 100 s talk in 10 cells: 10 s a cell.
        let strip = TimelineStrip(seconds: [0, 9, 10, 55, 99, 100], length: 100, cells: 10)
        #expect(strip.buckets.count == 10)
        #expect(strip.buckets.map(\.count) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2])
        #expect(strip.buckets[0].moments == [0, 1] && strip.buckets[5].moments == [3] && strip.buckets[9].moments == [4, 5])
        #expect(strip.buckets.map(\.start) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
        #expect(strip.buckets[9].end == 100 && strip.buckets[4].end == 50)
        #expect(strip.pastEnd == 0)
    }

    @Test("cells that do not divide the length evenly still cover it without gaps")
    func unevenCells() {
        let strip = TimelineStrip(seconds: Array(0...7), length: 7, cells: 3)
        #expect(strip.buckets.map(\.start) == [0, 3, 5])
        #expect(zip(strip.buckets.dropLast(), strip.buckets.dropFirst()).allSatisfy { $0.end == $1.start })
        #expect(strip.buckets.map(\.count).reduce(0, +) == 8)
        for (cell, bucket) in strip.buckets.enumerated() {
            for moment in bucket.moments {
                #expect(TimelineStrip.cell(forSecond: moment, length: 7, cells: 3) == cell)
                #expect(moment >= bucket.start && (moment < bucket.end || cell == 2))
            }
        }
    }

    @Test("density: the densest cell darkest, lighter cells by their share, empty cells level 0")
    func density() {
        let seconds = Array(repeating: 5, count: 8) + Array(repeating: 15, count: 4) + [25, 25] + [35]
        let strip = TimelineStrip(seconds: seconds, length: 40, cells: 4)
        #expect(strip.buckets.map(\.count) == [8, 4, 2, 1])
        #expect(strip.buckets.map(\.level) == [4, 2, 1, 1])
        #expect(strip.picture() == "█▒░░")
        #expect(strip.picture(shades: TimelineStrip.asciiShades, empty: "-") == "#:..")
        let sparse = TimelineStrip(seconds: [5], length: 40, cells: 4)
        #expect(sparse.buckets.map(\.level) == [4, 0, 0, 0], "one moment is the densest there is")
        #expect(sparse.picture() == "█───")
    }

    @Test("edges: a zero-length talk, one moment, a moment past the end, no cells, no moments")
    func edges() {
        let zero = TimelineStrip(seconds: [0, 0], length: 0, cells: 5)
        #expect(zero.buckets.map(\.count) == [2, 0, 0, 0, 0])
        #expect(zero.buckets.allSatisfy { $0.start == 0 && $0.end == 0 })
        let one = TimelineStrip(seconds: [30], length: 60, cells: 6)
        #expect(one.buckets.map(\.count) == [0, 0, 0, 1, 0, 0])
        let past = TimelineStrip(seconds: [10, 500], length: 60, cells: 6)
        #expect(past.buckets.map(\.count) == [0, 1, 0, 0, 0, 1], "past the end: counted in the last cell")
        #expect(past.pastEnd == 1)
        let before = TimelineStrip(seconds: [-5], length: 60, cells: 6)
        #expect(before.buckets[0].count == 1)
        let none = TimelineStrip(seconds: [10], length: 60, cells: 0)
        #expect(none.buckets.isEmpty && none.cell(forSecond: 10) == nil && none.picture().isEmpty)
        let empty = TimelineStrip(seconds: [], length: 60, cells: 3)
        #expect(empty.buckets.map(\.level) == [0, 0, 0] && empty.cellWithMoments(after: -1) == nil)
    }

    @Test("moving along: the next and previous cells that hold moments")
    func moving() {
        let strip = TimelineStrip(seconds: [5, 45, 85], length: 100, cells: 10)
        #expect(strip.cellWithMoments(after: -1) == 0)
        #expect(strip.cellWithMoments(after: 0) == 4)
        #expect(strip.cellWithMoments(after: 4) == 8)
        #expect(strip.cellWithMoments(after: 8) == nil)
        #expect(strip.cellWithMoments(before: 8) == 4)
        #expect(strip.cellWithMoments(before: 0) == nil)
    }

    @Test("a note citing one moment twice with the same words is one statement; other repeats stay")
    func identicalStatementsOnce() throws {
        let v = vault([
            (
                "a.md",
                noteText(
                    title: "A", videoId: "V",
                    body: """
                        Same words \(anchor("00:01:00")) \(anchor("00:01:00")).
                        Same words \(anchor("00:01:00")).
                        Other words \(anchor("00:01:00")).
                        Same words \(anchor("00:02:00")).
                        """)
            ),
            ("b.md", noteText(title: "B", videoId: "V", body: "Same words \(anchor("00:01:00")).")),
        ])
        let a = try index(of: "a.md", in: v), b = try index(of: "b.md", in: v)
        #expect(v.timeline(videoId: "V").count == 6, "the raw timeline keeps every stamp")
        let statements = v.timelineStatements(videoId: "V")
        #expect(statements.map(\.text) == ["Same words", "Other words", "Same words", "Same words"])
        #expect(statements.map(\.entry.note) == [a, a, b, a])
        #expect(statements.map(\.entry.seconds) == [60, 60, 60, 120])
        #expect(statements[0].entry.line == 5, "the first of the repeats is kept")
    }

    @Test("a talk's length is its latest plausible stamp")
    func talkLength() {
        let v = vault([("a.md", noteText(title: "A", videoId: "V", body: "x \(anchor("00:01:00")) y \(anchor("00:42:10"))"))])
        #expect(v.talkLength(videoId: "V") == 2530)
        #expect(v.talkLength(videoId: "nope") == nil)
    }
}
