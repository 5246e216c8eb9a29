import Foundation

/// An inverted index over every entry's title, aliases and text (folded words → the notes holding them),
/// with prebuilt sets for one- and two-character prefixes, so a keystroke costs far less than a scan.
public struct SearchIndex: Sendable {
    let noteCount: Int
    /// Folded terms in UTF-8 byte order, so the terms with a prefix are one contiguous run.
    let terms: [String]
    let postings: [[UInt32]]
    let shortPrefixes: [String: Bitset]
    /// Per note: its title then its aliases, folded for case-insensitive matching.
    let names: [[FoldedName]]
    /// Per note: its position in the browse tree (ties are broken by it).
    let treeRank: [Int]
    let treeOrder: [Int]
    /// Which build this is (copies share it): what a narrowing kept from another index does not apply.
    let build = Build()

    final class Build: Sendable {}

    struct FoldedName: Sendable {
        var text: String
        var folded: [Unicode.Scalar]
        var isAlias: Bool
        /// The characters `folded` holds, to rule the name out of a fuzzy match at once.
        var mask: ScalarMask

        init(text: String, isAlias: Bool) {
            self.text = text
            folded = TextFolding.fold(text)
            self.isAlias = isAlias
            mask = ScalarMask(folded)
        }
    }

    public init(vault: Vault) {
        let notes = vault.notes
        noteCount = notes.count
        treeOrder = vault.treeOrder
        var rank = [Int](repeating: 0, count: notes.count)
        for (position, index) in treeOrder.enumerated() { rank[index] = position }
        treeRank = rank
        names = notes.map { note in
            [FoldedName(text: note.title, isAlias: false)] + note.aliases.map { FoldedName(text: $0, isAlias: true) }
        }

        // Tokenize in parallel, one postings map per chunk, then merge in note order.
        let chunkCount = max(1, min(notes.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = Parallel.map(count: chunkCount) { chunk in
            var table = TermTable()
            let buffer = ReadBuffer()
            let lower = notes.count * chunk / chunkCount, upper = notes.count * (chunk + 1) / chunkCount
            for index in lower..<upper {
                let note = notes[index]
                table.note = UInt32(index)
                for name in [note.title] + note.aliases {
                    var text = name
                    text.withUTF8 { SearchTokenizer.scan($0, into: &table) }
                }
                // The body's bytes as they are: the tokenizer reads invalid UTF-8 as decoding would.
                note.content.withCurrent(reusing: buffer) { noteBytes, bodyOffset in
                    noteBytes.withUnsafeBufferPointer { bytes in
                        SearchTokenizer.scan(UnsafeBufferPointer(rebasing: bytes[min(bodyOffset, bytes.count)...]), into: &table)
                    }
                }
            }
            return table.dictionary()
        }
        var merged = chunks[0]
        for chunk in chunks.dropFirst() {
            for (term, list) in chunk { merged[term, default: []].append(contentsOf: list) }
        }
        let sortedTerms = merged.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        terms = sortedTerms
        postings = sortedTerms.map { merged[$0] ?? [] }

        // Terms in byte order keep the terms of a one- or two-character prefix together, so each prefix's
        // set is filled in a local and stored once (a dictionary access per posting cost seconds at 25k).
        var prefixes: [String: Bitset] = [:]
        var open: [(prefix: String, bits: Bitset)] = []
        func close(from depth: Int) {
            while open.count > depth {
                let (prefix, bits) = open.removeLast()
                if var known = prefixes[prefix] {
                    known.formUnion(bits)
                    prefixes[prefix] = known
                } else {
                    prefixes[prefix] = bits
                }
            }
        }
        for (k, term) in sortedTerms.enumerated() {
            var prefix = ""
            for (depth, scalar) in term.unicodeScalars.prefix(2).enumerated() {
                prefix.unicodeScalars.append(scalar)
                if depth < open.count, open[depth].prefix == prefix { continue }
                close(from: depth)
                open.append((prefix, Bitset(count: notes.count)))
            }
            if term.unicodeScalars.count < 2 { close(from: term.unicodeScalars.count) }
            for depth in open.indices {
                for note in postings[k] { open[depth].bits.insert(Int(note)) }
            }
        }
        close(from: 0)
        shortPrefixes = prefixes
    }

    /// Notes with a word starting with `prefix` (folded, lower case).
    func notes(withWordPrefix prefix: String) -> Bitset {
        if prefix.unicodeScalars.count <= 2 { return shortPrefixes[prefix] ?? Bitset(count: noteCount) }
        var result = Bitset(count: noteCount)
        var low = 0, high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < terms.count, terms[k].utf8.starts(with: prefix.utf8) {
            for note in postings[k] { result.insert(Int(note)) }
            k += 1
        }
        return result
    }
}
