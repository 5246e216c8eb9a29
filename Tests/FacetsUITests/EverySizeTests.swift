import FacetsCore
import Testing
@testable import FacetsUI

/// Every terminal size a person can have, up to 500x200: each kind of screen renders at the size asked,
/// every row adds up to exactly the width (no cell past the edge, no wide character cut in half), the
/// panes' borders sit where the layout puts them, and a terminal too small for the panes shows only the
/// "Terminal too small" message. (LayoutAndSizeTests covers 1x1 to 60x20 densely; this covers the rest.)
/// The default run checks a seeded random sample of the widths and heights plus their edges (see
/// `SizeSweep`); `FACETS_FULL_SWEEP=1` walks every one.
@Suite("Every size up to 500x200")
struct EverySizeTests {
    /// The message a too-small terminal shows, on one line; the screen shows pieces of it, wrapped.
    static let tooSmallMessage = "Terminal too small: need \(Layout.minimumWidth)x\(Layout.minimumHeight) (q quits)"

    /// The kinds of screen a person meets, each as a state made at 80x24.
    static let kinds: [(String, AppState)] = {
        // The longest entry, so the detail pane has more than a screen of text at any size.
        let longest = bundledVault.notes.indices.max { bundledVault.notes[$0].readBody().count < bundledVault.notes[$1].readBody().count } ?? 0
        var long = baseState
        long.update(.detail, as: DetailView.self) { $0.show(.note(longest)) }
        long.focus = .detail
        long.reconcile()
        let opened = Explorer(state: long).press(.pageDown)
        var presenting = opened.state
        presenting.setPresenting(true)
        return [
            ("tree", Explorer().press(.character("j"), .character("j"))),
            ("list", Explorer().selectTreeRow(titled: "All notes").press(.enter, .pageDown)),
            ("long entry", opened),
            ("help", opened.copy().press(.character("?"))),
            ("search everything", Explorer().press(.control("f")).type("denmark")),
            ("presenter", Explorer(state: presenting)),
        ].map { ($0.0, $0.1.state) }
    }()

    /// Everything checked on one screen; records the first problem and returns false, or returns true.
    @discardableResult
    static func check(
        _ state: AppState, width: Int, height: Int, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let screen = Renderer.render(state)
        guard let problem = problem(in: screen, of: state, width: width, height: height) else { return true }
        Issue.record("\(what) at \(width)x\(height): \(problem) \(SizeSweep.rerun)\n\(screen.text)", sourceLocation: sourceLocation)
        return false
    }

