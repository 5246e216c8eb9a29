/// A key press or mouse event, decoded by the terminal layer.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)  // Ctrl-letter, lower case
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete
    case function(Int)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)

    /// How help and the README name the key.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .mouse: return "mouse"
        case .resize: return "resize"
        }
    }
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}
