/// A node of the browsing tree: a section, its entries (note indexes, in reading order) and sub-sections.
public struct BrowseNode: Sendable, Hashable {
    /// Stable across loads, for restoring selections: `kind:practice`, `group:challenge/Skills and knowledge`.
    public var id: String
    public var title: String
    public var entries: [Int]
    public var children: [BrowseNode]

    public init(id: String, title: String, entries: [Int], children: [BrowseNode] = []) {
        self.id = id
        self.title = title
        self.entries = entries
        self.children = children
    }

    /// Every node below and including this one, depth first, with its depth.
    public func flattened(depth: Int = 0) -> [(node: BrowseNode, depth: Int)] {
        [(self, depth)] + children.flatMap { $0.flattened(depth: depth + 1) }
    }

    public func find(id: String) -> BrowseNode? {
        if self.id == id { return self }
        for child in children { if let found = child.find(id: id) { return found } }
        return nil
    }
}

/// The browse tree as a pure function of the vault: by front-matter `kind`/`group`/`order` when notes carry
/// them (the bundled content does), else by talk (named from the channel index), then by title.
public enum BrowseTree {
    /// Sections in teaching order; kinds not listed follow alphabetically.
    public static let kindOrder = [
        "start", "concept", "motivation", "facet", "principle", "practice", "challenge",
        "trend", "example", "resource", "talk", "tour",
    ]
    public static let kindTitles = [
        "start": "Start here", "concept": "Concept", "motivation": "Motivations", "facet": "Facets",
        "principle": "Principles", "practice": "Practices", "challenge": "Challenges", "trend": "Trends",
        "example": "Examples", "resource": "Resources", "talk": "The talk", "tour": "Tours",
    ]

    /// Every note once, in the order the tree shows them.
    static func order(_ tree: BrowseNode, noteCount: Int) -> [Int] {
        var seen = [Bool](repeating: false, count: noteCount)
        var order: [Int] = []
        for (node, _) in tree.flattened() where node.id != "all" {
            for index in node.entries where !seen[index] {
                seen[index] = true
                order.append(index)
            }
        }
        for index in 0..<noteCount where !seen[index] { order.append(index) }
        return order
    }

    public static func build(notes: [Note], talks: [Talk]) -> BrowseNode {
        // Titles compared once, in the sort of all notes; every other list sorts by place in that one.
        let alphabetical = TextOrder.sortedIndices(notes.map { $0.title.lowercased() }) { a, b in
            notes[a].path < notes[b].path
        }
        var rank = [Int](repeating: 0, count: notes.count)
        for (place, index) in alphabetical.enumerated() { rank[index] = place }
        let byTitle: (Int, Int) -> Bool = { a, b in rank[a] < rank[b] }
        let all = BrowseNode(id: "all", title: "All notes", entries: alphabetical)
        let hasKinds = notes.contains { $0.kind != nil }
        var sections: [BrowseNode] = []
        if hasKinds {
            var byKind: [String: [Int]] = [:]
            var unkinded: [Int] = []
            for index in notes.indices {
                if let kind = notes[index].kind { byKind[kind, default: []].append(index) } else { unkinded.append(index) }
            }
            // Orders and groups read once: front-matter lookups inside a sort, and a group list searched per
            // note, made a vault of many notes or many groups slow to open.
            let orders = notes.map { $0.order ?? Int.max }
            let readingOrder: (Int, Int) -> Bool = { a, b in
                orders[a] != orders[b] ? orders[a] < orders[b] : byTitle(a, b)
            }
            let kinds = kindOrder.filter { byKind[$0] != nil } + byKind.keys.filter { !kindOrder.contains($0) }.sorted()
            for kind in kinds {
                let members = (byKind[kind] ?? []).sorted(by: readingOrder)
                var groups: [String] = []
                var byGroup: [String: [Int]] = [:]
                var ungrouped: [Int] = []
                for index in members {
                    guard let group = notes[index].group else {
                        ungrouped.append(index)
                        continue
                    }
                    if byGroup[group] == nil { groups.append(group) }
                    byGroup[group, default: []].append(index)
                }
                var children: [BrowseNode] = []
                var entries = members
                if !groups.isEmpty {
                    entries = []
                    for group in groups {
                        let inGroup = byGroup[group] ?? []
                        entries += inGroup
                        children.append(BrowseNode(id: "group:\(kind)/\(group)", title: group, entries: inGroup))
                    }
                    entries += ungrouped
                }
                sections.append(
                    BrowseNode(
                        id: "kind:\(kind)", title: kindTitles[kind] ?? kind.capitalized,
                        entries: entries, children: children))
            }
            if !unkinded.isEmpty {
                sections.append(BrowseNode(id: "kind:", title: "Other notes", entries: unkinded.sorted(by: byTitle)))
            }
        } else {
            var byVideo: [String: [Int]] = [:]
            var other: [Int] = []
            for index in notes.indices {
                if let video = notes[index].videoId { byVideo[video, default: []].append(index) } else { other.append(index) }
            }
            var order = talks.map(\.videoId).filter { byVideo[$0] != nil }
            let named = Set(order)
            order += byVideo.keys.filter { !named.contains($0) }.sorted()
            // The first talk named for each video, found once: searched per section, thousands of talks
            // made the tree quadratic.
            var titles: [String: String] = [:]
            for talk in talks where titles[talk.videoId] == nil { titles[talk.videoId] = talk.title }
            for video in order {
                let title = titles[video] ?? "Talk \(video)"
                sections.append(BrowseNode(id: "talk:\(video)", title: title, entries: (byVideo[video] ?? []).sorted(by: byTitle)))
            }
            if !other.isEmpty {
                sections.append(BrowseNode(id: "talk:", title: "Other notes", entries: other.sorted(by: byTitle)))
            }
        }
        return BrowseNode(id: "root", title: "Vault", entries: [], children: sections + [all])
    }
}
