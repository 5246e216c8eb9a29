import FacetsCore
import Testing
@testable import FacetsUI

/// Keys, one behaviour at a time.
@Suite("Keys")
struct KeyTests {
    /// Safe experimental spaces opened from Practices, detail focused.
    static func safeSpaces(_ width: Int = 80, _ height: Int = 24) -> Explorer {
        Explorer(width, height).selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces").press(.enter)
    }

    @Test("j/k and the arrows move the tree selection, and the list follows it")
    func jkInTree() {
        let e = Explorer()
        #expect(e.state.focus == .tree)
        #expect(e.selectedNodeTitle == "Start here")
        e.press(.character("j"))
        #expect(e.selectedNodeTitle == "Concept")
        #expect(e.titleRow(.list).contains("Concept (1)"))
        #expect(e.subjectTitle == "Public sector innovation")
        e.press(.down, .down)
        #expect(e.selectedNodeTitle == "Facets")
        e.press(.character("k"), .up)
        #expect(e.selectedNodeTitle == "Concept")
        e.press(.character("k"), .character("k"))
        #expect(e.selectedNodeTitle == "Start here", "k stops at the top")
    }

    @Test("g/G and Home/End go to the top and bottom of the focused pane")
    func topAndBottom() {
        let e = Explorer()
        e.press(.character("G"))
        #expect(e.state.tree.cursor == e.state.tree.rows.count - 1)
        #expect(e.selectedNodeTitle == "All notes")
        #expect(e.tree.anyContains("All notes"), "the tree scrolled to show its last row")
        #expect(e.state.tree.scroll > 0)
        e.press(.character("g"))
        #expect(e.state.tree.cursor == 0 && e.state.tree.scroll == 0)
        e.press(.end)
        #expect(e.selectedNodeTitle == "All notes")
        e.press(.enter, .character("G"))
        #expect(e.state.list.cursor == bundledVault.notes.count - 1)
        e.press(.home)
        #expect(e.state.list.cursor == 0)
        let d = KeyTests.safeSpaces().press(.pageDown, .pageDown)
        d.press(.character("g"))
        #expect(d.state.detail.cursor == 0 && d.state.detail.scroll == 0)
    }

