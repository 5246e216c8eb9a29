import FacetsCore

/// One visible row of the facet tree.
public struct TreeRow: Sendable, Hashable {
    public var id: String
    public var title: String
    public var count: Int
    public var depth: Int
    public var hasChildren: Bool
    public var isExpanded: Bool
}

extension BrowseNode {
    /// Rows a tree shows with the given nodes expanded (the root itself is not shown).
    func visibleRows(expanded: Set<String>) -> [TreeRow] {
        var rows: [TreeRow] = []
        func visit(_ node: BrowseNode, depth: Int) {
            let open = expanded.contains(node.id)
            rows.append(
                TreeRow(
                    id: node.id, title: node.title, count: node.entries.count, depth: depth,
                    hasChildren: !node.children.isEmpty, isExpanded: open))
            if open { for child in node.children { visit(child, depth: depth + 1) } }
        }
        for child in children { visit(child, depth: 0) }
        return rows
    }

    /// The path of node ids from this node down to the one with `id`.
    func path(to id: String) -> [String]? {
        if self.id == id { return [id] }
        for child in children {
            if let rest = child.path(to: id) { return [self.id] + rest }
        }
        return nil
    }
}
