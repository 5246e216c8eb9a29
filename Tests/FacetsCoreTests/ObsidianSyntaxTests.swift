import Testing
@testable import FacetsCore

/// The Obsidian syntax real vaults hold: escaped aliases in tables, heading and block links, embeds,
/// tags, links by path and by the nearest shared name.
@Suite("Obsidian syntax")
struct ObsidianSyntaxTests {
    func path(_ target: LinkTarget, in v: Vault) -> String? {
        if case .note(let i) = target { return v.notes[i].path }
        return nil
    }

    // MARK: Escaped aliases

    @Test("[[Note\\|shown]] in a table cell: one cell, the link to Note labelled 'shown'")
    func escapedAliasInTable() throws {
        let blocks = BlockParser.parse(
            """
            | Topic | Where |
            | --- | --- |
            | [[Alpha\\|the first]] | [[beta#Part\\|a part]] |
            """, firstLine: 1)
        guard case .table(_, let rows, _)? = blocks.first else {
            Issue.record("no table: \(blocks)")
            return
        }
        try #require(rows.count == 1)
        #expect(rows[0].count == 2)
        let links = rows[0].flatMap { wikiLinks(in: $0) }
        #expect(links.map(\.target) == ["Alpha", "beta"])
        #expect(links.map(\.label) == ["the first", "a part"])
        #expect(links.map(\.heading) == [nil, "Part"])
    }

    @Test("an escaped alias resolves at load as when it is shown, and counts as a backlink")
    func escapedAliasResolves() throws {
        let v = vault([
            ("alpha.md", noteText(title: "Alpha", body: "")),
            ("table.md", noteText(title: "Table", body: "| a |\n| - |\n| [[alpha\\|first]] |\n")),
        ])
        let alpha = try index(of: "alpha.md", in: v), table = try index(of: "table.md", in: v)
        #expect(v.linkTargets[table] == [.note(alpha)])
        #expect(v.backlinks[alpha].map(\.source) == [table])
        #expect(v.missing.isEmpty)
    }

    // MARK: Heading and block links

    @Test("heading and block anchors name the line of their heading or block")
    func anchors() {
        let blocks = BlockParser.parse(
            """
            # Top
            intro
            ## The Innovation Lifecycle
            text under it
            - a point ^point-1

            A paragraph to quote. ^quote
            ## Next
            """, firstLine: 1)
        #expect(LinkAnchor.line(of: "the innovation lifecycle", in: blocks) == 3)
        #expect(LinkAnchor.line(of: "Top#The Innovation Lifecycle", in: blocks) == 3)
        #expect(LinkAnchor.line(of: "^point-1", in: blocks) == 5)
        #expect(LinkAnchor.line(of: "^quote", in: blocks) == 7)
        #expect(LinkAnchor.line(of: "^nowhere", in: blocks) == nil)
        #expect(LinkAnchor.line(of: "Missing heading", in: blocks) == nil)
        // A heading's section stops at the next heading of its level.
        let section = LinkAnchor.section("The Innovation Lifecycle", in: blocks) ?? []
        #expect(section.map(\.line) == [3, 4, 5, 7])
    }

    @Test("a block id is hidden from the text and read from its end only")
    func blockIDs() {
        #expect(LinkAnchor.blockID(of: [.text("Said once. ^abc-1")]) == "abc-1")
        #expect(LinkAnchor.blockID(of: [.text("x^2 is not an id")]) == nil)
        #expect(LinkAnchor.blockID(of: [.text("power x^2")]) == nil)
        #expect(LinkAnchor.strippingBlockID([.text("Said once. ^abc-1")]) == [.text("Said once.")])
    }

    @Test("[[Note#Heading]], [[#Heading]] and [[Note#^id]] lead to the note (the same one for #Heading)")
    func anchoredLinksResolve() throws {
        let v = vault([
            ("skills.md", noteText(title: "Skills", body: "## The Innovation Lifecycle\nStages. ^stages\n")),
            (
                "user.md",
                noteText(
                    title: "User",
                    body: "[[skills#The Innovation Lifecycle | lifecycle]] [[#Own]] [[skills#^stages]]\n## Own\n")
            ),
        ])
        let skills = try index(of: "skills.md", in: v), user = try index(of: "user.md", in: v)
        #expect(v.linkTargets[user] == [.note(skills), .note(user), .note(skills)])
        let links = v.notes[user].readLinks()
        #expect(links.map(\.heading) == ["The Innovation Lifecycle", "Own", "^stages"])
    }

    // MARK: Links by path and by nearest name

    @Test("links by path, partial path and name ignore case, as Obsidian resolves them")
    func pathsAndCase() throws {
        let v = vault([
            ("Projects/Alpha/Plan.md", noteText(title: "Plan", body: "")),
            ("linker.md", noteText(title: "Linker", body: "[[Projects/Alpha/Plan]] [[alpha/plan]] [[PLAN]] [[projects/ALPHA/plan.md]]")),
        ])
        let plan = try index(of: "Projects/Alpha/Plan.md", in: v), linker = try index(of: "linker.md", in: v)
        #expect(v.linkTargets[linker] == Array(repeating: .note(plan), count: 4))
        #expect(v.missing.isEmpty)
    }

