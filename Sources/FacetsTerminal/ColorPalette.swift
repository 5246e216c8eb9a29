import CNcurses
import FacetsUI

/// Turns theme appearances into curses attributes and colour pairs, allocating pairs as they are first used.
struct ColorPalette {
    let colorsEnabled: Bool
    let colorCount: Int
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private let maximumPairs: Int

    struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(colorsEnabled: Bool) {
        self.colorsEnabled = colorsEnabled
        colorCount = Int(facets_colors())
        maximumPairs = Int(facets_color_pairs())
    }

    mutating func attributes(for appearance: Appearance) -> (attr_t, Int16) {
        var attrs = facets_a_normal()
        if appearance.bold { attrs |= facets_a_bold() }
        if appearance.underline { attrs |= facets_a_underline() }
        if appearance.reverse { attrs |= facets_a_reverse() }
        if appearance.dim { attrs |= facets_a_dim() }
        if appearance.italic { attrs |= facets_a_italic() }
        guard colorsEnabled else {
            // No colours: a background colour means "stand out".
            if appearance.background != .default, !appearance.reverse { attrs |= facets_a_reverse() }
            return (attrs, 0)
        }
        let (fg, fgBold) = number(appearance.foreground)
        let (bg, _) = number(appearance.background)
        if fgBold { attrs |= facets_a_bold() }
        if fg == -1 && bg == -1 { return (attrs, 0) }
        let key = PairKey(foreground: fg, background: bg)
        if let pair = pairs[key] { return (attrs, pair) }
        guard Int(nextPair) < maximumPairs else { return (attrs, 0) }
        let pair = nextPair
        init_pair(pair, fg, bg)
        pairs[key] = pair
        nextPair += 1
        return (attrs, pair)
    }

    /// A curses colour number, and whether bold stands in for brightness (fewer than 16 colours), as
    /// the frame encoder maps it (`ColorNumbers`). The OSC 8 writer maps colours through this too.
    func number(_ color: TerminalColor) -> (Int16, Bool) {
        ColorNumbers.number(color, colorCount: colorCount)
    }
}
