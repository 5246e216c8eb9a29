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
    let backlinks: [[Backlink]]
    /// Per missing target name (as first written): the links that name it.
    let missing: [String: [Backlink]]
    /// Links that lead nowhere or out of the vault, and names shared by several notes.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    /// `hints`, when the loader worked them out (one per note, in order, with the path table they used),
    /// leave only the links that path and stem did not resolve to do here.
    init(notes: [Note], hints: LoadHints? = nil) {
        var timer = PhaseTimer()
        let resolver = LinkResolver(notes: notes, pathNames: hints?.pathNames, names: hints?.notes.map(\.names))
        self.resolver = resolver
        timer.lap("name index")

        let targets = hints.map { Self.resolveRest(of: $0.notes, resolver: resolver) }
            ?? Self.resolveAll(notes: notes, resolver: resolver)
        self.targets = targets
        timer.lap("resolve")

        // Each note's backlinks in an array of the right size from the start: appending to 25,000
        // growing arrays reallocated most of them several times.
        var incoming = [Int](repeating: 0, count: notes.count)
        for source in targets.indices {
            for case .note(let index) in targets[source] { incoming[index] += 1 }
        }
        var backlinks = incoming.map { count -> [Backlink] in
            var links: [Backlink] = []
            links.reserveCapacity(count)
            return links
        }
        var missing: [String: [Backlink]] = [:]
        var missingSpelling: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for source in notes.indices {
            let links = notes[source].links
            for (linkIndex, target) in targets[source].enumerated() {
                let link = links[linkIndex]
                let backlink = Backlink(source: source, linkIndex: linkIndex, line: link.line)
                switch target {
                case .note(let index):
                    if index != source || !link.target.isEmpty { backlinks[index].append(backlink) }
                case .missing(let name):
                    let key = NameKeys.loose(name)
                    let spelling = missingSpelling[key] ?? name
                    missingSpelling[key] = spelling
                    missing[spelling, default: []].append(backlink)
                    let why = NameKeys.leavesVault(name) ? "link leaves the vault; not followed" : "no note for"
                    diagnostics.append(Diagnostic(.warning, path: notes[source].path, line: link.line, "\(why) [[\(name)]]"))
                }
            }
        }
        self.backlinks = backlinks
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
    static func resolveAll(notes: [Note], resolver: LinkResolver) -> [[LinkTarget]] {
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
        return targets
    }

    /// The hints' targets, with the links path and stem left `.missing` resolved the whole way.
    static func resolveRest(of hints: [LinkHints], resolver: LinkResolver) -> [[LinkTarget]] {
        var known: [String: LinkTarget] = [:]
        return hints.indices.map { index in
            var targets = hints[index].targets
            for k in targets.indices {
                guard case .missing(let name) = targets[k] else { continue }
                if let target = known[name] { targets[k] = target; continue }
                let target = resolver.resolve(target: name, from: index)
                known[name] = target
                targets[k] = target
            }
            return targets
        }
    }

    private struct TargetSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<[LinkTarget]> }
}
