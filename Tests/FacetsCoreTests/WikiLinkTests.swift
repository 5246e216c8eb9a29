import Testing
@testable import FacetsCore

@Suite("Wiki links")
struct WikiLinkTests {
    /// The one link a line holds, as the load-time scanner finds it.
    func link(_ text: String) throws -> WikiLink {
        let links = note(text).readLinks()
        try #require(links.count == 1, "expected one link in \(text), got \(links)")
        return links[0]
    }

    @Test(
        "every written form: target, heading, label, embed",
        arguments: [
            // text, target, heading, label, embed
            ("[[t]]", "t", nil, "t", false),
            ("[[t|label]]", "t", nil, "label", false),
            ("[[t | label]]", "t", nil, "label", false),
            ("[[ Public sector innovation ]]", "Public sector innovation", nil, "Public sector innovation", false),
            ("[[t#heading|label]]", "t", "heading", "label", false),
            ("[[t # heading | label]]", "t", "heading", "label", false),
            ("[[t#heading]]", "t", "heading", "t › heading", false),
            ("[[#heading]]", "", "heading", "heading", false),
            ("[[#heading|see below]]", "", "heading", "see below", false),
            ("![[embed]]", "embed", nil, "embed", true),
            ("![[image.png|caption]]", "image.png", nil, "caption", true),
            ("[[a|b|c]]", "a", nil, "b|c", false),
            ("[[a | b | c]]", "a", nil, "b | c", false),
            ("[[t|]]", "t", nil, "t", false),
            ("[[t| ]]", "t", nil, "t", false),
            ("[[t#]]", "t", nil, "t", false),
        ] as [(String, String, String?, String, Bool)])
    func forms(text: String, target: String, heading: String?, label: String, embed: Bool) throws {
        let found = try link("Before \(text) after")
        #expect(found.target == target)
        #expect(found.heading == heading)
        #expect(found.label == label)
        #expect(found.isEmbed == embed)
        #expect(found.line == 1)
        // The reader sees the same link the index counts.
        let shown = wikiLinks(in: InlineParser.parse("Before \(text) after", line: 1))
        #expect(shown == [found])
    }

    @Test(
        "empty and broken links are ignored",
        arguments: [
            "[[]]", "[[ ]]", "[[|]]", "[[|label only]]", "[[#]]", "[[not closed", "[[across\nlines]]", "[single]", "[[x]",
        ])
    func ignored(text: String) {
        let n = note("A \(text) B")
        #expect(n.readLinks().isEmpty, "\(n.readLinks())")
        #expect(wikiLinks(in: InlineParser.parse(text, line: 1)).isEmpty)
    }

    @Test("several links on a line, in order; `[[]]` between them skipped")
    func severalOnALine() {
        let n = note("[[a]] and [[b|B]] then [[]] and ![[c]]")
        #expect(n.readLinks().map(\.target) == ["a", "b", "c"])
        #expect(n.readLinks().map(\.isEmbed) == [false, false, true])
    }

    @Test("a single bracket before a link does not hide it")
    func tripleBracket() {
        #expect(note("[[[x]]]").readLinks().map(\.target).count == 1)
    }

    @Test("links inside fenced code and inline code are not counted")
    func notInCode() {
        let n = note(
            """
            [[before]]
            ```dataview
            LIST FROM [[in backtick fence]]
            ```
            ~~~
            [[in tilde fence]]
            ```
            [[still in tilde fence]]
            ~~~
            Inline `[[in code span]]` and ``[[in double span]]`` but [[after code]].
            ````
            ```
            [[inside a longer fence]]
            ````
            [[last]]
            """)
        #expect(n.readLinks().map(\.target) == ["before", "after code", "last"])
        #expect(n.readLinks().map(\.line) == [1, 10, 15])
    }

    @Test("line numbers count the front matter, blank lines and every line ending")
    func lineNumbers() {
        let n = note("---\ntitle: T\n---\n\n[[five]]\nsix\n\n[[eight]] and [[eight again]]\n\n\n[[eleven]]")
        #expect(n.readLinks().map(\.line) == [5, 8, 8, 11])
    }

