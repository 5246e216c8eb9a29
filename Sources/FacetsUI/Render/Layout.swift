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
    /// The views on screen, in Tab order: the last is the main view, the others its sidebar.
    public let panes: [ViewID]
    private var frames: [ViewID: Frame] = [:]
    /// The status line (last row).
    public var status: Rect

    public init(width: Int, height: Int, panes: [ViewID], focus: ViewID, zoomed: Bool, presenting: Bool = false) {
        self.panes = panes
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
        let sidebar = Array(panes.dropLast())
        guard let main = panes.last else {
            arrangement = .onePane
            return
        }
        if zoomed || sidebar.isEmpty || width < Self.twoColumnWidth || (width < Self.threeColumnWidth && height < Self.twoColumnHeight) {
            arrangement = zoomed ? .zoomed : .onePane
            self[focus] = Frame(outer: body, visible: true)
            return
        }
        if width >= Self.threeColumnWidth {
            // A column each: the first sidebar view narrow, the next ones wider, the main view the rest.
            arrangement = .threeColumns
            var x = 0
            for (index, id) in sidebar.enumerated() {
                let columnWidth = index == 0 ? min(34, max(20, width / 5)) : min(48, max(26, width * 3 / 10))
                self[id] = Frame(outer: Rect(x: x, y: 0, width: columnWidth, height: body.height), visible: true)
                x += columnWidth
            }
            self[main] = Frame(outer: Rect(x: x, y: 0, width: width - x, height: body.height), visible: true)
            return
        }
        // Two columns: the sidebar views stacked on the left (the first taking two fifths), the main view right.
        arrangement = .twoColumns
        let leftWidth = min(40, max(26, width * 3 / 8))
        var y = 0
        for (index, id) in sidebar.enumerated() {
            let remaining = sidebar.count - index
            let rowHeight =
                remaining == 1
                ? body.height - y
                : sidebar.count == 2 ? max(3, body.height * 2 / 5) : max(3, (body.height - y) / remaining)
            self[id] = Frame(outer: Rect(x: 0, y: y, width: leftWidth, height: rowHeight), visible: true)
            y += rowHeight
        }
        self[main] = Frame(outer: Rect(x: leftWidth, y: 0, width: width - leftWidth, height: body.height), visible: true)
    }

    /// A view's frame; hidden when the view is not on screen in this arrangement.
    public subscript(id: ViewID) -> Frame {
        get { frames[id] ?? .hidden }
        set { frames[id] = newValue }
    }

    /// The view whose frame holds a screen position.
    public func pane(atRow row: Int, column: Int) -> ViewID? {
        panes.first { self[$0].visible && self[$0].outer.contains(row: row, column: column) }
    }
}
