import FacetsCore

/// The strip across the top of a talk's timeline in the detail pane: a cell per column for the talk's
/// length, shaded by how many statements cite it (░▒▓█, or `.:=#` in ASCII), a marker under the cell
/// of the statement at the line cursor and what that cell holds. The strip has no cursor of its own:
/// its cursor is the statement at the detail pane's line cursor, and moving along the strip moves that
/// cursor to the first statement of the next cell, listing the cell's statements below. So history,
/// find, link numbers and following keep working on the one cursor they know.
struct TimelineStripPanel: Sendable, Equatable {
    /// Per statement, in timeline order: its moment and the first document row it is drawn on.
    let seconds: [Int]
    let statementRows: [Int]
    let strip: TimelineStrip

    init(seconds: [Int], statementRows: [Int], length: Int, cells: Int) {
        self.seconds = seconds
        self.statementRows = statementRows
        strip = TimelineStrip(seconds: seconds, length: length, cells: cells)
    }

    /// Rows the panel takes at the top of a content area `height` rows high: the strip (two rows
    /// tall on big screens and projectors), its caption and a blank row; none in a pane too low to
    /// leave the statements room.
    static func rows(forHeight height: Int) -> Int { height >= 30 ? 4 : height >= 8 ? 3 : 0 }

    /// The statement shown at a document row: the last that starts at or above it (nil above the first).
    func statement(atRow row: Int) -> Int? {
        var low = 0, high = statementRows.count
        while low < high {
            let middle = (low + high) / 2
            if statementRows[middle] <= row { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// The strip's cell of the statement at a document row.
    func cell(atRow row: Int) -> Int? {
        statement(atRow: row).flatMap { strip.cell(forSecond: seconds[$0]) }
    }

    /// Where the statements of a cell start in the document.
    func firstRow(ofCell cell: Int) -> Int? {
        guard cell >= 0, cell < strip.buckets.count else { return nil }
        return strip.buckets[cell].moments.first.map { statementRows[$0] }
    }

    /// What a cell holds, longest first: "00:12:31–00:12:58 · 3 statements", "00:12:31 · 3 statements",
    /// "00:12:31 · 3" (the caption takes the longest that fits beside the marker).
    func captions(ofCell cell: Int) -> [String] {
        let bucket = strip.buckets[cell]
        let times = bucket.moments.map { seconds[$0] }
        guard let first = times.min(), let last = times.max() else {
            return ["\(TimestampRef.format(seconds: bucket.start)) · nothing cited"]
        }
        let count = "\(bucket.count) statement\(bucket.count == 1 ? "" : "s")"
        let start = TimestampRef.format(seconds: first)
        let span = first == last ? [] : ["\(start)–\(TimestampRef.format(seconds: last)) · \(count)"]
        return span + ["\(start) · \(count)", "\(start) · \(bucket.count)"]
    }

    // MARK: Drawing

    /// Draws the strip into the top rows of `area`, marking `cursorCell`.
    func render(into screen: inout ScreenBuffer, area: Rect, cursorCell: Int?, focused: Bool, context: ViewContext) {
        let rows = Self.rows(forHeight: area.height)
        guard rows > 0, area.width > 0 else { return }
        let ascii = context.glyphs == .ascii
        let shades = ascii ? TimelineStrip.asciiShades : TimelineStrip.unicodeShades
        let empty = ascii ? "-" : "─"
        let stripRows = rows - 2
        for (cell, bucket) in strip.buckets.enumerated() where cell < area.width {
            let glyph = bucket.level == 0 ? empty : shades[min(shades.count, bucket.level) - 1]
            let style = CellStyle(bucket.level == 0 ? .dim : .timestamp, selected: cell == cursorCell && focused, highlighted: cell == cursorCell)
            for row in 0..<stripRows { screen.put(glyph, row: area.y + row, column: area.x + cell, style: style) }
        }
        let captionRow = area.y + stripRows
        let text: String
        if let cursorCell, cursorCell < area.width {
            screen.put(ascii ? "^" : "▲", row: captionRow, column: area.x + cursorCell, style: CellStyle(.borderFocused))
            let room = max(area.width - cursorCell - 2, cursorCell - 1)
            let captions = captions(ofCell: cursorCell)
            text = captions.first { DisplayWidth.of($0) <= room } ?? captions[captions.count - 1]
        } else {
            let moves = [context.keyMap.label(.timelinePrevious), context.keyMap.label(.timelineNext)].compactMap { $0 }.joined(separator: "/")
            text = "\(seconds.count) statements over \(TimestampRef.format(seconds: strip.length))" + (moves.isEmpty ? "" : " · \(moves) moves along")
        }
        let width = DisplayWidth.of(text)
        let marker = cursorCell.map { min($0, area.width - 1) }
        // The caption beside the marker: right of it when it fits, else left of it, else from the left edge.
        var column = area.x
        if let marker {
            if marker + 2 + width <= area.width {
                column = area.x + marker + 2
            } else if marker - 1 - width >= 0 {
                column = area.x + marker - 1 - width
            } else {
                column = area.x + (marker + 2 < area.width ? marker + 2 : 0)
            }
        }
        let clipped = TextWrapper.truncate(text, width: max(0, area.maxX - column))
        screen.put(clipped, row: captionRow, column: column, style: CellStyle(.dim), maxColumn: area.maxX)
    }
}
