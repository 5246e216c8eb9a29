extension SearchIndex {
    /// Ranked hits: exact title or alias, then word-prefix, then fuzzy (fzf-like), then body matches;
    /// ties in tree order. `within` restricts to some notes (a list's entries); `limit` caps the hits.
    ///
    /// Computed in tiers so a keystroke pays only for what it shows: the title and alias word
    /// prefixes first (allocation-free, only among notes holding every word); when they alone fill
    /// `limit`, no fuzzy score is computed at all. Otherwise the fuzzy scorer runs only on names whose
    /// characters cover the query's (`ScalarMask`). The order is the one the full computation gives:
    /// every tier is sorted by the same keys, ending in the tree position, which is unique.
    public func search(_ query: SearchQuery, vault: Vault, within: [Int]? = nil, limit: Int? = nil) -> [SearchHit] {
        var body: Bitset?
        return search(query, vault: vault, within: within, limit: limit, candidates: nil, body: &body)
    }

    /// The same, looking only at `candidates` (notes known to hold every hit, from `SearchNarrowing`);
    /// `body` is set to the notes holding every query word (nil for an empty query).
    func search(_ query: SearchQuery, vault: Vault, within: [Int]?, limit: Int?, candidates: Bitset?, body found: inout Bitset?) -> [SearchHit] {
        let scope = within ?? treeOrder
        if query.isEmpty {
            let all = scope.map { SearchHit(note: $0, tier: .all, score: 0, matchedName: vault.notes[$0].title, namePositions: [], viaAlias: false) }
            return limit.map { Array(all.prefix($0)) } ?? all
        }
        var body = notes(withWordPrefix: query.words[0])
        for word in query.words.dropFirst() { body.formIntersection(notes(withWordPrefix: word)) }
        found = body
        if let limit, limit <= 0 { return [] }
        let squeezed = Array(query.matchWords.joined())
        func considered(_ note: Int) -> Bool { candidates?.contains(note) ?? true }

        // Tiers 1-2: a title or alias whose words the query's words start (the note then holds them all).
        var named = Bitset(count: noteCount)
        var prefixed: [(rank: Int, note: Int)] = []
        for note in scope where (query.caseSensitive || body.contains(note)) && considered(note) {
            guard let rank = prefixRank(note: note, query: query) else { continue }
            prefixed.append((rank * noteCount + treeRank[note], note))
            named.insert(note)
        }
        prefixed.sort { $0.rank < $1.rank }
        if let limit, prefixed.count >= limit { prefixed.removeSubrange(limit...) }
        var hits = prefixed.compactMap { nameMatch(note: $0.note, query: query, squeezed: squeezed, inBody: body.contains($0.note)) }
        if let limit, hits.count >= limit { return hits }

        // Tier 3: fuzzy, on the names the prefix tiers left.
        let queryMask = ScalarMask(squeezed)
        var fuzzy: [SearchHit] = []
        for note in scope where !named.contains(note) && considered(note) {
            guard let hit = fuzzyMatch(note: note, query: query, squeezed: squeezed, mask: queryMask) else { continue }
            fuzzy.append(hit)
            named.insert(note)
        }
        fuzzy.sort { a, b in
            if a.viaAlias != b.viaAlias { return !a.viaAlias }
            if a.score != b.score { return a.score > b.score }
            return treeRank[a.note] < treeRank[b.note]
        }
        if let limit { hits += fuzzy.prefix(limit - hits.count) } else { hits += fuzzy }
        if let limit, hits.count >= limit { return hits }

        // Tier 4: the text, in tree order.
        let ordered = within.map { $0.sorted { treeRank[$0] < treeRank[$1] } } ?? treeOrder
        for note in ordered where body.contains(note) && !named.contains(note) && considered(note) {
            if query.caseSensitive, !vault.notes[note].containsWords(query.matchWords) { continue }
            hits.append(SearchHit(note: note, tier: .body, score: 0, matchedName: vault.notes[note].title, namePositions: [], viaAlias: false))
            if let limit, hits.count >= limit { break }
        }
        return hits
    }

    /// How a note's best prefix match ranks (exact title 0, exact alias 1, word-prefix title 2, alias 3),
    /// or nil when no name's words start with the query's: `nameMatch`'s answer for these tiers, without
    /// building the match positions.
    func prefixRank(note: Int, query: SearchQuery) -> Int? {
        var best: Int?
        for name in names[note] {
            let tier: MatchTier?
            if query.caseSensitive {
                tier = Self.prefixTier(query.matchWords, in: TextFolding.fold(name.text, caseSensitive: true))
            } else {
                tier = Self.prefixTier(query.matchWords, in: name.folded)
            }
            guard let tier else { continue }
            let rank = tier.rawValue * 2 + (name.isAlias ? 1 : 0)
            if rank < best ?? Int.max { best = rank }
        }
        return best
    }

    /// The best fuzzy match among a note's names (no name of it matches by word prefix).
    func fuzzyMatch(note: Int, query: SearchQuery, squeezed: [Unicode.Scalar], mask: ScalarMask) -> SearchHit? {
        var best: SearchHit?
        for name in names[note] {
            let folded: [Unicode.Scalar]
            if query.caseSensitive {
                folded = TextFolding.fold(name.text, caseSensitive: true)
            } else {
                guard name.mask.covers(mask) else { continue }
                folded = name.folded
            }
            guard let fuzzy = FuzzyMatcher.match(squeezed, in: folded) else { continue }
            if let current = best, (current.viaAlias ? 1 : 0, -current.score) <= (name.isAlias ? 1 : 0, -fuzzy.score) { continue }
            best = SearchHit(
                note: note, tier: .fuzzy, score: fuzzy.score, matchedName: name.text, namePositions: fuzzy.positions, viaAlias: name.isAlias)
        }
        return best
    }

    /// `.exact` when the name's words are the query's words, `.wordPrefix` when each query word starts
    /// a different word of the name (taken as `wordPrefixPositions` takes them: the first free one),
    /// else nil. Allocation-free: it runs on every title at every keystroke.
    static func prefixTier(_ queryWords: [[Unicode.Scalar]], in folded: [Unicode.Scalar]) -> MatchTier? {
        var used: UInt64 = 0
        let n = folded.count
        for word in queryWords {
            var found = false
            var index = 0, i = 0
            while i < n {
                while i < n, !TextFolding.isWordScalar(folded[i]) { i += 1 }
                guard i < n else { break }
                let start = i
                while i < n, TextFolding.isWordScalar(folded[i]) { i += 1 }
                if index >= 64 { return slowPrefixTier(queryWords, in: folded) }
                if used & (1 << UInt64(index)) == 0, i - start >= word.count, folded[start..<(start + word.count)].elementsEqual(word) {
                    used |= 1 << UInt64(index)
                    found = true
                    break
                }
                index += 1
            }
            guard found else { return nil }
        }
        // Exact: the name has exactly these words, in this order.
        var k = 0, i = 0
        while i < n {
            while i < n, !TextFolding.isWordScalar(folded[i]) { i += 1 }
            guard i < n else { break }
            let start = i
            while i < n, TextFolding.isWordScalar(folded[i]) { i += 1 }
            guard k < queryWords.count, folded[start..<i].elementsEqual(queryWords[k]) else { return .wordPrefix }
            k += 1
        }
        return k == queryWords.count ? .exact : .wordPrefix
    }

    /// The same from the arrays `nameMatch` builds: for names of more than 64 words.
    static func slowPrefixTier(_ queryWords: [[Unicode.Scalar]], in folded: [Unicode.Scalar]) -> MatchTier? {
        guard wordPrefixPositions(queryWords, in: folded) != nil else { return nil }
        return words(of: folded).map { Array($0.scalars) } == queryWords ? .exact : .wordPrefix
    }
}
