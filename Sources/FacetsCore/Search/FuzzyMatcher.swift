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
        let q = query.filter { $0 != " " }
        let n = text.count, m = q.count
        guard m > 0, m <= maximumQuery, n <= maximumText, m <= n else { return nil }
        // Quick subsequence check first.
        var k = 0
        for scalar in text where k < m && scalar == q[k] { k += 1 }
        guard k == m else { return nil }

        let wordStart: [Bool] = (0..<n).map { i in
            TextFolding.isWordScalar(text[i]) && (i == 0 || !TextFolding.isWordScalar(text[i - 1]))
        }
        // best[i][j]: best score with q[0...i] matched and q[i] at text[j]; from[i][j] the previous position.
        let unset = Int.min / 4
        var best = [[Int]](repeating: [Int](repeating: unset, count: n), count: m)
        var from = [[Int]](repeating: [Int](repeating: -1, count: n), count: m)
        for j in 0..<n where text[j] == q[0] {
            best[0][j] = scoreMatch + (wordStart[j] ? bonusWordStart : 0) + (j == 0 ? bonusFirstCharacter : 0) - min(j, 8) * penaltyGap
        }
        if m > 1 {
            for i in 1..<m {
                var runningBest = unset
                var runningFrom = -1
                for j in i..<n {
                    // Candidates ending before j: a gap of (j - p - 1).
                    let p = j - 1
                    if best[i - 1][p] != unset {
                        let value = best[i - 1][p] + penaltyGap * p  // normalised so the gap penalty is linear
                        if value > runningBest {
                            runningBest = value
                            runningFrom = p
                        }
                    }
                    guard text[j] == q[i] else { continue }
                    var score = unset
                    var previous = -1
                    if best[i - 1][j - 1] != unset {
                        score = best[i - 1][j - 1] + scoreMatch + bonusConsecutive + (wordStart[j] ? bonusWordStart : 0)
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
                    best[i][j] = score
                    from[i][j] = previous
                }
            }
        }
        var end = -1
        var top = unset
        for j in 0..<n where best[m - 1][j] > top {
            top = best[m - 1][j]
            end = j
        }
        guard end >= 0 else { return nil }
        var positions = [Int](repeating: 0, count: m)
        var j = end
        for i in stride(from: m - 1, through: 0, by: -1) {
            positions[i] = j
            j = from[i][j]
        }
        // Scattered letters are noise: every matched character but one must start a word or follow the previous one.
        var strong = 0
        for (i, p) in positions.enumerated() where wordStart[p] || (i > 0 && positions[i - 1] == p - 1) { strong += 1 }
        guard wordStart[positions[0]], strong >= m - 1 else { return nil }
        return Match(score: top, positions: positions)
    }
}
