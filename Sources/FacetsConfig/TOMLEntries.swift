import TOMLKit

extension TOMLTable {
    /// The table's entries, read by key rather than with TOMLKit's iterator: that one traps on a key
    /// holding NUL (`"a\u0000b" = 1`), which its C strings cut short. Such a key comes back with no value.
    var entries: [(key: String, value: TOMLValueConvertible?)] {
        keys.map { ($0, self[$0]) }
    }
}
