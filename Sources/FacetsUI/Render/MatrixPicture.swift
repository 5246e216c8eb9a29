import FacetsCore

/// Draws a `Matrix` as a grid: frozen headings (column groups, column numbers) on top, frozen row titles
/// on the left and counts on the right and below; marks where rows and columns link. One drawing for the
/// explorer's matrix view and `facets matrix`, so both show the same picture. Columns are numbered, and
/// the numbers are explained by a legend (`legend`), so any number of columns fits.
public struct MatrixPicture: Sendable {
    public let matrix: Matrix
    /// Columns for the row titles, each column's cell and the counts on the right.
    public let labelWidth: Int
    public let cellWidth: Int
    public let countWidth: Int

    /// Fits the picture to a width: row titles take at most two fifths, cells widen (by up to `growth`
    /// columns each: spacing for a projector) when every column fits anyway.
    public init(_ matrix: Matrix, vault: Vault, width: Int, growth: Int = 2) {
        self.matrix = matrix
        let longest = matrix.rows.entries.prefix(2000).map { DisplayWidth.of(vault.notes[$0].title) }.max() ?? 0
        countWidth = String(matrix.rowCounts.max() ?? 0).count + 2
        let narrowest = max(3, String(matrix.columns.count).count + 1)
        // Row titles give way (down to 16 columns) so that every column fits when it can.
        var label = min(longest + 1, max(8, width * 2 / 5), 40)
        let fitsAll = width - countWidth - matrix.columns.count * narrowest
        if fitsAll < label { label = max(min(label, 16), fitsAll) }
        labelWidth = max(1, label)
        let room = width - labelWidth - countWidth
        cellWidth = matrix.columns.count > 0 ? max(narrowest, min(narrowest + max(0, growth), room / matrix.columns.count)) : narrowest
    }

    /// Rows above the grid's body: group titles (when the columns have groups) and column numbers.
    public var headerHeight: Int { matrix.columns.groups.isEmpty ? 1 : 2 }
    /// The whole picture without scrolling: what `facets matrix` prints.
    public var fullWidth: Int { labelWidth + matrix.columns.count * cellWidth + countWidth }
    public var fullHeight: Int { headerHeight + matrix.rows.count + 1 }

    /// Body rows that fit a height (headings and the counts row kept).
    public func visibleRows(height: Int) -> Int { max(0, height - headerHeight - 1) }
    /// Columns that fit a width (row titles and counts kept).
    public func visibleColumns(width: Int) -> Int { max(0, (width - labelWidth - countWidth) / cellWidth) }

    /// A cell's mark: →/← where one side links to the other, ↔ both ways; a dot where nothing links.
    public static func mark(_ direction: MatrixDirection?, glyphs: Glyphs) -> String {
        let ascii = glyphs == .ascii
        switch direction {
        case .none: return ascii ? "." : "·"
        case .some(.both): return ascii ? "<>" : "↔"
        case .some(.rowToColumn): return ascii ? ">" : "→"
        default: return ascii ? "<" : "←"
        }
    }

