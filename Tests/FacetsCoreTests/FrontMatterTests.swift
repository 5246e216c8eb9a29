import Foundation
import Testing
@testable import FacetsCore

@Suite("Front matter")
struct FrontMatterTests {
    @Test("title, videoId and every other key are kept, in order")
    func keysKept() throws {
        let n = note(
            """
            ---
            title: Government innovation strategies
            videoId: G53g9-_0dMU
            summary: Why and how governments innovate
            order: 3
            tags:
              - innovation
              - government
            meta:
              source: tubegraph
            empty:
            ---
            Body text.
            """, path: "notes/government_innovation_strategies.md")
        #expect(n.title == "Government innovation strategies")
        #expect(n.videoId == "G53g9-_0dMU")
        #expect(n.summary == "Why and how governments innovate")
        #expect(n.order == 3)
        #expect(n.stem == "government_innovation_strategies")
        #expect(n.frontMatter.entries.map(\.key) == ["title", "videoId", "summary", "order", "tags", "meta", "empty"])
        #expect(n.frontMatter["tags"] == .list([.scalar("innovation"), .scalar("government")]))
        #expect(n.frontMatter.strings("tags") == ["innovation", "government"])
        #expect(n.frontMatter["tags"]?.text == "innovation, government")
        #expect(n.frontMatter["meta"] == .map([FrontMatterEntry(key: "source", value: .scalar("tubegraph"))]))
        #expect(n.frontMatter["empty"] == .null)
        #expect(n.frontMatter.string("empty") == nil)
        #expect(n.frontMatter["absent"] == nil)
        #expect(n.bodyFirstLine == 13)
        #expect(n.readBody() == "Body text.")
        #expect(n.diagnostics.isEmpty)
    }

    @Test("aliases as a list, as a scalar, and the singular alias key")
    func aliasesListOrScalar() {
        let list = note("---\ntitle: A\naliases: [Sandbox, \"Test bed\"]\n---\n")
        #expect(list.aliases == ["Sandbox", "Test bed"])
        let block = note("---\ntitle: A\naliases:\n  - one\n  - two\n---\n")
        #expect(block.aliases == ["one", "two"])
        let scalar = note("---\ntitle: A\naliases: Playground\n---\n")
        #expect(scalar.aliases == ["Playground"])
        let singular = note("---\ntitle: A\nalias: Lab\n---\n")
        #expect(singular.aliases == ["Lab"])
    }

    @Test("quoted and numeric scalars stay text; a quoted null is not null")
    func scalarStyles() {
        let n = note("---\ntitle: \"Quoted: with colon\"\nvideoId: '0123'\nnothing: \"null\"\nkind: Practice\n---\n")
        #expect(n.title == "Quoted: with colon")
        #expect(n.videoId == "0123")
        #expect(n.frontMatter["nothing"] == .scalar("null"))
        #expect(n.kind == "practice")
    }

    @Test("no front matter: title from the file name, body from line 1")
    func noFrontMatter() {
        let n = note("# Heading\n\nText [[link]].\n", path: "folder/Safe experimental spaces.md")
        #expect(n.title == "Safe experimental spaces")
        #expect(n.stem == "Safe experimental spaces")
        #expect(n.frontMatter.entries.isEmpty)
        #expect(n.bodyFirstLine == 1)
        #expect(n.readLinks().map(\.line) == [3])
        #expect(n.diagnostics.isEmpty)
    }

    @Test("front matter without a title: file name used, warned")
    func noTitle() {
        let n = note("---\nvideoId: abc\n---\nText\n", path: "untitled_note.md")
        #expect(n.title == "untitled_note")
        #expect(n.videoId == "abc")
        #expect(n.diagnostics.contains { $0.severity == .warning && $0.message.contains("no title") })
    }

    @Test("an empty front matter block is no front matter")
    func emptyBlock() {
        let n = note("---\n---\nText [[x]]\n", path: "e.md")
        #expect(n.title == "e")
        #expect(n.bodyFirstLine == 3)
        #expect(n.readLinks().first?.line == 3)
        #expect(n.diagnostics.isEmpty)
    }

