import FacetsCore
import Testing
@testable import FacetsUI

@Suite("Mouse")
struct MouseTests {
    static func practicesList() -> Explorer {
        Explorer().selectTreeRow(titled: "Practices")
    }

    @Test("A click in the list selects that row and focuses the list")
    func clickSelects() {
        let e = MouseTests.practicesList()
        let area = e.layout[.list].content
        e.click(row: area.y + 2, column: area.x + 3)
        #expect(e.state.focus == .list)
        #expect(e.state.list.cursor == 2)
        #expect(e.selectedTitle == "Collaboration across silos")
        #expect(e.subjectTitle == "Collaboration across silos", "the detail previews the clicked entry")
        #expect(e.titleRow(.detail).contains("Collaboration across silos"))
        // Below the last entry there is nothing to select: the cursor stays on the last one.
        e.click(row: area.maxY - 1, column: area.x + 3)
        #expect(e.state.list.cursor == e.state.list.entries.count - 1)
        // A click on a border does nothing harmful.
        e.click(row: e.layout[.list].outer.y, column: area.x + 3)
        #expect(e.state.focus == .list)
    }

    @Test("A click in the tree selects that node")
    func clickTree() {
        let e = Explorer().press(.character("2"))
        let area = e.layout[.tree].content
        let row = e.state.tree.rows.firstIndex { $0.title == "Practices" } ?? 0
        e.click(row: area.y + row - e.state.tree.scroll, column: area.x + 4)
        #expect(e.state.focus == .tree)
        #expect(e.selectedNodeTitle == "Practices")
        #expect(e.titleRow(.list).contains("Practices (12)"))
    }

    @Test("A click in the detail pane puts the line cursor on that line")
    func clickDetail() throws {
        let e = KeyTests.safeSpaces()
        let area = e.layout[.detail].content
        let row = try #require(e.documentRow(containing: "▸00:48:01["))
        e.click(row: area.y + row - e.state.detail.scroll, column: area.x + 5)
        #expect(e.state.detail.cursor == row)
        e.press(.enter)
        #expect(e.titleRow(.detail).contains("Timeline at 00:48:01"))
    }

    @Test("A double-click in the list opens the entry")
    func doubleClickOpens() {
        let e = MouseTests.practicesList()
        let area = e.layout[.list].content
        e.doubleClick(row: area.y + 6, column: area.x + 2)
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.state.focus == .detail)
        #expect(e.titleRow(.detail).contains("Safe experimental spaces"))
        e.press(.backspace)
        #expect(e.state.focus == .list)
        #expect(e.selectedTitle == "Safe experimental spaces")
    }

    @Test("A double-click on a link line in the detail pane follows it")
    func doubleClickFollows() throws {
        let e = KeyTests.safeSpaces()
        let row = try #require(e.documentRow(containing: "Risk avoidance["))
        e.moveDetailCursor(to: row + 3).press(.character("k"), .character("k"), .character("k"), .character("k"))
        #expect(e.state.detail.cursor != row)
        let area = e.layout[.detail].content
        #expect(row >= e.state.detail.scroll && row < e.state.detail.scroll + area.height)
        e.doubleClick(row: area.y + row - e.state.detail.scroll, column: area.x + 4)
        #expect(e.subjectTitle == "Risk avoidance")
    }

    @Test("The wheel scrolls the focused detail pane")
    func wheelScrollsFocusedDetail() {
        let e = KeyTests.safeSpaces()
        let area = e.layout[.detail].content
        for _ in 0..<10 { e.wheel(down: true, row: area.y + 3, column: area.x + 5) }
        #expect(e.state.detail.scroll > 0)
        #expect(e.state.focus == .detail)
        let scrolled = e.state.detail.scroll
        for _ in 0..<20 { e.wheel(down: false, row: area.y + 3, column: area.x + 5) }
        #expect(e.state.detail.scroll < scrolled)
        #expect(e.state.detail.scroll == 0)
    }

    @Test("One wheel notch over an unfocused detail pane scrolls its text")
    func wheelScrollsUnfocusedDetail() {
        let e = Explorer().selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces")
        #expect(e.state.focus == .list)
        let before = e.detail
        let area = e.layout[.detail].content
        e.wheel(down: true, row: area.y + 3, column: area.x + 5)
        #expect(e.state.focus == .list, "the wheel does not take the focus")
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.detail != before, "the detail text should move")
    }

    @Test("The wheel over the list scrolls it")
    func wheelList() {
        let e = Explorer().selectTreeRow(titled: "All notes").press(.enter)
        let area = e.layout[.list].content
        for _ in 0..<10 { e.wheel(down: true, row: area.y + 1, column: area.x + 1) }
        #expect(e.state.list.scroll > 0)
    }

    @Test("A click closes an open overlay and does nothing else")
    func clickClosesOverlay() {
        let e = Explorer().press(.character("?"))
        let before = e.state.location
        e.click(row: 12, column: 40)
        #expect(e.state.overlay == nil)
        #expect(e.state.location == before)
    }

    @Test(
        "Clicks outside every pane, and at wild positions, are harmless",
        arguments: [
            (-1, -1), (23, 5), (500, 500), (0, 79), (Int.max / 2, 3),
        ])
    func clickAnywhere(_ row: Int, _ column: Int) {
        let e = KeyTests.safeSpaces()
        e.click(row: row, column: column).doubleClick(row: row, column: column).wheel(down: true, row: row, column: column)
        LayoutAndSizeTests.checkShape(e.screen, width: 80, height: 24, "after a click at \(row),\(column)")
    }
}
