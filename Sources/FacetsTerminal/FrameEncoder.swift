/// Turns the difference between the frame on the terminal and the next one into the bytes to send:
/// only changed cells, gathered into runs of one look, each look set once per run and the runs visited
/// in the order that costs fewest cursor moves and attribute changes (a restyled border is one look set
/// and one short step a row, not a move and a full attribute reset a cell). Pure: the terminal session
/// writes what it returns.
struct FrameEncoder: Sendable {
    var moves: CursorMoves
    /// Autowrap is off (DECAWM reset; the session turns it off): a write into the last column leaves the
    /// cursor there, so the next row's last column is one line feed away (a restyled right border).
    var autowrapOff = false
    /// The terminal erases characters in place (ECH, `ESC [ n X`): a stretch of blanks costs a few bytes.
    var eraseCharacters = false
    /// Erased cells take the background colour set (terminfo `bce`, as xterm and the Linux console do):
    /// the blanks of a coloured row (a selection bar, the status line) are erased too, not sent.
    var eraseInBackgroundColour = false
    /// The terminal has a scroll region (DECSTBM) and deletes and inserts lines in it (DL, IL): rows that
    /// moved are moved on the screen rather than sent again (`RowShift`).
    var scrollRegion = false
    /// The terminal sets and clears tab stops (HTS, TBC) and the driver sends tabs as they are: stops go
    /// at the panes' first text columns (`TabStops`) and tabs are cursor steps.
    var tabStops = false
    /// The greedy order of the runs is improved (`RunOrder.improved`): off only for the bench's peer.
    var improvesOrder = true

    /// Blanks in a row from which erasing them and stepping over costs fewer bytes than sending them.
    static let shortestErase = 10

    /// Where the terminal's cursor is and whether it shows, carried from one frame to the next.
    struct CursorState: Sendable {
        /// Nil when not known (after another writer, or text whose width the terminal may judge otherwise).
        var position: (row: Int, column: Int)?
        /// False right after a write into the last column: only the row is sure.
        var columnExact = true
        /// Nil when not known: the next frame says which it wants.
        var visible: Bool?
        /// True when the last frame moved rows with a scroll (cells kept their text but came from elsewhere).
        var scrolled = false
        /// The tab stops the encoder set, ascending; nil when it set none (the terminal has its own).
        var tabStops: [Int]?
        /// The look the terminal writes in, as the last frame left it; nil when not known (after another
        /// writer), and the next frame resets it first.
        var look: TerminalLook?
    }

    /// A stretch of cells on one row, written left to right in one look.
    struct Run {
        var row: Int
        var start: Int
        var end: Int
        var look: TerminalLook
    }

    /// Past this many runs the visiting order is simply top to bottom (choosing costs n² steps).
    static let maximumRunsToOrder = 400

