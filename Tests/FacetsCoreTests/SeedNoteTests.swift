import Foundation
import Testing
@testable import FacetsCore

/// The seed note, ../shared/seed/government-innovation-strategies.md: figures counted with grep on the file
/// (`grep -o '<a class="yt-timestamp"'` → 80, distinct `data-t` values → 77, `grep -o '\[\[[^]]*\]\]'` → 13).
@Suite("The seed note")
struct SeedNoteTests {
    func seed() throws -> (text: String, note: Note) {
        let url = try Fixture.shared(Fixture.seedNotePath)
        let data = try Data(contentsOf: url)
        let n = NoteParser.parse(path: "government-innovation-strategies.md", bytes: Array(data))
        return (String(decoding: data, as: UTF8.self), n)
    }

    @Test("front matter: title and videoId, no warnings")
    func frontMatter() throws {
        let (_, n) = try seed()
        #expect(n.title == "Government innovation strategies")
        #expect(n.videoId == "G53g9-_0dMU")
        #expect(n.bodyFirstLine == 5)
        #expect(n.diagnostics.isEmpty, "\(n.diagnostics.map(\.formatted))")
    }

    @Test("exactly 80 timestamp anchors, 77 distinct")
    func anchorCounts() throws {
        let (text, n) = try seed()
        // The file itself, counted without the parser.
        #expect(text.components(separatedBy: "<a class=\"yt-timestamp\"").count - 1 == 80)
        #expect(n.timestamps.count == 80)
        #expect(Set(n.timestamps.map(\.written)).count == 77)
        #expect(Set(n.timestamps.map(\.literalSeconds)).count == 77)
        #expect(n.timestamps.allSatisfy { $0.parts.count == 3 })
        #expect(n.timestamps.first.map { "\($0.written)@\($0.line)" } == "00:07:27@8")
        #expect(n.timestamps.last?.written == "00:24:43")
        // Every anchor's line really holds that anchor.
        for stamp in n.timestamps {
            #expect(n.bodyLine(stamp.line)?.contains("data-t=\"\(stamp.written)\"") == true, "\(stamp)")
        }
    }

    @Test("exactly 13 wiki links, targets and labels as written")
    func linkCounts() throws {
        let (text, n) = try seed()
        #expect(text.components(separatedBy: "[[").count - 1 == 13)
        #expect(n.readLinks().count == 13)
        #expect(
            n.readLinks().map(\.target) == [
                "oecdobservatoryofpublicsec3116",
                "Public sector innovation",
                "government_innovation_motivations",
                "government_innovation_motivations",
                "innovation_strategies",
                "Public sector innovation strategies",
                "Public sector innovation methods and strategies",
                "Public sector innovation methods and strategies",
                "innovation strategies",
                "Challenges and strategies in implementing public sector innovation",
                "challenges_and_strategies_in_implementing_public_sector_innovation",
                "innovation_strategies_for_governments",
                "Public sector innovation trends",
            ])
        #expect(n.readLinks()[2].label == "Motivations for Government Innovation")
        #expect(n.readLinks()[1].label == "Public sector innovation")
        #expect(n.readLinks().first?.line == 6)
        #expect(n.readLinks().allSatisfy { !$0.isEmbed && $0.heading == nil })
        for link in n.readLinks() {
            #expect(n.bodyLine(link.line)?.contains("[[\(link.target)") == true, "\(link)")
        }
    }

    @Test("the block tree shows every link and timestamp the index counts")
    func blocks() throws {
        let (_, n) = try seed()
        let blocks = n.readBlocks()
        #expect(wikiLinks(in: allInlines(blocks)) == n.readLinks())
        #expect(timestamps(in: allInlines(blocks)) == n.timestamps)
        let headings = blocks.compactMap { block -> String? in
            if case .heading(let level, let content, _) = block { return "\(level) \(plain(content))" }
            return nil
        }
        #expect(headings.contains("2 Defining Public Sector Innovation"))
        #expect(headings.contains("2 Why Innovation Matters: Motivations for Government Innovation"))
        #expect(headings.contains("3 Enhancement-Oriented Innovation"))
        // The `From: [[index]] <br/>` line keeps its line break.
        guard case .paragraph(let from, 6)? = blocks.first else {
            Issue.record("the first block should be the From: paragraph on line 6: \(blocks.first as Any)")
            return
        }
        #expect(from.contains(.lineBreak))
    }

    @Test("alone in a vault: an 80-statement timeline in order, every statement has words")
    func timelineAlone() throws {
        let url = try Fixture.shared(Fixture.seedNotePath)
        let v = vault([("government-innovation-strategies.md", try String(contentsOf: url, encoding: .utf8))])
        let timeline = v.timeline(videoId: "G53g9-_0dMU")
        #expect(timeline.count == 80)
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
        #expect(timeline.first?.seconds == 60 + 56)
        #expect(timeline.last?.seconds == 3600 + 22 * 60 + 15)
        for entry in timeline {
            let statement = v.statement(entry)
            #expect(statement.count >= 2, "line \(entry.line): \(statement)")
            #expect(!statement.contains("<a") && !statement.contains("[["), "line \(entry.line): \(statement)")
        }
        #expect(v.readings.minutesFirstNotes.isEmpty)
    }
}
