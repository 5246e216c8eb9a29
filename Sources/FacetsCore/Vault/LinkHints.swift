/// What a loader thread works out for the link graph while it holds a freshly parsed note: where its
/// links lead by path, stem or cleaned stem, and the note's own names as the resolver compares them.
/// Done there, on both cores while the bytes are in cache, it leaves the link graph little to do once
/// every note is in.
struct LinkHints: Sendable {
    /// A link as the graph needs it: where it leads, by note index or one of the codes below, and its line.
    struct Link: Sendable {
        var target: Int32
        var line: Int32
    }

    /// Path, stem and cleaned stem all missed: resolved again, against titles and aliases, once every
    /// note is known. Its loose key is in `looseKeys`.
    static let unresolved: Int32 = -1
    /// Left to the resolver's every step: targets leaving the vault, and `[[.md]]`, which names no file.
    static let unprepared: Int32 = -3
    /// A `[[#heading]]` link: it leads to its own note, and is not a backlink.
    static let sameNote: Int32 = -2

    /// Per link of the note, in order.
    let links: [Link]
    /// Per link: where it leads as far as the thread could tell; `.missing` for the `unresolved` and
    /// `unprepared` ones, until the link graph has resolved them.
    let targets: [LinkTarget]
    /// Per `unresolved` link, in order: its target as titles and aliases are compared (`NameKeys.loose`).
    let looseKeys: [String]
    let names: LinkResolver.NoteNames

    /// No link waits for the link graph: `targets` are final.
    let isComplete: Bool

    /// `index` is the note's place in the vault, which `pathNames` was built for.
    init(note: Note, index: Int, pathNames: PathNames) {
        var looseKeys: [String] = []
        var complete = true
        var links: [Link] = []
        var targets: [LinkTarget] = []
        links.reserveCapacity(note.links.count)
        targets.reserveCapacity(note.links.count)
        for link in note.links {
            let line = Int32(clamping: link.line)
            if link.target.isEmpty {
                links.append(Link(target: Self.sameNote, line: line))
                targets.append(.note(index))
                continue
            }
            guard let target = LinkResolver.prepared(link.target), !target.isEmpty else {
                links.append(Link(target: Self.unprepared, line: line))
                complete = false
                targets.append(.missing(link.target))
                continue
            }
            if let found = pathNames.note(named: target) ?? pathNames.note(cleanedStem: NameKeys.cleaned(target)) {
                links.append(Link(target: Int32(truncatingIfNeeded: found), line: line))
                targets.append(.note(found))
            } else {
                looseKeys.append(NameKeys.loose(target))
                complete = false
                links.append(Link(target: Self.unresolved, line: line))
                targets.append(.missing(link.target))
            }
        }
        self.links = links
        self.targets = targets
        self.looseKeys = looseKeys
        isComplete = complete
        names = LinkResolver.NoteNames(note: note)
    }

    /// A note's links as the link graph counts backlinks: only `sameNote` and the lines matter (memory
    /// vaults, resolved without hints).
    static func backlinkView(of note: Note) -> [Link] {
        note.links.map { Link(target: $0.target.isEmpty ? sameNote : 0, line: Int32(clamping: $0.line)) }
    }
}
