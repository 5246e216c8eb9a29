import FacetsCore

/// Where the neighbourhood view puts things, worked out from the model and the width alone (a pure
/// function, shared by drawing, moving the cursor and clicks): the centre's box at the top, a bus
/// under it, and columns of kind boxes hanging from it, each group shortened to `collapsedRows` rows
/// with a `+N more` line unless expanded. Rows count from the top of the canvas (the view scrolls it).
struct NeighbourhoodLayout {
    /// What the cursor can rest on.
    enum Slot: Hashable, Sendable {
        case centre
        case node(Int)
        /// A group's `+N more` (or `fewer`) line, by group name.
        case more(String)
    }

    /// A line of text at a place, selectable when it has a slot.
    struct Text {
        var row: Int, column: Int, width: Int
        var text: String
        var role: Role
        var slot: Slot?
    }

    /// A box outline, its title in the top edge.
    struct Box {
        var rect: Rect
        var title: String
        var role: Role
        var heavy: Bool
    }

    static let collapsedRows = 5
    static let columnWidth = 30

    private(set) var texts: [Text] = []
    private(set) var boxes: [Box] = []
    /// Connector pieces (single cells).
    private(set) var wires: [(row: Int, column: Int, glyph: String)] = []
    private(set) var height = 0

    init(picture: Neighbourhood, vault: Vault, width: Int, expanded: Set<String>, glyphs: Glyphs) {
        guard width > 0 else { return }
        let notes = vault.notes
        let ascii = glyphs == .ascii
        func arrow(_ note: Int) -> String {
            switch picture.direction(to: note) ?? .linksTo {
            case .linksTo: ascii ? "->" : "→"
            case .linkedFrom: ascii ? "<-" : "←"
            case .both: ascii ? "<>" : "↔"
            }
        }
        func title(_ note: Int) -> String { TerminalSafeText.sanitize(notes[note].title) }

        // The centre: a heavy box, as wide as its title needs, centred.
        let centre = notes[picture.centre]
        let centreTitle = title(picture.centre)
        let summary = "\(centre.kind ?? Neighbourhood.noKind) · \(picture.nodes.count - 1) linked · depth \(picture.depth)"
        let centreWidth = min(width, max(DisplayWidth.of(centreTitle), DisplayWidth.of(summary), 12) + 4)
        let centreX = max(0, (width - centreWidth) / 2)
        boxes.append(Box(rect: Rect(x: centreX, y: 0, width: centreWidth, height: 4), title: "", role: .title, heavy: true))
        texts.append(Text(row: 1, column: centreX + 2, width: centreWidth - 4, text: centreTitle, role: .title, slot: .centre))
        texts.append(Text(row: 2, column: centreX + 2, width: centreWidth - 4, text: summary, role: .kind, slot: nil))
        height = 4
        guard !picture.groups.isEmpty else {
            texts.append(Text(row: 5, column: 0, width: width, text: "No links to or from this entry.", role: .dim, slot: nil))
            height = 6
            return
        }

        // Columns of group boxes, each group placed in the shortest column so far.
        let columns = max(1, min(picture.groups.count, (width + 1) / Self.columnWidth))
        let columnWidth = max(1, (width - (columns - 1)) / columns)
        let top = 6
        var bottoms = [Int](repeating: top, count: columns)
        var lastBoxTop = [Int?](repeating: nil, count: columns)
        for group in picture.groups {
            let column = bottoms.indices.min { bottoms[$0] < bottoms[$1] } ?? 0
            let x = column * (columnWidth + 1)
            let y = bottoms[column]
            var rows: [(note: Int, indent: Bool)] = []
            for (member, onward) in zip(group.members, group.onward) {
                rows.append((member, false))
                rows += onward.map { ($0, true) }
            }
            let open = expanded.contains(group.name) || rows.count <= Self.collapsedRows
            let shown = open ? rows[...] : rows.prefix(Self.collapsedRows - 1)
            let boxX = x + 2, boxWidth = max(1, columnWidth - 2)
            let inner = max(0, boxWidth - 2)
            var row = y + 1
            for line in shown {
                let indent = line.indent ? "  " : ""
                let text = indent + arrow(line.note) + " " + title(line.note)
                texts.append(Text(row: row, column: boxX + 1, width: inner, text: text, role: .normal, slot: .node(line.note)))
                row += 1
            }
            if rows.count > Self.collapsedRows {
                let label = open ? (ascii ? "- fewer" : "− fewer") : "+\(rows.count - shown.count) more"
                texts.append(Text(row: row, column: boxX + 1, width: inner, text: label, role: .dim, slot: .more(group.name)))
                row += 1
            }
            let boxHeight = row - y + 1
            let count = group.members.count + group.onward.reduce(0) { $0 + $1.count }
            boxes.append(
                Box(
                    rect: Rect(x: boxX, y: y, width: boxWidth, height: boxHeight), title: "\(group.name) (\(count))", role: Self.role(of: group.kind),
                    heavy: false))
            // The trunk of the column reaches this box's top edge.
            wires.append((y, x, glyphs.teeRight))
            if boxX - x > 1 { wires.append((y, x + 1, glyphs.horizontal)) }
            for trunkRow in (lastBoxTop[column] ?? top - 1) + 1..<y { wires.append((trunkRow, x, glyphs.vertical)) }
            lastBoxTop[column] = y
            bottoms[column] = y + boxHeight
        }
        // The last box of each column ends its trunk.
        for column in 0..<columns {
            guard let y = lastBoxTop[column], let at = wires.lastIndex(where: { $0.row == y && $0.column == column * (columnWidth + 1) }) else {
                continue
            }
            wires[at].glyph = glyphs.bottomLeft
        }

        // The bus: from the centre's bottom edge across to every column's trunk.
        let hub = centreX + centreWidth / 2
        let trunks = (0..<columns).filter { lastBoxTop[$0] != nil }.map { $0 * (columnWidth + 1) }
        let left = min(hub, trunks.min() ?? hub), right = max(hub, trunks.max() ?? hub)
        wires.append((3, hub, Self.heavy(glyphs).teeDown))
        for column in left...right {
            let up = column == hub, down = trunks.contains(column)
            wires.append((4, column, Self.joint(up: up, down: down, left: column > left, right: column < right, glyphs: glyphs)))
        }
        for trunk in trunks { wires.append((5, trunk, glyphs.vertical)) }
        height = bottoms.max() ?? top
    }

