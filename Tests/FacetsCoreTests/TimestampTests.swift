import Testing
@testable import FacetsCore

@Suite("Timestamps")
struct TimestampTests {
    @Test(
        "anchor and bare variants from vaults/README.md, each to seconds",
        arguments: [
            // text, written, seconds
            ("<a class=\"yt-timestamp\" data-t=\"00:07:27\">[00:07:27]</a>", "00:07:27", 447),
            ("<a class=\"yt-timestamp\" data-t=\"01:02:03\">[01:02:03]</a>", "01:02:03", 3723),
            ("<a class=\"yt-timestamp\" data-t=\"1:13:42\">[1:13:42]</a>", "1:13:42", 4422),
            ("<a class=\"yt-timestamp\" data-t=\"0:19:34\">[0:19:34]</a>", "0:19:34", 1174),
            ("<a class=\"yt-timestamp\" data-t=\"56:07\">[56:07]</a>", "56:07", 3367),
            ("<a class=\"yt-timestamp\" data-t=\"09:10\">[09:10]</a>", "09:10", 550),
            ("<a class=\"yt-timestamp\" data-t=\"01:04:15:00\">[01:04:15:00]</a>", "01:04:15:00", 3855),
            ("<a class=\"yt-timestamp\" data-t=\"01:23:48]\">[01:23:48]</a>", "01:23:48", 5028),
            ("<a class=\"yt-timestamp\" data-t=\"01:3:33\">[01:3:33]</a>", "01:3:33", 3813),
            ("<a class=\"yt-timestamp\" data-t=\"01:23:18\"></a>", "01:23:18", 4998),
            ("<a class=\"yt-timestamp\" data-t=\"01:59:00\">01:59:00</a>", "01:59:00", 7140),
            ("<a class=\"yt=\" data-t=\"01:00:10\">[01:00:10]</a>", "01:00:10", 3610),
            ("<a class=\"yt=\"01:03:07\">[01:03:07]</a>", "01:03:07", 3787),
            ("<a class=\"yt=\"t-timestamp\" data-t=\"01:25:04\">[01:25:04]</a>", "01:25:04", 5104),
            ("<a class=\"yt=\"yt-timestamp\" data-t=\"00:17:58\">[00:17:58]</a>", "00:17:58", 1078),
            ("<a class=\"yt_timestamp\" data-t=\"00:16:57\">[00:16:57]</a>", "00:16:57", 1017),
            ("<A CLASS=\"YT-TIMESTAMP\" DATA-T=\"00:00:42\">[00:00:42]</A>", "00:00:42", 42),
            ("<a data-t=\"00:02:00\">[00:02:00]</a>", "00:02:00", 120),
            ("[00:01:02]", "00:01:02", 62),
            ("[1:02:03]", "1:02:03", 3723),
            ("[12:34]", "12:34", 754),
        ])
    func variants(text: String, written: String, seconds: Int) throws {
        let n = note("---\ntitle: T\nvideoId: vid\n---\nA claim \(text) ends here.")
        try #require(n.timestamps.count == 1, "\(text) → \(n.timestamps)")
        let stamp = n.timestamps[0]
        #expect(stamp.written == written)
        #expect(stamp.literalSeconds == seconds)
        #expect(stamp.line == 5)
        // The vault's reading agrees for a note with ordinary stamps.
        let v = vault([("n.md", "---\ntitle: T\nvideoId: vid\n---\nA claim \(text) ends here.")])
        #expect(v.seconds(of: stamp, inNote: 0) == seconds)
        // And the reader sees the same stamp the index counts.
        #expect(timestamps(in: InlineParser.parse("A claim \(text) ends here.", line: 5)) == [stamp])
    }

    @Test(
        "text that is not a timestamp",
        arguments: [
            "[00:01:02](https://youtu.be/x?t=62)",  // a Markdown link
            "[123:45]", "[1:2:3:4:5]", "[00]", "[ab:cd]", "12:30 without brackets",
            "<a href=\"https://example.org\">at 00:01:02</a>",  // an ordinary link that mentions a time
            "`[00:01:02]`",
        ])
    func notTimestamps(text: String) {
        let n = note("Say \(text) now")
        #expect(n.timestamps.isEmpty, "\(n.timestamps)")
    }

    @Test("an anchor that never closes still yields its bracketed text as one bare timestamp")
    func unclosedAnchor() {
        let n = note("Say <a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02] now")
        #expect(n.timestamps.map(\.literalSeconds) == [62])
    }

    @Test("an ordinary link whose URL happens to contain \"yt\" is not a timestamp")
    func ytHeuristic() {
        let n = note("See <a href=\"https://bytes.example/news\">published 10:45</a> today")
        #expect(n.timestamps.isEmpty, "\(n.timestamps)")
    }