    /// Draws the rows from `firstRow` and the columns from `firstColumn` that fit `rect`. `cursor` is a
    /// row and a column (-1 for the row titles or the column headings); its row and column are highlighted.
    public func draw(
        in rect: Rect, firstRow: Int, firstColumn: Int, cursor: MatrixCell?, focused: Bool, vault: Vault, glyphs: Glyphs,
        into screen: inout ScreenBuffer
    ) {
        guard rect.width > 0, rect.height > 0 else { return }
        let columns = min(visibleColumns(width: rect.width), max(0, matrix.columns.count - firstColumn))
        let rows = min(visibleRows(height: rect.height), max(0, matrix.rows.count - firstRow))
        let cellsX = rect.x + labelWidth
        let countX = cellsX + columns * cellWidth
        let band = CellStyle(.selectionUnfocused)
        func style(_ role: Role, row: Int?, column: Int?) -> CellStyle {
            guard let cursor else { return CellStyle(role) }
            if row == cursor.row, column == cursor.column { return CellStyle(role, selected: focused, highlighted: !focused) }
            if (row != nil && row == cursor.row) || (column != nil && column == cursor.column) { return band }
            return CellStyle(role)
        }
        func centred(_ text: String, column: Int, y: Int, _ style: CellStyle) {
            let x = cellsX + (column - firstColumn) * cellWidth
            screen.fill(Rect(x: x, y: y, width: cellWidth, height: 1), style: style)
            let pad = max(0, (cellWidth - DisplayWidth.of(text) + 1) / 2)
            screen.put(text, row: y, column: x + pad, style: style, maxColumn: min(rect.maxX, x + cellWidth))
        }
        // Headings: group titles over their columns, then the column numbers.
        var y = rect.y
        if !matrix.columns.groups.isEmpty {
            for group in matrix.columns.groups {
                let start = max(group.range.lowerBound, firstColumn), end = min(group.range.upperBound, firstColumn + columns)
                guard start < end else { continue }
                let x = cellsX + (start - firstColumn) * cellWidth
                let title = TextWrapper.truncate(TerminalSafeText.sanitize(group.title), width: (end - start) * cellWidth - 1)
                screen.put(title, row: y, column: x, style: CellStyle(.heading2), maxColumn: min(rect.maxX, countX))
            }
            y += 1
        }
        guard y < rect.maxY else { return }
        let kinds = "\(matrix.rows.title) \\ \(matrix.columns.title)"
        screen.put(
            TextWrapper.truncate(TerminalSafeText.sanitize(kinds), width: labelWidth - 1), row: y, column: rect.x, style: CellStyle(.dim),
            maxColumn: cellsX)
        for column in firstColumn..<(firstColumn + columns) {
            centred(String(column + 1), column: column, y: y, style(.treeCount, row: -1, column: column))
        }
        screen.put(TextWrapper.truncate("n", width: countWidth), row: y, column: countX + 1, style: CellStyle(.dim), maxColumn: rect.maxX)
        y += 1
        // The body: row title, cells, count.
        for row in firstRow..<(firstRow + rows) {
            let title = TerminalSafeText.sanitize(vault.notes[matrix.rows.entries[row]].title)
            let labelStyle = style(.normal, row: row, column: -1)
            screen.fill(Rect(x: rect.x, y: y, width: max(0, min(labelWidth, rect.width)), height: 1), style: labelStyle)
            screen.put(
                TextWrapper.truncate(title, width: labelWidth - 1), row: y, column: rect.x, style: labelStyle, maxColumn: min(rect.maxX, cellsX))
            for column in firstColumn..<(firstColumn + columns) {
                let direction = matrix.mark(row: row, column: column)
                centred(Self.mark(direction, glyphs: glyphs), column: column, y: y, style(direction == nil ? .dim : .link, row: row, column: column))
            }
            screen.put(
                String(matrix.rowCounts[row]).leftPadded(to: countWidth - 1), row: y, column: countX, style: style(.treeCount, row: row, column: nil),
                maxColumn: rect.maxX)
            y += 1
        }
        guard y < rect.maxY else { return }
        screen.put("links", row: y, column: rect.x, style: CellStyle(.dim), maxColumn: min(rect.maxX, cellsX))
        for column in firstColumn..<(firstColumn + columns) {
            centred(String(matrix.columnCounts[column]), column: column, y: y, style(.treeCount, row: nil, column: column))
        }
    }

    /// "1 Fear of failure", one per column, with its group: what the column numbers stand for.
    public static func legend(_ matrix: Matrix, vault: Vault, columns: Range<Int>? = nil) -> [String] {
        let places = (columns ?? 0..<matrix.columns.count).clamped(to: 0..<matrix.columns.count)
        return places.map { place in
            let note = matrix.columns.entries[place]
            let group = matrix.columns.group(at: place).map { "  (\($0.title))" } ?? ""
            return "\(String(place + 1).leftPadded(to: 4)) \(vault.notes[note].title)\(group)"
        }
    }
}

extension String {
    /// Right-aligned in a width (longer text is kept whole).
    func leftPadded(to width: Int) -> String {
        let missing = width - count
        return missing > 0 ? String(repeating: " ", count: missing) + self : self
    }
}
