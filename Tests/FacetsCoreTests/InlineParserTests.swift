import Testing
@testable import FacetsCore

@Suite("Inline Markdown")
struct InlineParserTests {
    func parse(_ text: String, line: Int = 1) -> [Inline] { InlineParser.parse(text, line: line) }

    @Test("bold, italic, both, code")
    func emphasisAndCode() {
        #expect(parse("a **bold** b") == [.text("a "), .strong([.text("bold")]), .text(" b")])
        #expect(parse("an *italic* word") == [.text("an "), .emphasis([.text("italic")]), .text(" word")])
        #expect(parse("_italic_ too") == [.emphasis([.text("italic")]), .text(" too")])
        #expect(parse("__strong__") == [.strong([.text("strong")])])
        #expect(parse("***both***") == [.strong([.emphasis([.text("both")])])])
        #expect(
            parse("**bold with *italic* inside**")
                == [.strong([.text("bold with "), .emphasis([.text("italic")]), .text(" inside")])])
        #expect(parse("use `let x = *y*` here") == [.text("use "), .code("let x = *y*"), .text(" here")])
        #expect(parse("``code with ` tick``") == [.code("code with ` tick")])
    }

    @Test(
        "snake_case words and lone stars are not emphasis",
        arguments: [
            "snake_case_word", "call my_function_name now", "2 * 3 * 4", "a ** b", "**unclosed", "file_name_.md",
        ])
    func notEmphasis(text: String) {
        #expect(parse(text) == [.text(text)])
    }

    @Test("Markdown links keep text and URL; links may hold emphasis")
    func markdownLinks() {
        #expect(
            parse("see [the site](https://oecd-opsi.org/) now")
                == [.text("see "), .link(text: [.text("the site")], url: "https://oecd-opsi.org/"), .text(" now")])
        #expect(parse("[**bold** link](http://x.y)") == [.link(text: [.strong([.text("bold")]), .text(" link")], url: "http://x.y")])
        #expect(parse("[not a link] (x)") == [.text("[not a link] (x)")])
    }

    @Test("`<br/>` is a line break; other inline HTML is dropped, its text kept")
    func html() {
        #expect(
            parse("From: [[index]] <br/> next") == [
                .text("From: "), .wikiLink(WikiLink(target: "index", label: "index", line: 1)), .text(" "), .lineBreak, .text(" next"),
            ])
        #expect(parse("a<br>b<BR />c") == [.text("a"), .lineBreak, .text("b"), .lineBreak, .text("c")])
        #expect(parse("<span class=\"x\">kept</span> <b>text</b><!-- gone -->") == [.text("kept text")])
        #expect(parse("<a href=\"https://example.org\">site</a>") == [.text("site")])
        #expect(parse("1 < 2 and 3 > 2") == [.text("1 < 2 and 3 > 2")])
    }

    @Test("HTML entities are decoded; unknown ones stay as written")
    func entities() {
        #expect(
            parse("&amp; &lt;tag&gt; &quot;q&quot; &#39;s &#x2014; &mdash; caf&eacute;&nbsp;!")
                == [.text("& <tag> \"q\" 's — — café\u{00A0}!")])
        #expect(parse("AT&T &unknown; &#xZZ;") == [.text("AT&T &unknown; &#xZZ;")])
    }

    @Test("backslash escapes")
    func escapes() {
        #expect(parse("\\*not italic\\* \\[[x]]") == [.text("*not italic* [[x]]")])
    }

    @Test("wiki links and timestamps inline, with their lines across newlines")
    func linksAndStamps() {
        let inlines = parse("first [[a]]\nsecond \(anchor("00:01:02")) [[b|B]]\nthird [00:00:09]", line: 7)
        #expect(wikiLinks(in: inlines).map { "\($0.target)@\($0.line)" } == ["a@7", "b@8"])
        #expect(timestamps(in: inlines).map { "\($0.literalSeconds)@\($0.line)" } == ["62@8", "9@9"])
        #expect(plain(inlines) == "first a second [00:01:02] B third [00:00:09]")
    }

    @Test("a timestamp anchor shows as one timestamp, not its text again")
    func anchorOnce() {
        let inlines = parse("Claim \(anchor("00:07:27")).")
        #expect(inlines == [.text("Claim "), .timestamp(TimestampRef(written: "00:07:27", line: 1)), .text(".")])
    }

    @Test("a `[time](<a …>…</a>` mistake with a `)` later on the line still shows the timestamps")
    func linkSwallowsAnchors() {
        // government_and_technology_partnerships.md line 52 in the OECD vault writes stamps this way.
        let text = "Free [00:51:56](\(anchor("00:51:56")), [00:53:01](\(anchor("00:53:01")). Saves money (a lot)."
        let n = note(text)
        #expect(n.timestamps.map(\.written) == ["00:51:56", "00:53:01"])
        let inlines = InlineParser.parse(text, line: 1)
        #expect(timestamps(in: inlines) == n.timestamps)
        #expect(!flatten(inlines).contains { if case .link = $0 { return true } else { return false } })
    }
}
