import FacetsCore

/// The browse tree: sections, folders and talks with their entry counts, expandable, and (in the folder
/// grouping) the notes and other files as leaves. Folders opened stay open while the program runs,
/// across groupings.
public struct TreeView: ExplorerView {
    public var id: ViewID { .tree }
    public var keyContext: KeyContext { .tree }
    public private(set) var rows: [TreeRow] = []
    public private(set) var cursor = 0
    public private(set) var scroll = 0
    /// Tree nodes shown open.
    public private(set) var expanded: Set<String>
    /// The grouping shown (`BrowseTree.groupings`' ids).
    public private(set) var grouping: String
    private var tree: BrowseNode
    private var index: TreeIndex
    /// Groupings built so far, kept so switching back is immediate.
    private var built: [String: (tree: BrowseNode, index: TreeIndex)] = [:]
    /// Groupings found not to apply (no tags in the vault, say): not built again on every `=`, since
    /// finding that out reads every note.
    private var inapplicable: Set<String> = []

    public init(tree: BrowseNode, grouping: String = "") {
        self.tree = tree
        self.grouping = grouping
        index = TreeIndex(tree)
        expanded = Self.openAtStart(tree)
        rows = tree.visibleRows(expanded: expanded)
    }

    /// Sections with children start open (the facet tree shows its groups); folders and talks start
    /// closed, as in a file explorer.
    static func openAtStart(_ tree: BrowseNode) -> Set<String> {
        var open: Set<String> = []
        tree.visit { node, _ in
            if node.kind == .section, !node.children.isEmpty { open.insert(node.id) }
        }
        return open
    }

    public var selectedNode: BrowseNode? { rows[safe: cursor].flatMap { index.node($0.id, in: tree) } }
    public var selectedNodeID: String { rows[safe: cursor]?.id ?? "" }

