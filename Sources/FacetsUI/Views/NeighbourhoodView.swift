import FacetsCore

extension ViewID {
    /// The picture of an entry's links and backlinks, in place of the detail pane.
    public static let neighbourhood = ViewID("neighbourhood")
}

extension Action {
    public static let neighbourhood = Action("neighbourhood")
    public static let neighbourhoodDeeper = Action("neighbourhoodDeeper"), neighbourhoodShallower = Action("neighbourhoodShallower")
    public static let neighbourhoodDetail = Action("neighbourhoodDetail")
}

extension KeyContext {
    public static let neighbourhood = KeyContext(name: "neighbourhood")
}

/// An entry in the centre and the notes it links to and that link to it around it, in boxes by kind
/// (`Neighbourhood` is the model; `NeighbourhoodLayout` places it). Enter re-centres on the note under
/// the cursor as a history step, so Backspace comes back.
public struct NeighbourhoodView: ExplorerView {
    public var id: ViewID { .neighbourhood }
    public var keyContext: KeyContext { .neighbourhood }

    /// Its rows in the action table (the opener works everywhere; the rest while it has the focus).
    public static let actions: [ActionInfo] = [
        ActionInfo(action: .neighbourhood, keys: [.character("v")], description: "Show the entry's neighbourhood of links", caption: "neighbourhood"),
        ActionInfo(
            action: .neighbourhoodDeeper, keys: [.character("+")], description: "Neighbourhood: two links deep", caption: "deeper",
            context: .neighbourhood),
        ActionInfo(
            action: .neighbourhoodShallower, keys: [.character("-")], description: "Neighbourhood: one link deep", caption: "shallower",
            context: .neighbourhood),
        ActionInfo(
            action: .neighbourhoodDetail, keys: [.character("d")], description: "Neighbourhood: open the note under the cursor",
            caption: "detail", context: .neighbourhood),
    ]

    public private(set) var picture: Neighbourhood?
    private(set) var cursor: NeighbourhoodLayout.Slot = .centre
    private(set) var expanded: Set<String> = []
    private(set) var scroll = 0

    public init() {}

    /// Where it is, for history.
    public var place: NeighbourhoodPlace? {
        guard let picture else { return nil }
        if case .node(let note) = cursor { return NeighbourhoodPlace(centre: picture.centre, depth: picture.depth, selected: note) }
        return NeighbourhoodPlace(centre: picture.centre, depth: picture.depth)
    }

    /// The note under the cursor (the centre when the cursor is on it).
    public var selectedNote: Int? {
        switch cursor {
        case .node(let note): note
        case .centre: picture?.centre
        case .more: nil
        }
    }

    /// Shows a place: a new centre or depth builds the model again; the cursor goes to the selected note.
    mutating func show(_ place: NeighbourhoodPlace, in vault: Vault) {
        guard vault.notes.indices.contains(place.centre) else { return }
        if picture?.centre != place.centre || picture?.depth != place.depth {
            picture = Neighbourhood(centre: place.centre, depth: place.depth, in: vault)
            expanded = []
            scroll = 0
        }
        cursor = place.selected.map { .node($0) } ?? .centre
        if let selected = place.selected,
            let group = picture?.groups.first(where: { $0.members.contains(selected) || $0.onward.contains { $0.contains(selected) } })
        {
            expanded.insert(group.name)
        }
    }

