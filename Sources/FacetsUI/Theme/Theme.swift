/// A terminal colour: one of the 8 basic ones (bright when `bright`), or the terminal's default.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case bright(BasicColor)

    public enum BasicColor: Sendable, Hashable { case black, red, green, yellow, blue, magenta, cyan, white }
}

/// How a role looks in a theme.
public struct Appearance: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var italic = false

    public init(
        _ foreground: TerminalColor = .default, _ background: TerminalColor = .default, bold: Bool = false,
        underline: Bool = false, reverse: Bool = false, dim: Bool = false, italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }
}

/// A named set of appearances. Monochrome uses attributes only, so it works with no colours at all.
public struct Theme: Sendable, Hashable {
    public enum Name: String, Sendable, CaseIterable { case dark, light, highContrast = "high-contrast", monochrome }

    public var name: Name
    public var usesColor: Bool

    public init(_ name: Name) {
        self.name = name
        usesColor = name != .monochrome
    }

    public func appearance(_ style: CellStyle) -> Appearance {
        var a = base(style.role)
        if style.highlighted {
            a =
                name == .monochrome
                ? Appearance(bold: true, underline: true)
                : Appearance(.black, name == .highContrast ? .bright(.yellow) : .yellow, bold: true)
        }
        if style.selected {
            switch name {
            case .monochrome, .highContrast: a.reverse = true
            case .dark:
                a.background = .blue
                a.foreground = a.foreground == .blue ? .white : (a.foreground == .default ? .bright(.white) : a.foreground)
                a.bold = true
            case .light:
                a.background = .cyan
                a.foreground = .black
                a.bold = true
            }
        }
        return a
    }

    func base(_ role: Role) -> Appearance {
        switch name {
        case .monochrome: return monochrome(role)
        case .dark: return dark(role)
        case .light: return light(role)
        case .highContrast: return highContrast(role)
        }
    }

    private func monochrome(_ role: Role) -> Appearance {
        switch role {
        case .title, .heading1, .heading2, .strong, .paneTitleFocused, .overlayTitle: return Appearance(bold: true)
        case .heading3: return Appearance(bold: true, underline: true)
        case .emphasis: return Appearance(italic: true)
        case .link, .missingLink, .timestamp: return Appearance(underline: true)
        case .dim, .linkNumber, .border, .treeCount, .kind, .paneTitle, .quote: return Appearance(dim: true)
        case .tag: return Appearance(bold: true)
        case .borderFocused, .statusKey, .callout: return Appearance(bold: true)
        case .status, .statusMessage: return Appearance(reverse: true)
        case .selection, .match: return Appearance(reverse: true)
        case .selectionUnfocused: return Appearance(underline: true)
        case .error: return Appearance(bold: true, reverse: true)
        case .normal, .code, .overlay: return Appearance()
        }
    }

    private func dark(_ role: Role) -> Appearance {
        switch role {
        case .normal, .overlay: return Appearance()
        case .dim, .linkNumber, .treeCount, .border: return Appearance(.bright(.black))
        case .title: return Appearance(.bright(.white), bold: true)
        case .heading1: return Appearance(.bright(.yellow), bold: true)
        case .heading2: return Appearance(.yellow, bold: true)
        case .heading3: return Appearance(.yellow)
        case .strong: return Appearance(.bright(.white), bold: true)
        case .emphasis: return Appearance(.white, italic: true)
        case .code: return Appearance(.green)
        case .link: return Appearance(.bright(.cyan), underline: true)
        case .missingLink: return Appearance(.red, underline: true)
        case .timestamp: return Appearance(.bright(.magenta))
        case .quote: return Appearance(.white, dim: true)
        case .callout: return Appearance(.cyan, bold: true)
        case .borderFocused: return Appearance(.bright(.cyan))
        case .paneTitle: return Appearance(.white)
        case .paneTitleFocused, .overlayTitle: return Appearance(.bright(.cyan), bold: true)
        case .selection: return Appearance(.bright(.white), .blue, bold: true)
        case .selectionUnfocused: return Appearance(.white, .bright(.black))
        case .status: return Appearance(.black, .white)
        case .statusKey: return Appearance(.blue, .white, bold: true)
        case .statusMessage: return Appearance(.black, .yellow)
        case .error: return Appearance(.bright(.white), .red, bold: true)
        case .match: return Appearance(.black, .yellow, bold: true)
        case .kind: return Appearance(.magenta)
        case .tag: return Appearance(.bright(.blue))
        }
    }

    private func light(_ role: Role) -> Appearance {
        switch role {
        case .normal, .overlay: return Appearance(.black)
        case .dim, .linkNumber, .treeCount, .border: return Appearance(.bright(.black))
        case .title, .strong: return Appearance(.black, bold: true)
        case .heading1: return Appearance(.blue, bold: true)
        case .heading2: return Appearance(.blue, bold: true)
        case .heading3: return Appearance(.blue)
        case .emphasis: return Appearance(.black, italic: true)
        case .code: return Appearance(.green)
        case .link: return Appearance(.blue, underline: true)
        case .missingLink: return Appearance(.red, underline: true)
        case .timestamp: return Appearance(.magenta)
        case .quote: return Appearance(.bright(.black))
        case .callout: return Appearance(.cyan, bold: true)
        case .borderFocused: return Appearance(.blue)
        case .paneTitle: return Appearance(.bright(.black))
        case .paneTitleFocused, .overlayTitle: return Appearance(.blue, bold: true)
        case .selection: return Appearance(.black, .cyan, bold: true)
        case .selectionUnfocused: return Appearance(.black, .white)
        case .status: return Appearance(.white, .blue)
        case .statusKey: return Appearance(.bright(.white), .blue, bold: true)
        case .statusMessage: return Appearance(.black, .yellow)
        case .error: return Appearance(.white, .red, bold: true)
        case .match: return Appearance(.black, .yellow, bold: true)
        case .kind: return Appearance(.magenta)
        case .tag: return Appearance(.blue, bold: true)
        }
    }

    private func highContrast(_ role: Role) -> Appearance {
        switch role {
        case .normal, .overlay, .quote: return Appearance(.bright(.white), .black)
        case .dim, .linkNumber, .treeCount, .border, .paneTitle: return Appearance(.white, .black)
        case .title, .strong, .heading3: return Appearance(.bright(.white), .black, bold: true)
        case .heading1, .heading2: return Appearance(.bright(.yellow), .black, bold: true)
        case .emphasis: return Appearance(.bright(.white), .black, underline: true)
        case .code: return Appearance(.bright(.green), .black)
        case .link: return Appearance(.bright(.cyan), .black, bold: true, underline: true)
        case .missingLink: return Appearance(.bright(.red), .black, bold: true, underline: true)
        case .timestamp: return Appearance(.bright(.magenta), .black, bold: true)
        case .callout: return Appearance(.bright(.cyan), .black, bold: true)
        case .borderFocused, .paneTitleFocused, .overlayTitle: return Appearance(.bright(.yellow), .black, bold: true)
        case .selection: return Appearance(.black, .bright(.yellow), bold: true)
        case .selectionUnfocused: return Appearance(.black, .white)
        case .status: return Appearance(.black, .bright(.white), bold: true)
        case .statusKey: return Appearance(.black, .bright(.yellow), bold: true)
        case .statusMessage: return Appearance(.black, .bright(.yellow), bold: true)
        case .error: return Appearance(.bright(.white), .red, bold: true)
        case .match: return Appearance(.black, .bright(.yellow), bold: true)
        case .kind: return Appearance(.bright(.magenta), .black)
        case .tag: return Appearance(.bright(.blue), .black, bold: true)
        }
    }
}
