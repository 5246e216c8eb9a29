import Foundation
import Testing

@testable import FacetsCore

/// The tiered, narrowed search must give exactly the hits of the full computation (every note scored,
/// all hits sorted, then cut): these tests keep that full computation, as it was, as the reference.
@Suite("Search ranking: tiers, top K and narrowing equal the full computation")
struct SearchRankingTests {
    /// Words from a small alphabet so that titles share letters and prefixes, as real titles do.
    static let words = [
        "trust", "truth", "trial", "citizen", "city", "civic", "silo", "silent", "mission", "missing", "public",
        "publish", "innovation", "inn", "café", "Müller", "sandbox", "sand", "a", "ab", "abc", "data", "date",
        "design", "desk", "x1", "2024", "anticipatory", "anti",
    ]

    static func randomText(_ count: ClosedRange<Int>, using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "a" }
            .joined(separator: Bool.random(using: &generator) ? " " : (Bool.random(using: &generator) ? "-" : " of "))
    }

    static func randomVault(notes: Int, using generator: inout some RandomNumberGenerator) -> Vault {
        let files = (0..<notes).map { number -> SourceFile in
            let title = randomText(1...6, using: &generator)
            let alias = Int.random(in: 0..<5, using: &generator) == 0 ? "aliases: [\(randomText(1...3, using: &generator))]\n" : ""
            let body = (0..<Int.random(in: 0...3, using: &generator)).map { _ in randomText(1...8, using: &generator) }.joined(separator: "\n")
            return SourceFile(path: "n\(number).md", text: "---\ntitle: \(title)\n\(alias)---\n\(body)\n")
        }
        return Vault(origin: "generated", files: files)
    }

    /// A query as someone types it: words or parts of them, sometimes a capital, sometimes a typo.
    static func randomQuery(using generator: inout some RandomNumberGenerator) -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let word = words.randomElement(using: &generator) ?? "a"
            parts.append(String(word.prefix(Int.random(in: 1...max(1, word.count), using: &generator))))
        }
        var text = parts.joined(separator: " ")
        if Int.random(in: 0..<6, using: &generator) == 0 { text = text.capitalized }
        if Int.random(in: 0..<6, using: &generator) == 0 { text = text.replacingOccurrences(of: " ", with: "") }
        return text
    }

    @Test("Random queries over a random vault: the same hits, in the same order, for every limit")
    func tiersEqualFullComputation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4 {
            let vault = Self.randomVault(notes: 400, using: &generator)
            let index = SearchIndex(vault: vault)
            let within = Array(vault.notes.indices.shuffled(using: &generator).prefix(150))
            for _ in 0..<60 {
                let query = SearchQuery(Self.randomQuery(using: &generator))
                let full = Reference.search(index, query, vault: vault)
                #expect(index.search(query, vault: vault) == full, "\(query.text)")
                for limit in [1, 7, 50] {
                    #expect(index.search(query, vault: vault, limit: limit) == Array(full.prefix(limit)), "\(query.text) limit \(limit)")
                }
                let inScope = Reference.search(index, query, vault: vault, within: within)
                #expect(index.search(query, vault: vault, within: within, limit: 20) == Array(inScope.prefix(20)), "\(query.text) within")
            }
        }
    }

    @Test("Typed letter by letter, deleted and retyped: narrowed hits equal the full computation")
    func narrowingEqualsFullComputation() {
        var generator = SystemRandomNumberGenerator()
        let vault = Self.randomVault(notes: 500, using: &generator)
        let index = SearchIndex(vault: vault)
        var narrowing = SearchNarrowing()
        var nonEmpty = 0
        for _ in 0..<40 {
            let target = Self.randomQuery(using: &generator)
            var typed = ""
            var steps = target.map { String($0) }
            // Now and then a letter is taken back, as people do.
            if Bool.random(using: &generator), steps.count > 2 { steps.insert("\u{8}", at: Int.random(in: 1..<steps.count, using: &generator)) }
            for step in steps {
                if step == "\u{8}" { typed.removeLast() } else { typed += step }
                let query = SearchQuery(typed)
                let limit: Int? = Bool.random(using: &generator) ? nil : 30
                let full = Reference.search(index, query, vault: vault)
                let narrowed = narrowing.search(query, index: index, vault: vault, limit: limit)
                #expect(narrowed == (limit.map { Array(full.prefix($0)) } ?? full), "\(typed)")
                if !narrowed.isEmpty { nonEmpty += 1 }
            }
        }
        #expect(nonEmpty > 100, "the queries found something to compare")
    }

    @Test("What a narrowing kept from one index is not used with another of the same size")
    func narrowingKeepsToItsIndex() {
        var generator = SystemRandomNumberGenerator()
        let first = Self.randomVault(notes: 300, using: &generator), second = Self.randomVault(notes: 300, using: &generator)
        let (firstIndex, secondIndex) = (SearchIndex(vault: first), SearchIndex(vault: second))
        var narrowing = SearchNarrowing()
        var compared = 0
        for text in ["t", "tr", "tru", "s", "si", "sil", "c", "ci", "cit"] {
            _ = narrowing.search(SearchQuery(String(text.dropLast())), index: firstIndex, vault: first)
            let hits = narrowing.search(SearchQuery(text), index: secondIndex, vault: second)
            #expect(hits == Reference.search(secondIndex, SearchQuery(text), vault: second), "\(text)")
            compared += hits.count
        }
        #expect(compared > 0)
    }

    @Test("Narrowing applies only when the new query extends the last one")
    func extendsRule() {
        #expect(SearchNarrowing.extends(SearchQuery("trus"), SearchQuery("tru")))
        #expect(SearchNarrowing.extends(SearchQuery("trust c"), SearchQuery("trust")))
        #expect(SearchNarrowing.extends(SearchQuery("trust ci"), SearchQuery("trust c")))
        #expect(!SearchNarrowing.extends(SearchQuery("tru"), SearchQuery("trus")), "a letter taken back")
        #expect(!SearchNarrowing.extends(SearchQuery("trusty"), SearchQuery("trust c")), "a word taken back")
        #expect(!SearchNarrowing.extends(SearchQuery("Trust"), SearchQuery("trus")), "a capital turns case-sensitive")
        #expect(!SearchNarrowing.extends(SearchQuery("crust"), SearchQuery("trus")))
    }

    @Test("The prefix tier is the one the arrays give, for names of many words too")
    func prefixTierMatchesArrays() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let name = TextFolding.fold(Self.randomText(1...(Bool.random(using: &generator) ? 8 : 80), using: &generator))
            let query = SearchQuery(Self.randomQuery(using: &generator).lowercased())
            guard !query.isEmpty else { continue }
            #expect(SearchIndex.prefixTier(query.matchWords, in: name) == SearchIndex.slowPrefixTier(query.matchWords, in: name), "\(query.text)")
        }
        #expect(SearchIndex.prefixTier([Array("trust".unicodeScalars)], in: TextFolding.fold("Trust")) == .exact)
        #expect(SearchIndex.prefixTier([Array("tru".unicodeScalars)], in: TextFolding.fold("Public trust")) == .wordPrefix)
        #expect(SearchIndex.prefixTier([Array("rust".unicodeScalars)], in: TextFolding.fold("Public trust")) == nil)
    }

    @Test("The fuzzy scorer on flat tables scores as the one with a table per row")
    func fuzzyMatchesReference() {
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for _ in 0..<5_000 {
            let text = TextFolding.fold(Self.randomText(1...5, using: &generator))
            let query = Array(TextFolding.fold(Self.randomQuery(using: &generator).lowercased()))
            let match = FuzzyMatcher.match(query, in: text)
            #expect(match == Reference.fuzzy(query, in: text), "\(String(String.UnicodeScalarView(query)))")
            if match != nil { matched += 1 }
        }
        #expect(matched > 100, "some pairs matched")
    }
}