    @Test("a three-digit field is not read from its last two digits")
    func threeDigitField() {
        let n = note("<a class=\"yt-timestamp\" data-t=\"123:45\">[123:45]</a>")
        #expect(n.timestamps.isEmpty, "\(n.timestamps)")
    }

    @Test("one anchor is one timestamp; several on a line keep their order")
    func severalOnALine() {
        let n = note("x \(anchor("00:09:02")) \(anchor("00:09:16")) [00:09:27] <a class=\"yt-timestamp\" data-t=\"00:09:36\"></a>")
        #expect(n.timestamps.map(\.literalSeconds) == [542, 556, 567, 576])
    }

    @Test("timestamps inside fenced code are not counted")
    func notInCode() {
        let n = note("```\n\(anchor("00:00:01"))\n```\n\(anchor("00:00:02"))")
        #expect(n.timestamps.map(\.literalSeconds) == [2])
        #expect(n.timestamps.first?.line == 4)
    }

    @Test("TimestampRef: literal, minutes reading, formatting")
    func refArithmetic() {
        let four = TimestampRef(written: "01:04:15:00")
        #expect(four.literalSeconds == 3855)
        #expect(!four.mayBeMinutesWrittenAsHours)
        let minutes = TimestampRef(written: "25:42:00")
        #expect(minutes.mayBeMinutesWrittenAsHours)
        #expect(minutes.literalSeconds == 92_520)
        #expect(minutes.minutesReadingSeconds == 1542)
        #expect(!TimestampRef(written: "00:42:00").mayBeMinutesWrittenAsHours)
        #expect(!TimestampRef(written: "01:42:05").mayBeMinutesWrittenAsHours)
        #expect(TimestampRef(written: "12:34").literalSeconds == 754)
        #expect(TimestampRef.format(seconds: 0) == "00:00:00")
        #expect(TimestampRef.format(seconds: 1542) == "00:25:42")
        #expect(TimestampRef.format(seconds: 5370) == "01:29:30")
        #expect(TimestampReading.seconds(minutes, minutesFirst: true) == 1542)
        #expect(TimestampReading.seconds(minutes, minutesFirst: false) == 92_520)
        let early = TimestampRef(written: "00:42:07")
        #expect(TimestampReading.seconds(early, minutesFirst: true) == 2527)
    }

    @Test("a talk URL at a moment")
    func talkURL() {
        let talk = Talk(videoId: "G53g9-_0dMU", title: "Back to Basics", url: "https://www.youtube.com/watch?v=G53g9-_0dMU")
        #expect(talk.url(atSecond: 447) == "https://www.youtube.com/watch?v=G53g9-_0dMU&t=447s")
        #expect(talk.url(atSecond: 0) == "https://www.youtube.com/watch?v=G53g9-_0dMU&t=0s")
    }
}

@Suite("Minutes written as hours (MM:SS:00)")
struct MinutesFirstTests {
    /// Notes of one talk that ends near 1:30:00, and one note that writes minutes first.
    static func talkVault(extraNotes: [(String, String)] = []) -> Vault {
        vault(
            [
                ("a.md", noteText(title: "A", videoId: "VID", body: "One \(anchor("00:10:00"))\nTwo \(anchor("01:29:30"))")),
                ("b.md", noteText(title: "B", videoId: "VID", body: "Three \(anchor("00:20:00"))\nFour \(anchor("01:15:00"))")),
                (
                    "m.md",
                    noteText(
                        title: "M", videoId: "VID",
                        body: """
                            Early literal \(anchor("00:30:15"))
                            Minutes first \(anchor("25:42:00"))
                            Later \(anchor("61:10:00")) and \(anchor("02:05:00"))
                            """)
                ),
            ] + extraNotes)
    }

    @Test("a note whose stamps land past the talk's end is read minutes-first")
    func minutesFirstNote() throws {
        let v = Self.talkVault()
        let m = try index(of: "m.md", in: v)
        let seconds = v.notes[m].timestamps.map { v.seconds(of: $0, inNote: m) }
        // 00:30:15 stays literal; 25:42:00 → 25 min 42 s; 61:10:00 → 61 min 10 s; 02:05:00 → 2 min 5 s.
        #expect(seconds == [1815, 1542, 3670, 125])
        #expect(v.readings.minutesFirstNotes == [m])
        #expect(v.readings.talkLengths["VID"] == 5370)
    }

    @Test("notes with normal stamps are untouched, even `01:15:00`")
    func normalNotesUntouched() throws {
        let v = Self.talkVault()
        let a = try index(of: "a.md", in: v), b = try index(of: "b.md", in: v)
        #expect(v.notes[a].timestamps.map { v.seconds(of: $0, inNote: a) } == [600, 5370])
        #expect(v.notes[b].timestamps.map { v.seconds(of: $0, inNote: b) } == [1200, 4500])
        #expect(!v.diagnostics.contains { $0.path == "a.md" || $0.path == "b.md" })
    }

