/// The tags as a browse tree, as Obsidian's tag pane shows them: a node per tag, nested tags
/// (`#parent/child`) below their parent, each node's entries the notes tagged with it or below it.
/// The same `BrowseNode` the tree view shows, so it can be one of the tree's groupings.
public enum TagTree {
    /// The root's id; a tag's node is `tag:` and its key (`tag:parent/child`).
    public static let rootID = "tags"

    /// The tree of `index`'s tags over `notes` (the vault's, which the index was built from). A parent
    /// that is never a tag itself (`#a/b` alone) still has its node; entries sort by title.
    public static func build(_ index: TagIndex, notes: [Note]) -> BrowseNode {
        final class Builder {
            var title: String
            var notes = Set<Int>()
            var children: [String: Builder] = [:]
            init(title: String) { self.title = title }
        }
        let root = Builder(title: "Tags")
        for tag in index.tags {
            let parts = tag.name.split(separator: "/").map(String.init)
            var node = root
            for part in parts {
                let key = TagSyntax.key(part)
                let child = node.children[key] ?? Builder(title: part)
                node.children[key] = child
                child.notes.formUnion(tag.notes)
                node = child
            }
        }
        func sortedEntries(_ entries: Set<Int>) -> [Int] {
            entries.sorted { a, b in
                let ta = notes[a].title.lowercased(), tb = notes[b].title.lowercased()
                return ta != tb ? ta < tb : notes[a].path < notes[b].path
            }
        }
        func make(_ builder: Builder, path: String) -> BrowseNode {
            let children = builder.children.sorted { $0.key < $1.key }.map { key, child in
                make(child, path: path.isEmpty ? key : path + "/" + key)
            }
            let id = path.isEmpty ? rootID : "tag:" + path
            let title = path.isEmpty ? builder.title : "#" + builder.title
            return BrowseNode(id: id, title: title, entries: sortedEntries(builder.notes), children: children)
        }
        let tree = make(root, path: "")
        var all = Set<Int>()
        for tag in index.tags { all.formUnion(tag.notes) }
        return BrowseNode(id: tree.id, title: tree.title, entries: sortedEntries(all), children: tree.children)
    }
}

extension Vault {
    /// The tag tree of this vault (reads every note: see `TagIndex`).
    public func tagTree() -> BrowseNode { TagTree.build(tagIndex(), notes: notes) }
}

extension TagTree {
    /// The tags as one of the tree's groupings (`tree_grouping`), offered when any note has a tag. Last in
    /// the list, so its index (every note read) is needed only when someone asks for it.
    public static let grouping = TreeGrouping(id: "tags", title: "By tag", paneTitle: "Tags") { input in
        let index = input.tagIndex()
        return index.tags.isEmpty ? nil : build(index, notes: input.notes)
    }
}
