import FacetsCore
import Testing
@testable import FacetsUI

/// Obsidian's syntax as the detail pane shows it: escaped aliases in tables, heading and block links
/// opened at their place, embeds shown inline (cycles stopped), attachments by name, tags styled.
@Suite("Obsidian syntax rendered")
struct ObsidianRenderingTests {
    static let vault = Vault(
        origin: "test",
        files: [
            SourceFile(
                path: "skills.md",
                text: """
                    ---
                    title: Skills
                    ---
                    Opening words.

                    ## The Innovation Lifecycle
                    Stages of a project. ^stages

                    ## Elsewhere
                    Not in the section.

                    | Stage | Weeks |
                    | --- | --- |
                    | Pilot | 6 |

                    ^stage-table
                    """),
            SourceFile(
                path: "user.md",
                text: """
                    ---
                    title: User
                    ---
                    | Topic | Link |
                    | --- | --- |
                    | skills | [[skills\\|the skills]] |

                    Read [[skills#The Innovation Lifecycle|the lifecycle]], [[skills#^stages|the stages]] and [[#Own part]].

                    See [[skills#^stage-table|the table]] and [[skills#Vanished heading|a lost part]].

                    Before the embed ![[skills#The Innovation Lifecycle]] and after it.

                    ![[skills#The Innovation Lifecycle]]

                    ![[chart.png]]

                    Tweet with #GovAftershock and #topic/sub, not `#code`.

                    \(String(repeating: "filler line\n\n", count: 30))
                    ## Own part
                    The end.
                    """),
            SourceFile(path: "loop_a.md", text: "---\ntitle: Loop A\n---\nA says.\n\n![[loop_b]]\n"),
            SourceFile(path: "loop_b.md", text: "---\ntitle: Loop B\n---\nB says.\n\n![[loop_a]]\n"),
        ])

    func document(_ stem: String, width: Int = 70) -> RenderedDocument {
        let index = Self.vault.notes.firstIndex { $0.stem == stem } ?? 0
        return DocumentLayout.note(index, vault: Self.vault, width: width)
    }

    /// The explorer on the user note, detail pane focused.
    func openUser() -> Explorer {
        let e = Explorer(state: AppState(vault: Self.vault, width: 100, height: 30))
        e.press(.enter)
        e.selectListEntry(titled: "User").press(.enter)
        return e
    }

    @Test("an escaped alias in a table shows its label in its own cell, no backslash")
    func escapedAliasInTable() throws {
        let lines = document("user").lines.map(\.text)
        let row = try #require(lines.first { $0.contains("the skills") })
        #expect(row.contains("skills │ the skills[1]"))
        #expect(!row.contains("\\"))
    }

    @Test("following [[Note#Heading]] opens the note at that heading")
    func headingLinkOpensAtHeading() throws {
        let e = openUser()
        let ref = try #require(e.refNumber { $0.label == "the lifecycle" })
        e.follow(ref)
        #expect(e.subjectTitle == "Skills")
        let line = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(line.contains("The Innovation Lifecycle"), "cursor on: \(line)")
    }

    @Test("following [[Note#^block]] opens at the block, whose id is not shown")
    func blockLinkOpensAtBlock() throws {
        let e = openUser()
        let ref = try #require(e.refNumber { $0.label == "the stages" })
        e.follow(ref)
        #expect(e.subjectTitle == "Skills")
        let line = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(line.contains("Stages of a project."), "cursor on: \(line)")
        #expect(!e.detailPages().anyContains("^stages"))
    }

    @Test("`^id` alone on a line names the block above it: the link opens there, the id is not shown")
    func blockIDOnItsOwnLine() throws {
        let e = openUser()
        let ref = try #require(e.refNumber { $0.label == "the table" })
        e.follow(ref)
        #expect(e.subjectTitle == "Skills")
        let line = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(line.contains("Stage") && line.contains("Weeks"), "cursor on: \(line)")
        #expect(!e.detailPages().anyContains("stage-table"))
        #expect(e.state.message == nil || !(e.state.message ?? "").contains("no heading"))
    }

    @Test("a link to a heading its note lacks opens the note at its top and says the heading is not there")
    func missingHeading() throws {
        let e = openUser()
        let ref = try #require(e.refNumber { $0.label == "a lost part" })
        e.follow(ref)
        #expect(e.subjectTitle == "Skills")
        #expect(e.state.detail.cursor == 0)
        let message = try #require(e.state.message)
        #expect(message.contains("Skills has no heading or block “Vanished heading”"), "message: \(message)")
    }

    @Test("following [[#Heading]] moves within the same note to that heading")
    func sameNoteHeading() throws {
        let e = openUser()
        let ref = try #require(e.refNumber { $0.label == "Own part" })
        e.follow(ref)
        #expect(e.subjectTitle == "User")
        let line = e.state.detail.document.lines[e.state.detail.cursor].text
        #expect(line.contains("Own part"), "cursor on: \(line)")
        #expect(e.detail.anyContains("The end."))
    }

    @Test("![[Note#Heading]] shows that section inline, behind a bar, and nothing past it")
    func embedSection() throws {
        let lines = document("user").lines.map(\.text)
        let title = try #require(lines.firstIndex { $0.contains("│ Skills › The Innovation Lifecycle") })
        #expect(lines[title...].contains { $0.hasPrefix("│ ") && $0.contains("Stages of a project.") })
        #expect(!lines.contains { $0.contains("Not in the section.") })
        #expect(!lines.contains { $0.contains("Opening words.") })
        // The bar runs unbroken from the embed's title to its end, blank lines included.
        let end = try #require(lines[title...].firstIndex { $0.contains("Stages of a project.") })
        #expect(lines[title...end].allSatisfy { $0.hasPrefix("│") })
    }

    @Test("an embed inside a paragraph shows in place: the text before it, the embed, then the text after")
    func embedInPlace() throws {
        let lines = document("user").lines.map(\.text)
        let before = try #require(lines.firstIndex { $0.contains("Before the embed") })
        let embedded = try #require(lines.indices.first { $0 > before && lines[$0].hasPrefix("│ ") && lines[$0].contains("Stages of a project.") })
        let after = try #require(lines.firstIndex { $0.contains("and after it.") })
        #expect(before < embedded && embedded < after, "rows \(before), \(embedded), \(after)")
        #expect(!lines[before].contains("and after it."))
        #expect(lines[after].hasPrefix("and after it."), "the text after the embed starts its own line: \(lines[after])")
    }

    @Test("an embed cycle shows each note once, then a marker")
    func embedCycle() {
        let lines = document("loop_a").lines.map(\.text)
        #expect(lines.filter { $0.contains("B says.") }.count == 1)
        #expect(lines.filter { $0.contains("A says.") }.count == 1)
        #expect(lines.contains { $0.contains("embed cycle: Loop A is already shown above") })
    }

    @Test("![[image.png]] shows the file's name as a followable link, not as a missing note")
    func attachmentEmbed() throws {
        let doc = document("user")
        let span = try #require(doc.lines.flatMap(\.spans).first { $0.text == "chart.png" })
        #expect(span.role == .link)
        let ref = try #require(span.ref)
        #expect(doc.refs[ref].target == .missing("chart.png"))
    }

    @Test("tags are styled as tags; code is not")
    func tagsStyled() {
        let spans = document("user").lines.flatMap(\.spans)
        #expect(spans.filter { $0.role == .tag }.map(\.text) == ["#GovAftershock", "#topic/sub"])
        #expect(spans.contains { $0.role == .code && $0.text == "#code" })
    }
}
