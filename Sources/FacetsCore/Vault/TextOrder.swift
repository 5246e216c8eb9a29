/// String order worked out on bytes. Swift orders strings by the Unicode scalars of their canonical
/// (NFC) forms, and UTF-8 keeps scalar order, so comparing NFC bytes gives the same answer as `<`:
/// sorting 25,000 titles that way, most pairs settled by one integer compare, took a fraction of the
/// time `String` comparison did.
enum TextOrder {
    /// `keys`' indices in `<` order of the keys; equal keys (canonically equivalent) by `tieBreak`.
    static func sortedIndices(_ keys: [String], tieBreak: (Int, Int) -> Bool) -> [Int] {
        let forms = keys.map(ByteKeyTable.comparable)
        let prefixes = forms.map(VaultReader.bytePrefix)
        return keys.indices.sorted { a, b in
            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
            if forms[a].utf8.elementsEqual(forms[b].utf8) { return tieBreak(a, b) }
            return VaultReader.bytesPrecede(forms[a], forms[b])
        }
    }
}
