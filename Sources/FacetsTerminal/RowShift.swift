/// A band of whole rows the terminal moves up or down in one scroll (a scroll region, DECSTBM, and
/// delete or insert lines inside it), as curses' hash-map scrolling does: when a pane's text moves by
/// some rows, most of it is already on the screen, a few rows higher or lower. Rows span the full width,
/// so a pane beside the one that scrolled moves too; the encoder then repairs it like any other change,
/// and uses the scroll only when the whole frame costs fewer bytes with it.
struct RowShift: Equatable, Sendable {
    /// The first and last row of the scroll region.
    var top: Int
    var bottom: Int
    /// Rows the content moves: positive up (lines deleted at the top, blank lines enter at the
    /// bottom), negative down.
    var distance: Int

    /// Past this many cells a frame is not searched for a shift (the search reads every row pair it votes for).
    static let largestSearched = 400 * 200

    /// The frame the terminal shows after the scroll: the band's rows moved, the rows entering blank
    /// (the current look is plain when the encoder scrolls).
    func applied(to frame: TerminalFrame) -> TerminalFrame {
        var cells = frame.cells
        let width = frame.width
        for row in top...bottom {
            let source = row + distance
            for column in 0..<width {
                cells[row * width + column] = (top...bottom).contains(source) ? frame[source, column] : .blank
            }
        }
        return TerminalFrame(width: width, height: frame.height, cells: cells)
    }

    /// The bytes: set the region, delete (or insert) lines at its top row, give the whole screen back
    /// as the region. Where the cursor ends is left unknown (terminals home it after DECSTBM, but
    /// the encoder addresses the next cell absolutely rather than rely on it).
    var sequence: String {
        let count = abs(distance)
        return "\u{1B}[\(top + 1);\(bottom + 1)r" + CursorMoves.absolute((top, 0))
            + "\u{1B}[\(count == 1 ? "" : String(count))\(distance > 0 ? "M" : "L")" + "\u{1B}[r"
    }

    /// The shift that leaves the fewest cells still to send, if one saves more cells than its bytes cost
    /// a little over: candidates are the distances that whole stretches of rows moved by (voted for by
    /// pieces of rows found again a few rows away), each band chosen to keep the most. The last row is
    /// never in a band: its last cell is never written, so it must stay where it was.
    static func best(from old: TerminalFrame, to new: TerminalFrame) -> RowShift? {
        let height = new.height
        let width = new.width
        guard old.width == width, old.height == height, height >= 4, width >= 1, width * height <= largestSearched else { return nil }
        // Fewer than three rows changed (a list's move, a marker): nothing to scroll, and nothing numbered.
        var changed = 0
        for row in 0..<height where changed < 3 {
            let start = row * width
            if old.cells[start..<(start + width)] != new.cells[start..<(start + width)] { changed += 1 }
        }
        guard changed >= 3 else { return nil }
        // Cells as small integers: equal numbers, equal cells (one-scalar cells found by one word, not by
        // hashing their text; a composed letter and its decomposed spelling get two numbers, which at
        // worst costs a scroll not chosen).
        var packedNumbers: [UInt64: Int32] = [:]
        if let blank = TerminalCell.blank.packed { packedNumbers[blank] = 0 }
        var numbers: [TerminalCell: Int32] = [TerminalCell.blank: 0]
        var next: Int32 = 1
        func number(_ cell: TerminalCell) -> Int32 {
            if let key = cell.packed {
                if let known = packedNumbers[key] { return known }
                packedNumbers[key] = next
            } else {
                if let known = numbers[cell] { return known }
                numbers[cell] = next
            }
            next += 1
            return next - 1
        }
        let before = old.cells.map(number)
        let after = new.cells.map(number)
        let last = height - 2
        var same = [Int](repeating: 0, count: height)
        var blank = [Int](repeating: 0, count: height)
        var changedRows = 0
        for row in 0..<height {
            for column in 0..<width {
                let cell = after[row * width + column]
                if cell != before[row * width + column] { same[row] += 1 }
                if cell != 0 { blank[row] += 1 }
            }
            if same[row] > 0 { changedRows += 1 }
        }
        guard changedRows >= 3 else { return nil }
        let candidates = votedDistances(before: before, after: after, width: width, height: height, same: same)
        var best: (shift: RowShift, gain: Int)?
        for distance in candidates {
            // Cells differing when row r shows what the old frame had at r + distance.
            var moved = [Int](repeating: unreachable, count: height)
            for row in 0...last where (0...last).contains(row + distance) {
                var differ = 0
                let base = row * width
                let source = (row + distance) * width
                for column in 0..<width where after[base + column] != before[source + column] { differ += 1 }
                moved[row] = differ
            }
            guard let found = bestBand(distance: distance, last: last, same: same, moved: moved, blank: blank) else { continue }
            if found.gain > best?.gain ?? 0 { best = found }
        }
        guard let best, best.gain > best.shift.sequence.utf8.count else { return nil }
        return best.shift
    }