    @Test("check warns once for the minutes-first note, at its first such stamp")
    func warning() throws {
        let v = Self.talkVault()
        let warnings = v.diagnostics.filter { $0.message.contains("minutes first") }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.path == "m.md")
        #expect(warning.line == 6)
        #expect(warning.message.contains("25:42:00 read as 00:25:42"))
        #expect(warning.message.contains("01:29:30"))
        #expect(v.errors.isEmpty)
    }

    @Test("the timeline places minutes-first statements inside the talk")
    func timelineInsideTalk() {
        let v = Self.talkVault()
        let timeline = v.timeline(videoId: "VID")
        #expect(timeline.count == 8)
        #expect(timeline.allSatisfy { $0.seconds <= 5370 })
        #expect(timeline.map(\.seconds) == timeline.map(\.seconds).sorted())
    }

    @Test("with no sensible talk length, stamps past 3 hours are minutes-first")
    func unknownTalkLength() throws {
        let v = vault([("solo.md", noteText(title: "Solo", videoId: "ONE", body: "x \(anchor("05:56:00")) y \(anchor("00:12:00"))"))])
        #expect(v.notes[0].timestamps.map { v.seconds(of: $0, inNote: 0) } == [356, 720])
        let warning = try #require(v.diagnostics.first { $0.message.contains("minutes first") })
        #expect(warning.message.contains("no talk lasts 3 hours"))
    }

    @Test("a long talk under 3 hours is read literally")
    func longTalkLiteral() {
        let v = vault([("long.md", noteText(title: "Long", videoId: "L", body: "x \(anchor("02:50:00")) y \(anchor("02:10:00"))"))])
        #expect(v.notes[0].timestamps.map { v.seconds(of: $0, inNote: 0) } == [10_200, 7800])
        #expect(v.diagnostics.isEmpty)
    }

    @Test("`00:B:C` stays literal in a minutes-first note")
    func zeroHoursLiteral() throws {
        let v = Self.talkVault(extraNotes: [
            ("z.md", noteText(title: "Z", videoId: "VID", body: "x \(anchor("40:00:00")) y \(anchor("00:05:30"))"))
        ])
        let z = try index(of: "z.md", in: v)
        #expect(v.readings.minutesFirstNotes.contains(z))
        #expect(v.notes[z].timestamps.map { v.seconds(of: $0, inNote: z) } == [2400, 330])
    }

    @Test("four-field stamps are read H:M:S and warned")
    func fourFields() throws {
        let v = vault([("f.md", noteText(title: "F", videoId: "V4", body: "x\ny \(anchor("01:04:15:00"))"))])
        #expect(v.seconds(of: v.notes[0].timestamps[0], inNote: 0) == 3855)
        let warning = try #require(v.diagnostics.first { $0.message.contains("four fields") })
        #expect(warning.line == 6)
        #expect(warning.message.contains("01:04:15"))
    }
}

@Suite("Timestamps kept compact")
struct CompactTimestampTests {
    @Test("a stamp is 12 bytes: its text packed in two 32-bit halves and its line")
    func size() {
        // 1.3 million stamps in a 25,000-note vault: every byte here is 1.3 MB there.
        #expect(MemoryLayout<TimestampRef>.stride == 12)
    }

    @Test(
        "the fields read back from the packed text, by the quick path and the general one alike",
        arguments: [
            ("00:07:27", [0, 7, 27]), ("0:07:27", [0, 7, 27]), ("12:34", [12, 34]), ("01:04:15:00", [1, 4, 15, 0]),
            ("99:59:59", [99, 59, 59]), ("1:2", [1, 2]), ("10:00:00", [10, 0, 0]),
        ])
    func fields(written: String, parts: [Int]) {
        let stamp = TimestampRef(written: written, line: 3)
        #expect(stamp.parts == parts)
        #expect(stamp.fieldCount == parts.count)
        #expect(stamp.written == written)
        #expect(stamp.line == 3)
    }

    @Test("every two-digit time reads the same through the scanner as through the general path")
    func everyTwoDigitTime() {
        for hours in [0, 1, 9, 10, 59, 99] {
            for minutes in 0..<60 {
                for seconds in stride(from: 0, to: 60, by: 7) {
                    let text = String(format: "%02d:%02d:%02d", hours, minutes, seconds)
                    let scanned = note(anchor(text)).timestamps
                    #expect(scanned.count == 1)
                    #expect(scanned.first?.parts == [hours, minutes, seconds], "\(text)")
                    #expect(scanned.first?.literalSeconds == hours * 3600 + minutes * 60 + seconds)
                    #expect(scanned.first == TimestampRef(written: text, line: 1))
                }
            }
        }
    }

    @Test("text given to init with colons where digits belong is not read as a two-digit time")
    func oddText() {
        #expect(TimestampRef(written: "::::::::").parts == [])
        #expect(TimestampRef(written: "1:::2:34").parts == [1, 2, 34])
    }
}