    @Test("links in headings, lists, quotes, callouts and tables are all counted")
    func everywhere() {
        let n = note(
            """
            ## [[heading link]]
            - [[list link]]
                - [[nested link]]
            > [[quote link]]

            > [!info] [[callout title link]]
            > [[callout body link]]
            | a | b |
            |---|---|
            | [[cell|with pipe]] | x |
            <div class="callout">
            [[div link]]
            </div>
            """)
        #expect(
            n.readLinks().map(\.target) == [
                "heading link", "list link", "nested link", "quote link",
                "callout title link", "callout body link", "cell", "div link",
            ])
        // The block tree shows exactly the links the scanner counted.
        let shown = wikiLinks(in: allInlines(n.readBlocks()))
        #expect(shown.map(\.target) == n.readLinks().map(\.target))
        #expect(shown.map(\.line) == n.readLinks().map(\.line))
    }

    @Test("the block tree and the scanner agree on links and timestamps for a mixed note")
    func scannerAndReaderAgree() {
        let n = note(
            """
            ---
            title: Mixed
            ---
            From: [[index]] <br/>
            *   **Novel** [[a | A]] \(anchor("00:07:22")).
            1. [[b#part|B]] <a class="yt_timestamp" data-t="00:16:57">[00:16:57]</a>
            ```
            [[hidden]] \(anchor("00:00:01"))
            ```
            Bare [00:01:02] and `[[code]]` and [[c]].
            """)
        let blocks = n.readBlocks()
        #expect(wikiLinks(in: allInlines(blocks)) == n.readLinks())
        #expect(timestamps(in: allInlines(blocks)) == n.timestamps)
        #expect(n.readLinks().map(\.target) == ["index", "a", "b", "c"])
        #expect(n.timestamps.map(\.written) == ["00:07:22", "00:16:57", "00:01:02"])
    }

    /// The scanner passes over plain lines sixteen bytes at a time and counts them; it must stop where a
    /// line may open code or math, and number every link and timestamp as the reader does.
    @Test("lines passed over are counted, and fences and math after them still hide links")
    func linesPassedOver() {
        var lines: [String] = []
        var visible: [String] = []
        for index in 0..<240 {
            let filler = String(repeating: "word ", count: index % 9) + String(repeating: "x", count: index % 17)
            switch index % 24 {
            case 3:
                lines.append("\(filler)[[seen\(index)]]")
                visible.append("seen\(index)")
            case 5: lines.append("\(filler) \(anchor("00:0\(index % 10):0\(index % 7)"))")
            case 7: lines += ["> ```", "> [[quoted code \(index)]]", "> ```"]
            case 11: lines += ["  ~~~~", "[[tilde code \(index)]]", "  ~~~~"]
            case 13: lines += ["   $$", "[[math \(index)]]", "$$"]
            case 17:
                lines += ["$ not math [[dollar\(index)]]"]
                visible.append("dollar\(index)")
            case 19: lines.append("")
            default: lines.append(filler)
            }
        }
        let n = note(lines.joined(separator: "\n"))
        let blocks = n.readBlocks()
        #expect(n.readLinks().map(\.target) == visible)
        #expect(wikiLinks(in: allInlines(blocks)) == n.readLinks())
        #expect(timestamps(in: allInlines(blocks)) == n.timestamps)
        #expect(n.timestamps.count == 10)
        // Each link's line as counted by hand from the text.
        for link in n.readLinks() {
            #expect(lines[link.line - 1].contains("[[\(link.target)]]"), "\(link.target) on line \(link.line)")
        }
    }

    @Test(
        "the index and the reader agree where code, math and comments hide links",
        arguments: [
            "    ```\n[[x]]\n    ```\n[[after]]",  // an indented fence is still a fence for both
            "`[[x]]` [[after]]",
            "``a `[[x]]` b`` [[after]]",
        ])
    func agreeOnHiddenLinks(text: String) {
        let n = note(text)
        #expect(wikiLinks(in: allInlines(n.readBlocks())).map(\.target) == n.readLinks().map(\.target))
        #expect(n.readLinks().map(\.target) == ["after"])
    }

    @Test(
        "known disagreements between the index (LinkScanner) and the reader (BlockParser/InlineParser)",
        arguments: [
            "> ```\n> [[x]]\n> ```\n\n[[after]]",  // a fence inside a quote or callout
            "```\ncode\n```js\n[[x]]\n```\n[[after]]",  // a fence line with an info string does not close
            "<!-- [[x]] --> [[after]]",  // an HTML comment
            "\\[[x]] [[after]]",  // a backslash-escaped bracket
            "$$\n[[x]]\n$$\n[[after]]",  // math
        ])
    func knownDisagreements(text: String) {
        let n = note(text)
        let shown = wikiLinks(in: allInlines(n.readBlocks())).map(\.target)
        #expect(shown.contains("after"))
        #expect(shown == n.readLinks().map(\.target))
    }

    /// The span walks from stop to stop sixteen bytes at a time (CByteScan): wherever a pipe, a single
    /// `]`, a newline or a byte that makes the target not plain falls, before, on or after a 16-byte
    /// boundary, it must say what a byte-by-byte walk says.
    @Test("a link's parts are found wherever they fall against the scan's sixteen-byte steps")
    func spanAtEveryOffset() {
        for length in 0..<40 {
            for special in ["|", "]", "\n", "#", ".", "é", "x"] {
                let text = "[[" + String(repeating: "a", count: length) + special + "bb]] and more text after the link"
                let bytes = Array(text.utf8)
                let found = bytes.withUnsafeBufferPointer { WikiLinkSyntax.span($0, at: 0, end: $0.count) }
                let expected = Self.referenceSpan(bytes)
                #expect(found?.firstPipe == expected?.firstPipe, "\(text.debugDescription)")
                #expect(found?.close == expected?.close, "\(text.debugDescription)")
                #expect(found?.targetIsSimple == expected?.targetIsSimple, "\(text.debugDescription)")
            }
        }
    }

    /// The parts of the `[[…]]` at the start of `bytes`, found one byte at a time.
    static func referenceSpan(_ bytes: [UInt8]) -> (firstPipe: Int, close: Int, targetIsSimple: Bool)? {
        var firstPipe = -1
        var simple = true
        var j = 2
        while j + 1 < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\n") { return nil }
            if b == UInt8(ascii: "]") && bytes[j + 1] == UInt8(ascii: "]") { return (firstPipe, j, simple) }
            if firstPipe < 0 {
                if b == UInt8(ascii: "|") {
                    firstPipe = j
                } else if b >= 0x80 || b == UInt8(ascii: "#") || b == UInt8(ascii: ".") {
                    simple = false
                }
            }
            j += 1
        }
        return nil
    }
}
