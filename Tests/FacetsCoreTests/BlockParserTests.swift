import Testing
@testable import FacetsCore

@Suite("Body blocks")
struct BlockParserTests {
    func parse(_ body: String, firstLine: Int = 1) -> [Block] { BlockParser.parse(body, firstLine: firstLine) }

    /// The items of a `.list` block, or an empty array.
    func items(_ block: Block?) -> [ListItem] {
        if case .list(_, let items, _)? = block { return items }
        return []
    }

    // MARK: Headings and paragraphs

    @Test("headings h1 to h6; seven hashes or no space is a paragraph; closing hashes dropped")
    func headings() {
        let blocks = parse("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six ##\n####### Seven\n#NoSpace")
        var levels: [Int] = []
        var texts: [String] = []
        var lines: [Int] = []
        for block in blocks {
            if case .heading(let level, let content, let line) = block {
                levels.append(level)
                texts.append(plain(content))
                lines.append(line)
            }
        }
        #expect(levels == [1, 2, 3, 4, 5, 6])
        #expect(texts == ["One", "Two", "Three", "Four", "Five", "Six"])
        #expect(lines == [1, 2, 3, 4, 5, 6])
        guard case .paragraph(let content, let line)? = blocks.last else {
            Issue.record("expected a paragraph after the headings, got \(blocks)")
            return
        }
        #expect(plain(content) == "####### Seven #NoSpace")
        #expect(line == 7)
    }

    @Test("a heading with a link and a timestamp keeps both")
    func headingInlines() {
        let blocks = parse("## Why: [[government_innovation_motivations | Motivations]] \(anchor("00:09:02"))")
        guard case .heading(2, let content, _)? = blocks.first else {
            Issue.record("no heading: \(blocks)")
            return
        }
        #expect(wikiLinks(in: content).map(\.target) == ["government_innovation_motivations"])
        #expect(timestamps(in: content).map(\.literalSeconds) == [542])
    }

    @Test("paragraphs: lines joined, split by blank lines, first line numbered")
    func paragraphs() {
        let blocks = parse("line one\nline two\n\n\nthird paragraph", firstLine: 10)
        #expect(blocks.count == 2)
        guard case .paragraph(let first, 10) = blocks[0], case .paragraph(let second, 14) = blocks[1] else {
            Issue.record("unexpected blocks: \(blocks)")
            return
        }
        #expect(plain(first) == "line one line two")
        #expect(plain(second) == "third paragraph")
    }

    // MARK: Lists

    @Test("bullet lists nest by indentation", arguments: [2, 4, 8])
    func nestedBullets(indent: Int) throws {
        let pad = String(repeating: " ", count: indent)
        let blocks = parse("- a\n\(pad)- b\n\(pad)\(pad)- c\n\(pad)- d\n- e")
        #expect(blocks.count == 1)
        guard case .list(false, let top, 1)? = blocks.first else {
            Issue.record("expected one bullet list: \(blocks)")
            return
        }
        #expect(top.map { plain($0.content) } == ["a", "e"])
        #expect(top.map(\.marker) == ["•", "•"])
        #expect(top.map(\.line) == [1, 5])
        let second = items(top[0].children.first)
        #expect(second.map { plain($0.content) } == ["b", "d"])
        #expect(top[0].children.count == 1)
        let third = items(second.first?.children.first)
        #expect(third.map { plain($0.content) } == ["c"])
        #expect(third.first?.line == 3)
        #expect(second.last?.children.isEmpty == true)
        #expect(top[1].children.isEmpty)
    }

    @Test("the seed note's `*   ` bullets and ordered lists, with numbers as written")
    func orderedAndStarBullets() {
        let blocks = parse("*   **Novel** idea\n*   Implemented\n\n1. one\n2) two\n10. ten")
        #expect(blocks.count == 2)
        let bullets = items(blocks.first)
        #expect(bullets.map { plain($0.content) } == ["Novel idea", "Implemented"])
        guard case .list(true, let ordered, 4)? = blocks.last else {
            Issue.record("expected an ordered list at line 4: \(blocks)")
            return
        }
        #expect(ordered.map(\.marker) == ["1.", "2.", "10."])
        #expect(ordered.map { plain($0.content) } == ["one", "two", "ten"])
    }

