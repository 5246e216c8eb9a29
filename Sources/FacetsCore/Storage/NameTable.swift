/// Names to the notes they name, in vault order. Almost every name names one note, so the first is kept
/// flat and the others, rare, aside: a table of 25,000 names with an array per name cost an allocation
/// per note and most of the name index's time.
struct NameTable: Sendable {
    private var first: ByteKeyTable
    private var others: [String: [Int]] = [:]

    /// `keyBytes` as `ByteKeyTable.init` takes it.
    init(capacity: Int, keyBytes: Int = 0) {
        first = ByteKeyTable(capacity: capacity, keyBytes: keyBytes)
    }

    /// Drops spare room once every name is in (see `ByteKeyTable.compact`).
    mutating func compact() { first.compact() }

    /// Adds `note` under `name`, after the notes already there.
    mutating func add(_ name: String, _ note: Int) {
        if first.addIfAbsent(name, note) != nil {
            others[name, default: []].append(note)
        }
    }

    /// `add` for a name's bytes, in normalization form C (see `ByteKeyTable.addIfAbsent(bytes:_:)`).
    mutating func add(bytes name: UnsafeBufferPointer<UInt8>, _ note: Int) {
        if first.addIfAbsent(bytes: name, note) != nil {
            others[String(decoding: name, as: UTF8.self), default: []].append(note)
        }
    }

    /// See `ByteKeyTable.hash(of:)`, `prefetchSlot` and `prefetchEntry`.
    func hash(of name: UnsafeBufferPointer<UInt8>) -> UInt64 { first.hash(of: name) }
    func prefetchSlot(hash: UInt64) { first.prefetchSlot(hash: hash) }
    func prefetchEntry(hash: UInt64) { first.prefetchEntry(hash: hash) }

    /// The first note with this name.
    func firstNote(_ name: String) -> Int? { first.value(name) }

    /// The first note with this name, given as bytes in normalization form C.
    func firstNote(_ name: UnsafeBufferPointer<UInt8>) -> Int? { first.value(name) }

    /// Whether several notes have this name (cheap when none shares a name: nothing is hashed then).
    func isShared(_ name: String) -> Bool { !others.isEmpty && others[name] != nil }

    /// Whether any name names several notes.
    var hasShared: Bool { !others.isEmpty }

    /// Every note with this name, in the order added.
    func notes(_ name: String) -> [Int]? {
        first.value(name).map { [$0] + (others[name] ?? []) }
    }

    /// Names shared by several notes, each with all of them.
    var shared: [(name: String, notes: [Int])] {
        others.compactMap { name, rest in first.value(name).map { (name, [$0] + rest) } }
    }
}
