/// The key table, drawn over the panes from the same key map that handles keys (a config's bindings show).
public struct HelpView: ExplorerView {
    public var id: ViewID { .help }
    public var keyContext: KeyContext { .help }
    public private(set) var scroll = 0

    public init() {}

    public func title(in context: ViewContext) -> String { "Keys · Esc closes" }

    /// The actions grouped by context, each group under its heading ("Everywhere", "Tree", "Prompt", "Tour").
    static func lines(_ keyMap: KeyMap) -> [(keys: String, description: String)] {
        var out: [(keys: String, description: String)] = []
        for context in keyMap.contexts {
            out.append((context.title, ""))
            out += keyMap.rows.filter { $0.context == context }.map { (ActionTable.keyNames($0), $0.description) }
            if context == .everywhere {
                out += [
                    ("0-9 Enter", "Detail pane: follow link or timestamp N"),
                    ("mouse", "Click selects, double-click follows, wheel scrolls"),
                ]
            }
        }
        return out
    }

    /// The furthest the help can scroll at a screen height: its last line at the bottom.
    static func maximumScroll(height: Int, keyMap: KeyMap) -> Int {
        let count = lines(keyMap).count
        return max(0, count - max(1, min(height - 2, count + 4) - 2))
    }

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        let most = Self.maximumScroll(height: context.frame.outer.height, keyMap: context.keyMap)
        switch action {
        case .cancel, .quit, .help, .open: return [.close]
        case .moveDown: scroll = min(scroll + 1, most)
        case .moveUp: scroll = max(0, scroll - 1)
        case .pageDown: scroll = min(scroll + 10, most)
        case .pageUp: scroll = max(0, scroll - 10)
        default: return nil
        }
        return []
    }

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let rows = Self.lines(context.keyMap)
        let keyWidth = min(24, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8)
        let descriptionWidth = rows.map { DisplayWidth.of($0.description) }.max() ?? 40
        let width = min(screen.width - 2, max(30, keyWidth + descriptionWidth + 5))
        let height = min(screen.height - 2, rows.count + 4)
        guard width >= 10, height >= 4 else { return }
        let rect = Rect(x: (screen.width - width) / 2, y: max(0, (screen.height - height) / 2), width: width, height: height)
        screen.fill(rect, style: CellStyle(.overlay))
        Renderer.drawFrame(title(in: context), frame: Layout.Frame(outer: rect, visible: true), focused: true, glyphs: context.glyphs, into: &screen)
        let inner = rect.inset(by: 1)
        let visible = inner.height
        let start = max(0, min(scroll, rows.count - visible))
        for (offset, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            let y = inner.y + offset
            screen.put(
                TextWrapper.truncate(row.keys, width: keyWidth), row: y, column: inner.x + 1, style: CellStyle(.statusKey), maxColumn: inner.maxX)
            screen.put(
                TextWrapper.truncate(row.description, width: max(1, inner.width - keyWidth - 3)), row: y,
                column: inner.x + keyWidth + 2, style: CellStyle(.overlay), maxColumn: inner.maxX)
        }
    }
}
