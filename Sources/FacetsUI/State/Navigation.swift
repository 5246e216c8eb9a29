import FacetsCore

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
    public var focus: ViewID
    /// The view in the main slot (the matrix, say), so Back returns to it.
    public var mainView: ViewID = .detail
}
