import FacetsUI

/// What a terminal is asked to show for one cell's style, after the terminal's limits are applied (no
/// colours, 8 colours): two styles with the same look need nothing sent when one replaces the other.
struct TerminalLook: Hashable, Sendable {
    var bold = false
    var dim = false
    var italic = false
    var underline = false
    var reverse = false
    /// Colour numbers, -1 for the terminal's default.
    var foreground: Int16 = -1
    var background: Int16 = -1

    static let plain = TerminalLook()

    /// Every field in the low 40 bits of one word: equal looks, equal words.
    var packed: UInt64 {
        let flags = (bold ? 1 : 0) | (dim ? 2 : 0) | (italic ? 4 : 0) | (underline ? 8 : 0) | (reverse ? 16 : 0)
        return UInt64(flags) | UInt64(UInt16(bitPattern: foreground)) << 8 | UInt64(UInt16(bitPattern: background)) << 24
    }

    /// Hashed as one word: the encoder hashes a frame's every cell (`RowShift` numbers them), and seven
    /// separate fields were most of that time.
    func hash(into hasher: inout Hasher) { hasher.combine(packed) }

    /// The look of an appearance on a terminal with `colorCount` colours, or none (`colorsEnabled` false),
    /// mapped by `ColorNumbers` as for curses.
    init(_ appearance: Appearance, colorsEnabled: Bool, colorCount: Int) {
        bold = appearance.bold
        dim = appearance.dim
        italic = appearance.italic
        underline = appearance.underline
        reverse = appearance.reverse
        guard colorsEnabled else {
            // No colours: a background colour means "stand out".
            if appearance.background != .default, !appearance.reverse { reverse = true }
            return
        }
        let (fg, fgBold) = ColorNumbers.number(appearance.foreground, colorCount: colorCount)
        foreground = fg
        background = ColorNumbers.number(appearance.background, colorCount: colorCount).0
        if fgBold { bold = true }
    }

    init() {}

    /// The shortest SGR sequence that turns `self` into `next`: either only what differs (switching off
    /// with 22/23/24/27/39/49) or a reset and all of `next`, whichever is fewer bytes. Empty when equal.
    func transition(to next: TerminalLook) -> String {
        guard self != next else { return "" }
        var partial: [String] = []
        if (bold && !next.bold) || (dim && !next.dim) {
            partial.append("22")
            if next.bold { partial.append("1") }
            if next.dim { partial.append("2") }
        } else {
            if next.bold && !bold { partial.append("1") }
            if next.dim && !dim { partial.append("2") }
        }
        if italic != next.italic { partial.append(next.italic ? "3" : "23") }
        if underline != next.underline { partial.append(next.underline ? "4" : "24") }
        if reverse != next.reverse { partial.append(next.reverse ? "7" : "27") }
        if foreground != next.foreground { partial.append(Self.colorCode(next.foreground, base: 30)) }
        if background != next.background { partial.append(Self.colorCode(next.background, base: 40)) }
        // A reset written with its parameter left out (`ESC [ m`, `ESC [ ; 1 m`): an empty SGR parameter
        // means 0 to every terminal (ECMA-48), and curses' own `sgr0` for xterm is `ESC [ m`.
        let full = next.codes.isEmpty ? [] : [""] + next.codes
        let pick = full.joined(separator: ";").utf8.count < partial.joined(separator: ";").utf8.count ? full : partial
        return "\u{1B}[" + pick.joined(separator: ";") + "m"
    }

    /// The codes that set this look from a reset.
    var codes: [String] {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        if foreground >= 0 { codes.append(Self.colorCode(foreground, base: 30)) }
        if background >= 0 { codes.append(Self.colorCode(background, base: 40)) }
        return codes
    }

    /// 30-37 / 90-97 / 38;5;n for foregrounds (base 30), the same +10 for backgrounds; 39/49 for default.
    static func colorCode(_ number: Int16, base: Int) -> String {
        if number < 0 { return String(base + 9) }
        if number < 8 { return String(base + Int(number)) }
        if number < 16 { return String(base + 60 + Int(number) - 8) }
        return "\(base + 8);5;\(number)"
    }
}
