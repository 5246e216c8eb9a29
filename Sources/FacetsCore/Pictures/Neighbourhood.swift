import Foundation

/// A note's neighbourhood in the link graph: the notes it links to and the notes that link to it (and,
/// at depth 2, theirs), grouped by kind, each edge with its direction. Built from the vault's resolved
/// links and backlinks, so it follows the one link rule (`LinkResolver`) and nothing else.
public struct Neighbourhood: Sendable, Equatable {
    /// Which way the links between two notes go, read from `Edge.from`.
    public enum Direction: String, Sendable, Codable {
        case linksTo = "links to"
        case linkedFrom = "linked from"
        case both
    }

    /// A note of the neighbourhood, with how many links away from the centre it is (0 for the centre).
    public struct Node: Sendable, Equatable {
        public let note: Int
        public let distance: Int
        /// The nearer note it was reached through (nil for the centre).
        public let via: Int?
    }

    public struct Edge: Sendable, Equatable {
        public let from: Int
        public let to: Int
        public let direction: Direction
    }

    /// The notes one link from the centre that share a kind, with the notes they lead on to at depth 2.
    public struct Group: Sendable, Equatable {
        /// The front matter's `kind`, or nil for notes without one.
        public let kind: String?
        /// Distance-1 notes, by title.
        public let members: [Int]
        /// Per member (same order): the distance-2 notes first reached through it, by title.
        public let onward: [[Int]]

        /// "challenge", or "notes" for notes without a kind.
        public var name: String { kind ?? Neighbourhood.noKind }
    }

    /// What a group of notes without a kind is called.
    public static let noKind = "notes"

    public let centre: Int
    public let depth: Int
    /// The centre first, then each group's members and their onward notes.
    public let nodes: [Node]
    /// Centre to each neighbour, then (depth 2) each neighbour to the notes reached through it.
    public let edges: [Edge]
    /// By kind name, notes without a kind last.
    public let groups: [Group]
    /// Per note other than the centre: the direction of the edge that reaches it.
    let arrivals: [Int: Direction]

    /// The neighbourhood of `centre` at `depth` 1 or 2 (clamped).
    public init(centre: Int, depth: Int, in vault: Vault) {
        self.centre = centre
        self.depth = min(2, max(1, depth))
        let notes = vault.notes
        let first = Self.neighbours(of: centre, in: vault)
        var distance: [Int: Int] = [centre: 0]
        for (note, _) in first { distance[note] = 1 }

        // Depth 2: every note next to a neighbour that is not nearer, reached through the first neighbour (by title) met.
        let byTitle: (Int, Int) -> Bool = { a, b in
            let order = notes[a].title.localizedStandardCompare(notes[b].title)
            return order == .orderedSame ? a < b : order == .orderedAscending
        }
        let firstSorted = first.map(\.note).sorted(by: byTitle)
        var onward: [Int: [Int]] = [:]
        var onwardEdges: [Int: [Edge]] = [:]
        if self.depth == 2 {
            for neighbour in firstSorted {
                for (note, direction) in Self.neighbours(of: neighbour, in: vault) where distance[note] == nil {
                    distance[note] = 2
                    onward[neighbour, default: []].append(note)
                    onwardEdges[neighbour, default: []].append(Edge(from: neighbour, to: note, direction: direction))
                }
            }
        }

        let directions = Dictionary(uniqueKeysWithValues: first.map { ($0.note, $0.direction) })
        let byKind = Dictionary(grouping: firstSorted) { notes[$0].kind }
        let kinds = byKind.keys.sorted { a, b in
            switch (a, b) {
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?): return a < b
            }
        }
        var groups: [Group] = []
        var nodes = [Node(note: centre, distance: 0, via: nil)]
        var edges: [Edge] = []
        for kind in kinds {
            let members = byKind[kind] ?? []
            let further = members.map { (onward[$0] ?? []).sorted(by: byTitle) }
            groups.append(Group(kind: kind, members: members, onward: further))
            for (member, reached) in zip(members, further) {
                nodes.append(Node(note: member, distance: 1, via: centre))
                edges.append(Edge(from: centre, to: member, direction: directions[member] ?? .linksTo))
                for note in reached { nodes.append(Node(note: note, distance: 2, via: member)) }
                let byTarget = Dictionary(uniqueKeysWithValues: (onwardEdges[member] ?? []).map { ($0.to, $0) })
                edges += reached.compactMap { byTarget[$0] }
            }
        }
        self.groups = groups
        self.nodes = nodes
        self.edges = edges
        self.arrivals = Dictionary(edges.map { ($0.to, $0.direction) }) { first, _ in first }
    }

    /// The notes one link away from `note`, each once, in the order first met (its links, then its
    /// backlinks), with the direction of the links between them. Links to itself do not count.
    public static func neighbours(of note: Int, in vault: Vault) -> [(note: Int, direction: Direction)] {
        var found: [(note: Int, direction: Direction)] = []
        var place: [Int: Int] = [:]
        let targets = vault.linkTargets
        for position in targets.starts[note]..<targets.starts[note + 1] {
            let code = targets.codes[position]
            guard code >= 0, Int(code) != note, place[Int(code)] == nil else { continue }
            place[Int(code)] = found.count
            found.append((Int(code), .linksTo))
        }
        for backlink in vault.backlinks[note] where backlink.source != note {
            if let at = place[backlink.source] {
                if found[at].direction == .linksTo { found[at].direction = .both }
                continue
            }
            place[backlink.source] = found.count
            found.append((backlink.source, .linkedFrom))
        }
        return found
    }

    /// The direction of the edge that leads to `note`, if it is in the neighbourhood.
    public func direction(to note: Int) -> Direction? {
        arrivals[note]
    }
}
