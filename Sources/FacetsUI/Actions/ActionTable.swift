/// One row of the action table: the single source for the default keys (`KeyMap.defaults`), the help
/// overlay and the README's key list (as tig's request table is).
public struct ActionInfo: Sendable, Equatable {
    public var action: Action
    public var keys: [Key]
    public var description: String
    /// Short name for key captions and the status line's hints.
    public var caption: String
    /// Where the keys apply: everywhere, in one view, or in a modal context (a tour, a prompt) where they win.
    public var context: KeyContext = .everywhere

    public init(action: Action, keys: [Key], description: String, caption: String, context: KeyContext = .everywhere) {
        self.action = action
        self.keys = keys
        self.description = description
        self.caption = caption
        self.context = context
    }
}

public enum ActionTable {
    public static let rows: [ActionInfo] =
        [
            ActionInfo(action: .moveDown, keys: [.character("j"), .down], description: "Move down", caption: "down"),
            ActionInfo(action: .moveUp, keys: [.character("k"), .up], description: "Move up", caption: "up"),
            ActionInfo(action: .pageDown, keys: [.pageDown, .control("d")], description: "Page down", caption: "page down"),
            ActionInfo(action: .pageUp, keys: [.pageUp, .control("u")], description: "Page up", caption: "page up"),
            ActionInfo(action: .top, keys: [.character("g"), .home], description: "Go to the top", caption: "top"),
            ActionInfo(action: .bottom, keys: [.character("G"), .end], description: "Go to the bottom", caption: "bottom"),
            ActionInfo(action: .nextPane, keys: [.tab], description: "Next pane", caption: "next pane"),
            ActionInfo(action: .previousPane, keys: [.backTab], description: "Previous pane", caption: "previous pane"),
            ActionInfo(action: .paneLeft, keys: [.character("h"), .left], description: "Pane to the left", caption: "left"),
            ActionInfo(action: .paneRight, keys: [.character("l"), .right], description: "Pane to the right", caption: "right"),
            ActionInfo(action: .focusTree, keys: [.character("1")], description: "Focus the facet tree", caption: "tree"),
            ActionInfo(action: .focusList, keys: [.character("2")], description: "Focus the entry list", caption: "list"),
            ActionInfo(action: .focusDetail, keys: [.character("3")], description: "Focus the detail pane", caption: "detail"),
            ActionInfo(action: .open, keys: [.enter], description: "Open the entry, or follow the link on the line", caption: "follow"),
            ActionInfo(
                action: .toggleExpand, keys: [.character("o"), .character(" ")], description: "Expand or collapse a tree node", caption: "expand",
                context: .tree),
            ActionInfo(
                action: .treeGrouping, keys: [.character("=")], description: "Group the tree by facets, folders, talks or tags",
                caption: "grouping"),
            ActionInfo(
                action: .openMoment, keys: [.character("O")], description: "Open the talk at the selected moment in the browser",
                caption: "open moment"),
            ActionInfo(
                action: .openFile, keys: [.character("X")], description: "Open the selected file with the system opener", caption: "open file"),
            ActionInfo(action: .followNumber, keys: [.character("f")], description: "Follow link number N: type N, then Enter", caption: "follow #"),
            ActionInfo(action: .back, keys: [.backspace, .character("u"), .control("o")], description: "Back in history", caption: "back"),
            ActionInfo(
                action: .forward, keys: [.character("U"), .control("r")], description: "Forward in history (Ctrl-I is Tab in a terminal)",
                caption: "forward"),
            ActionInfo(action: .search, keys: [.character("/")], description: "Search the list (in the detail pane: the entry)", caption: "search"),
            ActionInfo(
                action: .globalSearch, keys: [.control("f"), .character(":")], description: "Search every entry's title, aliases and text",
                caption: "search all"),
            ActionInfo(action: .nextMatch, keys: [.character("n")], description: "Next match", caption: "next match"),
            ActionInfo(action: .previousMatch, keys: [.character("N")], description: "Previous match", caption: "previous match"),
            ActionInfo(action: .timeline, keys: [.character("t")], description: "Timeline of the talk (at the selected moment)", caption: "timeline"),
            ActionInfo(
                action: .timelineNext, keys: [.character("]")], description: "On the timeline's strip: the next cited moment", caption: "next moment",
                context: .timeline),
            ActionInfo(
                action: .timelinePrevious, keys: [.character("[")], description: "On the timeline's strip: the previous cited moment",
                caption: "previous moment", context: .timeline),
            ActionInfo(action: .copyLink, keys: [.character("y")], description: "Copy the selected link (OSC 52)", caption: "copy"),
            ActionInfo(action: .zoom, keys: [.character("z")], description: "Zoom the focused pane", caption: "zoom"),
            ActionInfo(action: .cycleTheme, keys: [.character("c")], description: "Next colour theme", caption: "theme"),
            ActionInfo(
                action: .togglePresenter, keys: [.character("P")], description: "Presenter mode: large, centred, key captions", caption: "presenter"),
            ActionInfo(action: .startTour, keys: [.character("T")], description: "Start the guided tour", caption: "tour"),
            ActionInfo(
                action: .tourNext, keys: [.character(" "), .right], description: "In a tour: next stop", caption: "next stop", context: .tour),
            ActionInfo(action: .tourPrevious, keys: [.left], description: "In a tour: previous stop", caption: "previous stop", context: .tour),
            ActionInfo(
                action: .leaveTour, keys: [.escape], description: "In a tour: leave it, staying where you are", caption: "leave tour", context: .tour),
            ActionInfo(
                action: .followPresenter, keys: [.character("F")], description: "Follow the presenter again (served sessions)",
                caption: "follow presenter"),
            ActionInfo(
                action: .promptAccept, keys: [.enter], description: "In a prompt: keep the query (open the hit)", caption: "keep", context: .prompt),
            ActionInfo(
                action: .promptDeleteChar, keys: [.backspace], description: "In a prompt: delete the last character", caption: "delete",
                context: .prompt),
            ActionInfo(
                action: .promptDeleteWord, keys: [.control("w")], description: "In a prompt: delete the last word", caption: "delete word",
                context: .prompt),
            ActionInfo(action: .promptClear, keys: [.control("u")], description: "In a prompt: clear the query", caption: "clear", context: .prompt),
            ActionInfo(action: .promptNext, keys: [.down, .tab], description: "In a prompt: next result", caption: "next", context: .prompt),
            ActionInfo(
                action: .promptPrevious, keys: [.up, .backTab], description: "In a prompt: previous result", caption: "previous", context: .prompt),
            ActionInfo(
                action: .promptPageDown, keys: [.pageDown], description: "In a prompt: results a page down", caption: "page down", context: .prompt),
            ActionInfo(action: .promptPageUp, keys: [.pageUp], description: "In a prompt: results a page up", caption: "page up", context: .prompt),
            ActionInfo(
                action: .promptHistoryPrevious, keys: [.control("p")], description: "In a prompt: an earlier query of this prompt",
                caption: "earlier",
                context: .prompt),
            ActionInfo(
                action: .promptHistoryNext, keys: [.control("n")], description: "In a prompt: a later query of this prompt", caption: "later",
                context: .prompt),
            ActionInfo(action: .help, keys: [.character("?"), .function(1)], description: "Show or hide this help", caption: "help"),
            ActionInfo(action: .redraw, keys: [.control("l")], description: "Redraw the screen", caption: "redraw"),
            ActionInfo(action: .cancel, keys: [.escape], description: "Cancel, close (in a prompt too: drop the query)", caption: "cancel"),
            ActionInfo(action: .quit, keys: [.character("q"), .control("c")], description: "Quit", caption: "quit"),
        ] + ViewRegistry.standard.actionRows

    public static func info(_ action: Action) -> ActionInfo? { rows.first { $0.action == action } }

    /// "j ↓" for help and the README.
    public static func keyNames(_ info: ActionInfo) -> String {
        info.keys.map(\.displayName).joined(separator: " ")
    }

    /// The default key table as Markdown, for the README (a config's keys do not change it).
    public static var markdown: String { KeyMap.defaults.markdown }
}
