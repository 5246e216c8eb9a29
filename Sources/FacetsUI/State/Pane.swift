import FacetsCore

/// The three panes, in Tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case tree, list, detail

    public var title: String {
        switch self {
        case .tree: return "Facets"
        case .list: return "Entries"
        case .detail: return "Detail"
        }
    }
}

/// What the detail pane shows.
public enum DetailSubject: Sendable, Hashable {
    case nothing
    case note(Int)
    /// A link target with no note: the "no note for X" page.
    case missing(String)
    /// A talk's timeline, marked at a moment when one was followed.
    case timeline(videoId: String, seconds: Int?)
}

/// A place in the explorer, as history keeps it: everything needed to come back exactly.
public struct Location: Sendable, Equatable {
    public var nodeID: String
    public var listEntry: Int?
    public var listScroll: Int = 0
    /// A list filter in force there (Back returns to the filtered list).
    public var listFilter: ListFilter?
    public var subject: DetailSubject
    public var detailCursor: Int
    public var detailScroll: Int
    public var focus: Pane
}

/// Something drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case search(GlobalSearch)
}

/// How the next key is read.
public enum InputMode: Sendable, Equatable {
    case normal
    /// Digits typed to follow link number N (`f` starts it with an empty number).
    case linkNumber(String)
    /// Typing a search query.
    case typing(SearchField)
}

/// Side effects the update asks the terminal layer to perform.
public enum Effect: Sendable, Equatable {
    case quit
    /// Copy text to the clipboard with OSC 52 (works over SSH).
    case copyToClipboard(String)
    /// Repaint everything (Ctrl-L, theme change).
    case redrawAll
}

/// A guided tour in progress: its note, its stops (note indexes) and where you are on it.
public struct TourState: Sendable, Equatable {
    public var note: Int
    public var title: String
    public var stops: [Int]
    public var position: Int

    /// "3/10"
    public var progress: String { "\(position + 1)/\(stops.count)" }
}