    /// The bytes that turn `old` (nil: unknown, so the screen is cleared first) into `new`, then rest the
    /// cursor at `cursor` (shown) or hide it. The look of the last cell written stays set (`state.look`):
    /// the next frame starts from it, and whoever else writes resets it first (`TerminalSession`).
    /// Where rows moved (a pane scrolled) and the terminal has a scroll region, the frame is also
    /// encoded as a scroll and the cells still differing after it; the shorter of the two is sent.
    func encode(
        from old: TerminalFrame?, to new: TerminalFrame, cursor: (row: Int, column: Int)?, state: inout CursorState
    ) -> String {
        var out = ""
        let base: TerminalFrame
        state.scrolled = false
        if let old, old.width == new.width, old.height == new.height {
            base = old
        } else {
            out += (autowrapOff ? "\u{1B}[?7l" : "") + "\u{1B}[m\u{1B}[H\u{1B}[2J"
            state.position = (0, 0)
            state.columnExact = true
            state.look = .plain
            base = .blank(width: new.width, height: new.height)
        }
        if state.look == nil {
            out += "\u{1B}[m"
            state.look = .plain
        }
        var encoder = self
        if tabStops {
            let stops = TabStops.chosen(for: new)
            if !stops.isEmpty, stops != state.tabStops {
                let (bytes, position) = TabStops.setting(stops, from: state.position, columnExact: state.columnExact)
                out += bytes
                state.position = position
                state.columnExact = true
                state.tabStops = stops
            }
            encoder.moves.tabStops = state.tabStops ?? []
        }
        var written = state
        var body = encoder.changes(from: base, to: new, state: &written)
        if scrollRegion, let old, old.width == new.width, old.height == new.height, let shift = RowShift.best(from: base, to: new) {
            // Lines a scroll brings in take the background set (where erasing does): plain first.
            var scrolled = state
            scrolled.position = nil
            scrolled.columnExact = true
            scrolled.look = .plain
            let reset = (state.look ?? .plain).transition(to: .plain)
            let alternative = reset + shift.sequence + encoder.changes(from: shift.applied(to: base), to: new, state: &scrolled)
            if alternative.utf8.count < body.utf8.count {
                body = alternative
                written = scrolled
                written.scrolled = true
            }
        }
        state = written
        out += body
        if let cursor {
            out += encoder.moves.sequence(from: state.position, to: cursor, columnExact: state.columnExact)
            state.position = cursor
            state.columnExact = true
            if state.visible != true { out += "\u{1B}[?25h" }
            state.visible = true
        } else if state.visible != false {
            out += "\u{1B}[?25l"
            state.visible = false
        }
        return out
    }

    /// The bytes that turn the terminal showing `base` into `new`, from the cursor and look `state` says
    /// (and leaves them in).
    func changes(from base: TerminalFrame, to new: TerminalFrame, state: inout CursorState) -> String {
        let runs = Self.runs(from: base, to: new)
        guard runs.count <= Self.maximumRunsToOrder else { return send(runs, of: new, state: &state) }
        // Simply reading order (where a row of several looks is cheaper changed look by look than visited
        // look by look), the cheapest next run each time, or either improved (`RunOrder`): whichever
        // sends fewest bytes, reading order when they tie.
        let table = RunOrder(
            runs, of: new, encoder: self, from: state.position, columnExact: state.columnExact, look: state.look ?? .plain,
            improving: improvesOrder)
        var order = table.greedy()
        if improvesOrder, runs.count <= RunOrder.mostRunsToImprove {
            // Both improved; only the one the table says is cheaper is sent (sending is most of the time).
            let improvedGreedy = table.improved(order), improvedReading = table.improved(Array(runs.indices))
            order = table.cost(of: improvedReading) < table.cost(of: improvedGreedy) ? improvedReading : improvedGreedy
        }
        var reading = state
        let inReadingOrder = send(runs, of: new, state: &reading)
        var ordered = state
        let inOrder = send(order.map { runs[$0] }, of: new, state: &ordered)
        if inReadingOrder.utf8.count <= inOrder.utf8.count {
            state = reading
            return inReadingOrder
        }
        state = ordered
        return inOrder
    }

