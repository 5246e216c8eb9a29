/// A list per note, stored as one array and where each note's part starts. Read like `[[Element]]`
/// (`vault.backlinks[note]` is an array), built without an allocation per note: the link graph of a
/// 25,000-note vault spent most of its time making and growing 50,000 small arrays.
public struct PerNote<Element: Sendable>: RandomAccessCollection, Sendable {
    private let elements: [Element]
    /// Per note, where its part of `elements` starts; one more at the end.
    private let starts: [Int]

    /// `starts` has one entry per note and a last one for `elements.count`, never decreasing.
    init(elements: [Element], starts: [Int]) {
        precondition(starts.first == 0 && starts.last == elements.count, "PerNote bounds")
        self.elements = elements
        self.starts = starts
    }

    /// The lists in order (tests and small vaults).
    public init(_ lists: [[Element]]) {
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts[starts.count - 1] + list.count) }
        self.init(elements: Array(lists.joined()), starts: starts)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// A note's list, as its own array (indexes from 0).
    public subscript(note: Int) -> [Element] {
        Array(elements[starts[note]..<starts[note + 1]])
    }

    /// The size of a note's list, without copying it.
    public func count(of note: Int) -> Int { starts[note + 1] - starts[note] }

    /// Every element of every list, in note order.
    public var joined: ArraySlice<Element> { elements[...] }
}

extension PerNote: Equatable where Element: Equatable {
    public static func == (a: PerNote, b: PerNote) -> Bool {
        a.starts == b.starts && a.elements == b.elements
    }
}
