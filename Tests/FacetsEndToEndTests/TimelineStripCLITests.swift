import Foundation
import Testing

/// `facets timeline TALK --strip`: the strip as text and in `--json`, the plain output kept without it.
@Suite("facets timeline --strip")
struct TimelineStripCLITests {
    static let talk = "G53g9-_0dMU"

    func facets(_ arguments: String...) throws -> ProcessResult {
        try runProcess(try Facets.requireBinary(), arguments)
    }

    @Test("--strip prints the talk's strip between its start and end, and a legend")
    func text() throws {
        let result = try facets("timeline", Self.talk, "--strip", "--width", "60")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        let strip = try #require(lines[safe: 1]?.firstMatch(of: /^00:00:00 (\S+) (\d\d:\d\d:\d\d)$/), "\(lines)")
        let cells = Array(String(strip.1))
        #expect(cells.count == 60)
        #expect(cells.allSatisfy { "░▒▓█─".contains($0) })
        #expect(cells.contains("█"), "the densest cell is darkest")
        #expect(lines[2].contains("statements in 60 cells"), "\(lines[2])")
        let ascii = try facets("timeline", Self.talk, "--strip", "--width", "30", "--ascii")
        let asciiStrip = ascii.stdout.split(separator: "\n").dropFirst().first ?? ""
        #expect(asciiStrip.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(asciiStrip.contains("#"))
    }

    @Test("without --strip the statements print as before, one a line")
    func plain() throws {
        let result = try facets("timeline", Self.talk)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 10)
        #expect(lines.dropFirst().allSatisfy { $0.firstMatch(of: #/^\[\d\d:\d\d:\d\d\] /#) != nil })
        #expect(!result.stdout.contains("░") && !result.stdout.contains("─"))
    }

    struct Report: Decodable {
        struct Statement: Decodable { var seconds: Int }
        struct Strip: Decodable {
            var length: Int
            var cells: Int
            var buckets: [Bucket]
        }
        struct Bucket: Decodable {
            var start: Int
            var end: Int
            var count: Int
            var level: Int
            var statements: [Int]
        }
        var statements: [Statement]
        var strip: Strip?
    }

    @Test("--json --strip includes the buckets, each statement in the bucket of its moment; --json alone does not")
    func json() throws {
        let result = try facets("timeline", Self.talk, "--strip", "--json", "--width", "40")
        #expect(result.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        let strip = try #require(report.strip)
        #expect(strip.cells == 40 && strip.buckets.count == 40)
        #expect(strip.buckets.map(\.count).reduce(0, +) == report.statements.count)
        #expect(strip.buckets.map(\.level).max() == 4)
        for (cell, bucket) in strip.buckets.enumerated() {
            #expect(bucket.count == bucket.statements.count)
            #expect((bucket.level == 0) == (bucket.count == 0))
            for index in bucket.statements {
                let seconds = report.statements[index].seconds
                #expect(seconds >= bucket.start && (seconds < bucket.end || cell == 39), "statement \(index) at \(seconds) s in cell \(cell)")
            }
        }
        let plain = try facets("timeline", Self.talk, "--json")
        #expect(try JSONDecoder().decode(Report.self, from: Data(plain.stdout.utf8)).strip == nil)
    }

    @Test("a note citing one moment twice with the same words prints it once; a bad width exits 2")
    func identicalOnceAndBadWidth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-strip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamp = "<a class=\"yt-timestamp\" data-t=\"00:01:00\">[00:01:00]</a>"
        try
            "---\ntitle: Twice\nvideoId: VID\n---\nSaid once \(stamp) \(stamp).\nSaid once \(stamp).\nLater \(stamp.replacingOccurrences(of: "01:00", with: "02:00"))\n"
            .write(to: folder.appendingPathComponent("twice.md"), atomically: true, encoding: .utf8)
        let result = try runProcess(try Facets.requireBinary(), ["timeline", "VID", "--vault", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Said once").count == 2, "once:\n\(result.stdout)")
        #expect(result.stdout.contains("Later"))
        let bad = try facets("timeline", Self.talk, "--strip", "--width", "0")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--width"))
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
