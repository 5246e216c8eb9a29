import FacetsCore

/// Search everything (`Ctrl-F`, `:`): a prompt, then each hit's title and kind over the line that matched.
public struct GlobalSearchView: ExplorerView {
    public var id: ViewID { .globalSearch }
    public var keyContext: KeyContext { .prompt }
    public private(set) var search = GlobalSearch()

    public init() {}

    public func title(in context: ViewContext) -> String {
        (["Search all entries"] + StatusLineView.promptHints(context.keyMap, accept: "opens", cancel: "closes")).joined(separator: " · ")
    }

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        switch action {
        case .cancel: return [.close]
        default: return nil
        }
    }

    static func frame(width: Int, height: Int) -> Rect {
        let w = max(10, min(width - 2, 110))
        let h = max(4, height - 2)
        return Rect(x: (width - w) / 2, y: 1, width: w, height: min(h, height - 1))
    }

    /// Where the hits go (below the prompt).
    static func listArea(width: Int, height: Int) -> Rect {
        let inner = frame(width: width, height: height).inset(by: 1)
        return Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
    }

    // MARK: Searching

    mutating func edit(_ change: (inout String) -> Void) { change(&search.query) }

    mutating func run(_ query: SearchQuery, index: SearchIndex, narrowing: inout SearchNarrowing, vault: Vault, screenHeight: Int) {
        search.hits = query.isEmpty ? [] : narrowing.search(query, index: index, vault: vault, limit: GlobalSearch.limit)
        search.cursor = 0
        search.scroll = 0
        search.lines = [:]
        fillLines(query, vault: vault, screenHeight: screenHeight)
    }

    /// Matched lines for the hits around the cursor (computed only for what can be seen).
    mutating func fillLines(_ query: SearchQuery, vault: Vault, screenHeight: Int) {
        let window = max(0, search.scroll - 5)..<min(search.hits.count, search.scroll + max(40, screenHeight))
        for k in window {
            let note = search.hits[k].note
            if search.lines[note] == nil, let line = vault.notes[note].matchedLine(for: query) { search.lines[note] = line }
        }
    }

    mutating func move(by delta: Int, query: SearchQuery, vault: Vault, width: Int, height: Int) {
        guard !search.hits.isEmpty else { return }
        search.cursor = max(0, min(search.hits.count - 1, search.cursor + delta))
        let visible = max(1, Self.listArea(width: width, height: height).height / 2)
        search.scroll = ScrollPosition.keeping(search.scroll, cursor: search.cursor, visible: visible, count: search.hits.count)
        fillLines(query, vault: vault, screenHeight: height)
    }

    /// The hit under the cursor and the line of its file that matched.
    func chosen(_ query: SearchQuery, vault: Vault) -> (note: Int, line: Int?)? {
        guard let hit = search.hits[safe: search.cursor] else { return nil }
        return (hit.note, search.lines[hit.note]?.line ?? vault.notes[hit.note].matchedLine(for: query)?.line)
    }

    /// Hits renumbered for the new vault, those whose note went left out.
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        search.hits = search.hits.compactMap { $0.renumbered(change) }
        search.lines = Dictionary(
            search.lines.compactMap { note, line in change.note(note).map { ($0, line) } }, uniquingKeysWith: { a, _ in a })
        search.cursor = max(0, min(search.cursor, search.hits.count - 1))
    }

    // MARK: Drawing

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let rect = Self.frame(width: screen.width, height: screen.height)
        guard rect.width >= 10, rect.height >= 4 else { return }
        screen.fill(rect, style: CellStyle(.overlay))
        Renderer.drawFrame(
            title(in: context), frame: Layout.Frame(outer: rect, visible: true),
            focused: true, glyphs: context.glyphs, into: &screen)
        let inner = rect.inset(by: 1)
        let query = TerminalSafeText.sanitize(search.query)
        var shown = query
        while DisplayWidth.of(shown) > inner.width - 12, !shown.isEmpty { shown.removeFirst() }
        let end = screen.put("Search: ", row: inner.y, column: inner.x, style: CellStyle(.overlayTitle), maxColumn: inner.maxX)
        let after = screen.put(shown, row: inner.y, column: end, style: CellStyle(.normal), maxColumn: inner.maxX)
        screen.cursor = (inner.y, min(after, inner.maxX - 1))
        let summary =
            search.query.isEmpty
            ? "type to search titles, aliases and text"
            : "\(search.hits.count)\(search.hits.count == GlobalSearch.limit ? "+" : "") hits"
        screen.put(summary, row: inner.y + 1, column: inner.x, style: CellStyle(.dim), maxColumn: inner.maxX)
        let area = Self.listArea(width: screen.width, height: screen.height)
        var row = area.y
        var index = search.scroll
        var hyperlinks: [String: Int] = [:]
        while row + 1 < area.maxY, index < search.hits.count {
            let hit = search.hits[index]
            let note = context.vault.notes[hit.note]
            let selected = index == search.cursor
            let kind = TerminalSafeText.sanitize(note.kind ?? "")
            let titleWidth = max(1, area.width - DisplayWidth.of(kind) - 1)
            var name = note.title
            if hit.viaAlias { name += " · " + hit.matchedName }
            let offset = hit.viaAlias ? note.title.count + 3 : 0
            var spans = HighlightedText.spans(
                TerminalSafeText.sanitize(name), width: titleWidth,
                marked: Set(hit.namePositions.map { $0 + offset }), role: .strong)
            spans.append(Span(" " + kind, .kind))
            Renderer.drawSpans(spans, row: row, in: area, selected: selected, highlightRef: nil, into: &screen, hyperlinks: &hyperlinks)
            if let line = search.lines[hit.note] {
                let prefix = "  \(line.line): "
                var marked = Set<Int>()
                for range in line.ranges { for k in range { marked.insert(k + prefix.count) } }
                let lineSpans = HighlightedText.spans(prefix + TerminalSafeText.sanitize(line.text), width: area.width, marked: marked, role: .dim)
                Renderer.drawSpans(lineSpans, row: row + 1, in: area, selected: false, highlightRef: nil, into: &screen, hyperlinks: &hyperlinks)
            }
            row += 2
            index += 1
        }
    }
}
