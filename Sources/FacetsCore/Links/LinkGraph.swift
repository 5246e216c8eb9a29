import Foundation

/// What a loader's threads worked out for the link graph: a path table and, per note, `LinkHints`.
struct LoadHints: Sendable {
    let pathNames: PathNames
    let notes: [LinkHints]
}

/// Every wiki link of a vault resolved: where each leads, what links to each note, and what is missing.
struct LinkGraph: Sendable {
    let resolver: LinkResolver
    /// Per note, per link (same order as `Note.links`).
    let targets: LinkTargets
    let backlinks: PerNote<Backlink>
    /// Per missing target name (as first written): the links that name it.
    let missing: [String: [Backlink]]
    /// The links the rule's path steps did not settle, with their targets as written: all a reload
    /// needs, beside `targets`, to settle a kept note's links again without reading its file.
    let unsettled: [UnsettledLink]
    /// Links that lead nowhere or out of the vault, and names shared by several notes.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    /// Every link of the vault resolved, with the line of each (in `targets.codes` order).
    struct Resolved {
        var targets: LinkTargets
        var lines: [Int32]
        var unsettled: [UnsettledLink]
        /// Per unsettled link: the note it is written in.
        var unsettledSources: [Int32]
    }

    /// Every link as the path steps left it: a note, `sameNote`, or (for those in `unsettled`) `missing`
    /// or `pending`, waiting for the name steps.
    struct Placed {
        var codes: [Int32]
        var lines: [Int32]
        var starts: [Int]
        var unsettled: [UnsettledLink]
        var unsettledSources: [Int32]
    }

    /// `hints` are the loader's (one per note, in order, with the path table they used): they leave only
    /// the links the rule's path steps did not settle to do here. A link to one of `attachments` (an
    /// image embedded with `![[chart.png]]`) leads to no note but is not a broken link, as in Obsidian.
    init(notes: [Note], hints: LoadHints, attachments: [Attachment] = []) {
        self.init(notes: notes, hints: Handoff(hints), attachments: attachments)
    }

    /// The same, taking the hints from `handoff` and freeing them once the links are resolved, as the
    /// backlinks are placed (a load builds the browse tree beside this, and its peak memory is there).
    init(notes: [Note], hints handoff: Handoff<LoadHints>, attachments: [Attachment] = []) {
        let attachmentNames = Self.attachmentNames(attachments)
        var timer = PhaseTimer()
        let hints = handoff.take() ?? Self.hintsReadingFiles(notes)
        // The name index built beside the links placed as the path steps left them: neither needs the other.
        let (resolver, placed) = Parallel.both(
            { LinkResolver(pathNames: hints.pathNames, names: hints.notes.map(\.names)) },
            { Self.place(hints.notes) })
        self.resolver = resolver
        timer.lap("name index")

        let resolved = Self.settle(placed, resolver: resolver)
        let targets = resolved.targets
        self.targets = targets
        self.unsettled = resolved.unsettled
        timer.lap("resolve")

        // The backlinks placed beside the missing links written up: both read the targets, neither needs
        // the other. The hints, spent, are freed on the backlinks' side (25,000 notes' arrays take a while).
        let spent = Handoff(consume hints)
        let lines = resolved.lines, sources = resolved.unsettledSources, noteCount = notes.count
        let sharedStems = resolver.sharedStems
        let (backlinks, missing) = Parallel.both(
            {
                _ = spent.take()
                return Self.backlinks(of: targets, lines: lines, noteCount: noteCount)
            },
            {
                Self.missingLinks(
                    of: targets, unsettled: resolved.unsettled, sources: sources, lines: lines, notes: notes,
                    attachmentNames: attachmentNames, sharedStems: sharedStems)
            })
        self.backlinks = backlinks
        self.missing = missing.byName
        self.diagnostics = missing.diagnostics
        timer.lap("backlinks")
        self.phases = timer.phases
    }

    /// Every note's backlinks in one array, in vault order: counted first, then placed.
    static func backlinks(of targets: LinkTargets, lines: [Int32], noteCount: Int) -> PerNote<Backlink> {
        let codes = targets.codes, starts = targets.starts
        var backlinkStarts = [Int](repeating: 0, count: noteCount + 1)
        for code in codes where code >= 0 { backlinkStarts[Int(code) + 1] += 1 }
        for index in 0..<noteCount { backlinkStarts[index + 1] += backlinkStarts[index] }
        var next = backlinkStarts
        let backlinkCount = backlinkStarts[noteCount]
        let placed = [Backlink](unsafeUninitializedCapacity: backlinkCount) { buffer, initialized in
            for source in 0..<noteCount {
                for position in starts[source]..<starts[source + 1] {
                    let code = codes[position]
                    guard code >= 0 else { continue }
                    buffer.initializeElement(
                        at: next[Int(code)], to: Backlink(source: source, linkIndex: position - starts[source], line: Int(lines[position])))
                    next[Int(code)] += 1
                }
            }
            initialized = backlinkCount
        }
        return PerNote(elements: placed, starts: backlinkStarts)
    }

