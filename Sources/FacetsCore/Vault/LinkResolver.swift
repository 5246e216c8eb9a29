/// Resolves wiki link targets: exact file stem (or path), then the file-name cleaning rule, then a case-,
/// `_`- and space-insensitive match on stems, titles and aliases. Ambiguity picks the first by path.
struct LinkResolver: Sendable {
    private var byPath: [String: Int] = [:]
    private var byStem: [String: [Int]] = [:]
    private var byCleanedStem: [String: [Int]] = [:]
    private var byLooseName: [String: [Int]] = [:]

    init(notes: [Note]) {
        for (index, note) in notes.enumerated() {
            let pathWithoutExtension = String(note.path.dropLast(note.path.lowercased().hasSuffix(".md") ? 3 : 0))
            byPath[pathWithoutExtension] = index
            byStem[note.stem, default: []].append(index)
            byCleanedStem[NameKeys.cleaned(note.stem), default: []].append(index)
            var looseNames = Set([NameKeys.loose(note.stem), NameKeys.loose(note.title)])
            for alias in note.aliases { looseNames.insert(NameKeys.loose(alias)) }
            for name in looseNames where !name.isEmpty { byLooseName[name, default: []].append(index) }
        }
    }

    /// `source` is the linking note, for same-note `[[#heading]]` links.
    func resolve(_ link: WikiLink, from source: Int) -> LinkTarget {
        resolve(target: link.target, from: source)
    }

    func resolve(target rawTarget: String, from source: Int) -> LinkTarget {
        var target = rawTarget
        if target.isEmpty { return .note(source) }
        if NameKeys.leavesVault(target) { return .missing(rawTarget) }
        if target.lowercased().hasSuffix(".md") { target = String(target.dropLast(3)) }
        if let index = byPath[target] { return .note(index) }
        if let found = byStem[target]?.first { return .note(found) }
        if let found = byCleanedStem[NameKeys.cleaned(target)]?.first { return .note(found) }
        let loose = NameKeys.loose(target)
        if let found = byLooseName[loose]?.first { return .note(found) }
        // `folder/name`: the last component alone.
        if target.contains("/"), let last = target.split(separator: "/").last {
            return resolve(target: String(last), from: source)
        }
        return .missing(rawTarget)
    }

    /// Every note a name could mean, for `facets show NAME`: exact path or stem, then title or alias.
    func candidates(for name: String) -> [Int] {
        var target = name
        if target.lowercased().hasSuffix(".md") { target = String(target.dropLast(3)) }
        if let index = byPath[target] { return [index] }
        if let found = byStem[target] { return found }
        let loose = NameKeys.loose(target)
        if let found = byLooseName[loose] { return found }
        if let found = byCleanedStem[NameKeys.cleaned(target)] { return found }
        return []
    }
}
