import FacetsCore
import Testing
@testable import FacetsUI

/// Issue 5: search as you type in the list, find in the entry, search everything.
@Suite("Search")
struct SearchTests {
    /// Screen rows of the list pane's content, with the cells that are drawn as matches.
    static func listRow(_ e: Explorer, _ k: Int) -> (text: String, matched: String) {
        let area = e.layout[.list].content
        let screen = e.screen
        let row = area.y + k - e.state.list.scroll
        var text = "", matched = ""
        for column in area.x..<area.maxX where !screen[row, column].isContinuation {
            text += screen[row, column].text
            if screen[row, column].style.role == .match { matched += screen[row, column].text }
        }
        while text.last == " " { text.removeLast() }
        return (text, matched)
    }

    @Test("/silo from the tree ranks Collaboration across silos first and previews it")
    func filterFromTree() {
        let e = Explorer().type("/silo")
        #expect(e.state.mode == .typing(.listFilter))
        #expect(e.state.focus == .list)
        let titles = e.state.list.entries.map { bundledVault.notes[$0].title }
        #expect(titles.first == "Collaboration across silos")
        #expect(titles.contains("Silo mentality"))
        #expect(e.subjectTitle == "Collaboration across silos")
        #expect(e.titleRow(.list).contains("/silo (\(titles.count) of 58)"))
        #expect(e.statusLine.hasPrefix("/silo"))
        #expect(e.statusLine.contains("\(titles.count) matches"))
        #expect(e.screen.cursor != nil, "the terminal cursor rests in the prompt")
        // Searching all entries from the tree, not just the selected node's.
        #expect(e.state.list.filter?.scope.count == bundledVault.notes.count)
    }

    @Test("The filtered list draws Collaboration across silos first, its matched letters highlighted")
    func filterHighlights() {
        let e = Explorer(160, 40).type("/silo")
        let first = SearchTests.listRow(e, 0)
        #expect(first.text.hasPrefix("Collaboration across silos"), "first list row shows \(first.text.debugDescription)")
        #expect(first.matched.lowercased() == "silo", "matched cells spell \(first.matched.debugDescription)")
        let second = SearchTests.listRow(e, 1)
        #expect(second.text.hasPrefix("Silo mentality"))
        #expect(second.matched == "Silo")
        // Every hit is on its own row.
        let count = min(e.state.list.entries.count, e.layout[.list].content.height)
        for k in 0..<count {
            let title = bundledVault.notes[e.state.list.entries[k]].title
            #expect(SearchTests.listRow(e, k).text.hasPrefix(String(title.prefix(12))), "row \(k) should show \(title)")
        }
    }

