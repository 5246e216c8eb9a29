/// fzf-style scoring of a query against a short text (a title or alias): the query's characters in order,
/// with bonuses for word starts and for runs of consecutive characters, and a small penalty for gaps.
public enum FuzzyMatcher {
    public struct Match: Sendable, Equatable {
        public var score: Int
        /// Character offsets in the text that matched.
        public var positions: [Int]
    }

    static let scoreMatch = 16
    static let bonusWordStart = 10
    static let bonusFirstCharacter = 6
    static let bonusConsecutive = 8
    static let penaltyGap = 1
    /// Longer queries or texts are not scored fuzzily (keeps a pasted 10,000-character query cheap).
    static let maximumQuery = 64
    static let maximumText = 256

    /// The best match of `query` in `text` (both folded the same way), or nil when the characters are not there in order.
    public static func match(_ query: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Match? {
        let n = text.count
        guard n <= maximumText else { return nil }
        // Quick subsequence check first, before anything is allocated (most names fail it).
        var m = 0, k = 0
        for scalar in query where scalar != " " { m += 1 }
        guard m > 0, m <= maximumQuery, m <= n else { return nil }
        for scalar in query where scalar != " " {
            while k < n, text[k] != scalar { k += 1 }
            guard k < n else { return nil }
            k += 1
        }
        let q = query.filter { $0 != " " }

        let wordStart: [Bool] = (0..<n).map { i in
            TextFolding.isWordScalar(text[i]) && (i == 0 || !TextFolding.isWordScalar(text[i - 1]))
        }
        // best[i * n + j]: best score with q[0...i] matched and q[i] at text[j]; from[...] the previous position.
        // One flat table each (rows of n), not an array per row.
        let unset = Int.min / 4
        var best = [Int](repeating: unset, count: m * n)
        var from = [Int](repeating: -1, count: m * n)
        for j in 0..<n where text[j] == q[0] {
            best[j] = scoreMatch + (wordStart[j] ? bonusWordStart : 0) + (j == 0 ? bonusFirstCharacter : 0) - min(j, 8) * penaltyGap
        }
        if m > 1 {
            for i in 1..<m {
                let row = i * n, previousRow = row - n
                var runningBest = unset
                var runningFrom = -1
                for j in i..<n {
                    // Candidates ending before j: a gap of (j - p - 1).
                    let p = j - 1
                    if best[previousRow + p] != unset {
                        let value = best[previousRow + p] + penaltyGap * p  // normalised so the gap penalty is linear
                        if value > runningBest {
                            runningBest = value
                            runningFrom = p
                        }
                    }
                    guard text[j] == q[i] else { continue }
                    var score = unset
                    var previous = -1
                    if best[previousRow + j - 1] != unset {
                        score = best[previousRow + j - 1] + scoreMatch + bonusConsecutive + (wordStart[j] ? bonusWordStart : 0)
                        previous = j - 1
                    }
                    if runningFrom >= 0 {
                        let gap = runningBest - penaltyGap * (j - 1) - penaltyGap
                        let candidate = gap + scoreMatch + (wordStart[j] ? bonusWordStart : 0)
                        if candidate > score {
                            score = candidate
                            previous = runningFrom
                        }
                    }
                    best[row + j] = score
                    from[row + j] = previous
                }
            }
        }
        var end = -1
        var top = unset
        let last = (m - 1) * n
        for j in 0..<n where best[last + j] > top {
            top = best[last + j]
            end = j
        }
        guard end >= 0 else { return nil }
        var positions = [Int](repeating: 0, count: m)
        var j = end
        for i in stride(from: m - 1, through: 0, by: -1) {
            positions[i] = j
            j = from[i * n + j]
        }
        // Scattered letters are noise: every matched character but one must start a word or follow the previous one.
        var strong = 0
        for (i, p) in positions.enumerated() where wordStart[p] || (i > 0 && positions[i - 1] == p - 1) { strong += 1 }
        guard wordStart[positions[0]], strong >= m - 1 else { return nil }
        return Match(score: top, positions: positions)
    }
}
