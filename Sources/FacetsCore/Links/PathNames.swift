/// Notes by path, by file stem and by cleaned stem: the first three steps of resolving a link, and all a
/// vault needs to resolve nearly every link. All come from file paths alone, so a loader builds this table
/// before it opens a file and resolves each note's links on the thread that parses it.
struct PathNames: Sendable {
    private var byPath: ByteKeyTable
    private var byStem: NameTable
    private var byCleanedStem: NameTable
    /// The notes' paths, by index: the nearest of several same-named notes is found by them.
    let paths: [String]
    /// Per note: whether another note has its file stem (the rare case where the nearest is looked for).
    private var namesake: [Bool]

    /// `paths` in vault order, with their `.md` endings. The cleaned stems, whose keys take longest to
    /// make, are tabled beside the paths and stems (three tables on two cores took the time of two).
    init(paths: [String]) {
        self.paths = paths
        let (plain, cleaned) = Parallel.both({ Self.pathAndStemTables(paths) }, { Self.cleanedStemTable(paths) })
        self.byPath = plain.byPath
        self.byStem = plain.byStem
        self.byCleanedStem = cleaned
        var namesake = [Bool](repeating: false, count: paths.count)
        for (_, notes) in plain.byStem.shared { for note in notes { namesake[note] = true } }
        self.namesake = namesake
    }

    private static func pathAndStemTables(_ paths: [String]) -> (byPath: ByteKeyTable, byStem: NameTable) {
        let keyBytes = paths.reduce(0) { $0 + $1.utf8.count }
        var byPath = ByteKeyTable(capacity: paths.count, keyBytes: keyBytes)
        var byStem = NameTable(capacity: paths.count, keyBytes: keyBytes)
        for index in paths.indices {
            withKeys(paths[index]) { path, stem in
                switch path {
                case .bytes(let bytes): byPath.addIfAbsent(bytes: bytes, index)
                case .string(let key): byPath.addIfAbsent(key, index)
                }
                switch stem {
                case .bytes(let bytes): byStem.add(bytes: bytes, index)
                case .string(let key): byStem.add(key, index)
                }
            }
        }
        byPath.compact()
        byStem.compact()
        return (byPath, byStem)
    }

    private static func cleanedStemTable(_ paths: [String]) -> NameTable {
        let keyBytes = paths.reduce(0) { $0 + $1.utf8.count }
        var byCleanedStem = NameTable(capacity: paths.count, keyBytes: keyBytes)
        // A cleaned key is never longer than its stem, so one buffer the size of the longest path holds any.
        let longest = paths.reduce(0) { max($0, $1.utf8.count) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: longest)
        defer { buffer.deallocate() }
        for index in paths.indices {
            withKeys(paths[index]) { _, stem in
                switch stem {
                case .bytes(let stem):
                    if let count = NameKeys.cleanedASCII(stem, into: buffer) {
                        byCleanedStem.add(bytes: UnsafeBufferPointer(rebasing: buffer[..<count]), index)
                    } else {
                        byCleanedStem.add(NameKeys.cleaned(String(decoding: stem, as: UTF8.self)), index)
                    }
                case .string(let stem): byCleanedStem.add(NameKeys.cleaned(stem), index)
                }
            }
        }
        byCleanedStem.compact()
        return byCleanedStem
    }

    private enum Key {
        /// The key's bytes, in normalization form C: looked up as they are.
        case bytes(UnsafeBufferPointer<UInt8>)
        /// Anything else, made the way `LinkResolver` prepares a target.
        case string(String)
    }

