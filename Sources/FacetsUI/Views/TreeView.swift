import FacetsCore

/// The facet tree: sections and groups with their entry counts, expandable.
public struct TreeView: ExplorerView {
    public var id: ViewID { .tree }
    public var keyContext: KeyContext { .tree }
    public private(set) var rows: [TreeRow] = []
    public private(set) var cursor = 0
    public private(set) var scroll = 0
    /// Tree nodes shown open.
    public private(set) var expanded: Set<String>
    private var tree: BrowseNode

    public init(tree: BrowseNode) {
        self.tree = tree
        expanded = Set(tree.flattened().filter { !$0.node.children.isEmpty }.map(\.node.id))
        rows = tree.visibleRows(expanded: expanded)
    }

    public var selectedNode: BrowseNode? { rows[safe: cursor].flatMap { tree.find(id: $0.id) } }
    public var selectedNodeID: String { rows[safe: cursor]?.id ?? "" }

    public func title(in context: ViewContext) -> String { "Facets" }

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        switch action {
        case .moveDown: return select(cursor + 1)
        case .moveUp: return select(cursor - 1)
        case .pageDown: return select(cursor + max(1, context.pageSize - 1))
        case .pageUp: return select(cursor - max(1, context.pageSize - 1))
        case .top: return select(0)
        case .bottom: return select(rows.count - 1)
        case .toggleExpand:
            if let row = rows[safe: cursor], row.hasChildren { setExpanded(row.id, !row.isExpanded) }
            return []
        case .paneRight:
            guard let row = rows[safe: cursor], row.hasChildren, !row.isExpanded else { return nil }
            setExpanded(row.id, true)
            return []
        case .open:
            if let row = rows[safe: cursor], row.hasChildren, !row.isExpanded { setExpanded(row.id, true) }
            return [.focusNeighbour(1)]
        default: return nil
        }
    }

    public mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        var requests = select(scroll + row)
        if double {
            if let row = rows[safe: cursor], row.hasChildren { setExpanded(row.id, !row.isExpanded) }
            requests += handle(.open, in: context) ?? []
        }
        return requests
    }

    /// Selects a row: the list then shows its entries.
    mutating func select(_ row: Int) -> [ViewRequest] {
        cursor = max(0, min(row, rows.count - 1))
        return [.selectNode(selectedNodeID)]
    }

    mutating func setExpanded(_ id: String, _ open: Bool) {
        let current = rows[safe: cursor]?.id
        if open { expanded.insert(id) } else { expanded.remove(id) }
        rows = tree.visibleRows(expanded: expanded)
        if let current, let row = rows.firstIndex(where: { $0.id == current }) { cursor = row }
    }

    /// Shows the node with `id` (opening its ancestors) and selects it; false when there is none.
    @discardableResult
    mutating func reveal(_ id: String) -> Bool {
        for ancestor in tree.path(to: id)?.dropLast() ?? [] where ancestor != tree.id {
            expanded.insert(ancestor)
        }
        rows = tree.visibleRows(expanded: expanded)
        guard let row = rows.firstIndex(where: { $0.id == id }) else { return false }
        cursor = row
        return true
    }

    /// Scrolls no further than the cursor needs (after a resize, so the result depends only on the size).
    mutating func resetScroll(in context: ViewContext) {
        scroll = ScrollPosition.keeping(0, cursor: cursor, visible: context.frame.content.height, count: rows.count)
    }

    public mutating func reconcile(in context: ViewContext) {
        (cursor, scroll) = ScrollPosition.clamped(cursor: cursor, scroll: scroll, visible: context.frame.content.height, count: rows.count)
    }

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let area = context.frame.content
        guard area.width > 0, area.height > 0 else { return }
        var hyperlinks: [String: Int] = [:]
        for offset in 0..<area.height {
            let index = scroll + offset
            guard index < rows.count else { break }
            let row = rows[index]
            let marker = row.hasChildren ? (row.isExpanded ? context.glyphs.expanded : context.glyphs.collapsed) : context.glyphs.leaf
            let indent = String(repeating: "  ", count: row.depth)
            let count = " \(row.count)"
            let titleWidth = max(1, area.width - DisplayWidth.of(indent + marker + " ") - DisplayWidth.of(count))
            let title = TextWrapper.truncate(TerminalSafeText.sanitize(row.title), width: titleWidth)
            let padding = String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
            let spans = [Span(indent + marker + " ", .dim), Span(title + padding), Span(count, .treeCount)]
            Renderer.drawRow(
                spans, row: area.y + offset, in: area, cursor: index == cursor, focused: context.focused,
                into: &screen, hyperlinks: &hyperlinks)
        }
    }

    /// The vault's new tree: the same node selected (else the same row), the same nodes open, and
    /// nodes that are new open as every node is at start.
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        let selected = rows[safe: cursor]?.id
        let known = Set(tree.flattened().map(\.node.id))
        tree = change.new.tree
        for (node, _) in tree.flattened() where !node.children.isEmpty && !known.contains(node.id) { expanded.insert(node.id) }
        rows = tree.visibleRows(expanded: expanded)
        cursor = selected.flatMap { id in rows.firstIndex { $0.id == id } } ?? max(0, min(cursor, rows.count - 1))
    }

    public func hints(in context: ViewContext) -> [Hint] {
        [
            context.moveHint, context.hint(.open, "entries"), context.hint(.nextPane, "pane"), context.hint(.help, "help"),
            context.hint(.quit, "quit"),
        ].compactMap { $0 }
    }
}
