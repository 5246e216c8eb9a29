import Foundation
import Testing
@testable import FacetsCore

/// Timelines and "said around" were made cheap for notes with many timestamps (each talk's timeline is
/// built once; statements are worked out a line at a time, not a timestamp at a time). They must still
/// say what the former entry-by-entry code said, on the real OECD vault.
@Suite("Statements in batches")
struct StatementBatchTests {
    /// The former one-entry implementation, kept as the reference.
    static func reference(_ vault: Vault, _ entry: TimelineEntry) -> String {
        guard let raw = vault.notes[entry.note].bodyLine(entry.line) else { return "" }
        let occurrence = vault.notes[entry.note].timestamps.prefix { $0 != entry.stamp || $0.line != entry.line }
            .filter { $0.line == entry.line }.count
        var segments: [[Inline]] = [[]]
        for inline in InlineParser.parse(BlockParser.stripLinePrefix(raw), line: entry.line) {
            if case .timestamp = inline { segments.append([]) } else { segments[segments.count - 1].append(inline) }
        }
        let texts = segments.map { Vault.tidy(InlineParser.plainText($0)) }
        var index = min(occurrence, texts.count - 1)
        while index > 0, texts[index].count < 2 { index -= 1 }
        return texts[index].count < 2 ? Vault.tidy(texts.joined(separator: " ")) : texts[index]
    }

    /// The former "said around": the whole timeline rebuilt, sorted and filtered per question.
    static func referenceAround(_ vault: Vault, _ video: String, _ seconds: Int, excluding: Int?) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for (index, note) in vault.notes.enumerated() where note.videoId == video {
            for stamp in note.timestamps {
                entries.append(TimelineEntry(note: index, seconds: vault.seconds(of: stamp, inNote: index), line: stamp.line, stamp: stamp))
            }
        }
        return entries.sorted { ($0.seconds, $0.note, $0.line) < ($1.seconds, $1.note, $1.line) }
            .filter { abs($0.seconds - seconds) <= 30 && $0.note != excluding }
    }

    @Test("every statement of every talk of the OECD vault, and said-around at every tenth moment")
    func oecd() throws {
        let vault = try Vault.load(directory: try Fixture.shared(Fixture.oecdVaultPath).path)
        var compared = 0
        for video in vault.videoIds {
            let timeline = vault.timeline(videoId: video)
            let batch = vault.statements(timeline)
            for (entry, text) in zip(timeline, batch) {
                #expect(text == Self.reference(vault, entry), "\(vault.notes[entry.note].path):\(entry.line)")
                compared += 1
            }
            for entry in timeline.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
                let around = vault.saidAround(videoId: video, seconds: entry.seconds, excludingNote: entry.note)
                #expect(around == Self.referenceAround(vault, video, entry.seconds, excluding: entry.note))
            }
        }
        #expect(compared > 5000, "\(compared) statements compared")
    }

    @Test("statements of one line holding many timestamps, with words between some of them")
    func crowdedLine() {
        let stamps = (0..<40).map { i in (i % 7 == 0 ? "words \(i) " : "") + "[00:0\(i / 10):\(i % 10)\(i % 10)]" }
        let v = vault([
            ("a.md", noteText(title: "A", videoId: "VID", body: "Lead. " + stamps.joined(separator: " ") + " tail\n[00:09:09] [00:09:09]"))
        ])
        let timeline = v.timeline(videoId: "VID")
        #expect(timeline.count == 42)
        #expect(v.statements(timeline) == timeline.map { Self.reference(v, $0) })

        // Bare stamps before any words, words after some, a line of nothing but stamps.
        let bare = vault([
            (
                "b.md",
                noteText(
                    title: "B", videoId: "VID",
                    body: """
                        [00:00:01] [00:00:02] then words [00:00:03] [00:00:04] x [00:00:05]
                        [00:01:01][00:01:02][00:01:03]
                        - [00:02:01] a list item [00:02:02]
                        """)
            )
        ])
        let bareTimeline = bare.timeline(videoId: "VID")
        #expect(bareTimeline.count == 10)
        #expect(bare.statements(bareTimeline) == bareTimeline.map { Self.reference(bare, $0) })
    }
}