/// The full computation the tiers replace, kept as it was.
enum Reference {
    static func search(_ index: SearchIndex, _ query: SearchQuery, vault: Vault, within: [Int]? = nil) -> [SearchHit] {
        let scope = within ?? index.treeOrder
        if query.isEmpty {
            return scope.map { SearchHit(note: $0, tier: .all, score: 0, matchedName: vault.notes[$0].title, namePositions: [], viaAlias: false) }
        }
        var body = index.notes(withWordPrefix: query.words[0])
        for word in query.words.dropFirst() { body.formIntersection(index.notes(withWordPrefix: word)) }
        let squeezed = Array(query.matchWords.joined())
        var nameHits: [SearchHit] = []
        var named = Set<Int>()
        for note in scope {
            guard let hit = nameMatch(index, note: note, query: query, squeezed: squeezed, inBody: body.contains(note)) else { continue }
            nameHits.append(hit)
            named.insert(note)
        }
        nameHits.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.viaAlias != b.viaAlias { return !a.viaAlias }
            if a.score != b.score { return a.score > b.score }
            return index.treeRank[a.note] < index.treeRank[b.note]
        }
        var hits = nameHits
        let ordered = within.map { $0.sorted { index.treeRank[$0] < index.treeRank[$1] } } ?? index.treeOrder
        for note in ordered where body.contains(note) && !named.contains(note) {
            if query.caseSensitive, !vault.notes[note].containsWords(query.matchWords) { continue }
            hits.append(SearchHit(note: note, tier: .body, score: 0, matchedName: vault.notes[note].title, namePositions: [], viaAlias: false))
        }
        return hits
    }

    static func nameMatch(_ index: SearchIndex, note: Int, query: SearchQuery, squeezed: [Unicode.Scalar], inBody: Bool) -> SearchHit? {
        var best: SearchHit?
        for name in index.names[note] {
            let folded = query.caseSensitive ? TextFolding.fold(name.text, caseSensitive: true) : name.folded
            var candidate: SearchHit?
            if inBody || query.caseSensitive, let positions = SearchIndex.wordPrefixPositions(query.matchWords, in: folded) {
                let exact = SearchIndex.words(of: folded).map { Array($0.scalars) } == query.matchWords
                candidate = SearchHit(
                    note: note, tier: exact ? .exact : .wordPrefix, score: 0, matchedName: name.text, namePositions: positions, viaAlias: name.isAlias
                )
            } else if let fuzzy = fuzzy(squeezed, in: folded) {
                candidate = SearchHit(
                    note: note, tier: .fuzzy, score: fuzzy.score, matchedName: name.text, namePositions: fuzzy.positions, viaAlias: name.isAlias)
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

    /// FuzzyMatcher.match as it was, with a table per row.
    static func fuzzy(_ query: [Unicode.Scalar], in text: [Unicode.Scalar]) -> FuzzyMatcher.Match? {
        let q = query.filter { $0 != " " }
        let n = text.count, m = q.count
        guard m > 0, m <= FuzzyMatcher.maximumQuery, n <= FuzzyMatcher.maximumText, m <= n else { return nil }
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
            best[0][j] =
                FuzzyMatcher.scoreMatch + (wordStart[j] ? FuzzyMatcher.bonusWordStart : 0) + (j == 0 ? FuzzyMatcher.bonusFirstCharacter : 0) - min(
                    j, 8) * FuzzyMatcher.penaltyGap
        }
        if m > 1 {
            for i in 1..<m {
                var runningBest = unset
                var runningFrom = -1
                for j in i..<n {
                    // Candidates ending before j: a gap of (j - p - 1).
                    let p = j - 1
                    if best[i - 1][p] != unset {
                        let value = best[i - 1][p] + FuzzyMatcher.penaltyGap * p  // normalised so the gap penalty is linear
                        if value > runningBest {
                            runningBest = value
                            runningFrom = p
                        }
                    }
                    guard text[j] == q[i] else { continue }
                    var score = unset
                    var previous = -1
                    if best[i - 1][j - 1] != unset {
                        score =
                            best[i - 1][j - 1] + FuzzyMatcher.scoreMatch + FuzzyMatcher.bonusConsecutive
                            + (wordStart[j] ? FuzzyMatcher.bonusWordStart : 0)
                        previous = j - 1
                    }
                    if runningFrom >= 0 {
                        let gap = runningBest - FuzzyMatcher.penaltyGap * (j - 1) - FuzzyMatcher.penaltyGap
                        let candidate = gap + FuzzyMatcher.scoreMatch + (wordStart[j] ? FuzzyMatcher.bonusWordStart : 0)
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
        return FuzzyMatcher.Match(score: top, positions: positions)
    }
}
