import FacetsCore
import Testing
@testable import FacetsUI

/// Every size from 1x1 up: never a crash, never a line wider than the screen, and the arrangement
/// the width asks for.
@Suite("Layout and sizes")
struct LayoutAndSizeTests {
    /// Checks a rendered screen: its shape, line widths, and where the cursor rests.
    static func checkShape(
        _ screen: ScreenBuffer, width: Int, height: Int, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            screen.width == width && screen.height == height, "\(what): buffer is \(screen.width)x\(screen.height)",
            sourceLocation: sourceLocation)
        let lines = screen.lines
        #expect(lines.count == height, "\(what): \(lines.count) lines", sourceLocation: sourceLocation)
        for (row, line) in lines.enumerated() where DisplayWidth.of(line) > width {
            Issue.record("\(what): line \(row) is \(DisplayWidth.of(line)) wide: \(line.debugDescription)", sourceLocation: sourceLocation)
        }
        if let cursor = screen.cursor {
            #expect(
                cursor.row >= 0 && cursor.row < height && cursor.column >= 0 && cursor.column < width,
                "\(what): cursor at \(cursor) is off screen", sourceLocation: sourceLocation)
        }
    }

    @Test("80x24 is two columns: tree over list on the left, detail on the right, status below")
    func standardSize() {
        let e = Explorer()
        let layout = e.layout
        #expect(layout.arrangement == .twoColumns)
        #expect(layout[.tree].visible && layout[.list].visible && layout[.detail].visible)
        #expect(layout[.tree].outer.x == 0 && layout[.list].outer.x == 0 && layout[.detail].outer.x > 0)
        #expect(layout[.list].outer.y > layout[.tree].outer.y)
        #expect(layout.status.y == 23)
        Self.checkShape(e.screen, width: 80, height: 24, "80x24")
        #expect(e.titleRow(.tree).contains("Facets"))
        #expect(e.titleRow(.list).contains("Start here (1)"))
        #expect(e.titleRow(.detail).contains("Start here"))
        #expect(e.statusLine.contains("? help"))
    }

    @Test("120x40 is three columns side by side")
    func wideSize() {
        let e = Explorer(120, 40)
        let layout = e.layout
        #expect(layout.arrangement == .threeColumns)
        #expect(layout[.tree].outer.x == 0)
        #expect(layout[.list].outer.x == layout[.tree].outer.maxX)
        #expect(layout[.detail].outer.x == layout[.list].outer.maxX)
        #expect(layout[.detail].outer.maxX == 120)
        #expect(layout[.tree].outer.y == 0 && layout[.list].outer.y == 0 && layout[.detail].outer.y == 0)
        Self.checkShape(e.screen, width: 120, height: 40, "120x40")
        let top = e.lines[0]
        #expect(top.contains("Facets") && top.contains("Start here (1)"))
    }

    @Test("40x15 shows one pane at a time; Tab and h/l change which")
    func narrowSize() {
        let e = Explorer(40, 15)
        #expect(e.layout.arrangement == .onePane)
        #expect(e.layout[.tree].visible && !e.layout[.list].visible && !e.layout[.detail].visible)
        #expect(e.layout[.tree].outer.width == 40)
        Self.checkShape(e.screen, width: 40, height: 15, "40x15")
        #expect(e.tree.anyContains("Practices"))
        e.press(.tab)
        #expect(e.layout[.list].visible && !e.layout[.tree].visible)
        #expect(e.titleRow(.list).contains("Start here (1)"))
        e.press(.character("l"))
        #expect(e.layout[.detail].visible && !e.layout[.list].visible)
        #expect(e.detail.first?.contains("Start here") == true)
        Self.checkShape(e.screen, width: 40, height: 15, "40x15 detail")
        e.press(.character("h"), .character("h"))
        #expect(e.layout[.tree].visible)
    }

    @Test(
        "The arrangement follows the width",
        arguments: [
            (200, 50, Layout.Arrangement.threeColumns), (120, 24, .threeColumns), (119, 24, .twoColumns),
            (70, 24, .twoColumns), (69, 24, .onePane), (20, 5, .onePane), (19, 24, .tooSmall), (80, 4, .tooSmall),
            (80, 7, .twoColumns), (80, 6, .onePane), (119, 5, .onePane), (120, 5, .threeColumns),
            (1, 1, .tooSmall), (0, 0, .tooSmall),
        ])
    func arrangementByWidth(_ width: Int, _ height: Int, _ expected: Layout.Arrangement) {
        #expect(Layout(width: width, height: height, panes: [.tree, .list, .detail], focus: .tree, zoomed: false).arrangement == expected)
        let e = Explorer(width, height)
        #expect(e.layout.arrangement == expected)
        Self.checkShape(e.screen, width: width, height: height, "\(width)x\(height)")
    }

    @Test("z zooms the focused pane to the whole screen, and z or Esc restores")
    func zoom() {
        let e = Explorer()
        e.press(.character("3"))
        let normalWidth = e.state.detail.document.lines.map(\.width).max() ?? 0
        e.press(.character("z"))
        #expect(e.state.zoomed)
        #expect(e.layout.arrangement == .zoomed)
        #expect(e.layout[.detail].visible && !e.layout[.tree].visible && !e.layout[.list].visible)
        #expect(e.layout[.detail].outer.width == 80)
        #expect(e.titleRow(.detail).contains("Start here"))
        let zoomedWidth = e.state.detail.document.lines.map(\.width).max() ?? 0
        #expect(zoomedWidth > normalWidth, "the zoomed detail is laid out wider")
        LayoutAndSizeTests.checkShape(e.screen, width: 80, height: 24, "zoomed")
        e.press(.character("z"))
        #expect(e.layout.arrangement == .twoColumns)
        e.press(.character("z"), .escape)
        #expect(!e.state.zoomed)
        #expect(e.layout.arrangement == .twoColumns)
        // Zooming the tree works the same way.
        e.press(.tab, .character("z"))
        #expect(e.state.focus == .tree)
        #expect(e.layout[.tree].visible && !e.layout[.detail].visible)
        #expect(e.tree.anyContains("All notes"))
    }

    @Test("Sizes too small for the panes say so")
    func tooSmall() {
        for (w, h) in [(19, 24), (80, 4), (19, 4), (10, 4), (12, 2)] {
            let e = Explorer(w, h)
            #expect(e.layout.arrangement == .tooSmall)
            let text = e.lines.joined(separator: " ")
            #expect(text.contains("too small"), "\(w)x\(h):\n\(e.text)")
            // Keys still work (and q still quits).
            e.press(.character("j"), .enter, .character("/"), .character("x"), .escape)
            Self.checkShape(e.screen, width: w, height: h, "\(w)x\(h) after keys")
            e.press(.character("q"))
            #expect(e.lastEffects == [.quit])
        }
        let one = Explorer(1, 1)
        Self.checkShape(one.screen, width: 1, height: 1, "1x1")
        #expect(one.lines == ["T"])
    }

    @Test("States built at tiny sizes from scratch render too", arguments: [(0, 0), (1, 1), (2, 1), (1, 5), (19, 4), (20, 5), (21, 6), (69, 5)])
    func freshTinyStates(_ width: Int, _ height: Int) {
        let e = Explorer(width, height, fresh: true)
        Self.checkShape(e.screen, width: width, height: height, "fresh \(width)x\(height)")
        e.press(.enter, .enter, .character("j"), .character("G"), .character("t"), .character("?"))
        Self.checkShape(e.screen, width: width, height: height, "fresh \(width)x\(height) after keys")
        e.resize(80, 24)
        Self.checkShape(e.screen, width: 80, height: 24, "grown from \(width)x\(height)")
        #expect(e.titleRow(.tree).contains("Facets"))
    }

    /// Screens of each kind, made at 80x24 (states, so that they can be shared between test cases).
    static let kinds: [(String, AppState)] = {
        let opened = Explorer().selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces").press(.enter)
        return [
            ("start", Explorer()),
            ("list", Explorer().selectTreeRow(titled: "All notes").press(.enter, .pageDown)),
            ("opened", opened),
            ("scrolled", opened.copy().press(.pageDown, .pageDown)),
            ("timeline", opened.copy().press(.character("t"))),
            ("filtering", Explorer().type("/silo")),
            ("finding", opened.copy().type("/exp")),
            ("help", opened.copy().press(.character("?"))),
            ("search all", Explorer().press(.control("f")).type("denmark")),
            ("link number", opened.copy().type("12")),
            ("zoomed", opened.copy().press(.character("z"))),
        ].map { ($0.0, $0.1.state) }
    }()

    /// Every width in a full sweep (`FACETS_FULL_SWEEP=1`); by default a seeded sample of them and the
    /// widths where the arrangement changes (see `SizeSweep`), each at every height.
    @Test(
        "Every size from 1x1 to 60x20 renders every kind of screen within its width",
        arguments: SizeSweep.sample(Array(1...60), 12, always: [1, 8, 9, 19, 20, 21, 60], salt: "everySmallSize"))
    func everySmallSize(width: Int) {
        let kinds = Self.kinds
        // One explorer per kind walks down the heights at this width: the detail is laid out again
        // only when the width changes, which keeps 13,200 screens fast.
        let walkers = kinds.map { ($0.0, Explorer(state: $0.1).resize(width, 1)) }
        for height in 1...20 {
            for (name, e) in walkers {
                e.resize(width, height)
                let screen = e.screen
                Self.checkShape(screen, width: width, height: height, "\(name) at \(width)x\(height) \(SizeSweep.rerun)")
                if width < Layout.minimumWidth || height < Layout.minimumHeight {
                    #expect(e.layout.arrangement == .tooSmall)
                    if width >= 9, height >= 2 {
                        #expect(screen.lines.joined(separator: " ").contains("too small"), "\(width)x\(height)")
                    }
                } else {
                    #expect(e.layout.arrangement == (name == "zoomed" ? .zoomed : .onePane))
                }
            }
            // Keys at a quarter of the sizes, on diagonals so that every width and every height has some.
            guard (width + height) % 4 == 0 else { continue }
            let e = walkers[2].1.copy()
            e.press(
                .character("j"), .pageDown, .character("G"), .tab, .enter, .character("k"), .character("/"),
                .character("a"), .enter, .character("z"))
            Self.checkShape(e.screen, width: width, height: height, "keys at \(width)x\(height)")
            if height % 4 == 0 {
                e.resize(80, 24)
                Self.checkShape(e.screen, width: 80, height: 24, "back from \(width)x\(height)")
            }
        }
    }

    /// In the one-pane arrangement the detail pane is hidden while the list has the focus; whatever is
    /// opened from there must still be laid out for the detail pane's width once it shows.
    @Test(
        "One pane: what opens from the list or the tree is laid out at the detail pane's width",
        arguments: [
            "Enter in the list", "double-click in the list", "search all from the tree", "t from the list",
        ])
    func onePaneOpensAtFullWidth(_ how: String) {
        let e = Explorer(50, 20).selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces")
        #expect(e.layout.arrangement == .onePane)
        switch how {
        case "Enter in the list": e.press(.enter)
        case "double-click in the list":
            let area = e.layout[.list].content
            e.doubleClick(row: area.y + e.state.list.cursor - e.state.list.scroll, column: area.x + 2)
        case "search all from the tree": e.press(.character("h"), .control("f")).type("safe experimental").press(.enter)
        default: e.press(.character("t"))
        }
        #expect(e.state.focus == .detail)
        let width = e.layout[.detail].content.width
        let widest = e.state.detail.document.lines.map(\.width).max() ?? 0
        #expect(widest > width / 2, "\(how): the document is laid out \(widest) wide for a pane \(width) wide")
        let detail = e.detail
        #expect(detail.contains { $0.count > 10 }, "\(how): the pane shows:\n\(detail.joined(separator: "\n"))")
    }

    @Test("Resizing keeps the cursors in view and the place the same")
    func resizeKeepsPlace() {
        let e = Explorer().selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces").press(.enter, .pageDown, .pageDown)
        let subject = e.state.subject
        for (w, h) in [(50, 20), (120, 40), (30, 8), (80, 24)] {
            e.resize(w, h)
            #expect(e.lastEffects == [.redrawAll])
            #expect(e.state.subject == subject)
            let visible = e.layout[.detail].content.height
            #expect(
                e.state.detail.cursor >= e.state.detail.scroll && e.state.detail.cursor < e.state.detail.scroll + max(1, visible),
                "\(w)x\(h): cursor \(e.state.detail.cursor) scroll \(e.state.detail.scroll) visible \(visible)")
            LayoutAndSizeTests.checkShape(e.screen, width: w, height: h, "\(w)x\(h)")
        }
        #expect(e.titleRow(.detail).contains("Safe experimental spaces"))
    }
}

@Suite("Resizing")
struct ResizeScrollTests {
    @Test("after a burst of resizes the tree and list show what a fresh start at the final size shows")
    func resizesEndWhereAFreshStartIs() {
        let start = Explorer(97, 31).press(.character("j"), .character("j"), .character("j"), .tab, .character("j"))
        // Through sizes small enough to scroll both panes, then back.
        var stormed = start
        for (w, h) in [(40, 8), (120, 9), (60, 7), (200, 12), (97, 31)] { stormed = stormed.resize(w, h) }
        #expect(stormed.state.tree.scroll == start.state.tree.scroll)
        #expect(stormed.state.list.scroll == start.state.list.scroll)
        #expect(stormed.screen.lines == start.screen.lines)
        // While small, the cursor's rows stayed in view.
        let small = start.resize(60, 7)
        #expect(small.state.tree.scroll > 0 || small.state.tree.cursor < 3)
    }
}
