/// Where the frame encoder puts the terminal's tab stops: at the first text column of each pane (after a
/// vertical border and the pane's padding), so that the step to a pane's next row is CR LF TAB, three
/// bytes, rather than a line feed and a move left or an absolute address (six to eight).
enum TabStops {
    /// More stops than panes only slow a tab down.
    static let most = 8

    /// Characters that draw a vertical border.
    static let verticals: Set<String> = ["│", "┃", "║", "|"]

    /// Columns a stop must lie past the one before (or the row's start) to be worth a tab.
    static let nearest = 8

    /// Past this many blanks after a border, text is indented or absent, not padded.
    static let longestPadding = 4

    /// The stops for a frame: for each column holding a vertical border on a third of the rows or more,
    /// the column after it where text starts on most of its rows (the pane's padding skipped).
    /// Ascending; empty when the frame has no panes.
    static func chosen(for frame: TerminalFrame) -> [Int] {
        let width = frame.width
        let height = frame.height
        guard width > 2, height > 0 else { return [] }
        var borderRows = [Int](repeating: 0, count: width)
        for row in 0..<height {
            for column in 0..<(width - 1) where verticals.contains(frame[row, column].text) { borderRows[column] += 1 }
        }
        var stops: [Int] = []
        for column in 0..<(width - 1) where borderRows[column] * 3 >= height {
            // How far text starts after the border, row by row (a marker or indentation on a few rows
            // does not move the stop: the most common padding wins).
            var paddings = [Int](repeating: 0, count: longestPadding + 1)
            for row in 0..<height where verticals.contains(frame[row, column].text) {
                var offset = column + 1
                while offset < width, offset - column - 1 <= longestPadding, frame[row, offset].text == " " { offset += 1 }
                if offset < width, offset - column - 1 <= longestPadding, !verticals.contains(frame[row, offset].text) {
                    paddings[offset - column - 1] += 1
                }
            }
            guard let commonest = paddings.max(), commonest > 0, let padding = paddings.firstIndex(of: commonest) else { continue }
            let stop = column + 1 + padding
            // A stop near the row's start or the stop before would save a byte or two there and cost
            // a tab on the way to every stop after it.
            if stop < width - 1, stop - (stops.last ?? 0) >= nearest { stops.append(stop) }
        }
        return Array(stops.prefix(most))
    }

    /// The bytes that clear every stop (TBC) and set `stops` (HTS) on the cursor's row, or on the top row
    /// when where the cursor is is not known; and where the cursor ends.
    static func setting(_ stops: [Int], from position: (row: Int, column: Int)?, columnExact: Bool) -> (String, (row: Int, column: Int)) {
        var out = "\u{1B}[3g"
        var row = 0
        var column: Int?
        if let position, columnExact {
            row = position.row
            column = position.column
        }
        for stop in stops {
            if let column {
                out += stop >= column ? CursorMoves.horizontal(from: column, to: stop) : "\r" + CursorMoves.horizontal(from: 0, to: stop)
            } else {
                out += CursorMoves.absolute((row, stop))
            }
            out += "\u{1B}H"
            column = stop
        }
        return (out, (row, column ?? 0))
    }

    /// A stop every eight columns, as terminals start and as `tabs` and `reset` set them: sent when the
    /// explorer gives the terminal back. The cursor ends at the start of its row.
    static func restoring(width: Int) -> String {
        "\u{1B}[3g\r" + String(repeating: "\u{1B}[8C\u{1B}H", count: max(0, (width - 1) / 8)) + "\r"
    }
}
