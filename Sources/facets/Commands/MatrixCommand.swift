import ArgumentParser
import FacetsCore
import FacetsUI
import Foundation

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Entries of one kind against another (default practices × challenges), marked where they link.",
        discussion: "Marks: → the row's entry links to the column's, ← the column's to the row's, ↔ both.")

    @OptionGroup var vaultOptions: VaultOptions
    @Option(name: .long, help: ArgumentHelp("The kind of the rows (practice, challenge, …; note for every note).", valueName: "KIND"))
    var rows: String?
    @Option(name: .long, help: ArgumentHelp("The kind of the columns.", valueName: "KIND"))
    var cols: String?
    @Flag(name: .long, help: "Print JSON instead of the picture.")
    var json = false
    @Flag(name: .long, help: "Print CSV (one line per row, a column per column) instead of the picture.")
    var csv = false
    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv are exclusive: choose one.") }
    }

    struct Axis: Encodable {
        var kind: String
        var title: String
        var entries: [Entry]
    }

    struct Entry: Encodable {
        var stem: String
        var title: String
        var group: String?
        var links: Int
    }

    struct Mark: Encodable {
        var row: String
        var column: String
        var direction: String
    }

    struct Report: Encodable {
        var rows: Axis
        var columns: Axis
        var marks: [Mark]
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let standard = Matrix.standard(for: vault)
        let rowAxis = try axis(rows, or: standard.rows, in: vault)
        let columnAxis = try axis(cols, or: standard.columns, in: vault)
        let matrix = Matrix(rows: rowAxis, columns: columnAxis, vault: vault)
        if json {
            try Output.json(report(matrix, vault: vault))
        } else if csv {
            printCSV(matrix, vault: vault)
        } else {
            printPicture(matrix, vault: vault)
        }
    }

    /// The axis a person named, or the default; an unknown kind exits 2 naming the nearest kinds.
    private func axis(_ name: String?, or standard: MatrixAxis, in vault: Vault) throws -> MatrixAxis {
        guard let name else { return standard }
        if let axis = MatrixAxis.named(name, in: vault) { return axis }
        Output.error("facets: no kind named \"\(name)\".")
        let nearest = MatrixAxis.suggestions(for: name, in: vault)
        if !nearest.isEmpty { Output.error("Did you mean: \(nearest.joined(separator: ", "))?") }
        Output.error("Kinds: \(MatrixAxis.kinds(in: vault).map(\.name).joined(separator: ", ")).")
        throw ExitCode(2)
    }

    private func report(_ matrix: Matrix, vault: Vault) -> Report {
        func axis(_ axis: MatrixAxis, counts: [Int]) -> Axis {
            Axis(
                kind: axis.kind, title: axis.title,
                entries: axis.entries.enumerated().map { place, note in
                    Entry(stem: vault.notes[note].stem, title: vault.notes[note].title, group: axis.group(at: place)?.title, links: counts[place])
                })
        }
        let marks = matrix.markedCells.map { cell in
            Mark(
                row: vault.notes[matrix.rows.entries[cell.row]].stem, column: vault.notes[matrix.columns.entries[cell.column]].stem,
                direction: matrix.mark(row: cell.row, column: cell.column)?.name ?? "")
        }
        return Report(rows: axis(matrix.rows, counts: matrix.rowCounts), columns: axis(matrix.columns, counts: matrix.columnCounts), marks: marks)
    }

    /// Titles in the first row and column, `->`, `<-` or `<->` in marked cells, counts last.
    private func printCSV(_ matrix: Matrix, vault: Vault) {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let titles = matrix.columns.entries.map { field(vault.notes[$0].title) }
        Output.line(([field("\(matrix.rows.title) \\ \(matrix.columns.title)")] + titles + ["links"]).joined(separator: ","))
        for (place, note) in matrix.rows.entries.enumerated() {
            let cells = matrix.columns.entries.indices.map { column -> String in
                switch matrix.mark(row: place, column: column) {
                case .none: ""
                case .some(.both): "<->"
                case .some(.rowToColumn): "->"
                default: "<-"
                }
            }
            Output.line(([field(vault.notes[note].title)] + cells + [String(matrix.rowCounts[place])]).joined(separator: ","))
        }
        Output.line((["links"] + matrix.columnCounts.map(String.init) + [String(matrix.marks.count)]).joined(separator: ","))
    }

    /// The view's picture, whole, then the legend of the column numbers. Drawn a band of rows at a time,
    /// so thousands of rows never make one huge screen.
    private func printPicture(_ matrix: Matrix, vault: Vault) {
        let picture = MatrixPicture(matrix, vault: vault, width: Int.max / 4, growth: 0)
        let band = 200
        var first = 0
        repeat {
            let count = min(band, matrix.rows.count - first)
            var screen = ScreenBuffer(width: picture.fullWidth, height: picture.headerHeight + count + 1)
            picture.draw(
                in: Rect(x: 0, y: 0, width: screen.width, height: screen.height), firstRow: first, firstColumn: 0, cursor: nil, focused: false,
                vault: vault, glyphs: ascii ? .ascii : .unicode, into: &screen)
            var lines = screen.lines.map(\.trailingSpacesTrimmed)
            if first > 0 { lines.removeFirst(picture.headerHeight) }
            if first + count < matrix.rows.count { lines.removeLast() }
            for line in lines { Output.line(line) }
            first += count
        } while first < matrix.rows.count
        Output.line()
        for line in MatrixPicture.legend(matrix, vault: vault) { Output.line(line) }
    }
}