    @Test(
        "invalid YAML: the note loads, title from the file name, warning on the bad YAML line",
        arguments: [
            // (text, line YAML complains about)
            ("---\ntitle: ok\nvideoId: a: b\n---\nBody [[x]]\n", 3),
            ("---\ntitle: ok\nsummary: fine\nlist: [unclosed, \"x\"\nnext: 1\n---\nBody [[x]]\n", 5),
            ("---\ntitle: ok\n  bad indentation: here\n---\nBody [[x]]\n", 3),
        ])
    func invalidYAML(text: String, expectedLine: Int) throws {
        let n = note(text, path: "broken_yaml.md")
        #expect(n.title == "broken_yaml")
        #expect(n.frontMatter.entries.isEmpty)
        #expect(n.readLinks().map(\.target) == ["x"])
        let warning = try #require(n.diagnostics.first { $0.message.contains("invalid YAML") })
        #expect(warning.severity == .warning)
        #expect(warning.path == "broken_yaml.md")
        #expect(warning.line == expectedLine, "\(warning.formatted)")
        let closingFence = text.split(separator: "\n", omittingEmptySubsequences: false).lastIndex(of: "---")! + 1
        #expect((2..<closingFence).contains(warning.line), "the line must point into the YAML")
        #expect(warning.formatted.hasPrefix("broken_yaml.md:\(expectedLine): warning: invalid YAML"))
        #expect(n.bodyFirstLine == closingFence + 1)
    }

    @Test("front matter that is a list, not a map: warned, loads")
    func notAMap() {
        let n = note("---\n- a\n- b\n---\nBody\n", path: "list.md")
        #expect(n.title == "list")
        #expect(n.readBody() == "Body\n")
        #expect(n.diagnostics.contains { $0.line == 2 && $0.message.contains("not a map") })
    }

    @Test("front matter that never closes: warned at line 1, read as text")
    func neverCloses() {
        let n = note(
            "---\ntitle: Lost\nThe body [[link]] goes on <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a>\n",
            path: "unclosed.md")
        #expect(n.title == "unclosed")
        #expect(n.bodyFirstLine == 1)
        #expect(n.readBody().hasPrefix("---\ntitle: Lost"))
        #expect(n.readLinks().map(\.line) == [3])
        #expect(n.timestamps.map(\.line) == [3])
        let warning = n.diagnostics.first { $0.message.contains("never closes") }
        #expect(warning?.line == 1)
        #expect(warning?.severity == .warning)
    }

    @Test("`...` closes front matter like `---`")
    func dotsClose() {
        let n = note("---\ntitle: Dots\n...\nBody\n")
        #expect(n.title == "Dots")
        #expect(n.readBody() == "Body\n")
    }

