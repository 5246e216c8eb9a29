/// What a grouping of the browse tree is built from: the vault's notes, talks and other files.
public struct BrowseInput: Sendable {
    public let notes: [Note]
    public let talks: [Talk]
    public let attachments: [Attachment]
    /// The notes' tags: read from every note when asked, unless the caller has them already (built
    /// in the background).
    public let tagIndex: @Sendable () -> TagIndex

    public init(notes: [Note], talks: [Talk], attachments: [Attachment] = [], tagIndex: (@Sendable () -> TagIndex)? = nil) {
        self.notes = notes
        self.talks = talks
        self.attachments = attachments
        self.tagIndex = tagIndex ?? { TagIndex(notes: notes) }
    }

    /// Notes ranked by title (case ignored; ties by path), worked out once: every grouping sorts by it.
    public func titleRanks() -> [Int] {
        let alphabetical = TextOrder.sortedIndices(notes.map { $0.title.lowercased() }) { a, b in
            notes[a].path < notes[b].path
        }
        var rank = [Int](repeating: 0, count: notes.count)
        for (place, index) in alphabetical.enumerated() { rank[index] = place }
        return rank
    }

    /// The "All notes" section every grouping ends with.
    func allNotes(ranks: [Int]) -> BrowseNode {
        BrowseNode(id: "all", title: "All notes", entries: notes.indices.sorted { ranks[$0] < ranks[$1] })
    }
}

/// One way of grouping the browse tree (by kind, by folder, by talk...): a function from the vault's
/// notes to a tree, nil where it does not apply. `BrowseTree.groupings` lists them; `tree_grouping`
/// switches between those that apply. A new grouping is one more entry there.
public struct TreeGrouping: Sendable {
    /// Stable name ("facets", "folders", "talks"), for messages and settings.
    public let id: String
    /// What the status line says when it is chosen ("By folder").
    public let title: String
    /// The tree pane's title while it is shown.
    public let paneTitle: String
    /// The tree, or nil when the vault has nothing to group this way.
    public let build: @Sendable (BrowseInput) -> BrowseNode?

    public init(id: String, title: String, paneTitle: String = "Facets", build: @escaping @Sendable (BrowseInput) -> BrowseNode?) {
        self.id = id
        self.title = title
        self.paneTitle = paneTitle
        self.build = build
    }
}
