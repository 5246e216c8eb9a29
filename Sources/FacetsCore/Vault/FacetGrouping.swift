/// The facet tree: sections by front-matter `kind` in teaching order, groups by `group`, notes by `order`
/// then title. Applies when any note declares a kind (the bundled content does).
public enum FacetGrouping {
    public static let grouping = TreeGrouping(id: "facets", title: "By facet") { input in
        input.notes.contains { $0.kind != nil } ? tree(input) : nil
    }

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

    static func tree(_ input: BrowseInput) -> BrowseNode {
        let notes = input.notes
        let rank = input.titleRanks()
        let byTitle: (Int, Int) -> Bool = { a, b in rank[a] < rank[b] }
        var sections: [BrowseNode] = []
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
        return BrowseNode(id: "root", title: "Vault", entries: [], children: sections + [input.allNotes(ranks: rank)])
    }
}