    /// A path's two keys, the path without `.md` and the stem (`NoteParser.stem(of:)`), as bytes lent for
    /// the call, from one pass over them: three tables of 25,000 paths made 75,000 Strings to read them back.
    /// Borrowed, and read through `utf8` rather than a copy's `withUTF8`: the paths were made on the
    /// listing's threads, and retaining each (twice) on this one cost more than reading it.
    private static func withKeys(_ path: borrowing String, _ body: (_ path: Key, _ stem: Key) -> Void) {
        let lent = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard ByteKeyTable.isPlainlyNFC(bytes) else { return false }
            var stemStart = bytes.count
            while stemStart > 0, bytes[stemStart - 1] != Byte.slash { stemStart -= 1 }
            let pathKey = Key.bytes(UnsafeBufferPointer(rebasing: bytes[..<NoteParser.endWithoutMarkdownSuffix(bytes, from: 0)]))
            guard stemStart < bytes.count else {
                body(pathKey, .string(NoteParser.stem(of: String(decoding: bytes, as: UTF8.self))))
                return true
            }
            let stemEnd = NoteParser.endWithoutMarkdownSuffix(bytes, from: stemStart)
            body(pathKey, .bytes(UnsafeBufferPointer(rebasing: bytes[stemStart..<stemEnd])))
            return true
        }
        guard lent != true else { return }
        let path = copy path
        body(.string(String(path.dropLast(NoteParser.hasMarkdownSuffix(path) ? 3 : 0))), .string(NoteParser.stem(of: path)))
    }

    /// Starts fetching, for every target, what `LinkResolver.settleByPath(plain:)` reads first (the stem
    /// table's slot and entry; the path table's for a target with a folder): the tables are megabytes
    /// and every lookup missed the cache twice, waiting for each miss in turn.
    func prefetch(plainTargets count: Int, _ target: (Int) -> UnsafeBufferPointer<UInt8>) {
        guard count > 1 else { return }
        withUnsafeTemporaryAllocation(of: (hash: UInt64, hasFolder: Bool).self, capacity: count) { keys in
            for index in 0..<count {
                let bytes = target(index)
                let hasFolder = Byte.occurs(Byte.slash, in: bytes)
                let hash = hasFolder ? byPath.hash(of: bytes) : byStem.hash(of: bytes)
                keys.initializeElement(at: index, to: (hash, hasFolder))
                if hasFolder { byPath.prefetchSlot(hash: hash) } else { byStem.prefetchSlot(hash: hash) }
            }
            for key in keys {
                if key.hasFolder { byPath.prefetchEntry(hash: key.hash) } else { byStem.prefetchEntry(hash: key.hash) }
            }
        }
    }

    /// The note at exactly this path (without `.md`), given as bytes in normalization form C (ASCII is).
    func note(atPath path: UnsafeBufferPointer<UInt8>) -> Int? { byPath.value(path) }

    /// The first note (in vault order) with this file stem.
    func firstNote(withStem stem: String) -> Int? { byStem.firstNote(stem) }

    /// `firstNote(withStem:)` for bytes in normalization form C.
    func firstNote(withStem stem: UnsafeBufferPointer<UInt8>) -> Int? { byStem.firstNote(stem) }

    /// Whether another note has this note's file stem.
    func hasNamesake(_ note: Int) -> Bool { note >= 0 && note < namesake.count && namesake[note] }

    /// The first note whose stem, cleaned (`NameKeys.cleaned`), is this key.
    func note(cleanedStem key: String) -> Int? { byCleanedStem.firstNote(key) }

    /// The first note whose cleaned stem is this key, given as bytes (ASCII).
    func note(cleanedStem key: UnsafeBufferPointer<UInt8>) -> Int? { byCleanedStem.firstNote(key) }

    /// Whether any cleaned stem is shared: when none is, a found one needs no second look.
    var hasSharedCleanedStems: Bool { byCleanedStem.hasShared }

    /// Whether several notes have this cleaned stem.
    func isShared(cleanedStem key: String) -> Bool { byCleanedStem.isShared(key) }

    /// Every note whose cleaned stem is this key, in vault order.
    func notes(withCleanedStem key: String) -> [Int]? { byCleanedStem.notes(key) }

    /// The note at exactly this path (without `.md`).
    func note(atPath path: String) -> Int? { byPath.value(path) }

    /// Every note with this file stem, in vault order.
    func notes(withStem stem: String) -> [Int]? { byStem.notes(stem) }

    /// File stems shared by several notes, each with all of them in vault order.
    var sharedStems: [(name: String, notes: [Int])] { byStem.shared }
}
