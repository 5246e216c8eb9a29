import FacetsCore

/// The whole screen as cells: what rendering produces and what tests and the terminal adapter read.
public struct ScreenBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// URLs for OSC 8 hyperlinks, referenced by `Cell.hyperlink`.
    public var hyperlinks: [String] = []
    /// Where the terminal cursor should rest (e.g. in a search prompt), or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.hyperlinks == b.hyperlinks
            && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes text at a position, clipped to `maxColumn` (exclusive); returns the column after it.
    /// Wide characters that would straddle the edge become a space; controls, bidi overrides and invisible
    /// format characters are never written (text should come sanitized; this is the last line of defence).
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: CellStyle = .normal,
        maxColumn: Int? = nil, hyperlink: Int? = nil
    ) -> Int {
        let limit = min(maxColumn ?? width, width)
        guard row >= 0, row < height else { return column }
        var col = column
        for character in TerminalSafeText.stripped(text) {
            guard col < limit else { break }
            let scalars = character.unicodeScalars
            var w = 0
            for s in scalars { w += DisplayWidth.of(s) }
            if w == 0 {
                // A lone combining mark: attach it to the previous cell.
                if col > column, col - 1 >= 0 { self[row, col - 1].text += String(character) }
                continue
            }
            let cellWidth = min(w, 2)
            if col < 0 {
                col += cellWidth
                continue
            }
            if col + cellWidth > limit {
                self[row, col] = Cell(" ", style: style)
                col += 1
                break
            }
            self[row, col] = Cell(String(character), style: style, hyperlink: hyperlink)
            if cellWidth == 2 { self[row, col + 1] = Cell("", style: style, hyperlink: hyperlink) }
            col += cellWidth
        }
        return col
    }

    /// A URL as an OSC 8 hyperlink may carry it: printable ASCII only, every other byte percent-encoded,
    /// so a URL built from a note (a talk's video id holding `ESC ]8;;…`) can never end the sequence early
    /// or start another one.
    public static func terminalSafeURL(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) else { return url }
        var out = ""
        for byte in url.utf8 {
            if byte >= 0x21 && byte <= 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Fills a rectangle's cells with spaces in a style.
    public mutating func fill(_ rect: Rect, style: CellStyle = .normal) {
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for column in max(0, rect.x)..<min(width, rect.x + rect.width) {
                self[row, column] = Cell(" ", style: style)
            }
        }
    }

    /// Restyles the cells of a row range (for selection bars).
    public mutating func restyle(row: Int, from: Int, to: Int, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < height else { return }
        for column in max(0, from)..<min(width, to) { change(&self[row, column].style) }
    }

    /// The text of a row, trailing spaces trimmed: what `tmux capture-pane` shows.
    public func line(_ row: Int) -> String {
        var out = ""
        for column in 0..<width where !self[row, column].isContinuation { out += self[row, column].text }
        while out.last == " " { out.removeLast() }
        return out
    }

    public var lines: [String] { (0..<height).map(line) }
    public var text: String { lines.joined(separator: "\n") }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(row: Int, column: Int) -> Bool { row >= y && row < maxY && column >= x && column < maxX }
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}