    @Test("At 80x24 the matched letters of a long title stay in view")
    func filterHighlightsWhenCut() {
        let e = Explorer().type("/silo")
        let first = SearchTests.listRow(e, 0)
        #expect(first.text.hasPrefix("Collaboration"), "first list row shows \(first.text.debugDescription)")
        #expect(first.text.contains("…"), "the middle of the title is left out: \(first.text.debugDescription)")
        #expect(
            first.matched.lowercased() == "silo",
            "the row shows \(first.text.debugDescription) with matched cells \(first.matched.debugDescription)")
    }

    @Test("Enter keeps the filter and focuses the list; n and N step through the hits")
    func enterKeepsFilter() {
        let e = Explorer().type("/silo").press(.enter)
        #expect(e.state.mode == .normal)
        #expect(e.state.focus == .list)
        #expect(e.state.list.filter?.editing == false)
        let hits = e.state.list.entries
        #expect(hits.count > 2)
        #expect(e.titleRow(.list).contains("/silo ("))
        #expect(e.selectedTitle == "Collaboration across silos")
        e.press(.character("n"))
        #expect(e.state.list.cursor == 1)
        #expect(e.subjectTitle == bundledVault.notes[hits[1]].title)
        e.press(.character("n"))
        #expect(e.state.list.cursor == 2)
        e.press(.character("N"), .character("N"))
        #expect(e.state.list.cursor == 0)
        e.press(.character("N"))
        #expect(e.state.list.cursor == hits.count - 1, "N wraps to the last hit")
        e.press(.character("n"))
        #expect(e.state.list.cursor == 0, "n wraps to the first hit")
        // Enter now opens the hit.
        e.press(.enter)
        #expect(e.subjectTitle == "Collaboration across silos")
        #expect(e.state.focus == .detail)
        // Esc in the list clears the filter, keeping the selected entry.
        e.press(.character("h"), .escape)
        #expect(e.state.focus == .list)
        #expect(e.state.list.filter == nil)
        #expect(!e.titleRow(.list).contains("/silo"))
    }

    @Test("Esc while typing restores the list and selection from before the search")
    func escRestores() {
        let e = Explorer().selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces")
        let entries = e.state.list.entries
        let cursor = e.state.list.cursor
        let list = e.list
        e.type("/silo")
        #expect(e.state.list.entries != entries)
        e.press(.escape)
        #expect(e.state.mode == .normal)
        #expect(e.state.list.filter == nil)
        #expect(e.state.list.entries == entries)
        #expect(e.state.list.cursor == cursor)
        #expect(e.selectedTitle == "Safe experimental spaces")
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.titleRow(.list).contains("Practices (12)"))
        #expect(e.list == list)
    }

    @Test("Backspace and Ctrl-U edit the query; arrows move through the hits while typing")
    func editing() {
        let e = Explorer().type("/silox")
        #expect(e.state.list.entries.isEmpty)
        #expect(e.list.first == "(no match)")
        e.press(.backspace)
        #expect(e.state.list.filter?.query == "silo")
        #expect(!e.state.list.entries.isEmpty)
        e.press(.down)
        #expect(e.state.list.cursor == 1)
        e.press(.up)
        #expect(e.state.list.cursor == 0)
        e.press(.control("u"))
        #expect(e.state.list.filter?.query == "")
        #expect(e.state.list.entries.count == bundledVault.notes.count, "an empty query shows every entry")
    }

    @Test("A query with no hit says so on Enter and Esc brings the list back")
    func noHit() {
        let e = Explorer().type("/zzzqqq").press(.enter)
        #expect(e.state.list.entries.isEmpty)
        #expect(e.statusLine.contains("No entry matches"))
        #expect(e.state.subject == .nothing)
        #expect(e.titleRow(.detail).contains("Detail"))
        e.press(.escape)
        #expect(e.state.list.filter == nil)
        #expect(e.selectedTitle == "Start here")
    }

    @Test("Empty, blank and punctuation-only queries show every entry of the scope")
    func emptyQueries() {
        for query in ["", " ", "   ", "!!!", "., ;:-", "[[]]", "\"'`"] {
            let e = Explorer().press(.character("/")).type(query)
            #expect(e.state.list.entries.count == bundledVault.notes.count, "query \(query.debugDescription)")
            LayoutAndSizeTests.checkShape(e.screen, width: 80, height: 24, "query \(query.debugDescription)")
            e.press(.enter)
            #expect(e.state.focus == .list)
            #expect(!e.statusLine.contains("No entry matches"))
        }
        // In the list, the scope is the node's entries.
        let list = Explorer().selectTreeRow(titled: "Practices").press(.enter).type("/   ")
        #expect(list.state.list.entries.count == 12)
        #expect(list.titleRow(.list).contains("(12 of 12)"))
    }

    @Test("A 10,000-character query typed ahead is capped, renders, and can be cancelled")
    func hugeQuery() {
        let e = Explorer().press(.character("/"))
        e.typeAhead(Array(repeating: Key.character("a"), count: 10_000))
        let query = e.state.list.filter?.query ?? ""
        #expect(query.count == AppState.maximumQueryLength)
        #expect(query.count < 10_000)
        #expect(e.state.list.entries.isEmpty)
        LayoutAndSizeTests.checkShape(e.screen, width: 80, height: 24, "huge query")
        #expect(e.statusLine.hasPrefix("/aaaa"))
        e.press(.escape)
        #expect(e.state.list.filter == nil)
        #expect(e.selectedTitle == "Start here")
        // The same in the detail pane and in search-everything.
        let find = KeyTests.safeSpaces().press(.character("/"))
        find.typeAhead(Array(repeating: Key.character("x"), count: 10_000))
        #expect(find.state.detail.find?.query.count == AppState.maximumQueryLength)
        LayoutAndSizeTests.checkShape(find.screen, width: 80, height: 24, "huge find")
        let all = Explorer().press(.control("f"))
        all.typeAhead(Array(repeating: Key.character("é"), count: 10_000))
        LayoutAndSizeTests.checkShape(all.screen, width: 80, height: 24, "huge search all")
        #expect(all.text.contains("Search: éé"))
    }

    @Test("Control and odd keys while typing do not crash or leak into the query")
    func controlKeysWhileTyping() {
        let odd: [Key] = [
            .control("a"), .control("b"), .control("e"), .control("k"), .control("w"), .control("z"),
            .left, .right, .home, .end, .delete, .function(5), .pageDown, .pageUp, .tab, .backTab,
            .mouse(MouseEvent(kind: .click, row: 3, column: 3)), .resize(width: 80, height: 24),
            .character("\u{7}"), .character("\u{1B}"), .character("\u{9B}"), .character("\u{202E}"),
        ]
        for field in ["/", ":"] {
            let e = Explorer()
            if field == "/" { e.type("/silo") } else { e.press(.character(":")).type("silo") }
            e.press(odd)
            LayoutAndSizeTests.checkShape(e.screen, width: 80, height: 24, "odd keys in \(field)")
            let text = e.lines.joined()
            #expect(
                !text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) },
                "no control character reaches the screen")
        }
        let find = KeyTests.safeSpaces().type("/mistake")
        find.press(odd)
        LayoutAndSizeTests.checkShape(find.screen, width: 80, height: 24, "odd keys in find")
    }

    @Test("Ctrl-F and : open Search all entries; typing denmark lists the example with its matching line")
    func searchAll() throws {
        for opener in [Key.control("f"), .character(":")] {
            let e = Explorer().press(opener)
            #expect(e.state.mode == .typing(.global))
            #expect(e.text.contains("Search all entries"))
            #expect(e.text.contains("type to search"))
            e.type("denmark")
            guard let search = e.state.globalSearch else {
                Issue.record("no search overlay")
                continue
            }
            let first = try #require(search.hits.first)
            #expect(bundledVault.notes[first.note].title == "Denmark's free municipalities")
            #expect(e.text.contains("Search: denmark"))
            #expect(e.text.contains("\(search.hits.count) hits"))
            let lines = e.lines
            let titleRow = try #require(lines.firstIndex { $0.contains("Denmark's free municipalities") && $0.contains("example") })
            let matched = lines[titleRow + 1]
            #expect(matched.contains("Denmark's free municipality experiments"), "the matched line: \(matched)")
            #expect(e.screen.cells.contains { $0.style.role == .match && $0.text.lowercased() == "d" })
        }
    }

    @Test("Enter in Search all entries opens the hit with the detail cursor on the matched line")
    func searchAllOpens() throws {
        let e = Explorer().press(.control("f")).type("denmark").press(.enter)
        #expect(e.state.overlay == nil)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        #expect(e.state.focus == .detail)
        #expect(e.selectedNodeTitle == "Examples")
        #expect(e.selectedTitle == "Denmark's free municipalities")
        let line = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(line.contains("Denmark's free municipality experiments"), "cursor line: \(line)")
        // The cursor line is on screen and marked.
        let area = e.layout[.detail].content
        let screenRow = area.y + e.state.detail.cursor - e.state.detail.scroll
        #expect(screenRow >= area.y && screenRow < area.maxY)
        #expect(e.lines[screenRow].contains("Denmark's free municipality"))
        // Back returns to where the search started.
        e.press(.backspace)
        #expect(e.subjectTitle == "Start here")
        #expect(e.state.focus == .tree)
    }

    @Test("Moving in Search all entries, and a body-only hit opening at its line")
    func searchAllMoves() throws {
        let e = Explorer().press(.control("f")).type("cycling infrastructure")
        guard let search = e.state.globalSearch else {
            Issue.record("no overlay")
            return
        }
        #expect(!search.hits.isEmpty)
        e.press(.down, .up, .pageDown, .pageUp)
        e.press(.enter)
        let line = e.state.detail.document.lines[e.state.detail.cursor].text.lowercased()
        #expect(line.contains("cycling") || line.contains("infrastructure"), "cursor line: \(line)")
    }

    @Test("Esc closes Search all entries without moving; Enter with no query does nothing")
    func searchAllCancel() {
        let e = Explorer()
        let before = e.state.location
        e.press(.control("f")).type("denm").press(.escape)
        #expect(e.state.overlay == nil)
        #expect(e.state.mode == .normal)
        #expect(e.state.location == before)
        e.press(.character(":"), .enter)
        #expect(e.state.overlay == nil)
        #expect(e.state.location == before)
    }

    @Test("/ in the detail pane finds in the entry; n and N step; Esc while typing puts the cursor back")
    func findInEntry() {
        let e = KeyTests.safeSpaces()
        e.type("/mistake")
        #expect(e.state.mode == .typing(.detailFind))
        #expect(e.state.focus == .detail)
        let matches = e.state.detail.find?.matches.map(\.row) ?? []
        #expect(matches.count >= 3)
        #expect(e.state.detail.cursor == matches.first)
        #expect(e.statusLine.hasPrefix("/mistake"))
        #expect(e.statusLine.contains("\(matches.count) lines"))
        // Matched characters are highlighted in the pane.
        let matchedText = e.screen.cells.filter { $0.style.role == .match }.map(\.text).joined()
        #expect(matchedText.lowercased().contains("mistake"))
        e.press(.enter)
        #expect(e.state.mode == .normal)
        e.press(.character("n"))
        #expect(e.state.detail.cursor == matches[1])
        e.press(.character("n"))
        #expect(e.state.detail.cursor == matches[2])
        e.press(.character("N"))
        #expect(e.state.detail.cursor == matches[1])
        for _ in 0..<matches.count { e.press(.character("n")) }
        #expect(e.state.detail.cursor == matches[1], "n wraps around")
        let cursorRowOnScreen = e.layout[.detail].content.y + e.state.detail.cursor - e.state.detail.scroll
        #expect(e.lines[cursorRowOnScreen].lowercased().contains("mistake"))
        // Esc while typing a new find restores the cursor and scroll.
        e.press(.pageDown)
        let cursor = e.state.detail.cursor, scroll = e.state.detail.scroll
        e.type("/backlinks")
        #expect(e.state.detail.cursor != cursor)
        e.press(.escape)
        #expect(e.state.detail.cursor == cursor && e.state.detail.scroll == scroll)
        #expect(e.state.detail.find == nil)
        // Not found says so.
        e.type("/zzzqqq").press(.enter)
        #expect(e.statusLine.contains("Not found in this entry"))
        #expect(e.state.detail.cursor == cursor)
    }

    @Test("After a find moves the cursor, t and 'Said around' use the found line's moment, as after j")
    func findUpdatesMoment() throws {
        let found = Explorer().selectTreeRow(titled: "Challenges").press(.enter)
            .selectListEntry(titled: "Procurement rules and internal regulations").press(.enter)
        found.type("/denmark").press(.enter)
        let row = found.state.detail.cursor
        #expect(row > 0)
        #expect(found.state.detail.document.lines[row].text.contains("Denmark"))
        let walked = Explorer().selectTreeRow(titled: "Challenges").press(.enter)
            .selectListEntry(titled: "Procurement rules and internal regulations").press(.enter)
            .moveDetailCursor(to: row)
        #expect(
            found.state.detail.moment == walked.state.detail.moment,
            "moment after find \(found.state.detail.moment ?? -1), after j \(walked.state.detail.moment ?? -1)")
        let saidAround = { (e: Explorer) in e.state.detail.document.lines.first { $0.text.hasPrefix("Said around") }?.text }
        #expect(saidAround(found) == saidAround(walked))
        found.press(.character("t"))
        walked.press(.character("t"))
        #expect(found.titleRow(.detail) == walked.titleRow(.detail))
    }

    @Test("A filtered list survives following a link: the list shows where you are, Esc does not jump elsewhere")
    func filterAndFollow() throws {
        let e = Explorer().type("/silo").press(.enter, .enter)
        #expect(e.subjectTitle == "Collaboration across silos")
        let target = try #require(e.refNumber(toNote: "silo_mentality"))
        e.follow(target)
        #expect(e.subjectTitle == "Silo mentality")
        #expect(e.selectedTitle == "Silo mentality")
        let title = e.titleRow(.list)
        let count = e.state.list.entries.count
        if e.state.list.filter != nil {
            // Still filtered: then the list must hold the filter's hits.
            #expect(
                e.state.list.entries == e.state.list.filter?.hits.map(\.note),
                "list title \(title) over \(count) entries of \(e.selectedNodeTitle ?? "?")")
        }
        e.press(.character("h"), .escape)
        #expect(e.state.focus == .list)
        let node = try #require(e.state.selectedNode)
        #expect(e.state.list.entries == node.entries, "after Esc the list shows the selected node (\(node.title)) again")
    }

    @Test("Back to a filtered list comes back to the filter and the hit that was opened")
    func backToFilteredList() {
        let e = Explorer().type("/silo").press(.enter, .character("j"))
        let hit = e.selectedTitle
        let entries = e.state.list.entries
        e.press(.enter)
        #expect(e.subjectTitle == hit)
        e.press(.backspace)
        #expect(e.state.focus == .list)
        #expect(e.selectedTitle == hit, "back selects the hit that was opened")
        #expect(e.state.list.entries == entries, "back shows the filtered list it left")

    }
}
