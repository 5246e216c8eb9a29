/// Why an entry matched, best first: the ranking's tiers.
public enum MatchTier: Int, Sendable, Comparable, Codable {
    /// The query is the title or an alias.
    case exact
    /// Every query word starts a word of the title or an alias.
    case wordPrefix
    /// The query's characters appear in order in the title or an alias.
    case fuzzy
    /// The words appear in the text.
    case body
    /// Empty query: everything, in tree order.
    case all

    public static func < (a: MatchTier, b: MatchTier) -> Bool { a.rawValue < b.rawValue }
}

/// One search hit.
public struct SearchHit: Sendable, Equatable {
    public var note: Int
    public var tier: MatchTier
    public var score: Int
    /// The name that matched (the title, or an alias) and the character offsets in it to highlight.
    public var matchedName: String
    public var namePositions: [Int]
    /// Whether `matchedName` is an alias rather than the title.
    public var viaAlias: Bool
}

/// A line of a note that holds the query's words, for showing body hits.
public struct MatchedLine: Sendable, Equatable {
    /// File line (1-based).
    public var line: Int
    /// The line as plain text.
    public var text: String
    /// Character ranges in `text` to highlight.
    public var ranges: [Range<Int>]
}
