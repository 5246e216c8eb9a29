import FacetsCore
import Testing
@testable import FacetsUI

/// The strip across a talk's timeline: drawn above the statements, moved along with `[`/`]`, the
/// statements of the cursor's cell listed below it, Enter opening one (a history step).
@Suite("Timeline strip in the explorer")
struct TimelineStripUITests {
    static let shades: Set<Character> = ["░", "▒", "▓", "█"]

    /// "Safe experimental spaces" opened, then its talk's timeline (at the note's first moment).
    static func timeline(_ width: Int = 80, _ height: Int = 24, ascii: Bool = false) -> Explorer {
        Explorer(width, height, ascii: ascii).selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces").press(.enter, .character("t"))
    }

    @Test("the timeline opens with its strip: shaded ticks, a marker under the cursor's cell, what the cell holds")
    func stripDrawn() throws {
        let e = Self.timeline()
        let detail = e.detail
        let strip = detail[0]
        #expect(strip.contains { Self.shades.contains($0) }, "ticks on the strip: \(strip)")
        #expect(strip.contains("─"), "the talk's empty stretches")
        let cell = try #require(e.state.detail.stripCell)
        // The marker sits under the cursor's cell: the gutter is one column, so cell c is column c + 1.
        #expect(Array(detail[1])[safe: cell + 1] == "▲", "marker under cell \(cell): \(detail[1])")
        #expect(detail[1].contains("00:48:01"), "the cursor's moment: \(detail[1])")
        #expect(detail[1].contains("statement"))
        #expect(e.statusLine.contains("[/] moments"), "\(e.statusLine)")
        // The statements below the strip still open at the marked moment.
        #expect(e.state.detail.document.lines[e.state.detail.cursor].text.hasPrefix("▸"))
    }

    @Test("] and [ move along the strip; the cell's statements list below it; Enter opens one; Backspace returns")
    func moveAndOpen() throws {
        let e = Self.timeline()
        let panel = try #require(e.state.detail.strip)
        let start = try #require(e.state.detail.stripCell)
        e.press(.character("]"))
        let next = try #require(e.state.detail.stripCell)
        #expect(next > start)
        #expect(next == panel.strip.cellWithMoments(after: start))
        // The cell's first statement is at the top of the document area, under the strip, with the cursor.
        let statement = try #require(panel.statement(atRow: e.state.detail.cursor))
        #expect(e.state.detail.cursor == panel.statementRows[statement])
        #expect(e.state.detail.scroll == e.state.detail.cursor || e.state.detail.cursor - e.state.detail.scroll < 18)
        let time = TimestampRef.format(seconds: panel.seconds[statement])
        #expect(e.detail[1].contains(time), "the caption names the cell's moment \(time): \(e.detail[1])")
        let listed = e.detail.dropFirst(3).first { $0.contains(time) }
        #expect(listed != nil, "the cell's statement is listed below the strip")
        e.press(.character("["))
        #expect(e.state.detail.stripCell == start)
        e.press(.character("]"))
        // Enter opens the entry at that statement, as a history step.
        let ref = try #require(e.state.detail.refsOnCursorRow.first, "no statement link on the cursor's row")
        let expected = e.state.detail.document.refs[ref].target
        e.press(.enter)
        guard case .note(let index, let line) = expected, case .note(let shown) = e.state.subject else {
            Issue.record("Enter did not open an entry: \(e.state.subject)")
            return
        }
        #expect(shown == index)
        #expect(line != nil)
        e.press(.backspace)
        #expect(e.titleRow(.detail).contains("Timeline"))
        #expect(e.state.detail.stripCell == next, "back on the timeline at the same moment")
    }

    @Test("at the ends of the strip the keys say so; in a note they do nothing")
    func ends() {
        let e = Self.timeline()
        for _ in 0..<200 { e.press(.character("]")) }
        e.press(.character("]"))
        #expect(e.statusLine.contains("No later moment"), "\(e.statusLine)")
        for _ in 0..<200 { e.press(.character("[")) }
        e.press(.character("["))
        #expect(e.statusLine.contains("No earlier moment"), "\(e.statusLine)")
        e.press(.backspace)
        #expect(e.subjectTitle == "Safe experimental spaces")
        e.press(.character("]"))
        #expect(e.statusLine.contains("does nothing here"), "the strip's keys live in the timeline's context")
    }

    @Test("j/k move the strip's cursor with the statement under the line cursor")
    func lineCursorMovesStrip() throws {
        let e = Self.timeline()
        let panel = try #require(e.state.detail.strip)
        let last = try #require(panel.statementRows.last)
        e.moveDetailCursor(to: last)
        #expect(e.state.detail.stripCell == panel.strip.cell(forSecond: panel.seconds[panel.seconds.count - 1]))
        e.press(.character("g"))
        #expect(e.state.detail.stripCell == nil, "above the first statement the strip has no cursor")
        #expect(e.detail[1].contains("statements over"), "\(e.detail[1])")
    }

