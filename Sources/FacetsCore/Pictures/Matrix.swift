/// Entries of one kind against entries of another, marked where they link: "which practices answer which
/// challenges" as one picture. Built from the vault's resolved link graph (the one `LinkResolver`), and
/// sparse: only the marked cells are stored, so 2,800 talks against hundreds of concepts cost what their
/// links cost, not rows times columns.
public struct Matrix: Sendable {
    public let rows: MatrixAxis
    public let columns: MatrixAxis
    /// The marked cells, by place on each axis.
    public let marks: [MatrixCell: MatrixDirection]
    /// Per row, how many columns it is linked with; per column, how many rows.
    public let rowCounts: [Int]
    public let columnCounts: [Int]

    /// Walks the links of every row entry and every column entry once.
    public init(rows: MatrixAxis, columns: MatrixAxis, vault: Vault) {
        self.rows = rows
        self.columns = columns
        let targets = vault.linkTargets
        let noteCount = vault.notes.count
        func places(_ axis: MatrixAxis) -> [Int32] {
            var place = [Int32](repeating: -1, count: noteCount)
            for (index, note) in axis.entries.enumerated() where place[note] < 0 { place[note] = Int32(index) }
            return place
        }
        let rowPlace = places(rows), columnPlace = places(columns)
        var marks: [MatrixCell: MatrixDirection] = [:]
        func walk(_ axis: MatrixAxis, into otherPlace: [Int32], _ cell: (Int, Int) -> MatrixCell, _ direction: MatrixDirection) {
            for (place, note) in axis.entries.enumerated() {
                for position in targets.starts[note]..<targets.starts[note + 1] {
                    let code = targets.codes[position]
                    guard code >= 0, Int(code) != note else { continue }
                    let other = otherPlace[Int(code)]
                    if other >= 0 { marks[cell(place, Int(other)), default: []].formUnion(direction) }
                }
            }
        }
        walk(rows, into: columnPlace, { MatrixCell(row: $0, column: $1) }, .rowToColumn)
        walk(columns, into: rowPlace, { MatrixCell(row: $1, column: $0) }, .columnToRow)
        var rowCounts = [Int](repeating: 0, count: rows.count)
        var columnCounts = [Int](repeating: 0, count: columns.count)
        for cell in marks.keys {
            rowCounts[cell.row] += 1
            columnCounts[cell.column] += 1
        }
        self.marks = marks
        self.rowCounts = rowCounts
        self.columnCounts = columnCounts
    }

    /// The default picture of a vault: practices against challenges when it has them, else its first
    /// two kinds (every note against every note in a vault without kinds).
    public static func standard(for vault: Vault) -> Matrix {
        let kinds = MatrixAxis.kinds(in: vault).map(\.name)
        let rowKind = kinds.contains("practice") ? "practice" : kinds[0]
        let columnKind = kinds.contains("challenge") ? "challenge" : (kinds.first { $0 != rowKind } ?? rowKind)
        let rows = MatrixAxis.named(rowKind, in: vault) ?? MatrixAxis.allNotes(in: vault)
        return Matrix(rows: rows, columns: MatrixAxis.named(columnKind, in: vault) ?? rows, vault: vault)
    }

    /// The matrix of two kinds by name, or nil when a name is no kind of the vault.
    public init?(kinds rowKind: String, _ columnKind: String, in vault: Vault) {
        guard let rows = MatrixAxis.named(rowKind, in: vault), let columns = MatrixAxis.named(columnKind, in: vault) else { return nil }
        self.init(rows: rows, columns: columns, vault: vault)
    }

    public func mark(row: Int, column: Int) -> MatrixDirection? {
        marks[MatrixCell(row: row, column: column)]
    }

    /// The marked cells in reading order (row by row), for listings.
    public var markedCells: [MatrixCell] {
        marks.keys.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}

/// A cell of a matrix, by place on each axis.
public struct MatrixCell: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// Which way a marked cell's entries link: the row's entry to the column's, back, or both.
public struct MatrixDirection: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let rowToColumn = MatrixDirection(rawValue: 1)
    public static let columnToRow = MatrixDirection(rawValue: 2)
    public static let both: MatrixDirection = [.rowToColumn, .columnToRow]

    /// For scripts: "row-to-column", "column-to-row" or "both".
    public var name: String {
        self == .both ? "both" : self == .rowToColumn ? "row-to-column" : "column-to-row"
    }
}
