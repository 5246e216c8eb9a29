import FacetsUI

/// One cell as the terminal shows it: the characters sent and their look. Empty text is the right half
/// of a wide character (drawn by the cell before it).
struct TerminalCell: Hashable, Sendable {
    var text: String
    var look: TerminalLook
    /// Part of an OSC 8 hyperlink, which the session sends after the frame for the links that changed:
    /// the encoder never writes such a cell again unasked (that would drop its link on the terminal).
    var linked = false

    static let blank = TerminalCell(text: " ", look: .plain)

    /// The cell in one word when its text is one scalar (nearly every cell): its look, whether it is
    /// linked, and the scalar. Nil for anything longer, which is compared as it is.
    var packed: UInt64? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return nil }
        return look.packed | (linked ? 1 << 40 : 0) | UInt64(scalar.value) << 41
    }
}

/// A screen as the terminal shows it: styles resolved to looks, text narrowed for the terminal's
/// character set. Comparing two frames says exactly which cells must be sent.
struct TerminalFrame: Equatable, Sendable {
    let width: Int
    let height: Int
    var cells: [TerminalCell]

    init(width: Int, height: Int, cells: [TerminalCell]) {
        self.width = width
        self.height = height
        self.cells = cells
    }

    /// What a cleared terminal shows.
    static func blank(width: Int, height: Int) -> TerminalFrame {
        TerminalFrame(width: width, height: height, cells: Array(repeating: .blank, count: width * height))
    }

    /// A screen buffer as sent to a terminal of `width` x `height`; `look` resolves a style (cached by
    /// the caller). Without UTF-8 every non-ASCII character becomes `?` and a wide character's right half
    /// a space of its own.
    init(_ screen: ScreenBuffer, width: Int, height: Int, utf8: Bool, look: (CellStyle) -> TerminalLook) {
        self.width = width
        self.height = height
        var cells = Array(repeating: TerminalCell.blank, count: width * height)
        for row in 0..<min(screen.height, height) {
            for column in 0..<min(screen.width, width) {
                let cell = screen[row, column]
                let resolved = look(cell.style)
                let text: String
                if cell.isContinuation {
                    text = utf8 ? "" : " "
                } else if utf8 {
                    text = cell.text.unicodeScalars.count > 4 ? String(String.UnicodeScalarView(cell.text.unicodeScalars.prefix(4))) : cell.text
                } else {
                    text = cell.text.unicodeScalars.first.map { $0.isASCII ? String($0) : "?" } ?? " "
                }
                cells[row * width + column] = TerminalCell(text: text, look: resolved, linked: cell.hyperlink != nil)
            }
            // A right half with no left half before it (clipped at an edge) is a plain space.
            for column in 0..<width where cells[row * width + column].text.isEmpty {
                if column == 0 || cells[row * width + column - 1].text.isEmpty { cells[row * width + column].text = " " }
            }
        }
        self.cells = cells
    }

    subscript(row: Int, column: Int) -> TerminalCell { cells[row * width + column] }
}