    @Test("ordered list with nested bullets, and a switch from bullets to numbers makes two lists")
    func mixedLists() {
        let nested = parse("1. first\n   - detail\n2. second")
        let top = items(nested.first)
        #expect(top.map { plain($0.content) } == ["first", "second"])
        guard case .list(false, let inner, 2)? = top.first?.children.first else {
            Issue.record("expected a nested bullet list: \(nested)")
            return
        }
        #expect(inner.map { plain($0.content) } == ["detail"])

        let switched = parse("- bullet\n1. number")
        #expect(switched.count == 2)
        if case .list(false, _, 1) = switched[0], case .list(true, _, 2) = switched[1] {
        } else {
            Issue.record("expected a bullet list then an ordered list: \(switched)")
        }
    }

    @Test("continuation lines belong to their item; a blank line then a non-item ends the list")
    func continuation() {
        let blocks = parse("- item starts\n  and continues\n- next\n\nAfter the list")
        #expect(blocks.count == 2)
        #expect(items(blocks.first).map { plain($0.content) } == ["item starts and continues", "next"])
        guard case .paragraph(let content, 5)? = blocks.last else {
            Issue.record("expected a paragraph at line 5: \(blocks)")
            return
        }
        #expect(plain(content) == "After the list")
        // A blank line between items keeps one list.
        #expect(items(parse("- a\n\n- b").first).count == 2)
    }

    @Test("deep nesting is bounded and keeps every item")
    func deepNesting() {
        let depth = 60
        let text = (0..<depth).map { String(repeating: "  ", count: $0) + "- item\($0)" }.joined(separator: "\n")
        let blocks = parse(text)
        var count = 0
        func walk(_ blocks: [Block]) {
            for block in blocks {
                if case .list(_, let items, _) = block {
                    count += items.count
                    for item in items { walk(item.children) }
                }
            }
        }
        walk(blocks)
        #expect(count == depth)
    }

    // MARK: Quotes and callouts

    @Test("block quotes, nested quotes")
    func quotes() {
        let blocks = parse("> quoted\n> more\n>\n> > inner\n\nafter")
        #expect(blocks.count == 2)
        guard case .quote(let content, 1)? = blocks.first else {
            Issue.record("expected a quote: \(blocks)")
            return
        }
        guard content.count == 2, case .paragraph(let text, 1) = content[0], case .quote(let inner, 4) = content[1] else {
            Issue.record("unexpected quote content: \(content)")
            return
        }
        #expect(plain(text) == "quoted more")
        #expect(inner.count == 1)
        if case .paragraph(let innerText, 4)? = inner.first {
            #expect(plain(innerText) == "inner")
        } else {
            Issue.record("nested quote lost: \(inner)")
        }
    }

    @Test(
        "callouts: `> [!kind] Title`, `>[!kind]`, folded `-`, open `+`",
        arguments: [
            ("> [!info] Key facts\n> The body [[link]]", "info", "Key facts", false),
            (">[!info]\n>The body [[link]]", "info", "", false),
            ("> [!quote]- Folded away\n> The body [[link]]", "quote", "Folded away", true),
            ("> [!TIP]+ Open\n> The body [[link]]", "tip", "Open", false),
        ])
    func callouts(text: String, kind: String, title: String, folded: Bool) {
        let blocks = parse(text, firstLine: 20)
        #expect(blocks.count == 1)
        guard case .callout(let k, let t, let f, let content, let line)? = blocks.first else {
            Issue.record("expected a callout: \(blocks)")
            return
        }
        #expect(k == kind)
        #expect(plain(t) == title)
        #expect(f == folded)
        #expect(line == 20)
        guard case .paragraph(let body, 21)? = content.first else {
            Issue.record("expected the body paragraph on line 21: \(content)")
            return
        }
        #expect(plain(body) == "The body link")
        #expect(wikiLinks(in: body).first?.line == 21)
    }

