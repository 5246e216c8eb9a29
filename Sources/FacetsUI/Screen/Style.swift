/// What a piece of text is; a theme decides how each looks, so rendering never names colours.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal, dim, title, heading1, heading2, heading3, strong, emphasis, code, link, missingLink, linkNumber,
        timestamp, quote, callout, border, borderFocused, paneTitle, paneTitleFocused, selection,
        selectionUnfocused, status, statusKey, statusMessage, error, match, treeCount, kind, overlay, overlayTitle, tag
}

/// A cell's look: its role, plus marks that combine with any role.
public struct CellStyle: Sendable, Hashable {
    public var role: Role
    /// Part of the selected row (drawn reversed or with the selection colour).
    public var selected: Bool
    /// A search match or the focused link.
    public var highlighted: Bool

    public init(_ role: Role = .normal, selected: Bool = false, highlighted: Bool = false) {
        self.role = role
        self.selected = selected
        self.highlighted = highlighted
    }

    public static let normal = CellStyle()
}

/// One screen cell: a character (with any combining marks) and its style. The right half of a wide
/// character is a `continuation` cell with empty text.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: CellStyle
    /// Which OSC 8 hyperlink (index into `ScreenBuffer.hyperlinks`) the cell belongs to, if any.
    public var hyperlink: Int?

    public init(_ text: String = " ", style: CellStyle = .normal, hyperlink: Int? = nil) {
        self.text = text
        self.style = style
        self.hyperlink = hyperlink
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}
