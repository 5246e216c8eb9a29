import FacetsBundledContent
import Testing
@testable import FacetsCore

@Suite("Matrix of two kinds")
struct MatrixTests {
    static let bundled = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })

    /// Whether `source` has a link that the link graph resolves to `target`.
    static func links(_ vault: Vault, _ source: Int, _ target: Int) -> Bool {
        vault.linkTargets[source].contains(.note(target))
    }

    @Test("Bundled: practices × challenges, a mark with its direction exactly where the link graph links them")
    func bundledMarksMatchTheLinkGraph() throws {
        let vault = Self.bundled
        let matrix = Matrix.standard(for: vault)
        #expect(matrix.rows.kind == "practice" && matrix.columns.kind == "challenge")
        #expect(matrix.rows.count == 12 && matrix.columns.count == 15)
        #expect(Set(matrix.rows.entries) == Set(vault.notes.indices.filter { vault.notes[$0].kind == "practice" }))
        #expect(Set(matrix.columns.entries) == Set(vault.notes.indices.filter { vault.notes[$0].kind == "challenge" }))
        var linked = 0
        for (r, practice) in matrix.rows.entries.enumerated() {
            for (c, challenge) in matrix.columns.entries.enumerated() {
                var expected: MatrixDirection = []
                if Self.links(vault, practice, challenge) { expected.insert(.rowToColumn) }
                if Self.links(vault, challenge, practice) { expected.insert(.columnToRow) }
                #expect(
                    matrix.mark(row: r, column: c) == (expected.isEmpty ? nil : expected),
                    "\(vault.notes[practice].stem) × \(vault.notes[challenge].stem)")
                if !expected.isEmpty { linked += 1 }
            }
        }
        #expect(linked > 12, "the bundled practices answer challenges")
        #expect(matrix.marks.count == linked)
        #expect(matrix.marks.values.contains(.both))
    }

    @Test("Counts per row and column are the marked cells in each")
    func counts() {
        let matrix = Matrix.standard(for: Self.bundled)
        for row in 0..<matrix.rows.count {
            #expect(matrix.rowCounts[row] == (0..<matrix.columns.count).filter { matrix.mark(row: row, column: $0) != nil }.count)
        }
        for column in 0..<matrix.columns.count {
            #expect(matrix.columnCounts[column] == (0..<matrix.rows.count).filter { matrix.mark(row: $0, column: column) != nil }.count)
        }
        #expect(matrix.rowCounts.reduce(0, +) == matrix.marks.count)
    }

    @Test("Columns are grouped by the challenges' front-matter group, as the browse tree groups them")
    func groups() throws {
        let vault = Self.bundled
        let matrix = Matrix.standard(for: vault)
        let groups = matrix.columns.groups
        #expect(groups.count == Set(matrix.columns.entries.compactMap { vault.notes[$0].group }).count)
        #expect(groups.first?.range.lowerBound == 0 && groups.last?.range.upperBound == 15)
        for (place, note) in matrix.columns.entries.enumerated() {
            #expect(matrix.columns.group(at: place)?.title == vault.notes[note].group)
        }
        #expect(matrix.rows.groups.isEmpty, "practices have no group")
    }

    @Test("Kinds by name, plural or title, any case; unknown kinds suggest the nearest")
    func kindNames() {
        let vault = Self.bundled
        for typed in ["practice", "practices", "Practices", " PRACTICE "] {
            #expect(MatrixAxis.named(typed, in: vault)?.kind == "practice", "\(typed)")
        }
        #expect(MatrixAxis.named("challenges", in: vault)?.count == 15)
        #expect(MatrixAxis.named("practise", in: vault) == nil)
        #expect(MatrixAxis.suggestions(for: "practise", in: vault).first == "practice")
        #expect(MatrixAxis.suggestions(for: "zzzzzzzzzzzz", in: vault).isEmpty)
        #expect(MatrixAxis.kinds(in: vault).map(\.name).last == MatrixAxis.everyNote)
        #expect(MatrixAxis.named("note", in: vault)?.count == vault.notes.count)
    }

    static let small = vault([
        (
            "a1.md",
            noteText(title: "A one", extra: "kind: a", body: "Links to [[B one]] here \(anchor("00:01:10")).\nAnd [[b2]] again.\nAgain [[B one]].\n")
        ),
        ("a2.md", noteText(title: "A two", extra: "kind: a", body: "Nothing but [[other]] and [[nowhere]] and [[#Top]].\n")),
        ("b1.md", noteText(title: "B one", extra: "kind: b\ngroup: G1", body: "Plain.\n")),
        ("b2.md", noteText(title: "B two", extra: "kind: b\ngroup: G2", body: "Back to [[a1]] \(anchor("00:02:00")) and \(anchor("00:02:05")).\n")),
        ("other.md", noteText(title: "Other", extra: "kind: c", body: "To [[a2]] and [[b1]].\n")),
    ])

    @Test("A small vault: directions, links outside the two kinds and missing links left out")
    func smallVault() throws {
        let matrix = try #require(Matrix(kinds: "a", "b", in: Self.small))
        #expect(matrix.rows.entries.map { Self.small.notes[$0].stem } == ["a1", "a2"])
        #expect(matrix.columns.entries.map { Self.small.notes[$0].stem } == ["b1", "b2"])
        #expect(matrix.mark(row: 0, column: 0) == .rowToColumn)
        #expect(matrix.mark(row: 0, column: 1) == .both)
        #expect(matrix.mark(row: 1, column: 0) == nil && matrix.mark(row: 1, column: 1) == nil)
        #expect(matrix.rowCounts == [2, 0] && matrix.columnCounts == [1, 1])
        #expect(matrix.columns.groups.map(\.title) == ["G1", "G2"])
        #expect(Matrix(kinds: "a", "nope", in: Self.small) == nil)
        let swapped = try #require(Matrix(kinds: "b", "a", in: Self.small))
        #expect(swapped.mark(row: 0, column: 0) == .columnToRow)
    }

    @Test("The sentences that make a link: each linking line once, as plain text, with its timestamps")
    func sentences() throws {
        let vault = Self.small
        let a1 = try index(of: "a1.md", in: vault), b1 = try index(of: "b1.md", in: vault), b2 = try index(of: "b2.md", in: vault)
        let toB1 = vault.linkSentences(from: a1, to: b1)
        #expect(toB1.map(\.text) == ["Links to B one here.", "Again B one."])
        #expect(toB1.map(\.seconds) == [[70], []])
        #expect(toB1.allSatisfy { $0.note == a1 })
        let back = vault.linkSentences(from: b2, to: a1)
        #expect(back.count == 1 && back[0].seconds == [120, 125] && back[0].text.hasPrefix("Back to a1"))
        #expect(vault.notes[b2].bodyLine(back[0].line)?.contains("[[a1]]") == true, "the line opens where the link is")
        #expect(vault.linkSentences(from: b1, to: a1).isEmpty)
    }

    @Test("Every note against every note in a vault without kinds, grouped by talk")
    func everyNote() throws {
        let plain = vault([
            ("x.md", noteText(title: "X", videoId: "v1", body: "See [[y]].\n")),
            ("y.md", noteText(title: "Y", videoId: "v2", body: "Nothing.\n")),
        ])
        #expect(MatrixAxis.kinds(in: plain).map(\.name) == [MatrixAxis.everyNote])
        let matrix = Matrix.standard(for: plain)
        #expect(matrix.rows.count == 2 && matrix.columns.count == 2)
        #expect(matrix.rows.groups.count == 2, "one group per talk")
        let x = try #require(matrix.rows.entries.firstIndex { plain.notes[$0].stem == "x" })
        let y = try #require(matrix.columns.entries.firstIndex { plain.notes[$0].stem == "y" })
        #expect(matrix.mark(row: x, column: y) == .rowToColumn)
        #expect(matrix.mark(row: y, column: x) == .columnToRow)
        #expect(matrix.mark(row: x, column: x) == nil)
    }
}
