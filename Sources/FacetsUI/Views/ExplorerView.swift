import FacetsCore

/// A view: owns its state (selection, scroll, filter), handles the actions that reach it, draws
/// itself into a frame and names the keys worth showing. Views never reach into each other: what
/// crosses views (show an entry, jump in history, focus another view) goes back to the explorer as
/// `ViewRequest`s, as lazygit's controllers ask their GUI and tig's views return requests.
public protocol ExplorerView: Sendable {
    var id: ViewID { get }
    /// The key-map context consulted while this view has focus (before the everywhere keys).
    var keyContext: KeyContext { get }
    /// Every context in force while it has focus, most specific first: `[keyContext]` unless what it shows
    /// brings keys of its own (the detail pane showing a timeline adds the timeline's).
    var keyContexts: [KeyContext] { get }
    /// The frame's title.
    func title(in context: ViewContext) -> String
    /// Applies an action; nil when the view has no use for it (the explorer's own handling applies).
    mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]?
    /// A click (or double click) on a row of the content area, counted from its top.
    mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest]
    /// A click at a row and column of the content area (views laid out in two dimensions read the column).
    mutating func click(row: Int, column: Int, double: Bool, in context: ViewContext) -> [ViewRequest]
    /// The view was opened in place of the main view (its opener key): where the explorer is, in `context.entry`.
    mutating func opened(in context: ViewContext)
    /// The wheel: lines to scroll, negative up.
    mutating func scroll(by lines: Int, in context: ViewContext) -> [ViewRequest]
    /// Clamps the cursor and scroll to what the frame shows: part of the one reconcile step.
    mutating func reconcile(in context: ViewContext)
    /// Draws the content (the frame's border and title are drawn by the renderer).
    func render(into screen: inout ScreenBuffer, in context: ViewContext)
    /// The keys the status line shows while this view has focus.
    func hints(in context: ViewContext) -> [Hint]
    /// The vault was read again after its files changed (`context.vault` is the new one): keep the
    /// selection and scroll on entries that still exist, matched through `change`.
    mutating func vaultChanged(_ change: VaultChange, in context: ViewContext)
}

extension ExplorerView {
    public var keyContext: KeyContext { .everywhere }
    public var keyContexts: [KeyContext] { [keyContext] }
    public mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest] { [] }
    public mutating func click(row: Int, column: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        click(row: row, double: double, in: context)
    }
    public mutating func opened(in context: ViewContext) {}
    public mutating func scroll(by lines: Int, in context: ViewContext) -> [ViewRequest] {
        var requests: [ViewRequest] = []
        for _ in 0..<abs(lines) { requests += handle(lines < 0 ? .moveUp : .moveDown, in: context) ?? [] }
        return requests
    }
    public mutating func reconcile(in context: ViewContext) {}
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {}
    public func hints(in context: ViewContext) -> [Hint] {
        [context.hint(.help, "help"), context.hint(.quit, "quit")].compactMap { $0 }
    }
}

/// A key worth showing in the status line, named as the key map binds it.
public struct Hint: Sendable, Equatable {
    public var key: String
    public var what: String
    public init(_ key: String, _ what: String) {
        self.key = key
        self.what = what
    }
}

/// What a view may read while it handles an action or draws: the shared facts, never other views.
public struct ViewContext: Sendable {
    public let vault: Vault
    public let glyphs: Glyphs
    public let keyMap: KeyMap
    /// Where the view is drawn (its content rectangle gives its page size); hidden when it is not on screen.
    public let frame: Layout.Frame
    /// Where it would be drawn with focus: what a view that lays text out by width keeps its width for
    /// while narrow layouts hide it.
    public let focusedFrame: Layout.Frame
    public let focused: Bool
    public let smartCase: Bool
    /// The entry the explorer is at (the one the detail pane shows, else the list's selection), if any.
    public let entry: Int?

    public init(
        vault: Vault, glyphs: Glyphs, keyMap: KeyMap, frame: Layout.Frame, focusedFrame: Layout.Frame? = nil,
        focused: Bool, smartCase: Bool = true, entry: Int? = nil
    ) {
        self.vault = vault
        self.glyphs = glyphs
        self.keyMap = keyMap
        self.frame = frame
        self.focusedFrame = focusedFrame ?? frame
        self.focused = focused
        self.smartCase = smartCase
        self.entry = entry
    }

    /// Rows of content: how far a page moves.
    public var pageSize: Int { max(1, frame.content.height) }

    /// An action's first key with what it does, or nil when the action has no key.
    public func hint(_ action: Action, _ what: String) -> Hint? {
        keyMap.keys(for: action).first.map { Hint(StatusLineView.shortName($0), what) }
    }

    /// "j/k move", from the keys in force.
    public var moveHint: Hint? {
        guard let down = keyMap.keys(for: .moveDown).first, let up = keyMap.keys(for: .moveUp).first else { return nil }
        return Hint("\(StatusLineView.shortName(down))/\(StatusLineView.shortName(up))", "move")
    }
}

/// What a view asks of the explorer: things that cross views or history.
public enum ViewRequest: Sendable, Equatable {
    /// The list shows this tree node's entries (and the detail previews the first).
    case selectNode(String)
    /// The detail pane shows a subject in place, as a preview (no history step).
    case preview(DetailSubject)
    /// A history step to a subject, focusing the detail pane.
    case open(DetailSubject)
    /// A history step to an entry, selecting it in the tree and the list, at a line of its file.
    case openEntry(Int, line: Int?)
    case focus(ViewID)
    /// The focused view's neighbour in Tab order.
    case focusNeighbour(Int)
    case message(String)
    case effect(Effect)
    /// A history step to a note's neighbourhood (the neighbourhood view re-centred).
    case recentre(NeighbourhoodPlace)
    /// The view asks to be closed (an overlay, or a view opened in place of the detail pane).
    case close
}