    /// The first thing wrong with a screen rendered from `state` for a terminal of `width` x `height`.
    static func problem(in screen: ScreenBuffer, of state: AppState, width: Int, height: Int) -> String? {
        guard screen.width == width, screen.height == height else { return "the buffer is \(screen.width)x\(screen.height)" }
        // Each row: cells of one column, or a wide character followed by its continuation cell, adding up
        // to exactly the width.
        let cells = screen.cells
        for row in 0..<height {
            var columns = 0
            var column = 0
            while column < width {
                let text = cells[row * width + column].text
                // Most cells are one printable ASCII byte.
                if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F {
                    column += 1
                    columns += 1
                    continue
                }
                if text.isEmpty { return "row \(row), column \(column): the right half of nothing" }
                if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
                    return "row \(row), column \(column): a control character \(text.debugDescription)"
                }
                let cellWidth = DisplayWidth.of(text)
                switch cellWidth {
                case 1: column += 1
                case 2:
                    guard column + 1 < width, cells[row * width + column + 1].isContinuation else {
                        return "row \(row), column \(column): a wide \(text.debugDescription) without its second cell"
                    }
                    column += 2
                default: return "row \(row), column \(column): \(text.debugDescription) is \(cellWidth) columns"
                }
                columns += cellWidth
            }
            if columns != width { return "row \(row) is \(columns) columns wide" }
        }
        if let cursor = screen.cursor, !(0..<height).contains(cursor.row) || !(0..<width).contains(cursor.column) {
            return "the cursor at \(cursor) is off the screen"
        }
        let layout = state.layout
        if width < Layout.minimumWidth || height < Layout.minimumHeight {
            guard layout.arrangement == .tooSmall else { return "arranged as \(layout.arrangement), not too small" }
            // Only the message, wrapped: no borders, no pane text squeezed in.
            let lines = screen.lines
            for line in lines where !line.isEmpty && !tooSmallMessage.contains(line) {
                return "\(line.debugDescription) is not part of the too-small message"
            }
            let shown = lines.joined(separator: " ")
            if !shown.hasPrefix(tooSmallMessage.prefix(min(width, 8))) { return "the message does not start the screen" }
            if width >= 9, height >= 2, !shown.contains("too small") { return "no \"too small\"" }
            if width >= tooSmallMessage.count, !shown.contains(tooSmallMessage.prefix(29)) { return "the message is cut though it fits" }
            return nil
        }
        let expected: Layout.Arrangement =
            state.presenting
            ? .presenting
            : state.zoomed
                ? .zoomed
                : width >= Layout.threeColumnWidth
                    ? .threeColumns
                    : width >= Layout.twoColumnWidth && height >= Layout.twoColumnHeight ? .twoColumns : .onePane
        guard layout.arrangement == expected else { return "arranged as \(layout.arrangement), expected \(expected)" }
        // Borders where the layout says (an overlay may cover them).
        if state.overlay == nil {
            let glyphs = state.glyphs
            for pane in layout.panes where layout[pane].visible && layout[pane].bordered {
                let r = layout[pane].outer
                let corners = [
                    (r.y, r.x, glyphs.topLeft), (r.y, r.maxX - 1, glyphs.topRight),
                    (r.maxY - 1, r.x, glyphs.bottomLeft), (r.maxY - 1, r.maxX - 1, glyphs.bottomRight),
                ]
                for (row, column, glyph) in corners where screen[row, column].text != glyph {
                    return "\(pane) pane: \(screen[row, column].text.debugDescription) at \(row),\(column) instead of \(glyph)"
                }
                guard r.height >= 3 else { return "\(pane) pane: \(r.height) rows leave no room inside its border" }
                // The right edge of the detail pane doubles as its scroll bar.
                let thumb = state.glyphs == .ascii ? "#" : "┃"
                for row in (r.y + 1)..<(r.maxY - 1)
                where screen[row, r.x].text != glyphs.vertical || ![glyphs.vertical, thumb].contains(screen[row, r.maxX - 1].text) {
                    return "\(pane) pane: its side border is broken on row \(row)"
                }
            }
        }
        if screen.line(height - 1).isEmpty { return "no status line" }
        return nil
    }

    /// The kinds of screen at one size, made from walkers already at that width (so each note is laid
    /// out once per width, not once per kind).
    static func screens(entry: Explorer, search: Explorer, presenter: Explorer) -> [(String, AppState)] {
        [
            ("long entry", entry.state), ("tree", entry.copy().press(.character("1"), .character("j")).state),
            ("list", entry.copy().press(.character("2"), .character("j")).state), ("help", entry.copy().press(.character("?")).state),
            ("search everything", search.state), ("presenter", presenter.state),
        ]
    }

    static func walkers() -> (entry: Explorer, search: Explorer, presenter: Explorer) {
        let state = { (name: String) in kinds.first { $0.0 == name }?.1 ?? baseState }
        return (Explorer(state: state("long entry")), Explorer(state: state("search everything")), Explorer(state: state("presenter")))
    }

    /// Widths where the arrangement changes, and the ends of the range: in every sample.
    static let edgeWidths = [1, 8, 9, 19, 20, 21, 69, 70, 71, 119, 120, 121, 500]

    @Test("Every width from 1 to 500, at heights 5, 24 and 60")
    func everyWidth() {
        let (entry, search, presenter) = Self.walkers()
        for width in SizeSweep.sample(Array(1...500), 40, always: Self.edgeWidths, salt: "everyWidth") {
            for walker in [entry, search, presenter] { walker.resize(width, 24) }
            for (name, state) in Self.screens(entry: entry, search: search, presenter: presenter) {
                let e = Explorer(state: state)
                for height in [5, 24, 60] {
                    e.resize(width, height)
                    // One report per kind is enough to see what broke.
                    guard Self.check(e.state, width: width, height: height, name) else { return }
                }
            }
        }
    }

    @Test("Every width from 1 to 500 at heights 1 to 4: the too-small message")
    func everyWidthTooShort() {
        for (name, state) in Self.kinds {
            let e = Explorer(state: state)
            for width in SizeSweep.sample(Array(1...500), 40, always: Self.edgeWidths, salt: "everyWidthTooShort \(name)") {
                for height in 1...4 {
                    e.resize(width, height)
                    guard Self.check(e.state, width: width, height: height, name) else { return }
                }
            }
        }
    }

    @Test("Every height from 1 to 200, at widths 1, 19, 20, 69, 70 and 120")
    func everyHeight() {
        for width in [1, 19, 20, 69, 70, 120] {
            for (name, state) in Self.kinds {
                let e = Explorer(state: state)
                for height in SizeSweep.sample(
                    Array(1...200), 30, always: [1, 2, 4, 5, 6, 7, 8, 200],
                    salt: "everyHeight \(width) \(name)")
                {
                    e.resize(width, height)
                    guard Self.check(e.state, width: width, height: height, name) else { return }
                }
            }
        }
    }

    @Test("Random sizes up to 500x200, and keys pressed at each")
    func randomSizes() {
        var random = SplitMix64(seed: 0x5EED_FACE)
        let keys: [Key] = [
            .character("j"), .pageDown, .character("G"), .tab, .enter, .character("k"), .character("?"),
            .escape, .character("z"), .character("P"), .backspace, .control("f"), .character("a"), .escape,
        ]
        for round in 0..<120 {
            let width = Int(random.next() % 500) + 1
            let height = Int(random.next() % 200) + 1
            let (name, state) = Self.kinds[round % Self.kinds.count]
            let e = Explorer(state: state).resize(width, height)
            guard Self.check(e.state, width: width, height: height, "\(name) (round \(round))") else { continue }
            // A few keys at that size, then the screen again.
            let pressed = (0..<4).map { _ in keys[Int(random.next() % UInt64(keys.count))] }
            e.press(pressed)
            Self.check(e.state, width: width, height: height, "\(name) (round \(round)) after \(pressed.map(\.displayName))")
        }
        // The corners of the range, and either side of the smallest size that has panes.
        for (width, height) in [(1, 1), (500, 1), (1, 200), (500, 200), (20, 5), (19, 5), (20, 4)] {
            for (name, state) in Self.kinds {
                Self.check(Explorer(state: state).resize(width, height).state, width: width, height: height, name)
            }
        }
    }

    @Test("The checks catch a broken screen")
    func checksCanFail() {
        let state = Explorer(30, 10).state
        let good = Renderer.render(state)
        #expect(Self.problem(in: good, of: state, width: 30, height: 10) == nil)
        #expect(Self.problem(in: good, of: state, width: 31, height: 10) != nil, "a buffer of the wrong size")
        var wide = good
        wide[3, 5] = Cell("界")
        #expect(Self.problem(in: wide, of: state, width: 30, height: 10)?.contains("second cell") == true)
        var orphan = good
        orphan[3, 5] = Cell("")
        #expect(Self.problem(in: orphan, of: state, width: 30, height: 10)?.contains("right half") == true)
        var control = good
        control[2, 2] = Cell("\u{1B}")
        #expect(Self.problem(in: control, of: state, width: 30, height: 10)?.contains("control") == true)
        var border = good
        border[9 - 1, 0] = Cell("x")
        #expect(Self.problem(in: border, of: state, width: 30, height: 10)?.contains("pane") == true)
        let tiny = Explorer(10, 3).state
        var garbled = Renderer.render(tiny)
        garbled[2, 0] = Cell("│")
        #expect(Self.problem(in: garbled, of: tiny, width: 10, height: 3)?.contains("too-small") == true)
    }
}

/// A small seeded generator, so a failing size can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_B9E9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
