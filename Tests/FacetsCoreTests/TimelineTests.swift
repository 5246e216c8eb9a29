import Testing
@testable import FacetsCore

@Suite("Timeline of a talk")
struct TimelineTests {
    static let talk = vault([
        (
            "first.md",
            noteText(
                title: "First", videoId: "VID",
                body: """
                    Innovation is crucial \(anchor("00:01:00")) \(anchor("00:01:05")).
                    Two claims. One part \(anchor("00:03:00")). Second part \(anchor("00:03:10")).
                    *   **Novel or new** to the context \(anchor("00:01:30")).
                    """)
        ),
        (
            "second.md",
            noteText(
                title: "Second", videoId: "VID",
                body: """
                    Close by \(anchor("00:01:20")) and [00:01:31] later.
                    ## Heading stamp \(anchor("00:00:30"))
                    > [!info] In a callout \(anchor("00:02:00"))
                    """)
        ),
        ("other.md", noteText(title: "Other talk", videoId: "OTHER", body: "Elsewhere \(anchor("00:01:00"))")),
        ("plain.md", noteText(title: "No talk", body: "No stamps, no video [00:00:05]")),
    ])

    @Test("every stamp of every note of the talk, in time order, other talks left out")
    func ordered() throws {
        let v = Self.talk
        let first = try index(of: "first.md", in: v), second = try index(of: "second.md", in: v)
        let timeline = v.timeline(videoId: "VID")
        #expect(timeline.map(\.seconds) == [30, 60, 65, 80, 90, 91, 120, 180, 190])
        #expect(timeline.map(\.note) == [second, first, first, second, first, second, second, first, first])
        #expect(timeline.map(\.line) == [6, 5, 5, 5, 7, 5, 7, 6, 6])
        #expect(v.timeline(videoId: "OTHER").count == 1)
        #expect(v.timeline(videoId: "nope").isEmpty)
        #expect(v.videoIds == ["OTHER", "VID"])
    }

    @Test("ties keep vault order")
    func ties() {
        let v = vault([
            ("b.md", noteText(title: "B", videoId: "T", body: "x \(anchor("00:00:10"))")),
            ("a.md", noteText(title: "A", videoId: "T", body: "y \(anchor("00:00:10"))\nz \(anchor("00:00:10"))")),
        ])
        #expect(v.timeline(videoId: "T").map { "\($0.note)@\($0.line)" } == ["0@5", "1@5", "1@6"])
    }

    @Test("said around a moment: ±30 s, the note itself left out")
    func saidAround() throws {
        let v = Self.talk
        let first = try index(of: "first.md", in: v), second = try index(of: "second.md", in: v)
        let around = v.saidAround(videoId: "VID", seconds: 60, excludingNote: first)
        // 30 s (exactly 30 before), 80 s and 90/91 s: 91 is 31 s away.
        #expect(around.map(\.seconds) == [30, 80])
        #expect(around.allSatisfy { $0.note == second })
        #expect(v.saidAround(videoId: "VID", seconds: 60).map(\.seconds) == [30, 60, 65, 80, 90])
        #expect(v.saidAround(videoId: "VID", seconds: 60, window: 5).map(\.seconds) == [60, 65])
        #expect(v.saidAround(videoId: "VID", seconds: 185, excludingNote: second).map(\.seconds) == [180, 190])
        #expect(v.saidAround(videoId: "VID", seconds: 185, excludingNote: first).isEmpty)
    }

    @Test("the statement of an entry: the words its stamp closes, as plain text")
    func statements() throws {
        let v = Self.talk
        let timeline = v.timeline(videoId: "VID")
        func statement(at seconds: Int) throws -> String {
            let entry = try #require(timeline.first { $0.seconds == seconds })
            return v.statement(entry)
        }
        #expect(try statement(at: 60) == "Innovation is crucial")
        // The second stamp of a pair closes nothing new: it stands for the same words.
        #expect(try statement(at: 65) == "Innovation is crucial")
        #expect(try statement(at: 180) == "Two claims. One part")
        #expect(try statement(at: 190) == "Second part")
        #expect(try statement(at: 90) == "Novel or new to the context")
        #expect(try statement(at: 80) == "Close by")
        #expect(try statement(at: 91) == "and")
        #expect(try statement(at: 30) == "Heading stamp")
        let calloutStatement = try statement(at: 120)
        #expect(calloutStatement.hasSuffix("In a callout"))
        #expect(calloutStatement == "In a callout")
    }

    @Test("the talk of a note: named by the vault, or a placeholder; none without a video")
    func talkOfNote() throws {
        let v = Self.talk
        let first = try index(of: "first.md", in: v), plainNote = try index(of: "plain.md", in: v)
        let talk = try #require(v.talk(ofNote: first))
        #expect(talk.videoId == "VID")
        #expect(talk.title == "Talk VID")
        #expect(talk.url == "https://www.youtube.com/watch?v=VID")
        #expect(v.talk(ofNote: plainNote) == nil)
        #expect(v.talk(videoId: "VID") == nil)
    }

    @Test("plain lines: a line as a reader says it")
    func plainLines() throws {
        let v = Self.talk
        let first = try index(of: "first.md", in: v)
        #expect(v.notes[first].plainLine(5) == "Innovation is crucial.")
        #expect(v.notes[first].plainLine(7) == "Novel or new to the context.")
        #expect(v.notes[first].bodyLine(4) == nil)
        #expect(v.notes[first].bodyLine(7)?.hasPrefix("*   **Novel") == true)
        #expect(v.notes[first].bodyLine(8) == nil)
    }
}