    @Test("a byte order mark before the front matter is ignored")
    func byteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\ntitle: With BOM\n---\nLine four [[x]]\n".utf8)
        let n = NoteParser.parse(path: "bom.md", bytes: bytes)
        #expect(n.title == "With BOM")
        #expect(n.readLinks().first?.line == 4)
        #expect(!n.readBody().unicodeScalars.contains("\u{FEFF}"))
        #expect(n.diagnostics.isEmpty)
    }

    @Test(
        "CRLF and lone CR line endings: front matter read, line numbers right",
        arguments: ["\r\n", "\r"])
    func lineEndings(newline: String) throws {
        let lines = [
            "---", "title: Windows", "videoId: abc", "---", "Line five [[first]]", "",
            "Line seven \(anchor("00:01:02")) and [[second]]",
        ]
        let n = note(lines.joined(separator: newline), path: "crlf.md")
        #expect(n.title == "Windows")
        #expect(n.videoId == "abc")
        #expect(n.bodyFirstLine == 5)
        #expect(n.readLinks().map(\.line) == [5, 7])
        #expect(n.timestamps.map(\.line) == [7])
        #expect(!n.readBody().contains("\r"))
        #expect(n.bodyLine(7)?.hasPrefix("Line seven") == true)
        let blocks = n.readBlocks()
        #expect(blocks.map(\.line) == [5, 7])
    }

    @Test("invalid YAML with CRLF line endings still points at the right line")
    func invalidYAMLWithCRLF() throws {
        let n = note(["---", "title: ok", "", "videoId: a: b", "---", "Body"].joined(separator: "\r\n"), path: "w.md")
        let warning = try #require(n.diagnostics.first { $0.message.contains("invalid YAML") })
        #expect(warning.line == 4)
    }

    @Test("YAML alias bomb: bounded time, warned, note still loads")
    func aliasBomb() throws {
        let yaml = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """
        let started = Date()
        let n = note("---\ntitle: Laughs\n\(yaml)\n---\nStill here [[x]]\n", path: "lol.md")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 5, "alias expansion took \(elapsed) s")
        #expect(n.title == "lol")
        #expect(n.readLinks().map(\.target) == ["x"])
        let warning = try #require(n.diagnostics.first { $0.message.contains("more than") })
        #expect(warning.severity == .warning)
        #expect(warning.line >= 2 && warning.line <= 11)
    }

    @Test("a few aliases well under the budget are expanded")
    func smallAliases() {
        let n = note("---\ntitle: A\nbase: &b [x, y]\naliases: *b\n---\n")
        #expect(n.aliases == ["x", "y"])
        #expect(n.diagnostics.isEmpty)
    }

    @Test("FrontMatter accessors: int from a decimal, strings trimmed, text of nested values")
    func accessors() {
        let fm = FrontMatter(entries: [
            FrontMatterEntry(key: "order", value: .scalar("4.0")),
            FrontMatterEntry(key: "bad", value: .scalar("four")),
            FrontMatterEntry(key: "names", value: .list([.scalar(" a "), .scalar(""), .list([.scalar("b")])])),
            FrontMatterEntry(key: "m", value: .map([FrontMatterEntry(key: "k", value: .scalar("v"))])),
        ])
        #expect(fm.int("order") == 4)
        #expect(fm.int("bad") == nil)
        #expect(fm.strings("names") == ["a", "b"])
        #expect(fm["m"]?.text == "k: v")
        #expect(fm["m"]?.texts == [])
    }

    @Test(
        "front matter read without Yams (plain key: value lines) equals what Yams reads",
        arguments: [
            "title: Government innovation strategies\nvideoId: G53g9-_0dMU",
            "title: a:b\norder: 3",
            "title:   spaced out   \n\nkey-with-dash: v\nsnake_key: w",
            "title: ~\nother: null\nthird: NULL",
            "title: It's \"quoted\" inside, with commas",
            "title: C# and F#",
            "title: Café naïve",
            "title: ...",
            "title: true\nnumber: 1e3\nzero: 0123",
            "2fa: yes",
            "title: x # a comment",
            "title: 'single'",
            "title: -1",
            "videoId: -4X2NsnSuZI\ntitle: ?why not",
            "title: - a list item",
            "title: -",
            "title: ? complex",
            "title: ---",
            "title: -\tx",
            "title: a: b",
            "title:\tx",
            "title: [a, b]",
            "title: x\ntitle: y",
        ])
    func plainValuesMatchYams(yaml: String) throws {
        let n = note("---\n\(yaml)\n---\nbody", path: "fm.md")
        let yams = FrontMatterParser.parse(yaml + "\n", firstLine: 2)
        switch yams {
        case .success(let expected):
            #expect(n.frontMatter == expected)
        case .failure(let error):
            #expect(n.frontMatter.entries.isEmpty)
            #expect(n.diagnostics.contains { $0.line == error.line && $0.message.contains(error.message) })
        }
    }

    @Test("a byte order mark and CRLF line endings together")
    func bomAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Both\r\n---\r\n\r\n[[five]]\r\n".utf8)
        let n = NoteParser.parse(path: "both.md", bytes: bytes)
        #expect(n.title == "Both")
        #expect(n.readLinks().map(\.line) == [5])
        #expect(n.diagnostics.isEmpty)
    }
}

@Suite("Front matter read without Yams")
struct PlainFrontMatterTests {
    static func plain(_ yaml: String) -> FrontMatter? {
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { FrontMatterParser.plainKeyValues($0, 0..<bytes.count) }
    }

    @Test("A video id starting with a dash is read directly (a tenth of the OECD notes); a list entry is not")
    func dashes() {
        #expect(Self.plain("title: Adapting\nvideoId: -4X2NsnSuZI\n")?.string("videoId") == "-4X2NsnSuZI")
        #expect(Self.plain("title: ?why\n")?.string("title") == "?why")
        #expect(Self.plain("title: - item\n") == nil)
        #expect(Self.plain("title: -\n") == nil)
        #expect(Self.plain("title: ? key\n") == nil)
    }
}

@Suite("Front matter of real notes: the direct reading equals Yams")
struct RealFrontMatterTests {
    @Test("every OECD note whose front matter is read without Yams reads the same with Yams")
    func oecdNotes() throws {
        let folder = try Fixture.shared(Fixture.oecdVaultPath)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count == 878)
        var direct = 0
        for file in files {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(file)))
            try bytes.withUnsafeBufferPointer { buffer in
                guard case .closed(let yaml, _, _)? = FrontMatterFence.find(buffer) else { return }
                guard let plain = FrontMatterParser.plainKeyValues(buffer, yaml) else { return }
                direct += 1
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[yaml]), as: UTF8.self)
                let yams = try FrontMatterParser.parse(text, firstLine: 2).get()
                #expect(plain == yams, "\(file)")
            }
        }
        // Nearly every real note takes the direct way: the comparison covers the load's common case.
        #expect(direct > 800, "only \(direct) notes read directly")
    }
}
