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
    let targets: PerNote<LinkTarget>
    let backlinks: PerNote<Backlink>
    /// Per missing target name (as first written): the links that name it.
    let missing: [String: [Backlink]]
    /// Links that lead nowhere or out of the vault, and names shared by several notes.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    /// Every link of the vault in note order, as the backlinks are built from it.
    struct Resolved {
        var targets: [LinkTarget] = []
        var lines: [Int32] = []
        /// False for `[[#heading]]` links: they lead to their own note without linking to it.
        var isBacklink: [Bool] = []
        /// Per note, where its links start; one more at the end.
        var starts: [Int] = [0]

        init(capacity: Int, notes: Int) {
            targets.reserveCapacity(capacity)
            lines.reserveCapacity(capacity)
            isBacklink.reserveCapacity(capacity)
            starts.reserveCapacity(notes + 1)
        }

        mutating func append(_ target: LinkTarget, line: Int32, isBacklink: Bool) {
            targets.append(target)
            lines.append(line)
            self.isBacklink.append(isBacklink)
        }

        mutating func endNote() { starts.append(targets.count) }
    }

    /// `hints`, when the loader worked them out (one per note, in order, with the path table they used),
    /// leave only the links that path and stem did not resolve to do here.
    init(notes: [Note], hints: LoadHints? = nil) {
        var timer = PhaseTimer()
        let resolver = LinkResolver(notes: notes, pathNames: hints?.pathNames, names: hints?.notes.map(\.names))
        self.resolver = resolver
        timer.lap("name index")

        let resolved = hints.map { Self.resolveRest(of: $0.notes, notes: notes, resolver: resolver) }
            ?? Self.resolveAll(notes: notes, resolver: resolver)
        targets = PerNote(elements: resolved.targets, starts: resolved.starts)
        timer.lap("resolve")

        // Counted first, then placed: every note's backlinks land in one array, in vault order.
        var backlinkStarts = [Int](repeating: 0, count: notes.count + 1)
        for k in resolved.targets.indices where resolved.isBacklink[k] {
            if case .note(let index) = resolved.targets[k] { backlinkStarts[index + 1] += 1 }
        }
        for index in notes.indices { backlinkStarts[index + 1] += backlinkStarts[index] }
        var next = backlinkStarts
        var missing: [String: [Backlink]] = [:]
        var missingSpelling: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let backlinkCount = backlinkStarts[notes.count]
        let placed = [Backlink](unsafeUninitializedCapacity: backlinkCount) { buffer, initialized in
            for source in notes.indices {
                let first = resolved.starts[source]
                for k in first..<resolved.starts[source + 1] {
                    let backlink = Backlink(source: source, linkIndex: k - first, line: Int(resolved.lines[k]))
                    switch resolved.targets[k] {
                    case .note(let index):
                        guard resolved.isBacklink[k] else { continue }
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
        var resolved = Resolved(capacity: targets.reduce(0) { $0 + $1.count }, notes: notes.count)
        for index in notes.indices {
            let links = notes[index].links
            for (k, target) in targets[index].enumerated() {
                resolved.append(target, line: Int32(clamping: links[k].line), isBacklink: !links[k].target.isEmpty)
            }
            resolved.endNote()
        }
        return resolved
    }

    /// The hints' targets, with the links that path, stem and cleaned stem left unresolved resolved the
    /// rest of the way: by their loose keys, worked out on the loader's threads; the few that name a
    /// folder, leave the vault or name no file by the resolver's every step.
    static func resolveRest(of hints: [LinkHints], notes: [Note], resolver: LinkResolver) -> Resolved {
        var resolved = Resolved(capacity: hints.reduce(0) { $0 + $1.links.count }, notes: hints.count)
        for index in hints.indices {
            var looseKeys = hints[index].looseKeys.makeIterator()
            for (k, link) in hints[index].links.enumerated() {
                switch link.target {
                case 0...:
                    resolved.append(.note(Int(link.target)), line: link.line, isBacklink: true)
                case LinkHints.sameNote:
                    resolved.append(.note(index), line: link.line, isBacklink: false)
                case LinkHints.unresolved:
                    let name = notes[index].links[k].target
                    if let key = looseKeys.next(), let found = resolver.note(looseKey: key) {
                        resolved.append(.note(found), line: link.line, isBacklink: true)
                    } else if name.utf8.contains(Byte.slash) {
                        resolved.append(resolver.resolve(target: name, from: index), line: link.line, isBacklink: true)
                    } else {
                        resolved.append(.missing(name), line: link.line, isBacklink: true)
                    }
                default:
                    let name = notes[index].links[k].target
                    resolved.append(resolver.resolve(target: name, from: index), line: link.line, isBacklink: true)
                }
            }
            resolved.endNote()
        }
        return resolved
    }

    private struct TargetSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<[LinkTarget]> }
}