    @Test("raw `<div class=\"callout\">` HTML, the OECD form: title from callout-title-inner, svg dropped")
    func htmlCallout() {
        let text = """
            <div class="callout">
                <div class="callout-title">
                    <div class="callout-icon">
                        <svg xmlns="http://www.w3.org/2000/svg" width="16" viewBox="0 0 24 24" class="lucide lucide-lightbulb"><path d="M15 14c.2-1 .7-1.7 1.5-2.5"></path><path d="M9 18h6"></path></svg>
                    </div>
                    <div class="callout-title-inner">Current Concerns</div>
                </div>
                Artificial intelligence is a major current concern \(anchor("00:01:36")).
            </div>

            After the callout.
            """
        let blocks = parse(text, firstLine: 5)
        #expect(blocks.count == 2)
        guard case .callout(let kind, let title, let folded, let content, let line)? = blocks.first else {
            Issue.record("expected a callout: \(blocks)")
            return
        }
        #expect(kind == "note")
        #expect(plain(title).contains("Current Concerns"))
        #expect(plain(title) == "Current Concerns")
        #expect(!folded)
        #expect(line == 5)
        let shown = plain(allInlines(content))
        #expect(shown.contains("Artificial intelligence is a major current concern"))
        #expect(!shown.contains("svg") && !shown.contains("path") && !shown.contains("<") && !shown.contains("M15"))
        #expect(timestamps(in: allInlines(content)).map { "\($0.literalSeconds)@\($0.line)" } == ["96@12"])
        guard case .paragraph(let after, 15)? = blocks.last else {
            Issue.record("expected the paragraph after the div on line 15: \(blocks)")
            return
        }
        #expect(plain(after) == "After the callout.")
    }

    @Test("div callout kinds from `is-x` and `data-callout`; a plain div shows its content")
    func divKinds() {
        let info = parse("<div class=\"callout is-info\">\n**The Cost of Inaction**\nText.\n</div>")
        if case .callout(let kind, _, _, let content, _)? = info.first {
            #expect(kind == "info")
            #expect(plain(allInlines(content)) == "The Cost of Inaction Text.")
        } else {
            Issue.record("expected a callout: \(info)")
        }

        let data = parse("<div data-callout=\"warning\" class=\"callout\">Careful</div>")
        if case .callout(let kind, _, _, let content, _)? = data.first {
            #expect(kind == "warning")
            #expect(plain(allInlines(content)) == "Careful")
        } else {
            Issue.record("expected a callout: \(data)")
        }

        let plainDiv = parse("<div class=\"box\">\nJust **text**\n</div>")
        #expect(plainDiv.count == 1)
        if case .paragraph(let content, 2)? = plainDiv.first {
            #expect(plain(content) == "Just text")
        } else {
            Issue.record("expected the div's text as a paragraph: \(plainDiv)")
        }
    }

    @Test("a div callout holding a numbered list keeps the list")
    func divWithList() {
        let blocks = parse("<div class=\"callout\">\n💡 **Summary:**\n1.  First \(anchor("00:02:17")).\n2.  Second.\n</div>")
        guard case .callout(_, _, _, let content, _)? = blocks.first else {
            Issue.record("expected a callout: \(blocks)")
            return
        }
        let lists = allBlocks(content).compactMap { block -> [ListItem]? in
            if case .list(true, let items, _) = block { return items } else { return nil }
        }
        #expect(lists.first?.map { plain($0.content) } == ["First [00:02:17].", "Second."])
    }

    // MARK: Code, rules, tables, math

    @Test(
        "fenced code keeps its info string and text verbatim",
        arguments: [
            ("```dataview\nLIST FROM [[x]]\n# not a heading\n```", "dataview", "LIST FROM [[x]]\n# not a heading"),
            ("~~~\nraw *text*\n~~~", "", "raw *text*"),
            ("~~~python title=\"x\"\n```\nstill code\n~~~", "python title=\"x\"", "```\nstill code"),
            ("````\n```\ninner fence\n```\n````", "", "```\ninner fence\n```"),
            ("```js\nnever closed\n", "js", "never closed\n"),
        ])
    func fencedCode(text: String, info: String, code: String) {
        let blocks = parse("before\n\n" + text, firstLine: 1)
        #expect(blocks.count == 2)
        guard case .code(let i, let t, let line)? = blocks.last else {
            Issue.record("expected code: \(blocks)")
            return
        }
        #expect(i == info)
        #expect(t == code)
        #expect(line == 3)
    }