    /// "Facets", or the grouping's own name when it has one ("Folders").
    public func title(in context: ViewContext) -> String {
        BrowseTree.groupings.first { $0.id == grouping }?.paneTitle ?? "Facets"
    }

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
        case .paneLeft:
            // As in ranger and a file explorer: close the open node, else go up to its parent.
            guard let row = rows[safe: cursor], row.depth > 0 || row.isExpanded else { return nil }
            if row.isExpanded {
                setExpanded(row.id, false)
                return []
            }
            guard let parent = index.ancestors(of: row.id, in: tree).last, let place = rows.firstIndex(where: { $0.id == parent }) else {
                return nil
            }
            return select(place)
        case .open:
            guard let row = rows[safe: cursor] else { return [] }
            switch row.kind {
            case .note(let note): return [.openEntry(note, line: nil)]
            case .attachment(let file):
                guard let attachment = context.vault.attachments[safe: file] else { return [] }
                return [.message(Self.describe(attachment, keys: context))]
            case .section, .folder, .talk:
                if row.hasChildren, !row.isExpanded { setExpanded(row.id, true) }
                return [.focusNeighbour(1)]
            }
        default: return nil
        }
    }

    /// "photo.png · PNG image · 12.3 KB · X opens it".
    static func describe(_ attachment: Attachment, keys context: ViewContext) -> String {
        let name = TerminalSafeText.sanitize(attachment.name)
        let opener = context.hint(.openFile, "opens it").map { " · \($0.key) \($0.what)" } ?? ""
        return "\(name) · \(attachment.typeDescription) · \(attachment.sizeDescription)\(opener)"
    }

    /// The attachment the cursor is on, if any.
    public var selectedAttachment: Int? {
        if case .attachment(let file)? = rows[safe: cursor]?.kind { return file }
        return nil
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
        for ancestor in index.ancestors(of: id, in: tree) { expanded.insert(ancestor) }
        rows = tree.visibleRows(expanded: expanded)
        guard let row = rows.firstIndex(where: { $0.id == id }) else { return false }
        cursor = row
        return true
    }

    /// Shows where an entry is: its own leaf where the tree has one, else the first section holding it,
    /// else "All notes".
    mutating func reveal(entry: Int) {
        reveal(index.leafOfNote[entry] ?? index.sectionOfNote[entry] ?? "all")
    }

    /// Switches to the next grouping that applies to the vault (facets, folders, talks...), keeping the
    /// selected node when the new tree has it. Nil when no other grouping applies.
    mutating func nextGrouping(input: BrowseInput, groupings: [TreeGrouping] = BrowseTree.groupings) -> TreeGrouping? {
        let start = groupings.firstIndex { $0.id == grouping } ?? -1
        for step in 1..<max(1, groupings.count + (start < 0 ? 1 : 0)) {
            let candidate = groupings[(start + step + groupings.count) % groupings.count]
            guard candidate.id != grouping, !inapplicable.contains(candidate.id) else { continue }
            let next: (tree: BrowseNode, index: TreeIndex)
            if let cached = built[candidate.id] {
                next = cached
            } else if let tree = candidate.build(input) {
                next = (tree, TreeIndex(tree))
            } else {
                inapplicable.insert(candidate.id)
                continue
            }
            built[grouping] = (tree, index)
            let selected = selectedNodeID
            tree = next.tree
            index = next.index
            grouping = candidate.id
            if built[candidate.id] == nil { expanded.formUnion(Self.openAtStart(tree)) }
            built[candidate.id] = next
            rows = tree.visibleRows(expanded: expanded)
            cursor = rows.firstIndex { $0.id == selected } ?? 0
            return candidate
        }
        return nil
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
            // A note or a file is one thing: no count beside it.
            let count: String
            switch row.kind {
            case .note, .attachment: count = ""
            case .section, .folder, .talk: count = " \(row.count)"
            }
            let titleWidth = max(1, area.width - DisplayWidth.of(indent + marker + " ") - DisplayWidth.of(count))
            let title = TextWrapper.truncate(TerminalSafeText.sanitize(row.title), width: titleWidth)
            let padding = String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
            let spans = [Span(indent + marker + " ", .dim), Span(title + padding, Self.role(of: row.kind)), Span(count, .treeCount)]
            Renderer.drawRow(
                spans, row: area.y + offset, in: area, cursor: index == cursor, focused: context.focused,
                into: &screen, hyperlinks: &hyperlinks)
        }
    }

    /// Folders stand out, files that are not notes recede.
    static func role(of kind: BrowseNode.Kind) -> Role {
        switch kind {
        case .folder: return .strong
        case .attachment: return .dim
        case .section, .talk, .note: return .normal
        }
    }

    /// The vault's new tree in the same grouping: the same node selected (else the same row), the same
    /// nodes open, and sections that are new open as every section is at start.
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        let selected = rows[safe: cursor]?.id
        let known = Set(tree.flattened().map(\.node.id))
        tree = BrowseTree.groupings.first { $0.id == grouping }?.build(change.new.browseInput) ?? change.new.tree
        index = TreeIndex(tree)
        built = [:]
        inapplicable = []
        expanded.formUnion(Self.openAtStart(tree).subtracting(known))
        rows = tree.visibleRows(expanded: expanded)
        cursor = selected.flatMap { id in rows.firstIndex { $0.id == id } } ?? max(0, min(cursor, rows.count - 1))
    }

    public func hints(in context: ViewContext) -> [Hint] {
        let leaf = rows[safe: cursor]?.kind
        var hints = [context.moveHint]
        switch leaf {
        case .note?: hints.append(context.hint(.open, "open"))
        case .attachment?: hints += [context.hint(.open, "about"), context.hint(.openFile, "open file")]
        default: hints.append(context.hint(.open, "entries"))
        }
        hints += [context.hint(.nextPane, "pane"), context.hint(.help, "help"), context.hint(.quit, "quit")]
        return hints.compactMap { $0 }
    }
}
