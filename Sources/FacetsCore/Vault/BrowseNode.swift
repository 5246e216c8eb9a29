/// A node of the browsing tree: a section, folder or talk with its entries (note indexes, in reading
/// order) and children, or a leaf standing for one note or one attachment.
public struct BrowseNode: Sendable, Hashable {
    /// What a node stands for: how the tree draws it, whether it starts open, what Enter does on it.
    public enum Kind: Sendable, Hashable {
        /// A grouping of the vault's own (a kind, a group, a talk of the flat tree, "All notes").
        case section
        /// A folder of the vault.
        case folder
        /// A talk inside a folder: the notes of one video.
        case talk
        /// One note (its index in `Vault.notes`).
        case note(Int)
        /// One file that is not a note (its index in `Vault.attachments`).
        case attachment(Int)
    }

    /// Stable across loads, for restoring selections: `kind:practice`, `group:challenge/Skills and knowledge`,
    /// `folder:channel/sub`, `note:channel/talk.md`.
    public var id: String
    public var title: String
    public var entries: [Int]
    public var children: [BrowseNode]
    public var kind: Kind

    public init(id: String, title: String, entries: [Int], children: [BrowseNode] = [], kind: Kind = .section) {
        self.id = id
        self.title = title
        self.entries = entries
        self.children = children
        self.kind = kind
    }

    /// A leaf: one note or one attachment.
    public var isLeaf: Bool {
        switch kind {
        case .note, .attachment: return true
        case .section, .folder, .talk: return false
        }
    }

    /// Every node below and including this one, depth first, with its depth.
    public func flattened(depth: Int = 0) -> [(node: BrowseNode, depth: Int)] {
        var nodes: [(node: BrowseNode, depth: Int)] = []
        visit(depth: depth) { node, depth in nodes.append((node, depth)) }
        return nodes
    }

    /// Calls `body` on every node below and including this one, depth first, without building a list.
    public func visit(depth: Int = 0, _ body: (BrowseNode, Int) -> Void) {
        body(self, depth)
        for child in children { child.visit(depth: depth + 1, body) }
    }

    public func find(id: String) -> BrowseNode? {
        if self.id == id { return self }
        for child in children { if let found = child.find(id: id) { return found } }
        return nil
    }
}
