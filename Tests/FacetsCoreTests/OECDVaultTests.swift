import Foundation
import Testing
@testable import FacetsCore

/// The whole real vault, ../shared/vaults/oecd-opsi: 878 notes about 97 talks, loaded once for these tests.
@Suite("The OECD OPSI vault")
struct OECDVaultTests {
    /// Loaded once per test process (the folder is read-only; loading never writes).
    nonisolated(unsafe) private static var cached: Vault?
    private static let lock = NSLock()

    func oecd() throws -> Vault {
        let folder = try Fixture.shared(Fixture.oecdVaultPath)
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if let cached = Self.cached { return cached }
        let loaded = try Vault.load(directory: folder.path)
        Self.cached = loaded
        return loaded
    }

    static let talkOfTheSeed = "G53g9-_0dMU"

    @Test("all 878 notes load, every .md file of the folder")
    func allNotesLoad() throws {
        let folder = try Fixture.shared(Fixture.oecdVaultPath)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(files.count == 878)
        let v = try oecd()
        #expect(v.notes.count == 878)
        #expect(Set(v.notes.map(\.path)) == Set(files))
        #expect(v.notes.allSatisfy { !$0.title.isEmpty })
        #expect(v.notes.filter { $0.videoId == nil }.map(\.path) == ["oecdobservatoryofpublicsec3116.md"])
    }

    @Test("a note's first timestamp, read only as far as it, is the first of all its timestamps, for every note")
    func firstTimestamp() throws {
        let v = try oecd()
        var withStamps = 0
        for note in v.notes {
            let all = note.timestamps
            #expect(note.firstTimestamp == all.first, "\(note.path)")
            if !all.isEmpty { withStamps += 1 }
        }
        #expect(withStamps > 800)
        // In memory too, with a timestamp inside code before the first real one.
        let text = "---\ntitle: T\n---\n`<a class=\"yt-timestamp\" data-t=\"00:00:01\">[00:00:01]</a>`\n\nSaid [00:02:03] then [00:04:05].\n"
        let parsed = note(text)
        #expect(parsed.firstTimestamp == parsed.timestamps.first)
        #expect(parsed.firstTimestamp?.written == "00:02:03")
    }

