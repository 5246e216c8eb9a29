/// What a loader thread works out for the link graph while it holds a freshly parsed note: where its
/// links lead by the rule's path steps (`LinkResolver.settleByPath`), and the note's own names for the
/// name step. Done there, on both cores while the bytes are in cache, it leaves the link graph little
/// to do once every note is in.
struct LinkHints: Sendable {
    /// A link as the graph needs it: where it leads (a `LinkCode`) and its line.
    struct Link: Sendable {
        var target: Int32
        var line: Int32
    }

    /// Per link of the note, in order: a note, `LinkCode.sameNote`, `.missing` or `.pending`.
    let links: [Link]
    /// Per `missing` or `pending` link, in order: its target as written (the note no longer holds its
    /// links), for the missing list and the name step.
    let pendingTargets: [String]
    /// Per `pending` link, in order: its target's key for the name step (`NameKeys.loose`).
    let looseKeys: [String]
    let names: LinkResolver.NoteNames

    /// `scanned` are the note's links; `pathNames` is the table of the paths the note was loaded among.
    /// Borrowed: an initializer owns its arguments, so passing the note and the table copied them, a
    /// retain and a release of each of their buffers, once per note.
    init(note: borrowing Note, scanned: borrowing ScannedLinks, pathNames: borrowing PathNames) {
        var builder = Builder(capacity: scanned.count)
        let sourcePath = note.path
        scanned.withPlainTargets { count, target in pathNames.prefetch(plainTargets: count, target) }
        scanned.forEach { target, line in
            switch target {
            case .plain(let bytes):
                // The rule's fast path: looked up by its bytes, a String made only for a link it leaves.
                let step = LinkResolver.settleByPath(plain: bytes, from: sourcePath, in: pathNames)
                builder.add(step, line: line) { String(decoding: bytes, as: UTF8.self) }
            case .other(let link):
                builder.add(target: link.target, line: line, from: sourcePath, pathNames: pathNames)
            }
        }
        self.init(builder, names: LinkResolver.NoteNames(note: note))
    }

    /// The same from links already made (a note kept from an earlier load, which scans its file for them).
    init(note: borrowing Note, links: [WikiLink], pathNames: borrowing PathNames) {
        var builder = Builder(capacity: links.count)
        let sourcePath = note.path
        for link in links { builder.add(target: link.target, line: link.line, from: sourcePath, pathNames: pathNames) }
        self.init(builder, names: LinkResolver.NoteNames(note: note))
    }

    private init(_ builder: Builder, names: LinkResolver.NoteNames) {
        self.init(links: builder.links, pendingTargets: builder.pendingTargets, looseKeys: builder.looseKeys, names: names)
    }

    /// Hints already worked out (a reload's, from the vault before it: see `KeptLinks`).
    init(links: [Link], pendingTargets: [String], looseKeys: [String], names: LinkResolver.NoteNames) {
        self.links = links
        self.pendingTargets = pendingTargets
        self.looseKeys = looseKeys
        self.names = names
    }

    /// The hints' arrays, link by link. The path table is passed to each call, not kept: copying it
    /// retained every one of its arrays, once per note.
    private struct Builder {
        var links: [Link] = []
        var pendingTargets: [String] = []
        var looseKeys: [String] = []

        init(capacity: Int) {
            links.reserveCapacity(capacity)
        }

        /// A link leading to note `code`, or with one of the `LinkCode`s.
        mutating func add(_ code: Int32, line: Int) {
            links.append(Link(target: code, line: Int32(clamping: line)))
        }

        /// A link's target as written, settled as far as the path steps go.
        mutating func add(target name: String, line: Int, from source: String, pathNames: borrowing PathNames) {
            add(LinkResolver.settleByPath(name, from: source, in: pathNames), line: line) { name }
        }

        /// A link as the path steps left it; `name` (its target as written) is asked for only when they
        /// left it unsettled.
        mutating func add(_ step: LinkResolver.PathStep, line: Int, name: () -> String) {
            switch step {
            case .sameNote:
                add(LinkCode.sameNote, line: line)
            case .note(let found):
                add(Int32(truncatingIfNeeded: found), line: line)
            case .missing:
                pendingTargets.append(name())
                add(LinkCode.missing, line: line)
            case .byName(let key):
                pendingTargets.append(name())
                looseKeys.append(key)
                add(LinkCode.pending, line: line)
            }
        }
    }
}
