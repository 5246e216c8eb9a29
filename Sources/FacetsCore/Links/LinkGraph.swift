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
    }

    /// `hints` are the loader's (one per note, in order, with the path table they used): they leave only
    /// the links the rule's path steps did not settle to do here. A link to one of `attachments` (an
    /// image embedded with `![[chart.png]]`) leads to no note but is not a broken link, as in Obsidian.
    init(notes: [Note], hints: LoadHints, attachments: [Attachment] = []) {
        self.init(notes: notes, hints: Handoff(hints), attachments: attachments)
    }

    /// The same, taking the hints from `handoff` and freeing them once the links are resolved, before
    /// the backlinks are placed (a load builds the browse tree beside this, and its peak memory is there).
    init(notes: [Note], hints handoff: Handoff<LoadHints>, attachments: [Attachment] = []) {
        let attachmentNames = Self.attachmentNames(attachments)
        var timer = PhaseTimer()
        let hints = handoff.take() ?? Self.hintsReadingFiles(notes)
        let resolver = LinkResolver(pathNames: hints.pathNames, names: hints.notes.map(\.names))
        self.resolver = resolver
        timer.lap("name index")

        let resolved = Self.resolveRest(of: hints.notes, resolver: resolver)
        _ = consume hints
        let targets = resolved.targets
        self.targets = targets
        self.unsettled = resolved.unsettled
        timer.lap("resolve")

        // The backlinks placed beside the missing links written up: both read the targets, neither needs the other.
        let lines = resolved.lines, noteCount = notes.count, sharedStems = resolver.sharedStems
        let (backlinks, missing) = Parallel.both(
            { Self.backlinks(of: targets, lines: lines, noteCount: noteCount) },
            {
                Self.missingLinks(
                    of: targets, lines: lines, notes: notes, attachmentNames: attachmentNames, sharedStems: sharedStems)
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
    /// name with others.
    static func missingLinks(
        of targets: LinkTargets, lines: [Int32], notes: [Note], attachmentNames: Set<String>, sharedStems: [(name: String, notes: [Int])]
    ) -> (byName: [String: [Backlink]], diagnostics: [Diagnostic]) {
        let codes = targets.codes, starts = targets.starts
        var missing: [String: [Backlink]] = [:]
        var missingSpelling: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for source in notes.indices {
            for position in starts[source]..<starts[source + 1] {
                let code = codes[position]
                guard code < 0, code != LinkCode.sameNote else { continue }
                let backlink = Backlink(source: source, linkIndex: position - starts[source], line: Int(lines[position]))
                let name = targets.missingNames[position] ?? ""
                let key = NameKeys.loose(name)
                let spelling = missingSpelling[key] ?? name
                missingSpelling[key] = spelling
                missing[spelling, default: []].append(backlink)
                if !attachmentNames.isEmpty && attachmentNames.contains(name.lowercased()) { continue }
                let why = NameKeys.leavesVault(name) ? "link leaves the vault; not followed" : "no note for"
                diagnostics.append(Diagnostic(.warning, path: notes[source].path, line: backlink.line, "\(why) [[\(name)]]"))
            }
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
        return (missing, diagnostics)
    }

    /// The hints' codes, with the links the path steps left pending settled by the rule's name steps,
    /// their keys worked out on the loader's threads.
    static func resolveRest(of hints: [LinkHints], resolver: LinkResolver) -> Resolved {
        let total = hints.reduce(0) { $0 + $1.links.count }
        var codes: [Int32] = []
        var lines: [Int32] = []
        var starts = [0]
        codes.reserveCapacity(total)
        lines.reserveCapacity(total)
        starts.reserveCapacity(hints.count + 1)
        var missingNames: [Int: String] = [:]
        var unsettled: [UnsettledLink] = []
        for (index, hint) in hints.enumerated() {
            var looseKeys = hint.looseKeys.makeIterator()
            var pending = hint.pendingTargets.makeIterator()
            for link in hint.links {
                lines.append(link.line)
                var target: LinkTarget
                switch link.target {
                case LinkCode.missing:
                    let name = pending.next() ?? ""
                    unsettled.append(UnsettledLink(position: Int32(truncatingIfNeeded: codes.count), target: name, looseKey: nil))
                    target = .missing(name)
                case LinkCode.pending:
                    let name = pending.next() ?? "", key = looseKeys.next() ?? ""
                    unsettled.append(UnsettledLink(position: Int32(truncatingIfNeeded: codes.count), target: name, looseKey: key))
                    target = resolver.settleByName(name, looseKey: key, from: index)
                default:
                    codes.append(link.target)
                    continue
                }
                switch target {
                case .note(let found): codes.append(Int32(truncatingIfNeeded: found))
                case .missing(let name):
                    missingNames[codes.count] = name
                    codes.append(LinkCode.missing)
                }
            }
            starts.append(codes.count)
        }
        return Resolved(
            targets: LinkTargets(codes: codes, starts: starts, missingNames: missingNames), lines: lines, unsettled: unsettled)
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
