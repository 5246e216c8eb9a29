import Testing
@testable import FacetsCore

/// The link graph's storage: lists per note kept in one array, titles sorted on bytes, and parsed notes
/// moved rather than copied.
@Suite("Link graph storage")
struct LinkGraphStorageTests {
    @Test("a list per note reads back as the lists it was made from")
    func perNoteReadsBack() {
        let lists = [[1, 2], [], [3], [], [4, 5, 6]]
        let stored = PerNote(lists)
        #expect(stored.count == lists.count)
        #expect(Array(stored) == lists)
        #expect(stored[4] == [4, 5, 6] && stored[4][0] == 4, "each list indexed from 0")
        #expect(lists.indices.map(stored.count(of:)) == lists.map(\.count))
        #expect(Array(stored.joined) == [1, 2, 3, 4, 5, 6])
        #expect(stored == PerNote(lists))
        #expect(stored != PerNote([[1, 2], [3], [], [], [4, 5, 6]]), "the same elements split differently")
        #expect(PerNote<Int>([]).isEmpty)
    }

    @Test("titles sort on bytes exactly as Swift orders the strings")
    func titlesSortAsStrings() {
        let keys = [
            "zebra", "apple", "Apple", "", "appl", "apples and pears", "apples and peach",
            "é", "e\u{301}", "éclair", "ecl", "ω", "Å", "\u{212B}", "A\u{30A}", "b", "b", "ab", "a",
        ]
        let order = TextOrder.sortedIndices(keys) { $0 < $1 }
        let expected = keys.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
        #expect(order == expected)
        // The comparison means something: canonically equal keys fall to the tie-break, both ways.
        let reversedTies = TextOrder.sortedIndices(["e\u{301}", "é"]) { $0 > $1 }
        #expect(reversedTies == [1, 0])
    }

    @Test("present values are moved out in order; missing ones dropped")
    func takePresentKeepsOrder() {
        var values: [String?] = ["one", nil, String(repeating: "long ", count: 10), nil, "four"]
        let taken = Vault.takePresent(&values)
        #expect(taken == ["one", String(repeating: "long ", count: 10), "four"])
        #expect(values.allSatisfy { $0 == nil }, "moved, not copied")
        var none: [Int?] = [nil, nil]
        #expect(Vault.takePresent(&none).isEmpty)
    }
}
