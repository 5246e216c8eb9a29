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
    let targets: [[LinkTarget]]
    let backlinks: PerNote<Backlink>
    /// Per missing target name (as first written): the links that name it.
    let missing: [String: [Backlink]]
    /// Links that lead nowhere or out of the vault, and names shared by several notes.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    /// Every link of the vault resolved, per note, with what the backlinks are built from.
    struct Resolved {
        var targets: [[LinkTarget]]
        /// Per note, per link: its line, and `LinkHints.sameNote` for `[[#heading]]` links, which lead to
        /// their own note without linking to it.
        var links: [[LinkHints.Link]]
    }

    /// `hints`, when the loader worked them out (one per note, in order, with the path table they used),
    /// leave only the links that path, stem and cleaned stem did not resolve to do here.
    init(notes: [Note], hints: LoadHints? = nil) {
        var timer = PhaseTimer()
        let resolver = LinkResolver(notes: notes, pathNames: hints?.pathNames, names: hints?.notes.map(\.names))
        self.resolver = resolver
        timer.lap("name index")

        let resolved = hints.map { Self.resolveRest(of: $0.notes, notes: notes, resolver: resolver) }
            ?? Self.resolveAll(notes: notes, resolver: resolver)
        targets = resolved.targets
        timer.lap("resolve")

        // Counted first, then placed: every note's backlinks land in one array, in vault order.
        var backlinkStarts = [Int](repeating: 0, count: notes.count + 1)
        for source in notes.indices {
            let links = resolved.links[source]
            for (k, target) in resolved.targets[source].enumerated() where links[k].target != LinkHints.sameNote {
                if case .note(let index) = target { backlinkStarts[index + 1] += 1 }
            }
        }
        for index in notes.indices { backlinkStarts[index + 1] += backlinkStarts[index] }
        var next = backlinkStarts
        var missing: [String: [Backlink]] = [:]
        var missingSpelling: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let backlinkCount = backlinkStarts[notes.count]
        let placed = [Backlink](unsafeUninitializedCapacity: backlinkCount) { buffer, initialized in
            for source in notes.indices {
                let links = resolved.links[source]
                for (k, target) in resolved.targets[source].enumerated() {
                    let backlink = Backlink(source: source, linkIndex: k, line: Int(links[k].line))
                    switch target {
                    case .note(let index):
                        guard links[k].target != LinkHints.sameNote else { continue }
                        buffer.initializeElement(at: next[index], to: backlink)
                        next[index] += 1
                    case .missing(let name):
                        let key = NameKeys.loose(name)
                        let spelling = missingSpelling[key] ?? name
                        missingSpelling[key] = spelling
                        missing[spelling, default: []].append(backlink)
                        let why = NameKeys.leavesVault(name) ? "link leaves the vault; not followed" : "no note for"
                        diagnostics.append(Diagnostic(.warning, path: notes[source].path, line: backlink.line, "\(why) [[\(name)]]"))
                    }
                }
            }
            initialized = backlinkCount
        }
        self.backlinks = PerNote(elements: placed, starts: backlinkStarts)
        self.missing = missing

        for (stem, indexes) in resolver.sharedStems {
            // At most five paths named: each of thousands of same-named notes listing all the others is quadratic.
            var paths = indexes.prefix(5).map { notes[$0].path }.joined(separator: ", ")
            if indexes.count > 5 { paths += " and \(indexes.count - 5) more" }
            for index in indexes {
                diagnostics.append(Diagnostic(.warning, path: notes[index].path, line: 0,
                    "\(indexes.count) notes share the name \"\(stem)\" (\(paths)); links by name reach \(notes[indexes[0]].path)"))
            }
        }
        self.diagnostics = diagnostics
        timer.lap("backlinks")
        self.phases = timer.phases
    }

    /// A few interleaved shares, each remembering the targets it has resolved: a vault names the same
    /// notes over and over, and working out a name's keys costs more than looking it up.
    static func resolveAll(notes: [Note], resolver: LinkResolver) -> Resolved {
        var targets = [[LinkTarget]](repeating: [], count: notes.count)
        let shares = max(1, min(notes.count, ProcessInfo.processInfo.activeProcessorCount * 2))
        targets.withUnsafeMutableBufferPointer { buffer in
            let slots = TargetSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                var known: [String: LinkTarget] = [:]
                for index in stride(from: share, to: notes.count, by: shares) {
                    let links = notes[index].links
                    slots.buffer[index] = links.indices.map { k in
                        let name = links[k].target
                        if name.isEmpty { return resolver.resolve(target: name, from: index) }
                        if let target = known[name] { return target }
                        let target = resolver.resolve(target: name, from: index)
                        known[name] = target
                        return target
                    }
                }
            }
        }
        return Resolved(targets: targets, links: notes.map(LinkHints.backlinkView))
    }

    /// The hints' targets, with the links that path, stem and cleaned stem left unresolved resolved the
    /// rest of the way: by their loose keys, worked out on the loader's threads; the few that name a
    /// folder, leave the vault or name no file by the resolver's every step.
    static func resolveRest(of hints: [LinkHints], notes: [Note], resolver: LinkResolver) -> Resolved {
        let targets = hints.indices.map { index -> [LinkTarget] in
            let hint = hints[index]
            guard !hint.isComplete else { return hint.targets }
            var targets = hint.targets
            var looseKeys = hint.looseKeys.makeIterator()
            for (k, link) in hint.links.enumerated() {
                switch link.target {
                case LinkHints.unresolved:
                    let name = notes[index].links[k].target
                    if let key = looseKeys.next(), let found = resolver.note(looseKey: key) {
                        targets[k] = .note(found)
                    } else if name.utf8.contains(Byte.slash) {
                        targets[k] = resolver.resolve(target: name, from: index)
                    }
                case LinkHints.unprepared:
                    targets[k] = resolver.resolve(target: notes[index].links[k].target, from: index)
                default:
                    continue
                }
            }
            return targets
        }
        return Resolved(targets: targets, links: hints.map(\.links))
    }

    private struct TargetSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<[LinkTarget]> }
}
