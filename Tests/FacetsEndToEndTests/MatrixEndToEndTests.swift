import Foundation
import Testing

/// `facets matrix` as scripts call it, and the matrix view in tmux, checked against what `facets links`
/// reports of the same vault.
@Suite("Matrix end to end", .serialized)
struct MatrixEndToEndTests {
    struct Axis: Decodable {
        var kind: String
        var entries: [Entry]
    }
    struct Entry: Decodable {
        var stem: String
        var title: String
        var group: String?
        var links: Int
    }
    struct Mark: Decodable, Hashable {
        var row: String
        var column: String
        var direction: String
    }
    struct Report: Decodable {
        var rows: Axis
        var columns: Axis
        var marks: [Mark]
    }
    struct Links: Decodable {
        struct Outgoing: Decodable { var resolved: String? }
        struct Backlink: Decodable {
            var from: String
            var text: String
        }
        var outgoing: [Outgoing]
        var backlinks: [Backlink]
    }

    func facets(_ arguments: String...) throws -> ProcessResult {
        try runProcess(try Facets.requireBinary(), arguments)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ result: ProcessResult) throws -> T {
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(type, from: Data(result.stdout.utf8))
    }

    func report() throws -> Report { try Self.decode(Report.self, try facets("matrix", "--json")) }

    @Test("--json: 12 practices, 15 challenges, a mark for exactly every practice↔challenge link `facets links` reports")
    func jsonMatchesLinks() throws {
        let report = try report()
        #expect(report.rows.kind == "practice" && report.columns.kind == "challenge")
        #expect(report.rows.entries.count == 12 && report.columns.entries.count == 15)
        let challenges = Set(report.columns.entries.map(\.stem))
        var expected: [String: Set<String>] = [:]  // "practice|challenge" → directions
        for practice in report.rows.entries {
            let links = try Self.decode(Links.self, try facets("links", practice.stem, "--json"))
            for target in links.outgoing.compactMap(\.resolved) where challenges.contains(target) {
                expected["\(practice.stem)|\(target)", default: []].insert("row-to-column")
            }
            for backlink in links.backlinks where challenges.contains(backlink.from) {
                expected["\(practice.stem)|\(backlink.from)", default: []].insert("column-to-row")
            }
        }
        #expect(!expected.isEmpty)
        var found: [String: String] = [:]
        for mark in report.marks { found["\(mark.row)|\(mark.column)"] = mark.direction }
        #expect(Set(found.keys) == Set(expected.keys))
        for (cell, directions) in expected {
            #expect(found[cell] == (directions.count == 2 ? "both" : directions.first), "\(cell)")
        }
        for practice in report.rows.entries {
            #expect(practice.links == report.marks.filter { $0.row == practice.stem }.count)
        }
        #expect(report.columns.entries.allSatisfy { $0.group != nil }, "challenges are grouped")
    }

    @Test("--csv: a header of challenges, a line per practice with its marks and count, a line of counts")
    func csv() throws {
        let result = try facets("matrix", "--csv")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try report()
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 12 + 1)
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells.count == 1 + 15 + 1)
        let arrows = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().dropLast() }
        #expect(arrows.joined().filter { !$0.isEmpty }.count == report.marks.count)
        #expect(lines.last?.hasSuffix(",\(report.marks.count)") == true)
    }

    @Test("Text: the view's picture (titles, numbered columns, marks, counts) and a legend of the numbers")
    func text() throws {
        let result = try facets("matrix")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try report()
        let lines = result.stdout.components(separatedBy: "\n")
        for practice in report.rows.entries {
            let line = try #require(lines.first { $0.hasPrefix(String(practice.title.prefix(12))) }, "\(practice.title)")
            #expect(line.filter { "→←↔".contains($0) }.count == practice.links, "\(line)")
        }
        for (number, challenge) in report.columns.entries.enumerated() {
            #expect(lines.contains { $0.hasPrefix(String(number + 1).leftPadded(4) + " " + challenge.title) }, "legend \(number + 1)")
        }
        let ascii = try facets("matrix", "--ascii", "--rows", "challenges", "--cols", "practices")
        #expect(ascii.status == 0 && !ascii.stdout.unicodeScalars.contains { $0.value > 0x7F && "→←↔·".unicodeScalars.contains($0) })
    }

    @Test("2: an unknown kind, with the nearest kinds named")
    func unknownKind() throws {
        let result = try facets("matrix", "--rows", "practise")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no kind named \"practise\""), "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean: practice"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try facets("matrix", "--json", "--csv").status == 2)
    }

    @Test("tmux 80x24: m, move to a marked cell, Enter: both entries' sentences on screen; Enter opens one, Backspace returns")
    func tmux() throws {
        let report = try report()
        // A cell linked both ways, each side by one line: both sentences fit the screen.
        var chosen: (row: Int, column: Int, sentences: [String])?
        for mark in report.marks where mark.direction == "both" {
            let practice = try Self.decode(Links.self, try facets("links", mark.row, "--json"))
            let challenge = try Self.decode(Links.self, try facets("links", mark.column, "--json"))
            let toPractice = practice.backlinks.filter { $0.from == mark.column }
            let toChallenge = challenge.backlinks.filter { $0.from == mark.row }
            guard toPractice.count == 1, toChallenge.count == 1 else { continue }
            chosen = (
                report.rows.entries.firstIndex { $0.stem == mark.row } ?? 0, report.columns.entries.firstIndex { $0.stem == mark.column } ?? 0,
                [toChallenge[0].text, toPractice[0].text]
            )
            break
        }
        let cell = try #require(chosen, "a practice and a challenge that link each other once")
        let session = try TmuxSession(width: 80, height: 24)
        defer { session.close() }
        try session.start(command: "env TERM=xterm-256color " + Facets.shellQuoted(try Facets.requireBinary()))
        try session.waitFor("? help")
        try session.press("m")
        try session.waitFor("Practices × Challenges")
        for _ in 0..<cell.row { try session.press("j") }
        for _ in 0..<cell.column { try session.press("l") }
        _ = session.settledScreen()
        try session.press("Enter")
        let screen = try session.waitFor("says:")
        for sentence in cell.sentences {
            // The first words, which stay on one line however the sentence wraps.
            let words = sentence.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(screen.contains(words), "\(words) in\n\(screen)")
        }
        #expect(screen.contains("[0"), "timestamps shown:\n\(screen)")
        try session.press("Enter")
        try session.waitForAbsence(of: "says:")
        try session.press("BSpace")
        try session.waitFor("says:")
        try session.press("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("the README's matrix capture is what the explorer shows after the keys it names")
    func readmeCapture() throws {
        try ReadmeCaptureTests.check(heading: "### The matrix (100x30)")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