    /// The bytes that write `runs` of `new` in the order given, from the look `state` says (left in the
    /// last run's).
    func send(_ runs: [Run], of new: TerminalFrame, state: inout CursorState) -> String {
        var out = ""
        var look = state.look ?? .plain
        for (index, run) in runs.enumerated() {
            out += look.transition(to: run.look)
            look = run.look
            var column = run.start
            while column < run.end {
                let cell = new[run.row, column]
                if cell.text.isEmpty {
                    column += 1
                    continue
                }
                if !state.columnExact || !(state.position.map { $0 == (run.row, column) } ?? false) {
                    if column == run.start, let earlier = cheaperStart(of: run, in: new, from: state.position, columnExact: state.columnExact) {
                        // Stepping to a tab stop and writing the unchanged cells up to the run beats a move.
                        out += moves.sequence(from: state.position, to: (run.row, earlier), columnExact: state.columnExact)
                        for between in earlier..<column { out += new[run.row, between].text }
                        state.position = (run.row, column)
                    } else {
                        out += moves.sequence(from: state.position, to: (run.row, column), columnExact: state.columnExact)
                    }
                    state.columnExact = true
                }
                let blanks =
                    eraseCharacters
                    ? Self.blanks(in: new, row: run.row, from: column, to: run.end, coloured: eraseInBackgroundColour) : 0
                if blanks >= Self.shortestErase
                    || (blanks > 0 && column + blanks == run.end
                        && erasingEndIsCheaper(run, blanks: blanks, next: index + 1 < runs.count ? runs[index + 1] : nil, width: new.width))
                {
                    // Erased with the run's look set (not reversed or underlined; its background the
                    // default, or any where erasing takes the colour): the cursor stays where it is.
                    out += "\u{1B}[\(blanks)X"
                    state.position = (run.row, column)
                    column += blanks
                    continue
                }
                out += cell.text
                let wide = column + 1 < new.width && new[run.row, column + 1].text.isEmpty
                let next = column + (wide ? 2 : 1)
                let certain = Self.widthIsCertain(cell.text)
                if certain, next < new.width {
                    state.position = (run.row, next)
                } else if certain, autowrapOff, !wide {
                    state.position = (run.row, new.width - 1)
                    state.columnExact = false
                } else {
                    state.position = nil
                }
                column += 1
            }
        }
        state.look = look
        return out
    }

    /// A column before `run` to start writing from, when reaching it and writing the unchanged cells
    /// between costs fewer bytes than moving to the run itself: a tab stop a few cells to the left of a
    /// line that changed after its first letters (`\r\t` and "w" instead of a move left by 46).
    func cheaperStart(of run: Run, in frame: TerminalFrame, from position: (row: Int, column: Int)?, columnExact: Bool) -> Int? {
        reach(run, from: position, columnExact: columnExact, starts: tabStarts(of: run, in: frame)).column
    }

    /// The fewest bytes that reach `run` from `position`: a move to it, or to one of `starts` (see
    /// `tabStarts`) and the cells from there; with the column writing starts at (nil: the run's own).
    func reach(
        _ run: Run, from position: (row: Int, column: Int)?, columnExact: Bool, starts: [(stop: Int, bytes: Int)]
    ) -> (column: Int?, cost: Int) {
        var best: Int?
        var bestCost = moves.cost(from: position, to: (run.row, run.start), columnExact: columnExact)
        for (stop, bytes) in starts where bytes < bestCost {
            let cost = moves.cost(from: position, to: (run.row, stop), columnExact: columnExact) + bytes
            if cost < bestCost {
                best = stop
                bestCost = cost
            }
        }
        return (best, bestCost)
    }

    /// The tab stops before `run` it could be written from, nearest first, each with the bytes of the
    /// unchanged cells between it and the run (same look, no link, widths certain).
    func tabStarts(of run: Run, in frame: TerminalFrame) -> [(stop: Int, bytes: Int)] {
        var starts: [(stop: Int, bytes: Int)] = []
        var bytes = 0
        var column = run.start
        for stop in moves.tabStops.reversed() where stop < run.start {
            while column > stop {
                column -= 1
                let cell = frame[run.row, column]
                guard cell.look == run.look, !cell.linked, Self.widthIsCertain(cell.text) else { return starts }
                bytes += cell.text.utf8.count
            }
            starts.append((stop, bytes))
            // Farther stops cost more letters than any move saves.
            if bytes > 12 { break }
        }
        return starts
    }

    /// Where the cursor is after writing `run` (nil: not known; the column is not exact in the last one).
    func after(_ run: Run, width: Int) -> (row: Int, column: Int)? {
        run.end < width ? (run.row, run.end) : (autowrapOff ? (run.row, width - 1) : nil)
    }