    @Test("at least 96% of links resolve")
    func resolution() throws {
        let v = try oecd()
        let targets = v.linkTargets.flatMap { $0 }
        let resolved = targets.filter { if case .note = $0 { return true } else { return false } }.count
        let share = Double(resolved) / Double(targets.count)
        print(
            "OECD vault: \(resolved) of \(targets.count) links resolve (\(String(format: "%.2f", share * 100))%), "
                + "\(v.missing.count) missing names")
        #expect(targets.count > 11_000)
        #expect(share >= 0.96, "only \(resolved) of \(targets.count) links resolve")
        // Missing links are listed and warned, one warning per link.
        let missingLinks = v.missing.values.reduce(0) { $0 + $1.count }
        #expect(missingLinks == targets.count - resolved)
        #expect(
            v.warnings.filter { $0.message.hasPrefix("no note for") || $0.message.hasPrefix("link leaves the vault") }.count
                == missingLinks)
    }

    @Test("no errors; every diagnostic names a file of the vault and a line inside it")
    func diagnostics() throws {
        let v = try oecd()
        #expect(v.errors.isEmpty, "\(v.errors.map(\.formatted))")
        let lineCounts = Dictionary(
            uniqueKeysWithValues: v.notes.map {
                ($0.path, $0.bodyFirstLine + $0.readBody().split(separator: "\n", omittingEmptySubsequences: false).count - 1)
            })
        for d in v.diagnostics {
            let lines = try #require(lineCounts[d.path], "\(d.formatted)")
            #expect(d.line >= 0 && d.line <= lines, "\(d.formatted)")
        }
    }

    @Test("the channel index names 97 talks, among them G53g9-_0dMU \"Back to Basics: …\"")
    func channelIndex() throws {
        let v = try oecd()
        #expect(v.talks.count == 97)
        let talk = try #require(v.talk(videoId: Self.talkOfTheSeed))
        #expect(talk.title.hasPrefix("Back to Basics: "))
        #expect(talk.title == "Back to Basics: The business case & building blocks for public sector innovation | OPSI Webinar")
        #expect(talk.url == "https://www.youtube.com/watch?v=G53g9-_0dMU")
        // Every note's talk is named by the index.
        #expect(Set(v.videoIds).isSubset(of: Set(v.talks.map(\.videoId))))
        // The tree is by talk, in index order, with All notes last.
        #expect(v.tree.children.first?.id == "talk:MymoO7zOk24")
        #expect(v.tree.children.last?.id == "all")
        #expect(v.tree.children.last?.entries.count == 878)
        #expect(v.tree.find(id: "talk:\(Self.talkOfTheSeed)")?.title == talk.title)
    }

    @Test("the timeline of G53g9-_0dMU is in non-decreasing order and holds the seed note's 80 stamps")
    func timeline() throws {
        let v = try oecd()
        let timeline = v.timeline(videoId: Self.talkOfTheSeed)
        #expect(timeline.count > 80)
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
        let seed = try index(of: "government_innovation_strategies.md", in: v)
        #expect(timeline.filter { $0.note == seed }.count == 80)
        #expect(Set(timeline.map(\.note)) == Set(v.notes.indices.filter { v.notes[$0].videoId == Self.talkOfTheSeed }))
    }

    @Test("minutes-first notes are warned, and every talk's timeline then stays under 3 hours")
    func minutesFirst() throws {
        let v = try oecd()
        let warned = v.warnings.filter { $0.message.contains("minutes first") }
        #expect(!warned.isEmpty)
        #expect(Set(warned.map(\.path)).count == warned.count)
        for video in v.videoIds {
            let timeline = v.timeline(videoId: video)
            #expect(timeline.allSatisfy { $0.seconds <= TimestampReading.longestTalk }, "\(video)")
        }
        // Notes with ordinary stamps are read at face value.
        let seed = try index(of: "government_innovation_strategies.md", in: v)
        #expect(!v.readings.minutesFirstNotes.contains(seed))
    }

    @Test("every note renders, and the reader shows exactly the links and timestamps the index counts")
    func readerAgreesWithIndex() throws {
        let v = try oecd()
        var disagreeing: [String] = []
        for n in v.notes {
            let inlines = allInlines(n.readBlocks())
            if wikiLinks(in: inlines) != n.readLinks() || timestamps(in: inlines) != n.timestamps {
                disagreeing.append(n.path)
            }
        }
        // Known: one note writes `[00:51:56](<a …>[00:51:56]</a>, … (…)`; see InlineParserTests.linkSwallowsAnchors.
        #expect(disagreeing.allSatisfy { $0 == "government_and_technology_partnerships.md" }, "\(disagreeing.prefix(10))")
        #expect(disagreeing.isEmpty, "\(disagreeing.count) notes: \(disagreeing.prefix(10))")
    }

    @Test("backlinks: every resolved link appears once among its target's backlinks")
    func backlinks() throws {
        let v = try oecd()
        var expected = 0
        for (source, targets) in v.linkTargets.enumerated() {
            for (i, target) in targets.enumerated() {
                guard case .note(let t) = target, !(t == source && v.notes[source].readLinks()[i].target.isEmpty) else { continue }
                expected += 1
            }
        }
        #expect(v.backlinks.reduce(0) { $0 + $1.count } == expected)
        let seed = try index(of: "government_innovation_strategies.md", in: v)
        #expect(!v.backlinks[seed].isEmpty)
    }

    @Test("lookups of real names")
    func lookups() throws {
        let v = try oecd()
        let seed = try index(of: "government_innovation_strategies.md", in: v)
        #expect(v.lookup("Government innovation strategies") == .found(seed))
        #expect(v.lookup("government_innovation_strategies") == .found(seed))
        guard case .notFound(let suggestions) = v.lookup("government innovation strategys") else {
            Issue.record("a misspelt name should not be found")
            return
        }
        #expect(suggestions.first == "government_innovation_strategies")
    }
}
