import FacetsCore

/// One visible row of the browse tree.
public struct TreeRow: Sendable, Hashable {
    public var id: String
    public var title: String
    public var count: Int
    public var depth: Int
    public var hasChildren: Bool
    public var isExpanded: Bool
    public var kind: BrowseNode.Kind = .section
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
                    hasChildren: !node.children.isEmpty, isExpanded: open, kind: node.kind))
            if open { for child in node.children { visit(child, depth: depth + 1) } }
        }
        for child in children { visit(child, depth: 0) }
        return rows
    }
}

/// Where each node of a tree is, found once per tree: a tree of 24,000 notes is searched by id on every
/// move, and a walk of it per key press would not fit in a frame.
struct TreeIndex: Sendable {
    /// Per node id: the child positions leading to it from the root.
    private var places: [String: [Int]] = [:]
    /// Per note: the id of its leaf, where the tree has leaves.
    private(set) var leafOfNote: [Int: String] = [:]
    /// Per note: the first section (depth first, not "All notes") whose entries hold it.
    private(set) var sectionOfNote: [Int: String] = [:]

    init(_ tree: BrowseNode) {
        var places: [String: [Int]] = [:], leafOfNote: [Int: String] = [:], sectionOfNote: [Int: String] = [:]
        func visit(_ node: BrowseNode, place: [Int]) {
            places[node.id] = place
            if case .note(let index) = node.kind { leafOfNote[index] = node.id }
            if !place.isEmpty, node.id != "all", !node.isLeaf {
                for index in node.entries where sectionOfNote[index] == nil { sectionOfNote[index] = node.id }
            }
            for (position, child) in node.children.enumerated() { visit(child, place: place + [position]) }
        }
        visit(tree, place: [])
        self.places = places
        self.leafOfNote = leafOfNote
        self.sectionOfNote = sectionOfNote
    }

    func node(_ id: String, in tree: BrowseNode) -> BrowseNode? {
        guard let place = places[id] else { return nil }
        var node = tree
        for position in place {
            guard position < node.children.count else { return nil }
            node = node.children[position]
        }
        return node
    }

    /// The ids of the nodes above `id`, from the root's first child down (the root and `id` left out).
    func ancestors(of id: String, in tree: BrowseNode) -> [String] {
        guard let place = places[id] else { return [] }
        var ids: [String] = []
        var node = tree
        for position in place.dropLast() {
            guard position < node.children.count else { break }
            node = node.children[position]
            ids.append(node.id)
        }
        return ids
    }
}
