import FacetsCore

/// The entry (or timeline, or missing-note page) with a line cursor; the links on the cursor's line are lit.
enum DetailPaneView {
    /// Columns left of the text for the line cursor: moving it redraws two cells, not two lines.
    static let gutter = 1

    static func draw(_ state: AppState, frame: Layout.Frame, into screen: inout ScreenBuffer) {
        let focused = state.focus == .detail
        Renderer.drawFrame(title(state), frame: frame, focused: focused, glyphs: state.glyphs, into: &screen)
        let full = frame.content
        guard full.width > gutter else { return }
        let area = Rect(x: full.x + gutter, y: full.y, width: full.width - gutter, height: full.height)
        guard area.width > 0, area.height > 0 else { return }
        let lines = state.document.lines
        let highlighted = focused ? state.refsOnCursorRow.first : nil
        var hyperlinks: [String: Int] = [:]
        let findMatches = Dictionary((state.detailFind?.matches ?? []).map { ($0.row, $0) }, uniquingKeysWith: { a, _ in a })
        for offset in 0..<area.height {
            let index = state.detailScroll + offset
            guard index < lines.count else { break }
            if focused && index == state.detailCursor {
                screen.put(state.glyphs.cursor, row: area.y + offset, column: full.x, style: CellStyle(.borderFocused))
            }
            // OSC 8 links only where they are wanted (the cursor's line, a talk URL): each costs bytes to send.
            let spans = focused && index == state.detailCursor ? lines[index].spans
                : lines[index].spans.map { span in
                    var plain = span
                    if span.role != .link { plain.hyperlink = nil }
                    return plain
                }
            Renderer.drawSpans(spans, row: area.y + offset, in: area, selected: false,
                               highlightRef: highlighted, into: &screen, hyperlinks: &hyperlinks)
            if let match = findMatches[index] {
                markMatches(match.ranges, line: lines[index], row: area.y + offset, in: area, into: &screen)
            }
        }
        // A scroll indicator in the right border when the document is longer than the pane.
        if lines.count > area.height, frame.outer.width > 2 {
            let position = Double(state.detailScroll) / Double(max(1, lines.count - area.height))
            let row = area.y + Int((Double(area.height - 1) * position).rounded())
            screen.put(state.glyphs == .ascii ? "#" : "┃", row: row, column: frame.outer.maxX - 1,
                       style: CellStyle(focused ? .borderFocused : .border))
        }
    }

    /// Highlights the characters of a row that a find matched.
    static func markMatches(_ ranges: [Range<Int>], line: DocLine, row: Int, in area: Rect, into screen: inout ScreenBuffer) {
        var column = area.x
        for (offset, character) in line.text.enumerated() {
            let w = DisplayWidth.of(String(character))
            guard column + w <= area.maxX else { break }
            if w > 0, ranges.contains(where: { $0.contains(offset) }) {
                for c in column..<(column + w) { screen[row, c].style = CellStyle(.match) }
            }
            column += w
        }
    }

    static func title(_ state: AppState) -> String {
        switch state.subject {
        case .nothing: return Pane.detail.title
        case .note(let index): return TerminalSafeText.sanitize(state.vault.notes[index].title)
        case .missing: return "Missing note"
        case .timeline(_, let seconds?): return "Timeline at \(TimestampRef.format(seconds: seconds))"
        case .timeline: return "Timeline"
        }
    }
}
