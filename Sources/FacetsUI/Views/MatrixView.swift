import FacetsCore

/// Entries of one kind against another (practices × challenges by default), marked where they link:
/// the picture a workshop room looks at. The cursor walks cells and headings; Enter on a marked cell
/// lists the sentences that make the link, each opening its entry at that line; Enter on a heading
/// opens that entry. `[`/`]` choose the kinds of rows and columns, `s` swaps them.
public struct MatrixView: ExplorerView {
    public static let id = ViewID("matrix")
    public static let keys = KeyContext(name: "matrix")
    public static let open = Action("matrix"), nextRowKind = Action("matrixRows")
    public static let nextColumnKind = Action("matrixColumns"), swapKinds = Action("matrixSwap")
    /// The action-table rows of the view, brought by its registration.
    public static let actionRows = [
        ActionInfo(
            action: open, keys: [.character("m")], description: "Matrix of practices against challenges, by links", caption: "matrix"),
        ActionInfo(action: nextRowKind, keys: [.character("[")], description: "In the matrix: next kind of rows", caption: "rows", context: keys),
        ActionInfo(
            action: nextColumnKind, keys: [.character("]")], description: "In the matrix: next kind of columns", caption: "columns", context: keys),
        ActionInfo(action: swapKinds, keys: [.character("s")], description: "In the matrix: swap rows and columns", caption: "swap", context: keys),
    ]
    public static let registration = ViewRegistration(id: id, actions: actionRows, opener: open) { _ in MatrixView() }

    public var id: ViewID { Self.id }
    public var keyContext: KeyContext { Self.keys }

    /// Built when first shown (not for explorers that never open it), again when the kinds change.
    public private(set) var matrix: Matrix?
    /// Row and column of the cursor; -1 is the row titles' column or the column headings' row.
    public private(set) var cursor = MatrixCell(row: 0, column: 0)
    public private(set) var firstRow = 0, firstColumn = 0
    /// The sentences of the marked cell Enter was pressed on, while they are shown.
    public private(set) var sentences: [LinkSentence]?
    public private(set) var sentenceCursor = 0

    public init() {}

    public func title(in context: ViewContext) -> String {
        guard let matrix else { return "Matrix" }
        let by = context.glyphs == .ascii ? "x" : "×"
        let size = "\(matrix.rows.count) \(by) \(matrix.columns.count), \(matrix.marks.count) linked"
        return "\(matrix.rows.title) \(by) \(matrix.columns.title) (\(size))"
    }

