import FacetsCore

/// `/` in the tree or list: the entry list filtered and ranked as you type.
public struct ListFilter: Sendable, Equatable {
    public var query: String = ""
    public var editing = true
    public var hits: [SearchHit] = []
    /// Restored by Esc.
    var savedEntries: [Int]
    var savedCursor: Int
    var savedScroll: Int
    /// The node's entries being filtered.
    var scope: [Int]
}

/// `/` in the detail pane: find within the entry; `n`/`N` step through.
public struct DetailFind: Sendable, Equatable {
    public var query: String = ""
    public var editing = true
    /// Rows that match, with character ranges in each row's text.
    public var matches: [FindMatch] = []
    var savedCursor: Int
    var savedScroll: Int
}

public struct FindMatch: Sendable, Equatable {
    public var row: Int
    public var ranges: [Range<Int>]
}

/// `Ctrl-F` or `:`: every entry's title, aliases and text, with the line that matched.
public struct GlobalSearch: Sendable, Equatable {
    public var query: String = ""
    public var hits: [SearchHit] = []
    /// Matched lines of the hits near the cursor, by note.
    public var lines: [Int: MatchedLine] = [:]
    public var cursor = 0
    public var scroll = 0
    public static let limit = 200
}

/// Which text field the keys are typing into.
public enum SearchField: Sendable, Equatable {
    case listFilter, detailFind, global
}
