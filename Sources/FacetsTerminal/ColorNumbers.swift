import FacetsUI

/// The one mapping from a theme colour to a terminal colour number, for both ways of drawing (curses
/// colour pairs and the frame encoder's SGR), so the two never draw a colour differently.
enum ColorNumbers {
    /// A colour number (-1 for the terminal's default), and whether bold stands in for brightness (a
    /// terminal with fewer than 16 colours).
    static func number(_ color: TerminalColor, colorCount: Int) -> (Int16, Bool) {
        switch color {
        case .default: return (-1, false)
        case .black: return (0, false)
        case .red: return (1, false)
        case .green: return (2, false)
        case .yellow: return (3, false)
        case .blue: return (4, false)
        case .magenta: return (5, false)
        case .cyan: return (6, false)
        case .white: return (7, false)
        case .bright(let basic):
            let base = index(basic)
            return colorCount >= 16 ? (base + 8, false) : (base, base != 0)
        }
    }

    /// The number of one of the eight basic colours.
    static func index(_ basic: TerminalColor.BasicColor) -> Int16 {
        switch basic {
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        }
    }
}
