import Foundation

/// Resolves wiki link targets: exact file stem (or path), then the file-name cleaning rule, then a case-,
/// `_`- and space-insensitive match on stems, titles and aliases. Ambiguity picks the first by path.
struct LinkResolver: Sendable {
    private var byPath: [String: Int] = [:]
    private var byStem: NameTable
    private var byCleanedStem: NameTable
    private var byLooseName: NameTable

    /// A note's keys, computed in parallel; the dictionaries are filled in vault order afterwards.
    private struct Keys: Sendable {
        var path: String
        var cleaned: String
        var loose: [String]
    }

    init(notes: [Note]) {
        var keys = [Keys?](repeating: nil, count: notes.count)
        keys.withUnsafeMutableBufferPointer { buffer in
            let slots = KeySlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: notes.count) { index in
                let note = notes[index]
                var loose = [NameKeys.loose(note.stem)]
                for name in [note.title] + note.aliases {
                    let key = NameKeys.loose(name)
                    if !key.isEmpty, !loose.contains(key) { loose.append(key) }
                }
                slots.buffer[index] = Keys(path: String(note.path.dropLast(NoteParser.hasMarkdownSuffix(note.path) ? 3 : 0)),
                                           cleaned: NameKeys.cleaned(note.stem), loose: loose.filter { !$0.isEmpty })
            }
        }
        byPath.reserveCapacity(notes.count)
        byStem = NameTable(capacity: notes.count)
        byCleanedStem = NameTable(capacity: notes.count)
        byLooseName = NameTable(capacity: notes.count * 2)
        for index in notes.indices {
            guard let key = keys[index] else { continue }
            byPath[key.path] = index
            byStem.add(notes[index].stem, index)
            byCleanedStem.add(key.cleaned, index)
            for name in key.loose { byLooseName.add(name, index) }
        }
    }

    /// File stems shared by several notes, each with all of them in vault order.
    var sharedStems: [(name: String, notes: [Int])] { byStem.shared }

    private struct KeySlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<Keys?> }

    /// `source` is the linking note, for same-note `[[#heading]]` links.
    func resolve(_ link: WikiLink, from source: Int) -> LinkTarget {
        resolve(target: link.target, from: source)
    }

    func resolve(target rawTarget: String, from source: Int) -> LinkTarget {
        var target = rawTarget
        if target.isEmpty { return .note(source) }
        if NameKeys.leavesVault(target) { return .missing(rawTarget) }
        if NoteParser.hasMarkdownSuffix(target) { target = String(target.dropLast(3)) }
        if let index = byPath[target] { return .note(index) }
        if let found = byStem.firstNote(target) { return .note(found) }
        if let found = byCleanedStem.firstNote(NameKeys.cleaned(target)) { return .note(found) }
        let loose = NameKeys.loose(target)
        if let found = byLooseName.firstNote(loose) { return .note(found) }
        // `folder/name`: the last component alone.
        if target.contains("/"), let last = target.split(separator: "/").last {
            return resolve(target: String(last), from: source)
        }
        return .missing(rawTarget)
    }

    /// Every note a name could mean, for `facets show NAME`: exact path or stem, then title or alias.
    func candidates(for name: String) -> [Int] {
        var target = name
        if NoteParser.hasMarkdownSuffix(target) { target = String(target.dropLast(3)) }
        if let index = byPath[target] { return [index] }
        if let found = byStem.notes(target) { return found }
        let loose = NameKeys.loose(target)
        if let found = byLooseName.notes(loose) { return found }
        if let found = byCleanedStem.notes(NameKeys.cleaned(target)) { return found }
        return []
    }
}
