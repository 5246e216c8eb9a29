/// Search as a query is typed, letter by letter. Each search remembers which notes could still be a
/// hit for any longer query (those holding every word, and those with a name holding the query's
/// letters in order); when the next query only extends the last one, only those notes are looked at.
/// The hits are the ones `SearchIndex.search` gives for the query alone: narrowing drops only notes
/// that cannot match, and the ranking is computed as before on the rest.
public struct SearchNarrowing: Sendable {
    private var last: (query: SearchQuery, within: [Int]?, build: SearchIndex.Build, candidates: Bitset)?

    public init() {}

    /// `index.search(query, vault:, within:, limit:)`, narrowed from the previous call when it can be.
    public mutating func search(_ query: SearchQuery, index: SearchIndex, vault: Vault, within: [Int]? = nil, limit: Int? = nil) -> [SearchHit] {
        var previous: Bitset?
        if let last, last.build === index.build, last.within == within, Self.extends(query, last.query) { previous = last.candidates }
        var body: Bitset?
        let hits = index.search(query, vault: vault, within: within, limit: limit, candidates: previous, body: &body)
        if let body, !query.caseSensitive {
            last = (query, within, index.build, index.candidates(for: query, body: body, within: within, previous: previous))
        } else {
            last = nil
        }
        return hits
    }

    /// Whether every hit of `query` is among the candidates of `earlier`: the same case rule, the earlier
    /// letters a prefix of the new ones, and each earlier word the start of the new word at its place
    /// (so a note holding the new words holds the earlier ones).
    static func extends(_ query: SearchQuery, _ earlier: SearchQuery) -> Bool {
        guard !query.isEmpty, !earlier.isEmpty, query.caseSensitive == earlier.caseSensitive,
            earlier.words.count <= query.words.count
        else { return false }
        for (k, word) in earlier.words.enumerated() {
            guard k == earlier.words.count - 1 ? query.words[k].hasPrefix(word) : query.words[k] == word else { return false }
        }
        return query.matchWords.joined().starts(with: earlier.matchWords.joined())
    }
}

extension SearchIndex {
    /// Notes that could match a query extending `query`: those holding its words, and those with a
    /// name holding its letters in order (needed for any fuzzy or prefix match of a longer query).
    func candidates(for query: SearchQuery, body: Bitset, within: [Int]?, previous: Bitset?) -> Bitset {
        var next = body
        let squeezed = Array(query.matchWords.joined())
        let mask = ScalarMask(squeezed)
        for note in within ?? treeOrder where !next.contains(note) && (previous?.contains(note) ?? true) {
            for name in names[note] where name.mask.covers(mask) && Self.isSubsequence(squeezed, of: name.folded) {
                next.insert(note)
                break
            }
        }
        return next
    }

    static func isSubsequence(_ needle: [Unicode.Scalar], of text: [Unicode.Scalar]) -> Bool {
        var k = 0
        for scalar in text where k < needle.count && scalar == needle[k] { k += 1 }
        return k == needle.count
    }
}
