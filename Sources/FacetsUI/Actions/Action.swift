/// Something a person can do in the explorer. Keys map to actions through a `KeyMap` (defaults: the
/// action table). An open set rather than an enum, so a view brings its own actions with its
/// registration (`ViewRegistration.actions`) without touching this file.
public struct Action: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public var description: String { rawValue }

    public static let moveDown = Action("moveDown"), moveUp = Action("moveUp")
    public static let pageDown = Action("pageDown"), pageUp = Action("pageUp")
    public static let top = Action("top"), bottom = Action("bottom")
    public static let nextPane = Action("nextPane"), previousPane = Action("previousPane")
    public static let paneLeft = Action("paneLeft"), paneRight = Action("paneRight")
    public static let focusTree = Action("focusTree"), focusList = Action("focusList"), focusDetail = Action("focusDetail")
    public static let open = Action("open"), toggleExpand = Action("toggleExpand"), followNumber = Action("followNumber")
    public static let back = Action("back"), forward = Action("forward")
    public static let timeline = Action("timeline"), copyLink = Action("copyLink"), zoom = Action("zoom")
    public static let help = Action("help"), quit = Action("quit"), cancel = Action("cancel")
    public static let redraw = Action("redraw"), cycleTheme = Action("cycleTheme")
    public static let search = Action("search"), globalSearch = Action("globalSearch")
    public static let nextMatch = Action("nextMatch"), previousMatch = Action("previousMatch")
    public static let togglePresenter = Action("togglePresenter"), startTour = Action("startTour")
    public static let tourNext = Action("tourNext"), tourPrevious = Action("tourPrevious"), leaveTour = Action("leaveTour")
    public static let followPresenter = Action("followPresenter")
    /// The browse tree's next grouping (facets, folders, talks); the video moment and files, opened outside.
    public static let treeGrouping = Action("treeGrouping")
    public static let openMoment = Action("openMoment"), openFile = Action("openFile")
    /// Along a talk's timeline strip: the next or previous cited moment.
    public static let timelineNext = Action("timelineNext"), timelinePrevious = Action("timelinePrevious")
    /// Editing a query (`/`, `:`, the in-entry find); cancelling one is `cancel`'s keys.
    public static let promptAccept = Action("promptAccept"), promptDeleteChar = Action("promptDeleteChar")
    public static let promptDeleteWord = Action("promptDeleteWord"), promptClear = Action("promptClear")
    public static let promptNext = Action("promptNext"), promptPrevious = Action("promptPrevious")
    public static let promptPageDown = Action("promptPageDown"), promptPageUp = Action("promptPageUp")
    public static let promptHistoryPrevious = Action("promptHistoryPrevious"), promptHistoryNext = Action("promptHistoryNext")
}
