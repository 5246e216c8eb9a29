/// How a name typed by a person (`facets show NAME`) maps to entries.
public enum LookupResult: Sendable, Equatable {
    case found(Int)
    case ambiguous([Int])
    /// Nothing matched; the nearest names, best first.
    case notFound(suggestions: [String])
}

extension Vault {
    /// By path, stem, title or alias, case-insensitively; suggestions by edit distance and containment.
    public func lookup(_ name: String) -> LookupResult {
        let trimmedName = name.trimmed
        let candidates = resolver.candidates(for: trimmedName)
        if candidates.count == 1 { return .found(candidates[0]) }
        if candidates.count > 1 { return .ambiguous(candidates) }
        return .notFound(suggestions: suggestions(for: trimmedName))
    }

    func suggestions(for name: String, limit: Int = 5) -> [String] {
        let query = NameKeys.loose(name)
        guard !query.isEmpty else { return [] }
        var scored: [(score: Int, name: String)] = []
        for note in notes {
            let title = NameKeys.loose(note.title)
            let stem = NameKeys.loose(note.stem)
            var score = min(Self.editDistance(query, title, limit: 12), Self.editDistance(query, stem, limit: 12))
            if title.contains(query) || stem.contains(query) { score = min(score, 2) }
            if score <= max(3, query.count / 3) { scored.append((score, note.stem)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }
        var seen: Set<String> = []
        return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