    /// Double lines for the centre's box (ASCII stays ASCII).
    static func heavy(_ glyphs: Glyphs) -> Glyphs {
        guard glyphs != .ascii else { return glyphs }
        var heavy = glyphs
        (heavy.horizontal, heavy.vertical, heavy.teeDown) = ("═", "║", "╤")
        (heavy.topLeft, heavy.topRight, heavy.bottomLeft, heavy.bottomRight) = ("╔", "╗", "╚", "╝")
        return heavy
    }

    /// The box-drawing piece where lines meet from these sides.
    static func joint(up: Bool, down: Bool, left: Bool, right: Bool, glyphs: Glyphs) -> String {
        switch (up, down, left, right) {
        case (true, true, true, true): glyphs.cross
        case (true, true, true, false): glyphs.teeLeft
        case (true, true, false, true): glyphs.teeRight
        case (true, false, true, true): glyphs.teeUp
        case (false, true, true, true): glyphs.teeDown
        case (false, true, false, true): glyphs.topLeft
        case (false, true, true, false): glyphs.topRight
        case (true, false, false, true): glyphs.bottomLeft
        case (true, false, true, false): glyphs.bottomRight
        case (_, _, true, _), (_, _, _, true): glyphs.horizontal
        default: glyphs.vertical
        }
    }

    /// A kind's colour, from roles every theme already draws (monochrome tells kinds apart by the box titles).
    static func role(of kind: String?) -> Role {
        switch kind {
        case "practice": .code
        case "challenge": .missingLink
        case "example": .timestamp
        case "facet": .heading1
        case "principle", "motivation": .heading2
        case "trend", "concept": .callout
        default: .link
        }
    }

    /// Every slot in reading order (top to bottom, then left to right).
    var slots: [Text] { texts.filter { $0.slot != nil }.sorted { ($0.row, $0.column) < ($1.row, $1.column) } }

    func place(of slot: Slot) -> Text? { texts.first { $0.slot == slot } }

    /// The slot at a canvas row and column, if any.
    func slot(atRow row: Int, column: Int) -> Slot? {
        texts.first { $0.slot != nil && $0.row == row && column >= $0.column - 1 && column < $0.column + $0.width + 1 }?.slot
    }

    /// The nearest slot from `slot` in a direction (rows and columns weighed so a column's next line wins over the next column).
    func slot(from slot: Slot, rows: Int, columns: Int) -> Slot? {
        guard let here = place(of: slot) else { return nil }
        let candidates = texts.filter { text in
            guard text.slot != nil, text.slot != slot else { return false }
            if rows > 0 { return text.row > here.row }
            if rows < 0 { return text.row < here.row }
            if columns > 0 { return text.column > here.column + 2 }
            return text.column < here.column - 2
        }
        return candidates.min { a, b in
            func cost(_ t: Text) -> Int {
                let dy = abs(t.row - here.row), dx = abs(t.column - here.column)
                return rows != 0 ? dy * 4 + dx : dx + dy * 4
            }
            return cost(a) < cost(b)
        }?.slot
    }
}