    // MARK: Actions

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        guard let matrix else { return nil }
        if sentences != nil { return handleSentences(action) }
        let page = max(1, makePicture(context).visibleRows(height: gridHeight(context)) - 1)
        switch action {
        case .moveDown: cursor.row = min(cursor.row + 1, matrix.rows.count - 1)
        case .moveUp: cursor.row = max(cursor.row - 1, -1)
        case .paneRight: cursor.column = min(cursor.column + 1, matrix.columns.count - 1)
        case .paneLeft: cursor.column = max(cursor.column - 1, -1)
        case .pageDown: cursor.row = min(cursor.row + page, matrix.rows.count - 1)
        case .pageUp: cursor.row = max(cursor.row - page, 0)
        case .top: cursor.row = 0
        case .bottom: cursor.row = matrix.rows.count - 1
        case .open: return openAtCursor(vault: context.vault)
        case Self.nextRowKind, Self.nextColumnKind:
            let all = MatrixAxis.kinds(in: context.vault).map(\.name)
            let current = action == Self.nextRowKind ? matrix.rows.kind : matrix.columns.kind
            let next = all[((all.firstIndex(of: current) ?? -1) + 1) % all.count]
            choose(
                rows: action == Self.nextRowKind ? next : matrix.rows.kind, columns: action == Self.nextColumnKind ? next : matrix.columns.kind,
                vault: context.vault)
            return [.message("Rows: \(self.matrix?.rows.title ?? "") · columns: \(self.matrix?.columns.title ?? "")")]
        case Self.swapKinds: choose(rows: matrix.columns.kind, columns: matrix.rows.kind, vault: context.vault)
        default: return nil
        }
        return []
    }

    /// Shows two kinds by name (unknown names leave the matrix as it is).
    public mutating func choose(rows: String, columns: String, vault: Vault) {
        guard let built = Matrix(kinds: rows, columns, in: vault) else { return }
        matrix = built
        cursor = MatrixCell(row: 0, column: 0)
        (firstRow, firstColumn) = (0, 0)
        sentences = nil
    }

    private mutating func openAtCursor(vault: Vault) -> [ViewRequest] {
        guard let matrix else { return [] }
        let row = matrix.rows.entries[safe: cursor.row], column = matrix.columns.entries[safe: cursor.column]
        switch (row, column) {
        case (let row?, nil): return [.openEntry(row, line: nil)]
        case (nil, let column?): return [.openEntry(column, line: nil)]
        case (let row?, let column?):
            guard matrix.mark(row: cursor.row, column: cursor.column) != nil else {
                return [.message("\(vault.notes[row].title) and \(vault.notes[column].title) do not link")]
            }
            sentences = vault.linkSentences(from: row, to: column) + vault.linkSentences(from: column, to: row)
            sentenceCursor = 0
            return []
        default: return []
        }
    }

    private mutating func handleSentences(_ action: Action) -> [ViewRequest]? {
        let count = sentences?.count ?? 0
        switch action {
        case .moveDown: sentenceCursor = min(sentenceCursor + 1, max(0, count - 1))
        case .moveUp: sentenceCursor = max(sentenceCursor - 1, 0)
        case .cancel, .back, .paneLeft: sentences = nil
        case .open:
            guard let sentence = sentences?[safe: sentenceCursor] else { return [] }
            return [.openEntry(sentence.note, line: sentence.line)]
        default: return nil
        }
        return []
    }

    public mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        guard let matrix, sentences == nil else { return [] }
        let body = row - makePicture(context).headerHeight
        guard body >= 0, firstRow + body < matrix.rows.count else { return [] }
        cursor.row = firstRow + body
        return double ? openAtCursor(vault: context.vault) : []
    }

    // MARK: Layout

    public mutating func reconcile(in context: ViewContext) {
        guard context.frame.visible else { return }
        if matrix == nil {
            matrix = Matrix.standard(for: context.vault)
        }
        guard let matrix else { return }
        let picture = makePicture(context)
        cursor.row = max(-1, min(cursor.row, matrix.rows.count - 1))
        cursor.column = max(-1, min(cursor.column, matrix.columns.count - 1))
        firstRow = ScrollPosition.keeping(
            firstRow, cursor: max(0, cursor.row), visible: picture.visibleRows(height: gridHeight(context)), count: matrix.rows.count)
        firstColumn = ScrollPosition.keeping(
            firstColumn, cursor: max(0, cursor.column), visible: picture.visibleColumns(width: context.frame.content.width),
            count: matrix.columns.count)
    }

    private func makePicture(_ context: ViewContext) -> MatrixPicture {
        MatrixPicture(matrix ?? Matrix.standard(for: context.vault), vault: context.vault, width: context.frame.content.width)
    }

    /// The grid's height: the content less the line that names the cell under the cursor.
    private func gridHeight(_ context: ViewContext) -> Int { max(0, context.frame.content.height - 1) }

    // MARK: Drawing

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let area = context.frame.content
        guard area.width > 0, area.height > 0, let matrix else { return }
        if let sentences {
            renderSentences(sentences, into: &screen, in: area, context: context)
            return
        }
        let picture = makePicture(context)
        let grid = Rect(x: area.x, y: area.y, width: area.width, height: gridHeight(context))
        picture.draw(
            in: grid, firstRow: firstRow, firstColumn: firstColumn, cursor: cursor, focused: context.focused, vault: context.vault,
            glyphs: context.glyphs, into: &screen)
        // Under the grid: what the cursor is on, then the legend of the column numbers as far as it fits.
        let used = min(grid.height, picture.headerHeight + min(matrix.rows.count - firstRow, picture.visibleRows(height: grid.height)) + 1)
        var y = area.y + used
        screen.put(
            TextWrapper.truncate(TerminalSafeText.sanitize(describeCursor(context)), width: area.width), row: y, column: area.x,
            style: CellStyle(.strong), maxColumn: area.maxX)
        y += 1
        let columns = picture.visibleColumns(width: area.width)
        for line in MatrixPicture.legend(matrix, vault: context.vault, columns: firstColumn..<(firstColumn + columns)) {
            guard y < area.maxY else { break }
            screen.put(
                TextWrapper.truncate(TerminalSafeText.sanitize(line), width: area.width), row: y, column: area.x, style: CellStyle(.dim),
                maxColumn: area.maxX)
            y += 1
        }
    }

    /// "Collaboration across silos → Silo mentality (column 7)", or what Enter does on a heading.
    func describeCursor(_ context: ViewContext) -> String {
        guard let matrix else { return "" }
        let notes = context.vault.notes
        let row = matrix.rows.entries[safe: cursor.row].map { notes[$0].title }
        let column = matrix.columns.entries[safe: cursor.column].map { notes[$0].title }
        switch (row, column) {
        case (let row?, let column?):
            guard let direction = matrix.mark(row: cursor.row, column: cursor.column) else {
                return "\(row) · \(column) (\(cursor.column + 1)): no link"
            }
            let way = direction == .both ? "both ways" : direction == .rowToColumn ? "\(row) links to it" : "it links to \(row)"
            let mark = MatrixPicture.mark(direction, glyphs: context.glyphs)
            return "\(mark) \(row) · \(column) (\(cursor.column + 1)): \(way) · Enter shows the sentences"
        case (let row?, nil): return "\(row) · Enter opens it"
        case (nil, let column?): return "\(column) (\(cursor.column + 1)) · Enter opens it"
        default: return "\(matrix.rows.title) / \(matrix.columns.title)"
        }
    }

    private func renderSentences(_ sentences: [LinkSentence], into screen: inout ScreenBuffer, in area: Rect, context: ViewContext) {
        let notes = context.vault.notes
        var lines: [(text: String, role: Role, item: Int?)] = []
        let width = max(1, area.width - 2)
        let heading = describeCursor(context).components(separatedBy: " · Enter").first ?? ""
        lines.append((heading, .heading2, nil))
        var previousNote: Int?
        for (item, sentence) in sentences.enumerated() {
            if sentence.note != previousNote {
                lines.append(("", .normal, nil))
                lines.append(("\(notes[sentence.note].title) says:", .strong, nil))
                previousNote = sentence.note
            }
            let times = sentence.seconds.map { "[\(TimestampRef.format(seconds: $0))]" }.joined(separator: " ")
            let text = (times.isEmpty ? "" : times + " ") + TerminalSafeText.sanitize(sentence.text)
            for piece in TextWrapper.wrap([Span(text)], width: width) { lines.append((piece.text, .normal, item)) }
        }
        if sentences.isEmpty { lines.append(("(no line of either entry makes this link)", .dim, nil)) }
        // Keep the selected sentence in view.
        let first = lines.firstIndex { $0.item == sentenceCursor } ?? 0
        let last = lines.lastIndex { $0.item == sentenceCursor } ?? 0
        let top = max(0, min(first, last - area.height + 1))
        for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let selected = line.item == sentenceCursor && line.item != nil
            let style = CellStyle(line.role, selected: selected && context.focused)
            if selected { screen.fill(Rect(x: area.x, y: area.y + offset, width: area.width, height: 1), style: style) }
            screen.put(
                TextWrapper.truncate(line.text, width: area.width - (line.item == nil ? 0 : 2)), row: area.y + offset,
                column: area.x + (line.item == nil ? 0 : 2), style: style, maxColumn: area.maxX)
        }
    }

    public func hints(in context: ViewContext) -> [Hint] {
        if sentences != nil {
            return [context.moveHint, context.hint(.open, "open at the line"), context.hint(.cancel, "back to the matrix")].compactMap { $0 }
        }
        return [
            context.moveHint, context.hint(.open, "sentences / open"), context.hint(Self.nextRowKind, "rows"),
            context.hint(Self.nextColumnKind, "columns"), context.hint(Self.swapKinds, "swap"), context.hint(.cancel, "close"),
        ].compactMap { $0 }
    }
}
