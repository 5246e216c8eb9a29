/// The fewest bytes that take the terminal's cursor from one cell to another (ANSI/ECMA-48 sequences).
struct CursorMoves: Sendable {
    /// A line feed only moves down (the terminal driver leaves it alone), so `\n` is a one-byte step down.
    var lineFeedMovesDown: Bool
    /// The terminal's tab stops, ascending, when known (the encoder sets them): a tab is a one-byte step
    /// right to the next one. Empty: tabs are not used.
    var tabStops: [Int] = []

    /// The sequence from `from` (nil: unknown, so only absolute addressing is safe) to `to`. After a
    /// write into the last column (`columnExact` false) terminals disagree on where the column is, so
    /// only up, down and carriage return start from it.
    func sequence(from: (row: Int, column: Int)?, to: (row: Int, column: Int), columnExact: Bool = true) -> String {
        let absolute = Self.absolute(to)
        guard let from else { return absolute }
        if from == to, columnExact { return "" }
        var best = absolute
        func consider(_ candidate: String) {
            if candidate.utf8.count < best.utf8.count { best = candidate }
        }
        let vertical = self.vertical(by: to.row - from.row)
        if columnExact {
            consider(vertical + Self.horizontal(from: from.column, to: to.column))
            if let tabs = tabbing(from: from.column, to: to.column) { consider(vertical + tabs) }
        } else if from.column == to.column, from.row != to.row {
            consider(vertical)
        }
        consider(vertical + "\r" + Self.horizontal(from: 0, to: to.column))
        if let tabs = tabbing(from: 0, to: to.column) { consider(vertical + "\r" + tabs) }
        return best
    }

    /// CUP, with the parameters a terminal assumes left out.
    static func absolute(_ to: (row: Int, column: Int)) -> String {
        if to.column == 0 { return to.row == 0 ? "\u{1B}[H" : "\u{1B}[\(to.row + 1)H" }
        return "\u{1B}[\(to.row + 1);\(to.column + 1)H"
    }

    /// Up or down `delta` rows, keeping the column.
    func vertical(by delta: Int) -> String {
        if delta == 0 { return "" }
        if delta > 0 {
            if lineFeedMovesDown, delta <= 3 { return String(repeating: "\n", count: delta) }
            return delta == 1 ? "\u{1B}[B" : "\u{1B}[\(delta)B"
        }
        // One row up: reverse index (it scrolls only at the top row, which is never left upwards).
        return delta == -1 ? "\u{1B}M" : "\u{1B}[\(-delta)A"
    }

    /// Along the row from one column to another.
    static func horizontal(from: Int, to: Int) -> String {
        let delta = to - from
        if delta == 0 { return "" }
        if to == 0 { return "\r" }
        if delta > 0 { return delta == 1 ? "\u{1B}[C" : "\u{1B}[\(delta)C" }
        if -delta <= 3 { return String(repeating: "\u{8}", count: -delta) }
        return "\u{1B}[\(-delta)D"
    }

    /// The length of `sequence(from:to:)`, counted without building it (the run ordering asks often).
    func cost(from: (row: Int, column: Int)?, to: (row: Int, column: Int), columnExact: Bool = true) -> Int {
        let absolute = to.column == 0 ? (to.row == 0 ? 3 : 3 + Self.digits(to.row + 1)) : 4 + Self.digits(to.row + 1) + Self.digits(to.column + 1)
        guard let from else { return absolute }
        if from == to, columnExact { return 0 }
        let delta = to.row - from.row
        let vertical: Int
        if delta == 0 {
            vertical = 0
        } else if delta > 0 {
            vertical = lineFeedMovesDown && delta <= 3 ? delta : (delta == 1 ? 3 : 3 + Self.digits(delta))
        } else {
            vertical = delta == -1 ? 2 : 3 + Self.digits(-delta)
        }
        var best = absolute
        if columnExact {
            best = min(best, vertical + Self.horizontalCost(from: from.column, to: to.column))
            if let tabs = tabbingCost(from: from.column, to: to.column) { best = min(best, vertical + tabs) }
        } else if from.column == to.column, from.row != to.row {
            best = min(best, vertical)
        }
        best = min(best, vertical + 1 + Self.horizontalCost(from: 0, to: to.column))
        if let tabs = tabbingCost(from: 0, to: to.column) { best = min(best, vertical + 1 + tabs) }
        return best
    }

    /// Right along the row by tabs to the last stop at or before `to`, then on by CUF; nil when no stop
    /// lies between.
    func tabbing(from: Int, to: Int) -> String? {
        guard let (tabs, stop) = tabsTaken(from: from, to: to) else { return nil }
        return String(repeating: "\t", count: tabs) + Self.horizontal(from: stop, to: to)
    }

    func tabbingCost(from: Int, to: Int) -> Int? {
        guard let (tabs, stop) = tabsTaken(from: from, to: to) else { return nil }
        return tabs + Self.horizontalCost(from: stop, to: to)
    }

    /// How many tabs reach the last stop in (from, to], and that stop.
    func tabsTaken(from: Int, to: Int) -> (Int, Int)? {
        guard to > from, !tabStops.isEmpty else { return nil }
        var tabs = 0
        var stop = from
        for candidate in tabStops where candidate > from {
            guard candidate <= to else { break }
            tabs += 1
            stop = candidate
        }
        return tabs == 0 ? nil : (tabs, stop)
    }

    static func horizontalCost(from: Int, to: Int) -> Int {
        let delta = to - from
        if delta == 0 { return 0 }
        if to == 0 { return 1 }
        if delta > 0 { return delta == 1 ? 3 : 3 + digits(delta) }
        return -delta <= 3 ? -delta : 3 + digits(-delta)
    }

    static func digits(_ number: Int) -> Int {
        number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : String(number).count
    }
}