    @Test("find and link numbers still work on the timeline with its strip")
    func findAndLinkNumbers() throws {
        let e = Self.timeline()
        e.type("/experiment").press(.enter)
        let found = try #require(e.state.detail.find)
        #expect(!found.matches.isEmpty)
        #expect(found.matches.map(\.row).contains(e.state.detail.cursor))
        e.press(.escape)
        // Link 2 is the first statement.
        let target = e.state.detail.document.refs[1].target
        e.type("2").press(.enter)
        if case .note(let index, _) = target {
            #expect(e.state.subject == .note(index))
        } else {
            Issue.record("ref 2 is not a statement: \(target)")
        }
    }

    @Test("ASCII: the strip in .:=# with - for empty stretches and ^ for the marker, nothing outside ASCII")
    func ascii() throws {
        let e = Self.timeline(ascii: true)
        let strip = e.detail[0]
        #expect(strip.contains { ".:=#".contains($0) }, "\(strip)")
        #expect(strip.allSatisfy { $0.isASCII })
        #expect(e.detail[1].contains("^"))
        #expect(e.text.unicodeScalars.allSatisfy { $0.isASCII }, "an --ascii screen is ASCII")
    }

    @Test("correct at 80x24, 120x40 and 300x80 (two rows tall there), presenter mode, and no crash down to 1x1")
    func sizes() throws {
        for (w, h) in [(80, 24), (120, 40), (300, 80)] {
            let e = Self.timeline(w, h)
            let frame = e.layout[.detail]
            let cells = try #require(e.state.detail.strip?.strip.buckets.count)
            #expect(cells == frame.content.width - 1, "the strip spans the pane at \(w)x\(h)")
            let tall = h >= 40
            #expect(e.detail[0].contains { Self.shades.contains($0) })
            #expect(e.detail[1].contains { Self.shades.contains($0) } == tall, "\(w)x\(h): \(e.detail[1])")
            #expect(e.detail[tall ? 2 : 1].contains("▲"))
            let presenting = e.copy().press(.character("P"))
            #expect(presenting.detail[0].contains { Self.shades.contains($0) }, "presenter mode at \(w)x\(h)")
            #expect(presenting.detail.anyContains("▲"))
        }
        let e = Self.timeline()
        for w in [1, 2, 5, 10, 20, 40] {
            for h in [1, 2, 3, 5, 8, 12] {
                let screen = e.copy().resize(w, h).press(.character("]"), .character("[")).screen
                #expect(screen.width == w && screen.height == h)
            }
        }
    }

    @Test("a follower follows the presenter onto the timeline and along its strip")
    func following() throws {
        let presenter = Self.timeline().press(.character("]"))
        let name = try #require(presenter.state.shownEntryName)
        let panel = try #require(presenter.state.detail.strip)
        let statement = try #require(panel.statement(atRow: presenter.state.detail.cursor))
        #expect(name == "timeline:G53g9-_0dMU@\(panel.seconds[statement])")
        var follower = Explorer().state
        follower.startFollowing()
        follower.presenterOpened(name)
        #expect(follower.subject == .timeline(videoId: "G53g9-_0dMU", seconds: panel.seconds[statement]))
        let screen = Explorer(state: follower)
        #expect(screen.detail[0].contains { Self.shades.contains($0) }, "the follower sees the strip")
        #expect(screen.detail[1].contains("▲"), "\(screen.detail[1])")
        let followed = try #require(follower.detail.strip?.statement(atRow: follower.detail.cursor))
        #expect(abs(panel.seconds[followed] - panel.seconds[statement]) <= 30, "at the presenter's moment (its marked statements)")
        follower.presenterOpened("timeline:nope@5")
        #expect(follower.subject == .timeline(videoId: "G53g9-_0dMU", seconds: panel.seconds[statement]), "an unknown talk is ignored")
        #expect(TimelinePlace(name: "timeline:V") == TimelinePlace(videoId: "V", seconds: nil))
        #expect(TimelinePlace(name: "timeline:V@x") == nil && TimelinePlace(name: "notes/a.md") == nil)
    }

    @Test("the strip's keys are in the action table, in their own context, clashing with nothing")
    func keys() {
        #expect(KeyMap.defaults.action(for: .character("]"), in: [.timeline]) == .timelineNext)
        #expect(KeyMap.defaults.action(for: .character("["), in: [.timeline]) == .timelinePrevious)
        #expect(KeyMap.defaults.action(for: .character("]"), in: [.detail, .everywhere]) == nil)
        #expect(KeyMap.defaults.conflicts.isEmpty)
        let detailKeys = Set(KeyMap.defaults.rows.filter { $0.context == .detail }.flatMap(\.keys))
        #expect(detailKeys.isDisjoint(with: [.character("]"), .character("[")]), "timeline keys do not shadow the detail pane's")
    }
}
