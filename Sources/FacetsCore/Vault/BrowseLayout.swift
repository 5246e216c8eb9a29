/// The browse tree a vault opens on, by the first grouping that applies (`BrowseTree.initial`), and
/// every note once in the order it shows them: how lists and search break ties.
public struct BrowseLayout: Sendable {
    public let tree: BrowseNode
    /// The id of the grouping `tree` was built by ("facets", "folders", "talks").
    public let grouping: String
    public let order: [Int]

    init(_ input: BrowseInput) {
        let (grouping, tree) = BrowseTree.initial(input)
        self.tree = tree
        self.grouping = grouping
        self.order = BrowseTree.order(tree, noteCount: input.notes.count)
    }
}

/// When a load builds the browse tree: with the rest of the vault (beside the link graph, on the other
/// core), or the first time it is asked for, by a command that may never ask (`facets check`: on a
/// 25,000-note vault the tree is a fifth of the load's work).
public enum TreeTiming: Sendable {
    case withLoad
    case whenAsked
}
