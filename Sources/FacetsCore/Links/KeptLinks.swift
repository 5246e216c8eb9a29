/// A link the rule's path steps left to the name steps (or found leaving the vault), kept with the
/// vault: its place among every link of the vault (`LinkTargets.codes`), its target as written, and the
/// key the name step looks it up by (nil: the path steps found it leaves the vault).
struct UnsettledLink: Sendable, Equatable {
    var position: Int32
    var target: String
    var looseKey: String?
}

/// What a reload knows of the kept notes' links from the vault before it, so it settles them again
/// without reading their files: while the vault's paths are the same, the path steps give every link
/// the answer they gave before, so only the links they left to the name steps are settled again, by
/// the new names. A vault whose files were added or removed is read again in full (`VaultLoad`).
struct KeptLinks: Sendable {
    /// The path table the earlier load settled the links against; it applies while the paths are these.
    let pathNames: PathNames
    private let targets: LinkTargets
    /// Per link (in `targets.codes` order): its line, as the backlinks and the missing list hold it.
    private let lines: [Int32]
    private let unsettled: [UnsettledLink]

    /// `vault`'s links, their lines gathered from its backlinks.
    init(_ vault: Vault) {
        pathNames = vault.resolver.pathNames
        targets = vault.linkTargets
        unsettled = vault.unsettledLinks
        var lines = [Int32](repeating: 0, count: targets.codes.count)
        let starts = targets.starts
        // Every link but a `[[#heading]]` one is some note's backlink or a missing one; the line of a
        // same-note link is never read (it makes no backlink).
        for backlink in vault.backlinks.joined {
            lines[starts[backlink.source] + backlink.linkIndex] = Int32(clamping: backlink.line)
        }
        for backlinks in vault.missing.values {
            for backlink in backlinks { lines[starts[backlink.source] + backlink.linkIndex] = Int32(clamping: backlink.line) }
        }
        self.lines = lines
    }

    /// Whether the notes now listed are the ones the links were settled among, in the same order.
    func applies(to paths: [String]) -> Bool { pathNames.paths == paths }

    /// Note `index`'s hints as its parse gave them (`note` is that note, kept as parsed).
    func hints(of index: Int, note: borrowing Note) -> LinkHints {
        let range = targets.starts[index]..<targets.starts[index + 1]
        // The first unsettled link at or after the note's first link, by binary search.
        var low = 0, high = unsettled.count
        while low < high {
            let middle = (low + high) / 2
            if Int(unsettled[middle].position) < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var next = low
        var links: [LinkHints.Link] = []
        links.reserveCapacity(range.count)
        var pendingTargets: [String] = [], looseKeys: [String] = []
        for position in range {
            let line = lines[position]
            if next < unsettled.count, Int(unsettled[next].position) == position {
                let link = unsettled[next]
                next += 1
                pendingTargets.append(link.target)
                if let key = link.looseKey {
                    looseKeys.append(key)
                    links.append(LinkHints.Link(target: LinkCode.pending, line: line))
                } else {
                    links.append(LinkHints.Link(target: LinkCode.missing, line: line))
                }
            } else {
                links.append(LinkHints.Link(target: targets.codes[position], line: line))
            }
        }
        return LinkHints(links: links, pendingTargets: pendingTargets, looseKeys: looseKeys, names: LinkResolver.NoteNames(note: note))
    }
}
