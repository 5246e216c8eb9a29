import FacetsCore
import Testing
@testable import FacetsUI

/// Issue 4: a newcomer finds a practice, follows it to a challenge it answers, from there to an example,
/// to the moment of the talk it cites, and comes back exactly where they were.
@Suite("Newcomer journey")
struct NewcomerJourneyTests {
    @Test("Practice → challenge → example → talk moment, then back to the same place", arguments: [(80, 24), (120, 40), (50, 20)])
    func journey(_ width: Int, _ height: Int) throws {
        let e = Explorer(width, height)

        // 1. The start: the tree is focused, Start here is shown.
        #expect(e.state.focus == .tree)
        #expect(e.subjectTitle == "Start here")
        #expect(e.tree.anyContains("Practices"))

        // 2. Practices in the tree: 12 entries.
        e.selectTreeRow(titled: "Practices")
        #expect(e.tree.contains { $0.contains("Practices") && $0.hasSuffix(" 12") })
        e.press(.enter)
        #expect(e.state.focus == .list)
        #expect(e.titleRow(.list).contains("Practices (12)"))

        // 3. Safe experimental spaces in the list, opened.
        e.selectListEntry(titled: "Safe experimental spaces")
        #expect(e.selectedTitle == "Safe experimental spaces")
        e.press(.enter)
        #expect(e.state.focus == .detail)
        #expect(e.titleRow(.detail).contains("Safe experimental spaces"))
        #expect(e.detail.first?.contains("Safe experimental spaces") == true)
        let practiceLocation = e.state.location

        // 4. A challenge it answers, by its link number.
        let challengeNumber = try #require(e.refNumber(toNote: "procurement_rules_and_internal_regulations"))
        let challengePages = e.detailPages()
        #expect(challengePages.anyContains("[\(challengeNumber)]"), "the link's number is on screen")
        e.follow(challengeNumber)
        #expect(e.subjectTitle == "Procurement rules and internal regulations")
        #expect(e.titleRow(.detail).contains("Procurement rules"))
        #expect(e.selectedNodeTitle == "Challenges")
        #expect(e.selectedTitle == "Procurement rules and internal regulations")

        // 5. Down the challenge to the line linking Denmark's free municipalities; Enter follows it.
        let denmarkRow = try #require(
            e.state.detail.document.lines.indices.first { row in
                guard let ref = e.state.detail.document.refs(onRow: row).first else { return false }
                if case .note(let index, _) = e.state.detail.document.refs[ref].target {
                    return bundledVault.notes[index].stem == "free_municipalities_denmark"
                }
                return false
            })
        e.press(.pageDown)
        e.moveDetailCursor(to: denmarkRow)
        let challengeLocation = e.state.location
        let challengeScreen = e.detail
        #expect(e.state.detail.cursor == denmarkRow)
        if height <= 24 { #expect(e.state.detail.scroll > 0, "the challenge is scrolled") }
        e.press(.enter)
        #expect(e.subjectTitle == "Denmark's free municipalities")
        #expect(e.titleRow(.detail).contains("Denmark's free municipalities"))
        #expect(e.selectedNodeTitle == "Examples")
        #expect(e.selectedTitle == "Denmark's free municipalities")

        // 6. The row citing 01:17:23, followed: the talk's timeline at that moment.
        let stampRow = try #require(
            e.state.detail.document.lines.indices.first { row in
                guard let ref = e.state.detail.document.refs(onRow: row).first else { return false }
                if case .moment(_, let seconds, _) = e.state.detail.document.refs[ref].target { return seconds == 1 * 3600 + 17 * 60 + 23 }
                return false
            })
        e.moveDetailCursor(to: stampRow)
        let exampleLocation = e.state.location
        #expect(e.detail.anyContains("▸01:17:23["))
        e.press(.enter)
        #expect(e.state.subject == .timeline(videoId: "G53g9-_0dMU", seconds: 4643))
        #expect(e.titleRow(.detail).contains("Timeline at 01:17:23"))
        #expect(e.detail.anyContains("▸01:17:23"))

        // 7. Back twice: the challenge, with the cursor and scroll it was left with.
        e.press(.backspace)
        #expect(e.state.location == exampleLocation)
        e.press(.backspace)
        #expect(e.subjectTitle == "Procurement rules and internal regulations")
        #expect(e.state.location == challengeLocation)
        #expect(e.state.detail.cursor == challengeLocation.detailCursor)
        #expect(e.state.detail.scroll == challengeLocation.detailScroll)
        #expect(e.selectedNodeTitle == "Challenges")
        #expect(e.selectedTitle == "Procurement rules and internal regulations")
        #expect(e.detail == challengeScreen, "the challenge looks as it was left")

        // 8. A third back: the practice.
        e.press(.backspace)
        #expect(e.subjectTitle == "Safe experimental spaces")
        #expect(e.state.location == practiceLocation)
        #expect(e.selectedNodeTitle == "Practices")
        #expect(e.selectedTitle == "Safe experimental spaces")

        // And forward again to the challenge, as left.
        e.press(.character("U"))
        #expect(e.state.location == challengeLocation)
    }
}
