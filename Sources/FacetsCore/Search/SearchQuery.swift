/// A query as typed, made safe and split: at most 256 characters are considered, controls are dropped,
/// words are folded; a capital anywhere makes it case-sensitive (smart case), unless smart case is off.
public struct SearchQuery: Sendable, Equatable {
    public static let maximumLength = 256

    public let text: String
    public let caseSensitive: Bool
    /// Words folded without case, for the index.
    public let words: [String]
    /// Words folded as the query's case asks, for matching names and lines.
    public let matchWords: [[Unicode.Scalar]]

    /// `smartCase: false` ignores case even when the query has capitals (the config's `smart_case`).
    public init(_ raw: String, smartCase: Bool = true) {
        let cleaned = String(
            String.UnicodeScalarView(
                raw.unicodeScalars.prefix(Self.maximumLength).filter {
                    $0.value >= 0x20 && $0.value != 0x7F && !($0.value >= 0x80 && $0.value < 0xA0)
                }))
        text = cleaned
        caseSensitive = smartCase && TextFolding.isCaseSensitive(cleaned)
        words = TextFolding.words(cleaned)
        matchWords = TextFolding.words(cleaned, caseSensitive: caseSensitive).map { Array($0.unicodeScalars) }
    }

    /// Nothing to search for: show everything.
    public var isEmpty: Bool { words.isEmpty }
}

extension SearchIndex {
    /// The best way a note's title or aliases match, if any.
    func nameMatch(note: Int, query: SearchQuery, squeezed: [Unicode.Scalar], inBody: Bool) -> SearchHit? {
        var best: SearchHit?
        for name in names[note] {
            let folded = query.caseSensitive ? TextFolding.fold(name.text, caseSensitive: true) : name.folded
            var candidate: SearchHit?
            if inBody || query.caseSensitive, let positions = Self.wordPrefixPositions(query.matchWords, in: folded) {
                let exact = Self.words(of: folded).map { Array($0.scalars) } == query.matchWords
                candidate = SearchHit(
                    note: note, tier: exact ? .exact : .wordPrefix, score: 0,
                    matchedName: name.text, namePositions: positions, viaAlias: name.isAlias)
            } else if let fuzzy = FuzzyMatcher.match(squeezed, in: folded) {
                candidate = SearchHit(
                    note: note, tier: .fuzzy, score: fuzzy.score, matchedName: name.text,
                    namePositions: fuzzy.positions, viaAlias: name.isAlias)
            }
            guard let candidate else { continue }
            if let current = best {
                if (candidate.tier, candidate.viaAlias ? 1 : 0, -candidate.score) < (current.tier, current.viaAlias ? 1 : 0, -current.score) {
                    best = candidate
                }
            } else {
                best = candidate
            }
        }
        return best
    }

    /// Words of folded text with their starting offsets.
    static func words(of folded: [Unicode.Scalar]) -> [(start: Int, scalars: ArraySlice<Unicode.Scalar>)] {
        var result: [(Int, ArraySlice<Unicode.Scalar>)] = []
        var start = -1
        for (i, s) in folded.enumerated() {
            if TextFolding.isWordScalar(s) {
                if start < 0 { start = i }
            } else if start >= 0 {
                result.append((start, folded[start..<i]))
                start = -1
            }
        }
        if start >= 0 { result.append((start, folded[start..<folded.count])) }
        return result
    }

    /// If every query word starts some word of the name, the offsets of the matched characters.
    static func wordPrefixPositions(_ queryWords: [[Unicode.Scalar]], in folded: [Unicode.Scalar]) -> [Int]? {
        let nameWords = words(of: folded)
        var positions: [Int] = []
        var used = Set<Int>()
        for word in queryWords {
            guard let (k, match) = nameWords.enumerated().first(where: { !used.contains($0.offset) && $0.element.scalars.starts(with: word) }) else {
                return nil
            }
            used.insert(k)
            positions += (match.start..<(match.start + word.count)).map { $0 }
        }
        return positions.sorted()
    }
}

extension Note {
    /// Whether every word occurs in the note (title, aliases, text), folded as the query's case asks.
    func containsWords(_ words: [[Unicode.Scalar]]) -> Bool {
        let haystack = TextFolding.fold(title + "\n" + aliases.joined(separator: "\n") + "\n" + readBody(), caseSensitive: true)
        return words.allSatisfy { SearchIndex.find($0, in: haystack) != nil }
    }

    /// The first line that holds every query word (else the first holding any), as plain text with the
    /// words' ranges: what a search result shows under the title.
    public func matchedLine(for query: SearchQuery) -> MatchedLine? {
        guard !query.isEmpty else { return nil }
        var fallback: MatchedLine?
        var number = bodyFirstLine
        for raw in readBody().split(separator: "\n", omittingEmptySubsequences: false) {
            defer { number += 1 }
            let foldedRaw = TextFolding.fold(String(raw), caseSensitive: query.caseSensitive)
            let present = query.matchWords.filter { SearchIndex.find($0, in: foldedRaw) != nil }
            guard !present.isEmpty else { continue }
            let text = Note.plain(rawLine: String(raw), line: number)  // not plainLine: no rescan of the body per line
            guard !text.isEmpty else { continue }
            let folded = TextFolding.fold(text, caseSensitive: query.caseSensitive)
            let ranges = SearchIndex.ranges(of: query.matchWords, in: folded)
            guard !ranges.isEmpty else { continue }
            let line = MatchedLine(line: number, text: text, ranges: ranges.sorted { $0.lowerBound < $1.lowerBound })
            if present.count == query.matchWords.count { return line }
            if fallback == nil { fallback = line }
        }
        return fallback
    }
}

extension SearchIndex {
    /// Every place each word occurs in a folded text, as offset ranges: what a find highlights.
    public static func ranges(of words: [[Unicode.Scalar]], in folded: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for word in words {
            var from = 0
            while let start = find(word, in: folded, from: from) {
                ranges.append(start..<(start + word.count))
                from = start + word.count
            }
        }
        return ranges
    }

    /// Offset of `needle` in `haystack` at or after `from`, preferring nothing: plain substring search.
    public static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