    /// Whether blanks ending a run cost fewer bytes erased (ECH, the cursor staying before them) than
    /// written, counting the step to the next run from either place.
    func erasingEndIsCheaper(_ run: Run, blanks: Int, next: Run?, width: Int) -> Bool {
        let erase = 3 + CursorMoves.digits(blanks)
        guard let next else { return erase < blanks }
        let target = (next.row, next.start)
        let fromErase = moves.cost(from: (run.row, run.end - blanks), to: target)
        let fromEnd =
            run.end < width
            ? moves.cost(from: (run.row, run.end), to: target)
            : moves.cost(from: autowrapOff ? (run.row, width - 1) : nil, to: target, columnExact: false)
        return erase + fromErase < blanks + fromEnd
    }

    /// The changed cells of each row as runs of one look; unchanged cells between two runs of the same
    /// look are taken in when rewriting them is cheaper than stepping over them. The bottom-right cell is
    /// never written (some terminals scroll when it is).
    static func runs(from old: TerminalFrame, to new: TerminalFrame) -> [Run] {
        var runs: [Run] = []
        let width = new.width
        for row in 0..<new.height {
            var changed = (0..<width).map { old[row, $0] != new[row, $0] }
            for column in 1..<max(width, 1) where changed[column] && new[row, column].text.isEmpty {
                changed[column - 1] = true  // a wide character's right half is drawn by its left half
            }
            if row == new.height - 1, width > 0 { changed[width - 1] = false }
            var rowRuns: [Run] = []
            var column = 0
            while column < width {
                guard changed[column] else {
                    column += 1
                    continue
                }
                let look = new[row, column].look
                var end = column + 1
                while end < width, changed[end], new[row, end].look == look { end += 1 }
                if var last = rowRuns.last, last.look == look, Self.cheaperToRewrite(new, row: row, from: last.end, to: column, look: look) {
                    last.end = end
                    rowRuns[rowRuns.count - 1] = last
                } else {
                    rowRuns.append(Run(row: row, start: column, end: end, look: look))
                }
                column = end
            }
            runs += rowRuns
        }
        return runs
    }

    /// How many plain blanks start at `from` (before `end`): spaces in a look that erasing reproduces
    /// (not reversed, not underlined, and on the default background unless `coloured`: the terminal
    /// erases in the background colour set).
    static func blanks(in frame: TerminalFrame, row: Int, from: Int, to end: Int, coloured: Bool = false) -> Int {
        var count = 0
        while from + count < end {
            let cell = frame[row, from + count]
            guard cell.text == " ", coloured || cell.look.background < 0, !cell.look.reverse, !cell.look.underline else { break }
            count += 1
        }
        return count
    }

    /// Whether sending the unchanged cells `from..<to` again costs fewer bytes than a move over them.
    static func cheaperToRewrite(_ frame: TerminalFrame, row: Int, from: Int, to: Int, look: TerminalLook) -> Bool {
        let step = CursorMoves.horizontal(from: from, to: to).utf8.count
        var bytes = 0
        for column in from..<to {
            let cell = frame[row, column]
            guard cell.look == look, !cell.linked, widthIsCertain(cell.text) || cell.text.isEmpty else { return false }
            bytes += cell.text.utf8.count
            if bytes > step { return false }
        }
        return true
    }

    /// True when every terminal agrees on how many columns the text takes (so the cursor's place after it
    /// is known): one scalar from Latin, Greek, Cyrillic and the like, punctuation, arrows, box drawing,
    /// blocks and geometric shapes. After anything else the next cell is addressed absolutely.
    static func widthIsCertain(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        let value = scalar.value
        return (0x20..<0x7F).contains(value) || ((0xA0..<0x300).contains(value) && value != 0xAD) || (0x370..<0x1100).contains(value)
            || (0x2010..<0x2300).contains(value) || (0x2500..<0x2600).contains(value)
    }
}
