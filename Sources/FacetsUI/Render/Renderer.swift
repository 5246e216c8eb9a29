import FacetsCore

/// Draws an `AppState` into a `ScreenBuffer`: a pure function, so whole screens can be asserted in tests.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var screen = ScreenBuffer(width: state.width, height: state.height)
        let layout = state.layout
        guard layout.arrangement != .tooSmall else {
            drawTooSmall(&screen)
            return screen
        }
        for id in layout.panes where layout[id].visible {
            guard let view = state.views[id] else { continue }
            let context = state.context(for: id, layout: layout)
            drawFrame(view.title(in: context), frame: context.frame, focused: context.focused, glyphs: state.glyphs, into: &screen)
            view.render(into: &screen, in: context)
        }
        StatusLineView.draw(state, rect: layout.status, into: &screen)
        if let id = state.overlay, let view = state.views[id] {
            view.render(into: &screen, in: state.context(for: id, layout: layout))
        }
        if state.glyphs == .ascii { asciiChrome(&screen) }
        return screen
    }

    /// ASCII mode: the few non-ASCII marks of the chrome (arrows, ellipses, separators, box pieces) become
    /// one-column ASCII look-alikes, so terminals without those glyphs show nothing broken.
    static let asciiMarks: [String: String] = [
        "→": ">", "←": "<", "↑": "^", "↓": "v", "›": ">", "‹": "<", "…": ".", "·": "-", "⏎": "<", "▸": ">", "▾": "v",
        "▌": ">", "┃": "#", "•": "*", "═": "=", "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "┼": "+",
        "├": "+", "┤": "+", "┬": "+", "┴": "+", "“": "\"", "”": "\"", "’": "'", "‘": "'", "—": "-", "–": "-",
    ]

    static func asciiChrome(_ screen: inout ScreenBuffer) {
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                if let ascii = asciiMarks[screen[row, column].text] { screen[row, column].text = ascii }
            }
        }
    }

    /// "Terminal too small" in whatever room there is (down to 1x1).
    static func drawTooSmall(_ screen: inout ScreenBuffer) {
        let words = ["Terminal", "too small:", "need \(Layout.minimumWidth)x\(Layout.minimumHeight)", "(q quits)"]
        var row = 0
        var line = ""
        for word in words {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= screen.width || line.isEmpty {
                line = candidate
            } else {
                screen.put(line, row: row, column: 0, style: CellStyle(.error))
                row += 1
                line = word
            }
        }
        if row < screen.height { screen.put(line, row: row, column: 0, style: CellStyle(.error)) }
    }

    /// A box with the pane's title in its top edge. Focus lights the top and bottom edges, not the
    /// sides: an edge is one run of cells to send, a side one cell a row with a cursor step each, so a
    /// focus change over a slow link costs a third of the bytes (the title bar still shows across a room).
    static func drawFrame(_ title: String, frame: Layout.Frame, focused: Bool, glyphs: Glyphs, into screen: inout ScreenBuffer) {
        guard frame.bordered else { return }
        let r = frame.outer
        guard r.width >= 2, r.height >= 2 else { return }
        let edge = CellStyle(focused ? .borderFocused : .border)
        let side = CellStyle(.border)
        let horizontal = String(repeating: glyphs.horizontal, count: r.width - 2)
        screen.put(glyphs.topLeft + horizontal + glyphs.topRight, row: r.y, column: r.x, style: edge, maxColumn: r.maxX)
        for row in (r.y + 1)..<(r.maxY - 1) {
            screen.put(glyphs.vertical, row: row, column: r.x, style: side)
            screen.put(glyphs.vertical, row: row, column: r.maxX - 1, style: side)
        }
        screen.put(glyphs.bottomLeft + horizontal + glyphs.bottomRight, row: r.maxY - 1, column: r.x, style: edge, maxColumn: r.maxX)
        let label = TextWrapper.truncate(" \(title) ", width: r.width - 4)
        screen.put(label, row: r.y, column: r.x + 2, style: CellStyle(focused ? .paneTitleFocused : .paneTitle), maxColumn: r.maxX - 2)
    }

    /// A row of a list: the cursor bar when focused, a dimmer bar when not.
    static func drawRow(
        _ spans: [Span], row: Int, in rect: Rect, cursor: Bool, focused: Bool,
        into screen: inout ScreenBuffer, hyperlinks: inout [String: Int]
    ) {
        drawSpans(spans, row: row, in: rect, selected: cursor && focused, highlightRef: nil, into: &screen, hyperlinks: &hyperlinks)
        if cursor && !focused {
            screen.restyle(row: row, from: rect.x, to: rect.maxX) { $0.role = .selectionUnfocused }
        }
    }

    /// Spans into a row of a rect, clipped; `selected` paints the whole row as the cursor bar.
    static func drawSpans(
        _ spans: [Span], row: Int, in rect: Rect, selected: Bool, highlightRef: Int?,
        into screen: inout ScreenBuffer, hyperlinks: inout [String: Int]
    ) {
        var column = rect.x
        if selected { screen.fill(Rect(x: rect.x, y: row, width: rect.width, height: 1), style: CellStyle(.normal, selected: true)) }
        for span in spans {
            guard column < rect.maxX else { break }
            var link: Int?
            if let url = span.hyperlink.map(ScreenBuffer.terminalSafeURL) {
                if let existing = hyperlinks[url] {
                    link = existing
                } else {
                    link = screen.hyperlinks.count
                    hyperlinks[url] = screen.hyperlinks.count
                    screen.hyperlinks.append(url)
                }
            }
            let style = CellStyle(span.role, selected: selected, highlighted: span.ref != nil && span.ref == highlightRef)
            column = screen.put(span.text, row: row, column: column, style: style, maxColumn: rect.maxX, hyperlink: link)
        }
    }
}
