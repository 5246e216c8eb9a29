/// A fixed-size set of note indexes.
struct Bitset: Sendable, Equatable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always) mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    @inline(__always) func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    mutating func formUnion(_ other: Bitset) {
        for k in words.indices { words[k] |= other.words[k] }
    }

    mutating func formIntersection(_ other: Bitset) {
        for k in words.indices { words[k] &= other.words[k] }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
