/// What a loader thread works out for the link graph while it holds a freshly parsed note: where its
/// links lead by path or stem, and the note's own names as the resolver compares them. Done there, on
/// both cores while the bytes are in cache, it leaves the link graph little to do once every note is in.
struct LinkHints: Sendable {
    /// Per link of the note: the note it names by path or stem; `.missing` where neither matches (those
    /// are resolved again, against titles and aliases, once all notes are known).
    let targets: [LinkTarget]
    let names: LinkResolver.NoteNames

    /// `index` is the note's place in the vault, which `pathNames` was built for.
    init(note: Note, index: Int, pathNames: PathNames) {
        targets = note.links.map { link in
            guard let target = LinkResolver.prepared(link.target) else { return .missing(link.target) }
            if target.isEmpty { return .note(index) }
            return pathNames.note(named: target).map(LinkTarget.note) ?? .missing(link.target)
        }
        names = LinkResolver.NoteNames(note: note)
    }
}
