/// The browse tree as a pure function of the vault, by the first grouping that applies: by front-matter
/// `kind`/`group`/`order` when notes carry them (the bundled content does), else by folder when the vault
/// has folders, else by talk (named from the channel index), then by title.
public enum BrowseTree {
    /// Every grouping, in order of preference: the first that applies is the tree shown at start.
    public static let groupings: [TreeGrouping] = [
        FacetGrouping.grouping, FolderGrouping.grouping, TalkGrouping.grouping, TagTree.grouping,
    ]

    /// The groupings that apply to these notes, with their trees (the first is the default).
    public static func applicable(_ input: BrowseInput, groupings: [TreeGrouping] = groupings) -> [(TreeGrouping, BrowseNode)] {
        groupings.compactMap { grouping in grouping.build(input).map { (grouping, $0) } }
    }

    /// The tree shown at start: the first grouping that applies, with its id.
    public static func initial(_ input: BrowseInput) -> (grouping: String, tree: BrowseNode) {
        for grouping in groupings { if let tree = grouping.build(input) { return (grouping.id, tree) } }
        return (TalkGrouping.grouping.id, TalkGrouping.tree(input))
    }

    public static func build(_ input: BrowseInput) -> BrowseNode { initial(input).tree }

    public static func build(notes: [Note], talks: [Talk]) -> BrowseNode {
        build(BrowseInput(notes: notes, talks: talks))
    }

    /// Every note once, in the order the tree shows them.
    static func order(_ tree: BrowseNode, noteCount: Int) -> [Int] {
        var seen = [Bool](repeating: false, count: noteCount)
        var order: [Int] = []
        order.reserveCapacity(noteCount)
        tree.visit { node, _ in
            guard node.id != "all" else { return }
            for index in node.entries where !seen[index] {
                seen[index] = true
                order.append(index)
            }
        }
        for index in 0..<noteCount where !seen[index] { order.append(index) }
        return order
    }
}