    /// The links that lead to no note, by the name first written for each (loosely equal names are one
    /// entry), with a warning for each (but links to attachments), then one for each note that shares its
    /// name with others. Every missing link is an unsettled one (`sources`: the note of each), so only
    /// those are looked at.
    static func missingLinks(
        of targets: LinkTargets, unsettled: [UnsettledLink], sources: [Int32], lines: [Int32], notes: [Note],
        attachmentNames: Set<String>, sharedStems: [(name: String, notes: [Int])]
    ) -> (byName: [String: [Backlink]], diagnostics: [Diagnostic]) {
        let codes = targets.codes, starts = targets.starts
        // One lookup per link, by loose key, into lists kept in the order their names were first met.
        var slotByKey: [String: Int] = [:]
        var spellings: [String] = []
        var lists: [[Backlink]] = []
        var diagnostics: [Diagnostic] = []
        for (link, source) in zip(unsettled, sources) {
            let position = Int(link.position)
            guard codes[position] == LinkCode.missing else { continue }
            let source = Int(source)
            let backlink = Backlink(source: source, linkIndex: position - starts[source], line: Int(lines[position]))
            let name = targets.missingNames[position] ?? ""
            let key = NameKeys.loose(name)
            if let slot = slotByKey[key] {
                lists[slot].append(backlink)
            } else {
                slotByKey[key] = spellings.count
                spellings.append(name)
                lists.append([backlink])
            }
            if !attachmentNames.isEmpty && attachmentNames.contains(name.lowercased()) { continue }
            let why = NameKeys.leavesVault(name) ? "link leaves the vault; not followed" : "no note for"
            diagnostics.append(Diagnostic(.warning, path: notes[source].path, line: backlink.line, "\(why) [[\(name)]]"))
        }
        for (stem, indexes) in sharedStems {
            // At most five paths named: each of thousands of same-named notes listing all the others is quadratic.
            var paths = indexes.prefix(5).map { notes[$0].path }.joined(separator: ", ")
            if indexes.count > 5 { paths += " and \(indexes.count - 5) more" }
            for index in indexes {
                diagnostics.append(
                    Diagnostic(
                        .warning, path: notes[index].path, line: 0,
                        "\(indexes.count) notes share the name \"\(stem)\" (\(paths)); a link by that name reaches the nearest to the linking note"))
            }
        }
        // Two keys' first spellings can be equal Strings (canonically equivalent text whose loose keys
        // differ): their links are then one entry, in link order, as a dictionary by spelling made them.
        let byName = Dictionary(zip(spellings, lists)) { first, second in
            (first + second).sorted { ($0.source, $0.linkIndex) < ($1.source, $1.linkIndex) }
        }
        return (byName, diagnostics)
    }

    /// The hints' links in one array, as the loader's threads left them; the unsettled ones noted with
    /// their targets (and keys, for the name step) for `settle`.
    static func place(_ hints: [LinkHints]) -> Placed {
        let total = hints.reduce(0) { $0 + $1.links.count }
        var starts = [Int](repeating: 0, count: hints.count + 1)
        var unsettled: [UnsettledLink] = []
        var unsettledSources: [Int32] = []
        var lines = [Int32](repeating: 0, count: total)
        var codes = [Int32](repeating: 0, count: total)
        codes.withUnsafeMutableBufferPointer { codes in
            lines.withUnsafeMutableBufferPointer { lines in
                var position = 0
                for (index, hint) in hints.enumerated() {
                    var looseKeys = hint.looseKeys.makeIterator()
                    var pending = hint.pendingTargets.makeIterator()
                    for link in hint.links {
                        codes[position] = link.target
                        lines[position] = link.line
                        if link.target == LinkCode.missing || link.target == LinkCode.pending {
                            let name = pending.next() ?? ""
                            let key = link.target == LinkCode.pending ? looseKeys.next() ?? "" : nil
                            unsettled.append(UnsettledLink(position: Int32(truncatingIfNeeded: position), target: name, looseKey: key))
                            unsettledSources.append(Int32(truncatingIfNeeded: index))
                        }
                        position += 1
                    }
                    starts[index + 1] = position
                }
            }
        }
        return Placed(codes: codes, lines: lines, starts: starts, unsettled: unsettled, unsettledSources: unsettledSources)
    }

    /// The placed links with the unsettled ones settled by the rule's name steps (or missing).
    static func settle(_ placed: consuming Placed, resolver: LinkResolver) -> Resolved {
        var codes = placed.codes
        var missingNames: [Int: String] = [:]
        for (link, source) in zip(placed.unsettled, placed.unsettledSources) {
            let position = Int(link.position)
            let target: LinkTarget
            if let key = link.looseKey {
                target = resolver.settleByName(link.target, looseKey: key, from: Int(source))
            } else {
                target = .missing(link.target)
            }
            switch target {
            case .note(let found): codes[position] = Int32(truncatingIfNeeded: found)
            case .missing(let name):
                codes[position] = LinkCode.missing
                missingNames[position] = name
            }
        }
        return Resolved(
            targets: LinkTargets(codes: codes, starts: placed.starts, missingNames: missingNames), lines: placed.lines,
            unsettled: placed.unsettled, unsettledSources: placed.unsettledSources)
    }

    /// Hints worked out from the notes alone, each reading its links (when none were handed over).
    static func hintsReadingFiles(_ notes: [Note]) -> LoadHints {
        let pathNames = PathNames(paths: notes.map(\.path))
        return LoadHints(
            pathNames: pathNames, notes: notes.map { LinkHints(note: $0, links: $0.readLinks(), pathNames: pathNames) })
    }

    /// The names a link can reach a file by, lower-cased as Obsidian matches them: its path and its name.
    static func attachmentNames(_ attachments: [Attachment]) -> Set<String> {
        var names = Set<String>()
        for attachment in attachments {
            names.insert(attachment.path.lowercased())
            names.insert(attachment.name.lowercased())
        }
        return names
    }
}
