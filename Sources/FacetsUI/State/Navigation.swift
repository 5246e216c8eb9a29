import FacetsCore

/// What the detail pane shows.
public enum DetailSubject: Sendable, Hashable {
    case nothing
    case note(Int)
    /// A link target with no note: the "no note for X" page.
    case missing(String)
    /// A talk's timeline, marked at a moment when one was followed.
    case timeline(videoId: String, seconds: Int?)
    /// A note whose file went while it was shown (live reload): said so in place of its text.
    case removed(title: String, path: String)
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
    public var focus: ViewID
    /// The neighbourhood shown in place of the detail pane, if it was.
    public var neighbourhood: NeighbourhoodPlace? = nil
    /// The view in the main slot (the matrix, say), so Back returns to it.
    public var mainView: ViewID = .detail
}

/// Where the neighbourhood view was: its centre, depth and the note under its cursor.
public struct NeighbourhoodPlace: Sendable, Equatable {
    public var centre: Int
    public var depth: Int
    public var selected: Int?
    public init(centre: Int, depth: Int = 1, selected: Int? = nil) {
        self.centre = centre
        self.depth = depth
        self.selected = selected
    }
}