    /// The same centre drawn again from the new vault's links; an empty view when its file went.
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        guard let current = place else { return }
        picture = nil
        cursor = .centre
        if let place = current.renumbered(change) { show(place, in: change.new) }
    }

    public mutating func opened(in context: ViewContext) {
        guard let entry = context.entry else { return }
        if picture?.centre != entry { show(NeighbourhoodPlace(centre: entry, depth: picture?.depth ?? 1), in: context.vault) }
    }

    public func title(in context: ViewContext) -> String {
        guard let picture else { return "Neighbourhood" }
        guard let centre = context.vault.notes[safe: picture.centre] else { return "Neighbourhood" }
        return "Neighbourhood of \(TerminalSafeText.sanitize(centre.title))"
    }

    func layout(in context: ViewContext) -> NeighbourhoodLayout? {
        guard let picture else { return nil }
        return NeighbourhoodLayout(
            picture: picture, vault: context.vault, width: context.frame.content.width, expanded: expanded, glyphs: context.glyphs)
    }

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        guard let picture, let layout = layout(in: context) else {
            return action == .neighbourhood ? [.close] : nil
        }
        switch action {
        case .moveDown: return move(layout.slot(from: cursor, rows: 1, columns: 0))
        case .moveUp: return move(layout.slot(from: cursor, rows: -1, columns: 0))
        case .paneRight:
            guard let next = layout.slot(from: cursor, rows: 0, columns: 1) else { return nil }
            return move(next)
        case .paneLeft:
            guard let next = layout.slot(from: cursor, rows: 0, columns: -1) else { return nil }
            return move(next)
        case .top:
            cursor = .centre
            return []
        case .bottom:
            cursor = layout.slots.last?.slot ?? .centre
            return []
        case .pageDown, .pageUp:
            let step = action == .pageDown ? 1 : -1
            for _ in 0..<max(1, context.pageSize / 2) {
                guard let next = layout.slot(from: cursor, rows: step, columns: 0) else { break }
                cursor = next
            }
            return []
        case .open: return enter(picture: picture, context: context)
        case .neighbourhoodDeeper, .neighbourhoodShallower:
            let depth = action == .neighbourhoodDeeper ? 2 : 1
            guard depth != picture.depth else { return [.message("Already \(depth) link\(depth == 1 ? "" : "s") deep")] }
            return [
                .recentre(
                    NeighbourhoodPlace(centre: picture.centre, depth: depth, selected: selectedNote.flatMap { $0 == picture.centre ? nil : $0 }))
            ]
        case .neighbourhoodDetail:
            guard let note = selectedNote else { return [.message("No note under the cursor")] }
            return [.openEntry(note, line: nil)]
        case .neighbourhood: return [.close]
        default: return nil
        }
    }

    private mutating func move(_ slot: NeighbourhoodLayout.Slot?) -> [ViewRequest] {
        if let slot { cursor = slot }
        return []
    }

    /// Enter: re-centre on a note (a history step), or open or close a long group.
    private mutating func enter(picture: Neighbourhood, context: ViewContext) -> [ViewRequest] {
        switch cursor {
        case .centre:
            return [.message("This is the centre" + (context.hint(.neighbourhoodDetail, "").map { " · \($0.key) opens it" } ?? ""))]
        case .node(let note):
            return [.recentre(NeighbourhoodPlace(centre: note, depth: picture.depth))]
        case .more(let group):
            if expanded.remove(group) == nil { expanded.insert(group) }
            return []
        }
    }

    public mutating func click(row: Int, column: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        guard let picture, let slot = layout(in: context)?.slot(atRow: row + scroll, column: column) else { return [] }
        cursor = slot
        if double || { if case .more = slot { return true } else { return false } }() { return enter(picture: picture, context: context) }
        return []
    }

    public mutating func scroll(by lines: Int, in context: ViewContext) -> [ViewRequest] {
        guard let layout = layout(in: context) else { return [] }
        scroll = max(0, min(max(0, layout.height - context.pageSize), scroll + lines))
        return []
    }

    public mutating func reconcile(in context: ViewContext) {
        guard let layout = layout(in: context) else { return }
        if layout.place(of: cursor) == nil { cursor = .centre }
        guard let row = layout.place(of: cursor)?.row else { return }
        let page = context.pageSize
        if cursor == .centre { scroll = 0 }
        if row < scroll + 1 { scroll = max(0, row - 1) }
        if row >= scroll + page - 1 { scroll = max(0, row - page + 2) }
        scroll = max(0, min(scroll, max(0, layout.height - page)))
    }

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let area = context.frame.content
        guard area.width > 0, area.height > 0 else { return }
        guard let layout = layout(in: context) else {
            let hint = context.hint(.neighbourhood, "").map { " and press \($0.key)" } ?? ""
            screen.put("Select an entry\(hint) to see its links.", row: area.y, column: area.x, style: CellStyle(.dim), maxColumn: area.maxX)
            return
        }
        func visible(_ row: Int) -> Int? {
            let y = row - scroll
            return y >= 0 && y < area.height ? area.y + y : nil
        }
        func put(_ text: String, row: Int, column: Int, style: CellStyle, limit: Int? = nil) {
            guard let y = visible(row), column < area.width else { return }
            let maxColumn = min(area.maxX, area.x + (limit ?? area.width))
            screen.put(text, row: y, column: area.x + column, style: style, maxColumn: maxColumn)
        }
        for box in layout.boxes {
            let r = box.rect
            guard r.width >= 2, r.height >= 2 else { continue }
            let style = CellStyle(box.heavy ? .borderFocused : .border)
            let g = box.heavy ? NeighbourhoodLayout.heavy(context.glyphs) : context.glyphs
            let edge = String(repeating: g.horizontal, count: r.width - 2)
            put(g.topLeft + edge + g.topRight, row: r.y, column: r.x, style: style)
            put(g.bottomLeft + edge + g.bottomRight, row: r.maxY - 1, column: r.x, style: style)
            for row in r.y + 1..<r.maxY - 1 {
                put(g.vertical, row: row, column: r.x, style: style)
                put(g.vertical, row: row, column: r.maxX - 1, style: style)
            }
            if !box.title.isEmpty {
                put(" \(box.title) ", row: r.y, column: r.x + 1, style: CellStyle(box.role), limit: r.maxX - 1)
            }
        }
        for wire in layout.wires { put(wire.glyph, row: wire.row, column: wire.column, style: CellStyle(.border)) }
        for text in layout.texts {
            let selected = text.slot != nil && text.slot == cursor
            let style = selected ? CellStyle(context.focused ? .selection : .selectionUnfocused) : CellStyle(text.role)
            let shown = DisplayWidth.of(text.text) > text.width ? truncated(text.text, to: text.width, glyphs: context.glyphs) : text.text
            let padded = selected ? shown + String(repeating: " ", count: max(0, text.width - DisplayWidth.of(shown))) : shown
            put(padded, row: text.row, column: text.column, style: style, limit: text.column + text.width)
        }
    }

    private func truncated(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        guard width > 1 else { return String(text.prefix(max(0, width))) }
        var out = ""
        for character in text {
            if DisplayWidth.of(out + String(character)) > width - DisplayWidth.of(glyphs.ellipsis) { break }
            out.append(character)
        }
        return out + glyphs.ellipsis
    }

    public func hints(in context: ViewContext) -> [Hint] {
        [
            context.moveHint, context.hint(.open, "centre"), context.hint(.neighbourhoodDetail, "detail"),
            picture?.depth == 2 ? context.hint(.neighbourhoodShallower, "depth 1") : context.hint(.neighbourhoodDeeper, "depth 2"),
            context.hint(.back, "back"), context.hint(.cancel, "close"),
        ].compactMap { $0 }
    }
}
