import FacetsCore
import Testing
@testable import FacetsUI

@Suite("Matrix view")
struct MatrixViewTests {
    static func matrixView(_ e: Explorer) -> MatrixView? { e.state.views[MatrixView.id] as? MatrixView }

    /// Moves the cursor from the top-left cell to a cell.
    @discardableResult
    static func move(_ e: Explorer, to cell: MatrixCell) -> Explorer {
        e.press(.character("g"))
        for _ in 0..<cell.row { e.press(.character("j")) }
        for _ in 0..<cell.column { e.press(.character("l")) }
        return e
    }

    /// A cell the bundled entries link both ways, else any marked cell.
    static func markedCell(_ matrix: Matrix) -> MatrixCell? {
        matrix.markedCells.first { matrix.mark(row: $0.row, column: $0.column) == .both } ?? matrix.markedCells.first
    }

    @Test("m shows practices × challenges in place of the detail pane, focused; its columns numbered and scrolled to at 80x24")
    func opens() throws {
        let e = Explorer().press(.character("m"))
        #expect(e.state.panes.last == MatrixView.id && e.state.focus == MatrixView.id)
        let view = try #require(Self.matrixView(e))
        let matrix = try #require(view.matrix)
        #expect(matrix.rows.count == 12 && matrix.columns.count == 15)
        #expect(e.text.contains("Practices × Challenges (12 × 15, \(matrix.marks.count) linked)"))
        let numbers = try #require(e.lines.firstIndex { $0.contains("  1  2  3 ") }, "\(e.text)")
        for _ in 0..<14 { e.press(.character("l")) }
        #expect(e.lines[numbers].contains(" 15 "), "the last column scrolled into view: \(e.lines[numbers])")
        for row in matrix.rows.entries.prefix(5) {
            #expect(e.lines.anyContains(String(bundledVault.notes[row].title.prefix(12))), "\(e.text)")
        }
        // The marks on screen are those of the model: where every column fits, a row's line has as many
        // marks as its count.
        let wide = Explorer(200, 50).press(.character("m"))
        for (place, row) in matrix.rows.entries.enumerated() {
            let line = try #require(wide.lines.first { $0.contains(String(bundledVault.notes[row].title.prefix(12))) && $0.contains("·") })
            #expect(line.filter { "→←↔".contains($0) }.count == matrix.rowCounts[place], "\(line)")
        }
        #expect(e.statusLine.contains("rows") && e.statusLine.contains("columns"))
    }

