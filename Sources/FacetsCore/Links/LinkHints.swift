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
    /// Per `unresolved` or `unprepared` link, in order: its target as written, for the link graph to
    /// resolve (the note no longer holds its links).
    let pendingTargets: [String]
    let names: LinkResolver.NoteNames

    /// `scanned` are the note's links; `pathNames` is the table of the listing the note was read from.
    /// Borrowed: an initializer owns its arguments, so passing the note and the table copied them, a
    /// retain and a release of each of their buffers, once per note.
    init(note: borrowing Note, scanned: borrowing ScannedLinks, pathNames: borrowing PathNames) {
        var builder = Builder(capacity: scanned.count)
        scanned.forEach { target, line in
            switch target {
            case .plain(let bytes):
                // A plain target is its own prepared form: looked up by its bytes, a String made only on a miss.
                if let found = pathNames.note(named: bytes) {
                    builder.add(Int32(truncatingIfNeeded: found), line: line)
                } else {
                    builder.add(target: String(decoding: bytes, as: UTF8.self), line: line, pathNames: pathNames)
                }
            case .other(let link):
                builder.add(target: link.target, line: line, pathNames: pathNames)
            }
        }
        links = builder.links
        looseKeys = builder.looseKeys
        pendingTargets = builder.pendingTargets
        names = LinkResolver.NoteNames(note: note)
    }

    /// The hints' arrays, link by link. The path table is passed to each call, not kept: copying it
    /// retained every one of its arrays, once per note.
    private struct Builder {
        var links: [Link] = []
        var looseKeys: [String] = []
        var pendingTargets: [String] = []

        init(capacity: Int) {
            links.reserveCapacity(capacity)
        }

        /// A link leading to note `code`, or with one of `LinkHints`' codes.
        mutating func add(_ code: Int32, line: Int) {
            links.append(Link(target: code, line: Int32(clamping: line)))
        }

        /// A link's target as written: resolved by path, stem or cleaned stem, else left for the link graph.
        mutating func add(target name: String, line: Int, pathNames: PathNames) {
            if name.isEmpty {
                add(LinkHints.sameNote, line: line)
                return
            }
            guard let target = LinkResolver.prepared(name), !target.isEmpty else {
                pendingTargets.append(name)
                add(LinkHints.unprepared, line: line)
                return
            }
            if let found = pathNames.note(named: target) ?? pathNames.note(cleanedStem: NameKeys.cleaned(target)) {
                add(Int32(truncatingIfNeeded: found), line: line)
            } else {
                looseKeys.append(NameKeys.loose(target))
                pendingTargets.append(name)
                add(LinkHints.unresolved, line: line)
            }
        }
    }

    /// A note's links as the link graph counts backlinks: only `sameNote` and the lines matter (memory
    /// vaults, resolved without hints).
    static func backlinkView(of links: [WikiLink]) -> [Link] {
        links.map { Link(target: $0.target.isEmpty ? sameNote : 0, line: Int32(clamping: $0.line)) }
    }
}