    @Test("horizontal rules", arguments: ["---", "***", "___", "- - -", " * * * "])
    func rules(text: String) {
        let blocks = parse("above\n\n\(text)\nbelow")
        #expect(blocks.count == 3)
        #expect(blocks.dropFirst().first == .rule(line: 3))
    }

    @Test("pipe tables, with a wiki link whose pipe stays inside its cell")
    func tables() throws {
        let blocks = parse(
            """
            | Name | Link | Note |
            |:-----|------|-----:|
            | a | [[target|label]] | **bold** |
            | b | [[other | Other label]] | escaped \\| pipe |
            after
            """)
        #expect(blocks.count == 2)
        guard case .table(let header, let rows, 1)? = blocks.first else {
            Issue.record("expected a table: \(blocks)")
            return
        }
        #expect(header.map(plain) == ["Name", "Link", "Note"])
        #expect(rows.count == 2)
        #expect(rows.map { $0.count } == [3, 3])
        let link = try #require(wikiLinks(in: rows[0][1]).first)
        #expect(link.target == "target")
        #expect(link.label == "label")
        #expect(link.line == 3)
        #expect(rows[0][2] == [.strong([.text("bold")])])
        #expect(wikiLinks(in: rows[1][1]).map(\.label) == ["Other label"])
        #expect(plain(rows[1][2]) == "escaped | pipe")
    }

    @Test("`$$` math is kept as text, on one line or several")
    func math() {
        let blocks = parse("$$E = mc^2$$\n\n$$\na_b * c_d\n\\frac{1}{2}\n$$\nafter")
        #expect(blocks.count == 3)
        #expect(blocks[0] == .math(text: "E = mc^2", line: 1))
        #expect(blocks[1] == .math(text: "a_b * c_d\n\\frac{1}{2}", line: 3))
        if case .paragraph(let content, 7) = blocks[2] {
            #expect(plain(content) == "after")
        } else {
            Issue.record("expected the paragraph after the math: \(blocks)")
        }
    }

    @Test("every line of a mixed body lands in some block, with its line number")
    func mixedBody() {
        let body = """
            # Title
            Intro with [[link]].
            - item
            > quote
            ```
            code
            ```
            ---
            | a | b |
            |---|---|
            | 1 | 2 |
            $$x$$
            """
        let blocks = parse(body, firstLine: 5)
        #expect(blocks.map(\.line) == [5, 6, 7, 8, 9, 12, 13, 16])
    }

    @Test("stripLinePrefix removes list markers, quote marks and heading hashes")
    func stripLinePrefix() {
        #expect(BlockParser.stripLinePrefix("  *   **Novel** idea") == "**Novel** idea")
        #expect(BlockParser.stripLinePrefix("> > 12. twelve") == "twelve")
        #expect(BlockParser.stripLinePrefix("### Heading") == "Heading")
        #expect(BlockParser.stripLinePrefix("plain") == "plain")
    }

    @Test("a callout inside a callout")
    func nestedCallout() {
        let blocks = parse("> [!info] Outer\n> text\n> > [!tip]- Inner\n> > inner text")
        guard case .callout("info", _, false, let content, 1)? = blocks.first else {
            Issue.record("expected the outer callout: \(blocks)")
            return
        }
        guard case .callout("tip", let title, true, let inner, 3)? = content.last else {
            Issue.record("expected the inner callout: \(content)")
            return
        }
        #expect(plain(title) == "Inner")
        #expect(plain(allInlines(inner)) == "inner text")
    }

    @Test("a pipe table written without leading and trailing pipes")
    func tableWithoutOuterPipes() {
        let blocks = parse("Name | Value\n--- | ---\na | 1")
        guard case .table(let header, let rows, 1)? = blocks.first else {
            Issue.record("expected a table: \(blocks)")
            return
        }
        #expect(header.map(plain) == ["Name", "Value"])
        #expect(rows.map { $0.map(plain) } == [["a", "1"]])
    }
}
