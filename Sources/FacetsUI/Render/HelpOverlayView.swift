/// The key table, drawn over the panes from the same key map that handles keys (a config's bindings show).
enum HelpOverlayView {
    /// The actions grouped by context, each group under its heading ("Everywhere", "Tree", "Prompt", "Tour").
    static func lines(_ keyMap: KeyMap) -> [(keys: String, description: String)] {
        var out: [(keys: String, description: String)] = []
        for context in KeyMap.contexts {
            out.append((context.title, ""))
            out += keyMap.rows.filter { $0.context == context }.map { (ActionTable.keyNames($0), $0.description) }
            if context == .everywhere {
                out += [("0-9 Enter", "Detail pane: follow link or timestamp N"),
                        ("mouse", "Click selects, double-click follows, wheel scrolls")]
            }
        }
        return out
    }

    /// The furthest the help can scroll at a screen height: its last line at the bottom.
    static func maximumScroll(height: Int) -> Int {
        let count = lines(.defaults).count  // one line per action whatever its keys
        return max(0, count - max(1, min(height - 2, count + 4) - 2))
    }

    static func draw(_ state: AppState, scroll: Int, into screen: inout ScreenBuffer) {
        let rows = lines(state.keyMap)
        let keyWidth = min(24, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8)
        let descriptionWidth = rows.map { DisplayWidth.of($0.description) }.max() ?? 40
        let width = min(screen.width - 2, max(30, keyWidth + descriptionWidth + 5))
        let height = min(screen.height - 2, rows.count + 4)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: (screen.width - width) / 2, y: max(0, (screen.height - height) / 2), width: width, height: height)
        screen.fill(rect, style: CellStyle(.overlay))
        Renderer.drawFrame("Keys · Esc closes", frame: Layout.Frame(outer: rect, visible: true), focused: true, glyphs: state.glyphs, into: &screen)
        let inner = rect.inset(by: 1)
        let visible = inner.height
        let start = max(0, min(scroll, rows.count - visible))
        for (offset, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            let y = inner.y + offset
            screen.put(TextWrapper.truncate(row.keys, width: keyWidth), row: y, column: inner.x + 1, style: CellStyle(.statusKey), maxColumn: inner.maxX)
            screen.put(TextWrapper.truncate(row.description, width: max(1, inner.width - keyWidth - 3)), row: y,
                       column: inner.x + keyWidth + 2, style: CellStyle(.overlay), maxColumn: inner.maxX)
        }
    }
}