    /// "Said around" follows the cursor's moment, so moving to the end can change how long the document
    /// is; G must still end on its last line.
    @Test("G in the detail pane lands on the last line with the end of the document in view")
    func bottomOfDetail() {
        let d = KeyTests.safeSpaces()
        d.press(.character("G"))
        let lines = d.state.detail.document.lines.count
        #expect(d.state.detail.cursor == lines - 1, "after G the cursor is on row \(d.state.detail.cursor) of \(lines)")
        #expect(
            d.state.detail.scroll == lines - d.layout[.detail].content.height,
            "after G the view ends at row \(d.state.detail.scroll + d.layout[.detail].content.height) of \(lines)")
        let before = d.state.detail.cursor
        d.press(.character("G"))
        #expect(d.state.detail.cursor == before, "a second G moves no further")
    }

    @Test("PgDn/PgUp and Ctrl-D/Ctrl-U move a page in the detail pane")
    func pages() {
        let e = KeyTests.safeSpaces()
        let page = e.layout[.detail].content.height
        #expect(page == 21)
        let firstPage = e.detail
        e.press(.pageDown)
        #expect(e.state.detail.cursor == page - 1)
        e.press(.pageDown)
        #expect(e.state.detail.cursor == 2 * (page - 1))
        #expect(e.state.detail.scroll > 0)
        #expect(e.detail != firstPage)
        e.press(.pageUp, .pageUp)
        #expect(e.state.detail.cursor == 0)
        #expect(e.state.detail.scroll == 0)
        #expect(e.detail == firstPage)
        e.press(.control("d"))
        #expect(e.state.detail.cursor == page - 1)
        e.press(.control("u"))
        #expect(e.state.detail.cursor == 0)
    }

    @Test("Tab and Shift-Tab cycle the focus through tree, list and detail")
    func tabCycles() {
        let e = Explorer()
        var order: [ViewID] = [e.state.focus]
        for _ in 0..<3 {
            e.press(.tab)
            order.append(e.state.focus)
        }
        #expect(order == [.tree, .list, .detail, .tree])
        var back: [ViewID] = [e.state.focus]
        for _ in 0..<3 {
            e.press(.backTab)
            back.append(e.state.focus)
        }
        #expect(back == [.tree, .detail, .list, .tree])
        // The focused pane's title bar and bottom edge are drawn focused; its sides are not (each side
        // cell would cost a cursor step to restyle).
        e.press(.tab)
        let frame = e.layout[.list].outer
        #expect(e.screen[frame.y, frame.x].style.role == .borderFocused)
        #expect(e.screen[frame.y, frame.maxX - 1].style.role == .borderFocused)
        #expect(e.screen[frame.maxY - 1, frame.x + 1].style.role == .borderFocused)
        #expect(e.screen[frame.y + 1, frame.x].style.role == .border)
        #expect(e.screen[frame.y + 1, frame.maxX - 1].style.role == .border)
        #expect(e.screen[e.layout[.tree].outer.y, e.layout[.tree].outer.x].style.role == .border)
        #expect(e.statusLine.contains("Enter open"))
    }

    @Test("h and l move between panes; l on a closed tree node opens it")
    func hAndL() {
        let e = Explorer()
        e.press(.character("h"))
        #expect(e.state.focus == .tree, "h stops at the tree")
        e.press(.character("l"))
        #expect(e.state.focus == .list)
        e.press(.character("l"))
        #expect(e.state.focus == .detail)
        e.press(.character("l"))
        #expect(e.state.focus == .detail, "l stops at the detail pane")
        e.press(.character("h"))
        #expect(e.state.focus == .list)
        e.press(.left)
        #expect(e.state.focus == .tree)
        // Close Challenges with o, then l opens it again instead of moving on.
        e.selectTreeRow(titled: "Challenges").press(.character("o"))
        #expect(!e.state.tree.rows.contains { $0.title == "Silo mentality" || $0.title == "Organisational structure" })
        #expect(e.tree.anyContains("▸ Challenges"))
        e.press(.character("l"))
        #expect(e.state.focus == .tree)
        #expect(e.state.tree.rows.contains { $0.title == "Organisational structure" })
        #expect(e.tree.anyContains("▾ Challenges"))
        e.press(.right)
        #expect(e.state.focus == .list)
    }

    @Test("1, 2 and 3 focus the tree, the list and the detail pane")
    func numberKeysFocus() {
        let e = Explorer()
        e.press(.character("2"))
        #expect(e.state.focus == .list)
        e.press(.character("3"))
        #expect(e.state.focus == .detail)
        e.press(.character("h"), .character("1"))
        #expect(e.state.focus == .tree)
        e.press(.character("3"))
        #expect(e.state.focus == .detail)
        // In the detail pane digits are link numbers instead.
        e.press(.character("1"))
        #expect(e.state.focus == .detail)
        #expect(e.state.mode == .linkNumber("1"))
        #expect(e.statusLine.contains("Follow link 1_"))
        e.press(.escape)
        #expect(e.state.mode == .normal)
        #expect(e.subjectTitle == "Start here")
    }

    @Test("Enter on a tree node focuses its list; Enter on an entry opens it in the detail pane")
    func enterOpens() {
        let e = Explorer().selectTreeRow(titled: "Practices").press(.enter)
        #expect(e.state.focus == .list)
        #expect(e.titleRow(.list).contains("Practices (12)"))
        e.press(.character("j"))
        #expect(e.selectedTitle == "User involvement")
        #expect(e.subjectTitle == "User involvement", "the detail previews the selected entry")
        let historyBefore = e.state.history
        e.press(.enter)
        #expect(e.state.focus == .detail)
        #expect(e.subjectTitle == "User involvement")
        #expect(e.state.history != historyBefore, "opening is a step in history")
        #expect(e.statusLine.contains("Enter follow"))
    }

    @Test("A link's number then Enter opens its target and selects it in the tree and the list")
    func followByNumber() throws {
        let e = KeyTests.safeSpaces()
        #expect(e.state.detail.document.refs.count > 20)
        let denmark = try #require(e.refNumber(toNote: "free_municipalities_denmark"))
        #expect(denmark < 10, "the example is linked early in the note")
        e.press(.character(Character(String(denmark))))
        #expect(e.statusLine.contains("Follow link \(denmark)_"))
        e.press(.enter)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        #expect(e.state.focus == .detail)
        #expect(e.titleRow(.detail).contains("Denmark's free municipalities"))
        #expect(e.selectedNodeTitle == "Examples")
        #expect(e.selectedTitle == "Denmark's free municipalities")
        #expect(e.titleRow(.list).contains("Examples (9)"))
        #expect(e.statusLine.contains("Examples › Denmark"))
        // Two-digit numbers work, and f starts a number from any pane.
        e.press(.backspace)
        #expect(e.subjectTitle == "Safe experimental spaces")
        let procurement = try #require(e.refNumber(toNote: "procurement_rules_and_internal_regulations"))
        #expect(procurement >= 10)
        e.follow(procurement)
        #expect(e.subjectTitle == "Procurement rules and internal regulations")
        #expect(e.selectedNodeTitle == "Challenges")
        #expect(e.selectedTitle == "Procurement rules and internal regulations")
        e.press(.backspace, .character("h"), .character("f"))
        let risk = try #require(e.refNumber(toNote: "risk_avoidance"))
        e.type(String(risk)).press(.enter)
        #expect(e.subjectTitle == "Risk avoidance")
    }

    @Test("A number with no link says so and goes nowhere")
    func followMissingNumber() {
        let e = KeyTests.safeSpaces()
        let count = e.state.detail.document.refs.count
        e.follow(count + 1)
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.statusLine.contains("No link number \(count + 1)"))
        e.follow(0)
        #expect(e.subjectTitle == "Safe experimental spaces")
    }

    @Test("Enter on a line follows its first link; on a line with none it says so")
    func enterOnLine() throws {
        let e = KeyTests.safeSpaces()
        e.press(.enter)
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.statusLine.contains("No link on this line"))
        let row = try #require(e.documentRow(containing: "Risk avoidance["))
        e.moveDetailCursor(to: row).press(.enter)
        #expect(e.subjectTitle == "Risk avoidance")
    }

    @Test("Backspace, u and Ctrl-O go back; U and Ctrl-R go forward")
    func backAndForward() {
        let e = KeyTests.safeSpaces()
        e.follow(e.refNumber(toNote: "free_municipalities_denmark") ?? 0)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        e.follow(e.refNumber(toNote: "perceived_barriers") ?? 0)
        #expect(e.subjectTitle == "Perceived barriers")
        e.press(.backspace)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        e.press(.character("u"))
        #expect(e.subjectTitle == "Safe experimental spaces")
        e.press(.character("U"))
        #expect(e.subjectTitle == "Denmark's free municipalities")
        e.press(.control("r"))
        #expect(e.subjectTitle == "Perceived barriers")
        e.press(.control("r"))
        #expect(e.subjectTitle == "Perceived barriers")
        #expect(e.statusLine.contains("Nothing further forward"))
        e.press(.control("o"), .control("o"))
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.state.focus == .detail)
        e.press(.control("o"))
        #expect(e.subjectTitle == "Safe experimental spaces", "back to the list where it was opened")
        #expect(e.state.focus == .list)
        #expect(e.selectedNodeTitle == "Practices")
        e.press(.control("o"))
        #expect(e.statusLine.contains("Nothing further back"))
    }

    @Test("Back restores the node, the list selection, the detail cursor and scroll exactly")
    func backRestoresExactly() throws {
        let e = Explorer().selectTreeRow(titled: "All notes").press(.enter)
        e.selectListEntry(titled: "Procurement rules and internal regulations").press(.enter)
        let row = try #require(e.documentRow(containing: "Denmark's free municipalities["))
        e.press(.pageDown)
        e.moveDetailCursor(to: row)
        e.press(.character("j"), .character("k"))
        let before = e.state.location
        let screen = e.screen
        #expect(before.detailScroll > 0, "the test wants a scrolled place")
        e.press(.enter)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        e.press(.character("j"), .character("j"), .pageDown)
        e.press(.backspace)
        #expect(e.state.location == before)
        #expect(e.selectedNodeTitle == "All notes")
        #expect(e.selectedTitle == "Procurement rules and internal regulations")
        #expect(e.state.detail.cursor == before.detailCursor)
        #expect(e.state.detail.scroll == before.detailScroll)
        #expect(e.screen.text == screen.text, "the screen is the one left")
        // Forward comes back to where the example was left too.
        e.press(.character("U"))
        #expect(e.subjectTitle == "Denmark's free municipalities")
        #expect(e.state.detail.cursor > 0)
    }

    @Test("Back restores the list's scroll as well as its selection")
    func backRestoresListScroll() {
        let e = Explorer().selectTreeRow(titled: "All notes").press(.enter, .character("G"))
        for _ in 0..<5 { e.press(.character("k")) }
        let listScroll = e.state.list.scroll
        let listCursor = e.state.list.cursor
        let list = e.list
        #expect(listScroll > 0)
        e.press(.enter)
        // Somewhere with a short list, then back.
        e.follow(e.refNumber { if case .note = $0.target { return true } else { return false } } ?? 1)
        e.press(.backspace, .backspace)
        #expect(e.state.focus == .list)
        #expect(e.state.list.cursor == listCursor)
        #expect(e.state.list.scroll == listScroll, "the list is scrolled as it was left")
        #expect(e.list == list)
    }

    @Test("A link to a note that does not exist shows a 'No note for' page")
    func missingTarget() throws {
        let vault = Vault(
            origin: "test",
            files: [
                SourceFile(path: "a.md", text: "---\ntitle: Alpha\n---\nSee [[nowhere]] and [[b]].\n"),
                SourceFile(path: "b.md", text: "---\ntitle: Beta\n---\nBack to [[a]].\n"),
            ])
        let e = Explorer(state: AppState(vault: vault, width: 80, height: 24))
        e.press(.enter)
        e.selectListEntry(titled: "Alpha").press(.enter)
        #expect(e.subjectTitle == "Alpha")
        #expect(e.detail.anyContains("nowhere[1]"))
        e.follow(1)
        #expect(e.state.subject == .missing("nowhere"))
        #expect(e.titleRow(.detail).contains("Missing note"))
        #expect(e.detail.anyContains("No note for “nowhere”"))
        #expect(e.detail.anyContains("Alpha[1]"), "the page lists who links there")
        #expect(e.copy().resize(120, 40).statusLine.contains("Other notes › no note for nowhere"))
        e.follow(1)
        #expect(e.subjectTitle == "Alpha")
        e.press(.backspace, .backspace)
        #expect(e.subjectTitle == "Alpha")
    }

    @Test("Enter on a timestamp opens the talk's timeline at that moment")
    func enterOnTimestamp() throws {
        let e = KeyTests.safeSpaces()
        let row = try #require(e.documentRow(containing: "▸00:48:01["))
        e.moveDetailCursor(to: row).press(.enter)
        #expect(e.state.subject == .timeline(videoId: "G53g9-_0dMU", seconds: 2881))
        #expect(e.titleRow(.detail).contains("Timeline at 00:48:01"))
        #expect(e.detail.anyContains("▸00:48:01"), "the moment's statements are marked")
        let cursorLine = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(cursorLine.hasPrefix("▸"), "the cursor starts on a marked statement: \(cursorLine)")
        #expect(e.copy().resize(120, 40).statusLine.contains("Practices › timeline 00:48:01"))
        // A statement of the timeline opens its note at the line.
        e.press(.enter)
        #expect(e.subjectTitle != nil)
        e.press(.backspace)
        #expect(e.titleRow(.detail).contains("Timeline at 00:48:01"))
        e.press(.backspace)
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.state.detail.cursor == row)
    }

    @Test("t opens the timeline at the moment of the cursor's line")
    func tOpensTimeline() throws {
        let e = KeyTests.safeSpaces()
        e.press(.character("t"))
        #expect(e.titleRow(.detail).contains("Timeline at 00:48:01"), "the note's first moment")
        e.press(.character("t"))
        #expect(e.statusLine.contains("This is the timeline"))
        e.press(.backspace)
        // On the line that cites 01:17:23 the timeline opens there.
        let row = try #require(e.documentRow(containing: "▸01:17:23["))
        e.moveDetailCursor(to: row).press(.character("t"))
        #expect(e.titleRow(.detail).contains("Timeline at 01:17:23"), "got \(e.titleRow(.detail))")
    }

    @Test("'Said around' lists the statements near the moment of the cursor's line")
    func saidAroundFollowsCursor() throws {
        let e = KeyTests.safeSpaces()
        #expect(e.state.detail.document.lines.contains { $0.text.hasPrefix("Said around 00:48:01") })
        let row = try #require(e.documentRow(containing: "▸01:17:23["))
        e.moveDetailCursor(to: row)
        let heading = e.state.detail.document.lines.first { $0.text.hasPrefix("Said around") }?.text ?? ""
        #expect(heading.hasPrefix("Said around 01:17:23"), "got \(heading)")
    }

    @Test("y on a timestamp copies the talk's URL at that second")
    func copyTimestamp() throws {
        let e = KeyTests.safeSpaces()
        let row = try #require(e.documentRow(containing: "▸01:17:23["))
        e.moveDetailCursor(to: row).press(.character("y"))
        #expect(e.lastEffects == [.copyToClipboard("https://www.youtube.com/watch?v=G53g9-_0dMU&t=4643s")])
        #expect(e.statusLine.contains("Copied https://www.youtube.com/watch?v=G53g9-_0dMU&t=4643s"))
        e.press(.character("g"), .character("y"))
        #expect(e.lastEffects == [.copyToClipboard("[[safe_experimental_spaces]]")], "off a link, y copies the entry's link")
        let link = try #require(e.documentRow(containing: "Risk avoidance["))
        e.moveDetailCursor(to: link).press(.character("y"))
        #expect(e.lastEffects == [.copyToClipboard("[[risk_avoidance]]")])
        // The timeline's first link is the talk itself at that moment.
        e.press(.character("t"))
        let urlRow = try #require(e.documentRow(containing: "https://www.youtube.com/watch?v="))
        e.moveDetailCursor(to: urlRow).press(.character("y"))
        if case .copyToClipboard(let url)? = e.lastEffects.first {
            #expect(url.hasPrefix("https://www.youtube.com/watch?v=G53g9-_0dMU&t="))
            #expect(url.hasSuffix("s"))
        } else {
            Issue.record("y on the timeline's URL copied nothing: \(e.lastEffects)")
        }
    }

    @Test("? shows the help generated from the action table; every description can be scrolled into view")
    func helpOverlay() {
        for (w, h) in [(80, 24), (120, 40)] {
            let e = Explorer(w, h).press(.character("?"))
            #expect(e.state.helpScroll == 0)
            #expect(e.text.contains("Keys · Esc closes"))
            var seen = Set(e.lines)
            for _ in 0..<(ActionTable.rows.count + 5) {
                e.press(.character("j"))
                seen.formUnion(e.lines)
            }
            let text = seen.joined(separator: "\n")
            for row in ActionTable.rows {
                #expect(text.contains(row.description), "\(w)x\(h): help never shows \(row.description.debugDescription) in full")
                #expect(text.contains(ActionTable.keyNames(row)), "\(w)x\(h): help never shows the keys \(ActionTable.keyNames(row))")
            }
            for close in [Key.escape, .character("?"), .character("q"), .function(1)] {
                let c = e.copy().press(close)
                #expect(c.state.overlay == nil)
                #expect(c.lastEffects.isEmpty, "\(close) closes the help without quitting")
            }
        }

    }

    @Test("Help scrolls back up at once after scrolling past its end")
    func helpScrollIsBounded() {
        let e = Explorer().press(.character("?"))
        for _ in 0..<100 { e.press(.character("j")) }
        let bottom = e.text
        e.press(.character("k"))
        #expect(e.text != bottom, "one k after overscrolling should move the help up")
    }

    @Test("q and Ctrl-C quit from every pane; Ctrl-C also while typing or in help")
    func quit() {
        for focus in ["1", "2"] {
            #expect(Explorer().press(.character(Character(focus))).press(.character("q")).lastEffects == [.quit])
        }
        #expect(KeyTests.safeSpaces().press(.character("q")).lastEffects == [.quit])
        #expect(KeyTests.safeSpaces().press(.control("c")).lastEffects == [.quit])
        #expect(Explorer().press(.control("c")).lastEffects == [.quit])
        #expect(Explorer().type("/sil").press(.control("c")).lastEffects == [.quit])
        #expect(Explorer().press(.character("?"), .control("c")).lastEffects == [.quit])
        #expect(KeyTests.safeSpaces().type("12").press(.character("q")).lastEffects == [.quit])
        // q while typing a search is a letter.
        let typing = Explorer().type("/q")
        #expect(typing.effects.isEmpty)
        #expect(typing.state.list.filter?.query == "q")
    }

    @Test("An unbound key says so and changes nothing")
    func unboundKey() {
        let e = Explorer()
        let before = e.state.location
        e.press(.character("x"))
        #expect(e.statusLine.contains("x does nothing here"))
        #expect(e.state.location == before)
        e.press(.character("j"))
        #expect(!e.statusLine.contains("does nothing"), "the message lasts one key")
    }
}
