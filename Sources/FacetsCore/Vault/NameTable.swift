/// Names to the notes they name, in vault order. Almost every name names one note, so the first is kept
/// flat and the others, rare, aside: a table of 25,000 names with an array per name cost an allocation
/// per note and most of the name index's time.
struct NameTable: Sendable {
    private var first: [String: Int] = [:]
    private var others: [String: [Int]] = [:]

    init(capacity: Int) {
        first.reserveCapacity(capacity)
    }

    /// Adds `note` under `name`, after the notes already there.
    mutating func add(_ name: String, _ note: Int) {
        if let earlier = first.updateValue(note, forKey: name) {
            first[name] = earlier
            others[name, default: []].append(note)
        }
    }

    /// The first note with this name.
    func firstNote(_ name: String) -> Int? { first[name] }

    /// Every note with this name, in the order added.
    func notes(_ name: String) -> [Int]? {
        first[name].map { [$0] + (others[name] ?? []) }
    }

    /// Names shared by several notes, each with all of them.
    var shared: [(name: String, notes: [Int])] {
        others.compactMap { name, rest in first[name].map { (name, [$0] + rest) } }
    }
}