    @Test("two notes share a name: a link reaches the nearest, and check warns")
    func nearestNamesake() throws {
        let v = vault([
            ("a/index.md", noteText(title: "Index of a", body: "")),
            ("b/index.md", noteText(title: "Index of b", body: "")),
            ("b/deep/index.md", noteText(title: "Index of deep b", body: "")),
            ("a/from_a.md", noteText(title: "From a", body: "[[index]] [[Index]]")),
            ("b/deep/x/from_deep.md", noteText(title: "From deep", body: "[[index]]")),
            ("c/from_c.md", noteText(title: "From c", body: "[[index]] [[b/index]]")),
        ])
        let a = try index(of: "a/index.md", in: v), b = try index(of: "b/index.md", in: v)
        let deep = try index(of: "b/deep/index.md", in: v)
        #expect(v.linkTargets[try index(of: "a/from_a.md", in: v)] == [.note(a), .note(a)])
        #expect(v.linkTargets[try index(of: "b/deep/x/from_deep.md", in: v)] == [.note(deep)])
        // Nothing nearer: the shallowest, then the first in vault order; a partial path picks its folder.
        #expect(v.linkTargets[try index(of: "c/from_c.md", in: v)] == [.note(a), .note(b)])
        let warned = v.warnings.filter { $0.message.contains("3 notes share the name \"index\"") }
        #expect(Set(warned.map(\.path)) == ["a/index.md", "b/index.md", "b/deep/index.md"])
    }

    @Test("the link rule's nearest: most shared folders, then shallower, then first")
    func nearestRule() {
        let paths = ["x/n.md", "p/q/n.md", "p/n.md", "n.md"]
        #expect(LinkResolver.nearest([0, 1, 2, 3], to: "p/q/r/s.md", paths: paths) == 1)
        #expect(LinkResolver.nearest([0, 1, 2, 3], to: "p/t.md", paths: paths) == 2)
        #expect(LinkResolver.nearest([0, 1, 2, 3], to: "z/t.md", paths: paths) == 3)
        #expect(LinkResolver.nearest([0, 1], to: "z/t.md", paths: paths) == 0)
    }

    // MARK: Tags

    @Test(
        "tags in text: at a line start or after a space; nested; not numbers, headings, URLs or code",
        arguments: [
            ("#tag at the start", ["tag"]),
            ("hashtags like #GovAftershock <a href=\"x\">", ["GovAftershock"]),
            ("nested #parent/child and #a-b_c", ["parent/child", "a-b_c"]),
            ("not #123 but #y2024", ["y2024"]),
            ("# A heading\n## Another", []),
            ("see https://example.org/page#section and C#", []),
            ("in `#code` and\n```\n#fenced\n```\n", []),
            ("### [#GovAftershock | Waking up](https://youtu.be/x)", []),
            ("entity &#123; and #café", ["café"]),
        ])
    func tagsInText(text: String, expected: [String]) {
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { TagSyntax.tags(in: $0, from: 0) }
        #expect(found == expected)
    }

    @Test("the inline parser gives tags as they are shown, outside code")
    func tagsInline() {
        let inlines = InlineParser.parse("Tweet #GovAftershock now, see `#not` and page#frag", line: 1)
        let tags = flatten(inlines).compactMap { if case .tag(let t) = $0 { return t } else { return nil } }
        #expect(tags == ["GovAftershock"])
        #expect(plain(inlines) == "Tweet #GovAftershock now, see #not and page#frag")
    }

    @Test("the tag index: front matter list or string and body tags, one tag whatever its case; nested found below")
    func tagIndex() throws {
        let v = vault([
            ("one.md", noteText(title: "One", extra: "tags: [project/alpha, Meeting]", body: "Text #idea")),
            ("two.md", noteText(title: "Two", extra: "tags: project, meeting", body: "")),
            ("three.md", noteText(title: "Three", body: "#Project/Beta in text\n```\n#not-a-tag\n```")),
        ])
        let one = try index(of: "one.md", in: v), two = try index(of: "two.md", in: v), three = try index(of: "three.md", in: v)
        let tags = v.tagIndex()
        #expect(tags.tags.map { $0.name.lowercased() } == ["idea", "meeting", "project", "project/alpha", "project/beta"])
        #expect(tags.notes(tagged: "#meeting") == [one, two].sorted())
        #expect(tags.notes(tagged: "project") == [one, two, three].sorted())
        #expect(tags.notes(tagged: "project/beta") == [three])
        #expect(tags.notes(tagged: "not-a-tag").isEmpty)
    }

    @Test("the tag tree: a node per tag, nested tags below their parent, entries by title")
    func tagTree() throws {
        let v = vault([
            ("b.md", noteText(title: "Bravo", body: "#project/alpha #idea")),
            ("a.md", noteText(title: "Alpha", body: "#project")),
            ("c.md", noteText(title: "Charlie", body: "#project/beta/one")),
        ])
        let a = try index(of: "a.md", in: v), b = try index(of: "b.md", in: v), c = try index(of: "c.md", in: v)
        let tree = v.tagTree()
        #expect(tree.id == TagTree.rootID)
        #expect(tree.children.map(\.title) == ["#idea", "#project"])
        let project = try #require(tree.find(id: "tag:project"))
        #expect(project.entries == [a, b, c])
        #expect(project.children.map(\.id) == ["tag:project/alpha", "tag:project/beta"])
        #expect(tree.find(id: "tag:project/beta/one")?.entries == [c])
        #expect(tree.find(id: "tag:project/beta")?.entries == [c])
        #expect(tree.entries.count == 3)
    }
}
