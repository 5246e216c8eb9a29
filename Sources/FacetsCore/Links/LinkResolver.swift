import Foundation

/// Resolves wiki link targets: exact file stem (or path), then the file-name cleaning rule, then a case-,
/// `_`- and space-insensitive match on stems, titles and aliases. Ambiguity picks the first by path.
struct LinkResolver: Sendable {
    private let pathNames: PathNames
    private var byLooseName: NameTable

    /// A note's names as links are compared with them after path, stem and cleaned stem.
    struct NoteNames: Sendable {
        /// Stem, title and aliases, loose, without repeats or empty ones.
        var loose: [String]

        init(note: borrowing Note) {
            var loose: [String] = []
            loose.reserveCapacity(2)
            func add(_ name: String) {
                let key = NameKeys.loose(name)
                if !key.isEmpty, !loose.contains(key) { loose.append(key) }
            }
            add(note.stem)
            add(note.title)
            for alias in note.aliases { add(alias) }
            self.loose = loose
        }
    }

    /// Builds every table; the names are worked out in parallel (a loader passes what its threads found).
    init(notes: [Note], pathNames known: PathNames? = nil, names knownNames: [NoteNames]? = nil) {
        pathNames = known ?? PathNames(paths: notes.map(\.path))
        let names: [NoteNames]
        if let knownNames, knownNames.count == notes.count {
            names = knownNames
        } else {
            names = Parallel.map(count: notes.count) { NoteNames(note: notes[$0]) }
        }
        byLooseName = NameTable(capacity: notes.count * 2)
        for index in names.indices {
            for name in names[index].loose { byLooseName.add(name, index) }
        }
    }

    /// File stems shared by several notes, each with all of them in vault order.
    var sharedStems: [(name: String, notes: [Int])] { pathNames.sharedStems }

    /// `source` is the linking note, for same-note `[[#heading]]` links.
    func resolve(_ link: WikiLink, from source: Int) -> LinkTarget {
        resolve(target: link.target, from: source)
    }

    /// A target as the tables are keyed: `.md` removed; nil when it would leave the vault (never resolved).
    static func prepared(_ target: String) -> String? {
        if NameKeys.leavesVault(target) { return nil }
        return NoteParser.hasMarkdownSuffix(target) ? String(target.dropLast(3)) : target
    }

    func resolve(target rawTarget: String, from source: Int) -> LinkTarget {
        if rawTarget.isEmpty { return .note(source) }
        guard let target = Self.prepared(rawTarget) else { return .missing(rawTarget) }
        if let found = pathNames.note(named: target) { return .note(found) }
        if let found = pathNames.note(cleanedStem: NameKeys.cleaned(target)) { return .note(found) }
        if let found = byLooseName.firstNote(NameKeys.loose(target)) { return .note(found) }
        // `folder/name`: the last component alone.
        if target.utf8.contains(Byte.slash), let last = target.split(separator: "/").last {
            return resolve(target: String(last), from: source)
        }
        return .missing(rawTarget)
    }

    /// The first note with this loose name (`NameKeys.loose` of a stem, title or alias): the step after
    /// path, stem and cleaned stem.
    func note(looseKey key: String) -> Int? { byLooseName.firstNote(key) }

    /// Every note a name could mean, for `facets show NAME`: exact path or stem, then title or alias.
    func candidates(for name: String) -> [Int] {
        var target = name
        if NoteParser.hasMarkdownSuffix(target) { target = String(target.dropLast(3)) }
        if let index = pathNames.note(atPath: target) { return [index] }
        if let found = pathNames.notes(withStem: target) { return found }
        if let found = byLooseName.notes(NameKeys.loose(target)) { return found }
        if let found = pathNames.notes(withCleanedStem: NameKeys.cleaned(target)) { return found }
        return []
    }
}