    /// Distances (up to three) that pieces of changed rows moved by, most voted first: each new row is cut
    /// into pieces of eight cells, and a piece found in the old frame at the same columns a few rows away
    /// votes for that distance. Pieces of one repeated cell (blank runs, rules) do not vote.
    static func votedDistances(before: [Int32], after: [Int32], width: Int, height: Int, same: [Int]) -> [Int] {
        let piece = 8
        struct Key: Hashable {
            var index: Int
            var cells: ArraySlice<Int32>
        }
        var rowsOf: [Key: [Int]] = [:]
        func isUniform(_ cells: ArraySlice<Int32>) -> Bool { cells.allSatisfy { $0 == cells.first } }
        for row in 0..<(height - 1) {
            for start in stride(from: 0, to: width, by: piece) {
                let cells = before[(row * width + start)..<(row * width + min(width, start + piece))]
                guard !isUniform(cells) else { continue }
                rowsOf[Key(index: start, cells: cells), default: []].append(row)
            }
        }
        var votes: [Int: Int] = [:]
        for row in 0..<(height - 1) where same[row] > 0 {
            for start in stride(from: 0, to: width, by: piece) {
                let cells = after[(row * width + start)..<(row * width + min(width, start + piece))]
                guard !isUniform(cells), let rows = rowsOf[Key(index: start, cells: cells)], rows.count <= 4 else { continue }
                for source in rows where source != row { votes[source - row, default: 0] += 1 }
            }
        }
        return votes.filter { $0.value >= 2 }.sorted { $0.value > $1.value || ($0.value == $1.value && abs($0.key) < abs($1.key)) }.prefix(3).map(
            \.key)
    }

    /// A row whose source lies outside the frame (never inside a band).
    static let unreachable = -1

    /// The band [top, bottom] (bottom at most `last`) where moving by `distance` keeps the most cells:
    /// rows that get their content from `distance` rows away, and rows that enter blank.
    static func bestBand(distance: Int, last: Int, same: [Int], moved: [Int], blank: [Int]) -> (shift: RowShift, gain: Int)? {
        let span = abs(distance)
        guard span >= 1, span <= last else { return nil }
        // Gains per row: taking the moved row instead of the one in place, or a blank row instead.
        var movedGain = [Int](repeating: 0, count: last + 1)
        var blankGain = [Int](repeating: 0, count: last + 1)
        for row in 0...last {
            movedGain[row] = moved[row] == unreachable ? -1_000_000 : same[row] - moved[row]
            blankGain[row] = same[row] - blank[row]
        }
        var prefixMoved = [0]
        var prefixBlank = [0]
        for row in 0...last {
            prefixMoved.append(prefixMoved[row] + movedGain[row])
            prefixBlank.append(prefixBlank[row] + blankGain[row])
        }
        func sum(_ prefix: [Int], _ from: Int, _ through: Int) -> Int { from > through ? 0 : prefix[through + 1] - prefix[from] }
        var best: (shift: RowShift, gain: Int)?
        for top in 0...last {
            for bottom in (top + span)...max(top + span, last) where bottom <= last {
                let gain: Int
                if distance > 0 {
                    gain = sum(prefixMoved, top, bottom - span) + sum(prefixBlank, bottom - span + 1, bottom)
                } else {
                    gain = sum(prefixBlank, top, top + span - 1) + sum(prefixMoved, top + span, bottom)
                }
                if gain > best?.gain ?? 0 { best = (RowShift(top: top, bottom: bottom, distance: distance), gain) }
            }
        }
        return best
    }
}
