import FacetsCore

/// The entries of the selected tree node, or of a `/` filter over them.
public struct ListView: ExplorerView {
    public var id: ViewID { .list }
    public var keyContext: KeyContext { .list }
    /// The entries shown (note indexes).
    public private(set) var entries: [Int] = []
    public private(set) var cursor = 0
    public private(set) var scroll = 0
    /// The `/` filter in force, if any.
    public private(set) var filter: ListFilter?
    /// The node whose entries these are (its title heads the frame).
    private var nodeTitle: String?

    public init() {}

    public var selectedEntry: Int? { entries[safe: cursor] }

    public func title(in context: ViewContext) -> String {
        if let filter {
            return "/\(TerminalSafeText.sanitize(filter.query)) (\(entries.count) of \(filter.scope.count))"
        }
        return nodeTitle.map { "\(TerminalSafeText.sanitize($0)) (\(entries.count))" } ?? "Entries"
    }

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        switch action {
        case .moveDown: return select(cursor + 1)
        case .moveUp: return select(cursor - 1)
        case .pageDown: return select(cursor + max(1, context.pageSize - 1))
        case .pageUp: return select(cursor - max(1, context.pageSize - 1))
        case .top: return select(0)
        case .bottom: return select(entries.count - 1)
        case .open: return selectedEntry.map { [.open(.note($0))] } ?? []
        default: return nil
        }
    }

    public mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        select(scroll + row) + (double ? handle(.open, in: context) ?? [] : [])
    }

    /// Selects a row; the detail pane previews its entry.
    mutating func select(_ row: Int) -> [ViewRequest] {
        cursor = max(0, min(row, entries.count - 1))
        return [.preview(selectedEntry.map { .note($0) } ?? .nothing)]
    }

    /// Shows a node's entries from the top, leaving any filter behind.
    mutating func show(node: BrowseNode?) {
        filter = nil
        nodeTitle = node?.title
        entries = node?.entries ?? []
        cursor = 0
        scroll = 0
    }

    /// Keeps the node's entries but moves the cursor to an entry (the first when it is not there).
    mutating func select(entry: Int?, node: BrowseNode?) {
        if filter == nil {
            nodeTitle = node?.title
            entries = node?.entries ?? []
        }
        cursor = entry.flatMap { entries.firstIndex(of: $0) } ?? 0
    }

    /// Puts back what a place in history had: node, filter, selection and scroll.
    mutating func restore(node: BrowseNode?, filter saved: ListFilter?, entry: Int?, scroll savedScroll: Int) {
        show(node: node)
        if var saved {
            saved.editing = false
            filter = saved
            entries = saved.hits.map(\.note)
        }
        cursor = entry.flatMap { entries.firstIndex(of: $0) } ?? 0
        scroll = savedScroll
    }

    /// Whether an entry is among those shown (or filtered).
    func holds(_ entry: Int) -> Bool {
        filter.map { $0.hits.contains { $0.note == entry } } ?? entries.contains(entry)
    }

    // MARK: Filtering

    /// Starts a `/` filter over `scope`, remembering what Esc restores.
    mutating func startFilter(scope: [Int]) {
        filter = ListFilter(
            savedEntries: filter?.savedEntries ?? entries, savedCursor: cursor, savedScroll: scroll,
            scope: filter?.scope ?? scope)
    }

    mutating func editFilter(_ change: (inout String) -> Void) {
        guard var current = filter else { return }
        change(&current.query)
        filter = current
    }

    /// The filter's hits replace the entries, best first.
    mutating func showHits(_ hits: [SearchHit]) {
        guard var current = filter else { return }
        current.hits = hits
        filter = current
        entries = hits.map(\.note)
        cursor = 0
        scroll = 0
    }

    mutating func keepFilter() { filter?.editing = false }

    /// Leaves the filter without restoring what it replaced (the caller shows other entries).
    mutating func dropFilter() { filter = nil }

    /// Back to the node's full list; keeps the selected entry when asked not to restore.
    mutating func clearFilter(restoreSelection: Bool) {
        guard let current = filter else { return }
        let selected = selectedEntry
        filter = nil
        entries = current.savedEntries
        if restoreSelection {
            cursor = current.savedCursor
            scroll = current.savedScroll
        } else {
            cursor = selected.flatMap { entries.firstIndex(of: $0) } ?? 0
        }
    }

    // MARK: Vault changes

    /// The entries (and a filter's hits) renumbered for the new vault, the removed ones left out; the
    /// cursor stays on its entry, else on its row. The explorer then refreshes an unfiltered list from
    /// its node (`refresh(node:)`), which may hold new entries.
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        let selected = selectedEntry.flatMap(change.note)
        filter = filter?.renumbered(change)
        entries = filter.map { $0.hits.map(\.note) } ?? change.notes(entries)
        cursor = selected.flatMap { entries.firstIndex(of: $0) } ?? max(0, min(cursor, entries.count - 1))
    }

    /// An unfiltered list shows its node's entries as they now are, the cursor kept on its entry (else
    /// its row) and the scroll kept.
    mutating func refresh(node: BrowseNode?) {
        guard filter == nil else { return }
        let selected = selectedEntry
        nodeTitle = node?.title
        entries = node?.entries ?? []
        cursor = selected.flatMap { entries.firstIndex(of: $0) } ?? max(0, min(cursor, entries.count - 1))
    }

    // MARK: Drawing

    mutating func resetScroll(in context: ViewContext) {
        scroll = ScrollPosition.keeping(0, cursor: cursor, visible: context.frame.content.height, count: entries.count)
    }

    public mutating func reconcile(in context: ViewContext) {
        (cursor, scroll) = ScrollPosition.clamped(cursor: cursor, scroll: scroll, visible: context.frame.content.height, count: entries.count)
    }

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let area = context.frame.content
        guard area.width > 0, area.height > 0 else { return }
        if entries.isEmpty {
            screen.put(filter == nil ? "(no entries)" : "(no match)", row: area.y, column: area.x, style: CellStyle(.dim), maxColumn: area.maxX)
            return
        }
        let notes = context.vault.notes
        let hits = filter.map { filter in Dictionary(filter.hits.map { ($0.note, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let mixedKinds = Set(entries.prefix(500).map { notes[$0].kind ?? "" }).count > 1
        var hyperlinks: [String: Int] = [:]
        for offset in 0..<area.height {
            let index = scroll + offset
            guard index < entries.count else { break }
            let note = notes[entries[index]]
            let tag = mixedKinds ? (note.kind.map { " " + TerminalSafeText.sanitize($0) } ?? "") : ""
            let titleWidth = max(1, area.width - DisplayWidth.of(tag))
            let hit = hits[entries[index]]
            var name = note.title
            if let hit, hit.viaAlias { name = note.title + " · " + hit.matchedName }
            let aliasOffset = hit?.viaAlias == true ? note.title.count + 3 : 0
            let marked = Set(hit?.namePositions.map { $0 + aliasOffset } ?? [])
            var spans = HighlightedText.spans(TerminalSafeText.sanitize(name), width: titleWidth, marked: marked)
            spans.append(Span(tag, .kind))
            Renderer.drawRow(
                spans, row: area.y + offset, in: area, cursor: index == cursor, focused: context.focused,
                into: &screen, hyperlinks: &hyperlinks)
        }
    }

    public func hints(in context: ViewContext) -> [Hint] {
        [
            context.moveHint, context.hint(.open, "open"), context.hint(.nextPane, "pane"), context.hint(.help, "help"),
            context.hint(.quit, "quit"),
        ].compactMap { $0 }
    }
}
