/// Where each pane goes for a screen size: three columns when wide, two when medium (tree above list on
/// the left), one pane at a time when narrow, or the focused pane alone when zoomed.
public struct Layout: Sendable, Equatable {
    public struct Frame: Sendable, Equatable {
        public var outer: Rect
        public var visible: Bool
        /// Presenter mode draws no border; its content is a centred column inside `outer`.
        public var bordered = true
        var borderless: Rect?
        /// Inside the border.
        public var content: Rect {
            guard visible else { return Rect(x: 0, y: 0, width: 0, height: 0) }
            return borderless ?? outer.inset(by: 1)
        }
        static let hidden = Frame(outer: Rect(x: 0, y: 0, width: 0, height: 0), visible: false)
    }

    public enum Arrangement: Sendable, Equatable { case threeColumns, twoColumns, onePane, zoomed, presenting, tooSmall }

    /// Presenter mode's text column: about 72 columns, like a printed page.
    public static let readableWidth = 72

    public static let minimumWidth = 20
    public static let minimumHeight = 5
    public static let threeColumnWidth = 120
    public static let twoColumnWidth = 70
    /// Two columns stack the tree over the list: below this height one of them would have no room for a
    /// row inside its border, so a short screen shows one pane at a time instead.
    public static let twoColumnHeight = 7

    public var arrangement: Arrangement
    public var tree = Frame.hidden
    public var list = Frame.hidden
    public var detail = Frame.hidden
    /// The status line (last row).
    public var status: Rect

    public init(width: Int, height: Int, focus: Pane, zoomed: Bool, presenting: Bool = false) {
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            arrangement = .tooSmall
            return
        }
        let body = Rect(x: 0, y: 0, width: width, height: height - 1)
        if presenting {
            arrangement = .presenting
            let margin = width >= 40 ? 2 : 1
            let columnWidth = min(Self.readableWidth, width - 2 * margin)
            let top = body.height >= 12 ? 1 : 0
            let column = Rect(x: (width - columnWidth) / 2, y: top, width: columnWidth, height: body.height - 2 * top)
            self[focus] = Frame(outer: body, visible: true, bordered: false, borderless: column)
            return
        }
        if zoomed || width < Self.twoColumnWidth || (width < Self.threeColumnWidth && height < Self.twoColumnHeight) {
            arrangement = zoomed ? .zoomed : .onePane
            self[focus] = Frame(outer: body, visible: true)
            return
        }
        if width >= Self.threeColumnWidth {
            arrangement = .threeColumns
            let treeWidth = min(34, max(20, width / 5))
            let listWidth = min(48, max(26, width * 3 / 10))
            tree = Frame(outer: Rect(x: 0, y: 0, width: treeWidth, height: body.height), visible: true)
            list = Frame(outer: Rect(x: treeWidth, y: 0, width: listWidth, height: body.height), visible: true)
            detail = Frame(outer: Rect(x: treeWidth + listWidth, y: 0, width: width - treeWidth - listWidth, height: body.height), visible: true)
            return
        }
        arrangement = .twoColumns
        let leftWidth = min(40, max(26, width * 3 / 8))
        let treeHeight = max(3, body.height * 2 / 5)
        tree = Frame(outer: Rect(x: 0, y: 0, width: leftWidth, height: treeHeight), visible: true)
        list = Frame(outer: Rect(x: 0, y: treeHeight, width: leftWidth, height: body.height - treeHeight), visible: true)
        detail = Frame(outer: Rect(x: leftWidth, y: 0, width: width - leftWidth, height: body.height), visible: true)
    }

    public subscript(pane: Pane) -> Frame {
        get {
            switch pane {
            case .tree: return tree
            case .list: return list
            case .detail: return detail
            }
        }
        set {
            switch pane {
            case .tree: tree = newValue
            case .list: list = newValue
            case .detail: detail = newValue
            }
        }
    }

    /// The pane whose frame holds a screen position.
    public func pane(atRow row: Int, column: Int) -> Pane? {
        Pane.allCases.first { self[$0].visible && self[$0].outer.contains(row: row, column: column) }
    }
}
