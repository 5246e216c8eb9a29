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
    /// Per `unresolved` link, in order: its target as titles and aliases are compared (`NameKeys.loose`).
    let looseKeys: [String]
    let names: LinkResolver.NoteNames

    /// `index` is the note's place in the vault, which `pathNames` was built for.
    init(note: Note, index: Int, pathNames: PathNames) {
        var looseKeys: [String] = []
        links = note.links.map { link in
            let line = Int32(clamping: link.line)
            if link.target.isEmpty { return Link(target: Self.sameNote, line: line) }
            guard let target = LinkResolver.prepared(link.target), !target.isEmpty else {
                return Link(target: Self.unprepared, line: line)
            }
            if let found = pathNames.note(named: target) ?? pathNames.note(cleanedStem: NameKeys.cleaned(target)) {
                return Link(target: Int32(truncatingIfNeeded: found), line: line)
            }
            looseKeys.append(NameKeys.loose(target))
            return Link(target: Self.unresolved, line: line)
        }
        self.looseKeys = looseKeys
        names = LinkResolver.NoteNames(note: note)
    }
}