    @Test("Enter on a marked cell lists both entries' sentences with their timestamps; Enter on one opens it there, Back returns")
    func sentences() throws {
        let e = Explorer().press(.character("m"))
        let matrix = try #require(Self.matrixView(e)?.matrix)
        let cell = try #require(Self.markedCell(matrix))
        Self.move(e, to: cell)
        let practice = matrix.rows.entries[cell.row], challenge = matrix.columns.entries[cell.column]
        #expect(e.text.contains(String(bundledVault.notes[challenge].title.prefix(20))), "the cursor line names the column")
        e.press(.enter)
        let shown = try #require(Self.matrixView(e)?.sentences)
        let expected = bundledVault.linkSentences(from: practice, to: challenge) + bundledVault.linkSentences(from: challenge, to: practice)
        #expect(shown == expected && !shown.isEmpty)
        #expect(e.text.contains("\(bundledVault.notes[practice].title) says:"))
        if matrix.mark(row: cell.row, column: cell.column) == .both {
            #expect(e.text.contains("\(bundledVault.notes[challenge].title) says:"))
        }
        #expect(e.text.contains(String(shown[0].text.prefix(25))), "\(e.text)")
        if let seconds = shown[0].seconds.first { #expect(e.text.contains("[\(TimestampRef.format(seconds: seconds))]")) }
        e.press(.enter)
        #expect(e.state.subject == .note(shown[0].note))
        #expect(e.state.panes.last == .detail && e.state.focus == .detail)
        #expect(e.detail.contains { $0.contains(String(shown[0].text.prefix(20))) }, "the entry opens at the line")
        e.press(.backspace)
        #expect(e.state.panes.last == MatrixView.id && e.state.focus == MatrixView.id, "Back returns to the matrix")
        #expect(Self.matrixView(e)?.sentences == shown, "with the sentences as they were")
    }

    @Test("Esc leaves the sentences for the matrix, then closes the matrix")
    func escape() throws {
        let e = Explorer().press(.character("m"))
        let matrix = try #require(Self.matrixView(e)?.matrix)
        let cell = try #require(Self.markedCell(matrix))
        Self.move(e, to: cell).press(.enter)
        #expect(Self.matrixView(e)?.sentences != nil)
        e.press(.escape)
        #expect(Self.matrixView(e)?.sentences == nil && e.state.panes.last == MatrixView.id)
        e.press(.escape)
        #expect(e.state.panes.last == .detail)
    }

    @Test("Enter on a row title or a column heading opens that entry")
    func headings() throws {
        let e = Explorer().press(.character("m"))
        let matrix = try #require(Self.matrixView(e)?.matrix)
        e.press(.character("j"), .character("h"), .enter)
        #expect(e.state.subject == .note(matrix.rows.entries[1]))
        let f = Explorer().press(.character("m"), .character("l"), .character("l"), .character("k"), .enter)
        #expect(f.state.subject == .note(matrix.columns.entries[2]))
    }

    @Test("[ and ] choose the kinds of rows and columns, s swaps them")
    func kinds() throws {
        let e = Explorer().press(.character("m"), .character("["))
        let kinds = MatrixAxis.kinds(in: bundledVault).map(\.name)
        let rows = try #require(Self.matrixView(e)?.matrix?.rows.kind)
        #expect(rows == kinds[(kinds.firstIndex(of: "practice")! + 1) % kinds.count])
        e.press(.character("s"))
        #expect(Self.matrixView(e)?.matrix?.columns.kind == rows && Self.matrixView(e)?.matrix?.rows.kind == "challenge")
        let before = Self.matrixView(e)?.matrix?.columns.kind
        e.press(.character("]"))
        #expect(Self.matrixView(e)?.matrix?.columns.kind != before)
    }

    @Test("A large matrix scrolls with its headings frozen")
    func scrollsWithFrozenHeadings() throws {
        let e = Explorer(60, 14).press(.character("m"))
        e.press(.character("["))
        while Self.matrixView(e)?.matrix?.rows.kind != MatrixAxis.everyNote { e.press(.character("[")) }
        while Self.matrixView(e)?.matrix?.columns.kind != MatrixAxis.everyNote { e.press(.character("]")) }
        let top = e.lines
        for _ in 0..<40 { e.press(.character("j"), .character("l")) }
        let view = try #require(Self.matrixView(e))
        #expect(view.firstRow > 0 && view.firstColumn > 0)
        let headings = try #require(top.firstIndex { $0.contains(" 1 ") })
        #expect(e.lines[headings].contains(" \(view.firstColumn + 1) "), "column numbers follow the scroll: \(e.lines[headings])")
        let matrix = try #require(view.matrix)
        #expect(e.text.contains(String(bundledVault.notes[matrix.rows.entries[view.cursor.row]].title.prefix(8))))
    }

    @Test("--follow: the presenter's matrix is published, and a follower opens it, then the entry after it")
    func follow() throws {
        let presenter = Explorer().press(.character("m"))
        let published = try #require(presenter.state.shownEntryName)
        let follower = Explorer()
        follower.state.startFollowing()
        follower.state.presenterOpened(published)
        #expect(follower.state.panes.last == MatrixView.id)
        #expect(follower.text.contains("Practices × Challenges"))
        presenter.press(.escape)
        let entry = try #require(presenter.state.shownEntryName)
        follower.state.presenterOpened(entry)
        #expect(follower.state.panes.last == .detail)
    }

    @Test("ASCII: marks and dots without Unicode arrows")
    func ascii() {
        let e = Explorer(ascii: true).press(.character("m"))
        #expect(!e.text.unicodeScalars.contains { "→←↔·".unicodeScalars.contains($0) || boxDrawing.contains($0.value) }, "\(e.text)")
        #expect(e.text.contains(">") || e.text.contains("<>"))
    }

    @Test("Correct at 80x24, 120x40 and 300x80, in presenter mode too; no crash at any small size")
    func sizes() throws {
        for (width, height) in [(80, 24), (120, 40), (300, 80)] {
            for presenting in [false, true] {
                let e = Explorer(width, height).press(.character("m"))
                if presenting { e.press(.character("P")) }
                let matrix = try #require(Self.matrixView(e)?.matrix)
                #expect(e.text.contains(presenting ? "Practices \\ Challenges" : "Practices × Challenges"), "\(width)x\(height)")
                for _ in 0..<14 { e.press(.character("l")) }
                #expect(e.lines.contains { $0.contains(" 15 ") }, "the last column at \(width)x\(height)")
                let last = bundledVault.notes[matrix.rows.entries[11]].title.prefix(10)
                #expect(e.lines.anyContains(String(last)), "every row at \(width)x\(height) \(presenting)")
                #expect(e.screen.cells.contains { $0.style.selected }, "the cursor cell")
            }
        }
        let sizes = SizeSweep.sample((1...40).flatMap { w in (1...14).map { w * 100 + $0 } }, 60, always: [101, 201, 102], salt: "matrix")
        for (width, height) in sizes.map({ ($0 / 100, $0 % 100) }) {
            let e = Explorer(width, height).press(.character("m"), .character("j"), .character("l"), .enter)
            _ = e.text
            e.press(.character("j"), .escape, .character("["))
            _ = e.text
        }
    }
}
