import Testing
@testable import FacetsCore

@Suite("Channel index and browse tree")
struct BrowseTreeTests {
    static let channel = noteText(
        title: "channelindex",
        body: """
            ### [Talk One](https://www.youtube.com/watch?v=AAA)
            - [[b]]

            ### [Back to Basics: The business case & building blocks | OPSI Webinar](https://www.youtube.com/watch?v=G53g9-_0dMU)
            - [[a]]
            ## [Short link](https://youtu.be/SHORT_1?t=4)
            ### Not a talk [link](https://example.org)
            ### [No video](https://example.org/page)
            ### [Talk One again](https://www.youtube.com/watch?v=AAA)
            """)

    static let byTalk = vault([
        ("a.md", noteText(title: "Zeta", videoId: "G53g9-_0dMU", body: "")),
        ("b.md", noteText(title: "beta", videoId: "AAA", body: "")),
        ("c.md", noteText(title: "Alpha", videoId: "AAA", body: "")),
        ("d.md", noteText(title: "Unindexed", videoId: "CCC", body: "")),
        ("index.md", channel),
        ("loose.md", noteText(title: "Gamma", body: "")),
    ])

    @Test("the channel index names talks from `### [Title](https://www.youtube.com/watch?v=ID)` headings")
    func channelIndex() {
        let talks = Self.byTalk.talks
        #expect(talks.map(\.videoId) == ["AAA", "G53g9-_0dMU", "SHORT_1"])
        #expect(
            talks.map(\.title) == [
                "Talk One", "Back to Basics: The business case & building blocks | OPSI Webinar",
                "Short link",
            ])
        #expect(talks[0].url == "https://www.youtube.com/watch?v=AAA")
        #expect(Self.byTalk.talk(videoId: "G53g9-_0dMU")?.title.hasPrefix("Back to Basics:") == true)
        #expect(ChannelIndex.videoId(in: "https://www.youtube.com/watch?v=G53g9-_0dMU&t=5s") == "G53g9-_0dMU")
        #expect(ChannelIndex.videoId(in: "https://example.org") == nil)
    }

    /// Headings read on their bytes when ASCII and by characters otherwise: both readings must agree, so
    /// each case is also checked with an accent in its title, which sends it down the character path.
    @Test(
        "a heading names a talk the same way whether its text is ASCII or not",
        arguments: [
            ("### [Talk One](https://www.youtube.com/watch?v=AAA)", "AAA", "Talk One", "https://www.youtube.com/watch?v=AAA"),
            ("## [ Spaced ](https://youtu.be/S_1-x?t=3)", "S_1-x", "Spaced", "https://youtu.be/S_1-x?t=3"),
            (
                "# [A [nested] title](https://www.youtube.com/watch?v=B2&list=x)", "B2", "A [nested] title",
                "https://www.youtube.com/watch?v=B2&list=x"
            ),
            ("#[Tight](https://www.youtube.com/watch?v=CCC)", "CCC", "Tight", "https://www.youtube.com/watch?v=CCC"),
            ("### [No id](https://www.youtube.com/watch?v=)", nil, nil, nil),
            ("### [Not a video](https://example.org/x)", nil, nil, nil),
            ("### [Unclosed](https://www.youtube.com/watch?v=DDD", nil, nil, nil),
            ("### [No link]", nil, nil, nil),
            ("### Plain heading", nil, nil, nil),
            ("", nil, nil, nil),
        ] as [(String, String?, String?, String?)])
    func headingTalk(line: String, video: String?, title: String?, url: String?) {
        let talk = ChannelIndex.talk(fromHeading: line[...])
        #expect(talk?.videoId == video)
        #expect(talk?.title == title)
        #expect(talk?.url == url)
        // The same heading with an accented title: the character path gives the same talk, title aside.
        let accented = line.replacingOccurrences(of: "[", with: "[é", options: [], range: line.range(of: "["))
        let viaCharacters = ChannelIndex.talk(fromHeading: accented[...])
        #expect(viaCharacters?.videoId == video)
        #expect(viaCharacters?.url == url)
        #expect(viaCharacters?.title.replacingOccurrences(of: "é", with: "").trimmed == title)
    }

    @Test("`kind: talk` notes name their talk too")
    func talkNotes() {
        let v = vault([
            ("talk.md", noteText(title: "The talk itself", videoId: "TTT", extra: "kind: talk", body: "")),
            ("x.md", noteText(title: "X", videoId: "TTT", body: "")),
        ])
        #expect(v.talks == [Talk(videoId: "TTT", title: "The talk itself", url: "https://www.youtube.com/watch?v=TTT")])
        #expect(v.talk(ofNote: 1)?.title == "The talk itself")
    }

    @Test("without kinds: a section per talk in channel order, named from the index, then others, then All notes")
    func treeByTalk() throws {
        let v = Self.byTalk
        let tree = v.tree
        #expect(tree.id == "root")
        #expect(tree.children.map(\.id) == ["talk:AAA", "talk:G53g9-_0dMU", "talk:CCC", "talk:", "all"])
        #expect(
            tree.children.map(\.title) == [
                "Talk One", "Back to Basics: The business case & building blocks | OPSI Webinar",
                "Talk CCC", "Other notes", "All notes",
            ])
        let paths = { (node: BrowseNode) in node.entries.map { v.notes[$0].path } }
        // Entries by title, case-insensitively.
        #expect(paths(tree.children[0]) == ["c.md", "b.md"])
        #expect(paths(tree.children[1]) == ["a.md"])
        #expect(paths(tree.children[3]) == ["index.md", "loose.md"])
        let all = try #require(tree.find(id: "all"))
        #expect(all.title == "All notes")
        #expect(paths(all) == ["c.md", "b.md", "index.md", "loose.md", "d.md", "a.md"])
        #expect(tree.flattened().map(\.depth) == [0, 1, 1, 1, 1, 1])
    }

    static let byKind = vault([
        ("p1.md", noteText(title: "Practice one", extra: "kind: practice\ngroup: Skills\norder: 2", body: "")),
        ("p2.md", noteText(title: "Practice two", extra: "kind: Practice\ngroup: Skills\norder: 1", body: "")),
        ("p3.md", noteText(title: "Practice three", extra: "kind: practice\ngroup: Money\norder: 0", body: "")),
        ("p4.md", noteText(title: "Practice four", extra: "kind: practice", body: "")),
        ("c1.md", noteText(title: "B challenge", extra: "kind: challenge", body: "")),
        ("c2.md", noteText(title: "A challenge", extra: "kind: challenge", body: "")),
        ("s.md", noteText(title: "Start", extra: "kind: start", body: "")),
        ("u.md", noteText(title: "Custom", extra: "kind: zebra", body: "")),
        ("u2.md", noteText(title: "Custom two", extra: "kind: aardvark", body: "")),
        ("o.md", noteText(title: "Other", body: "")),
    ])

    @Test("with kinds: sections in teaching order, groups in reading order, order then title inside")
    func treeByKind() throws {
        let v = Self.byKind
        let tree = v.tree
        #expect(
            tree.children.map(\.id) == [
                "kind:start", "kind:practice", "kind:challenge", "kind:aardvark", "kind:zebra",
                "kind:", "all",
            ])
        #expect(
            tree.children.map(\.title) == [
                "Start here", "Practices", "Challenges", "Aardvark", "Zebra", "Other notes",
                "All notes",
            ])
        let paths = { (node: BrowseNode) in node.entries.map { v.notes[$0].path } }
        let practice = try #require(tree.find(id: "kind:practice"))
        #expect(practice.children.map(\.id) == ["group:practice/Money", "group:practice/Skills"])
        #expect(paths(practice) == ["p3.md", "p2.md", "p1.md", "p4.md"])
        #expect(paths(try #require(tree.find(id: "group:practice/Skills"))) == ["p2.md", "p1.md"])
        #expect(paths(try #require(tree.find(id: "kind:challenge"))) == ["c2.md", "c1.md"])
        #expect(paths(try #require(tree.find(id: "kind:"))) == ["o.md"])
        #expect(try #require(tree.find(id: "all")).entries.count == 10)
        #expect(tree.find(id: "kind:nothing") == nil)
        let flat = tree.flattened()
        #expect(flat.count == 1 + 7 + 2)
        #expect(flat.first { $0.node.id == "group:practice/Money" }?.depth == 2)
    }

    @Test("the tree is a pure function of the notes: same vault, same tree")
    func deterministic() {
        let again = vault([
            ("p1.md", noteText(title: "Practice one", extra: "kind: practice\ngroup: Skills\norder: 2", body: "")),
            ("p2.md", noteText(title: "Practice two", extra: "kind: Practice\ngroup: Skills\norder: 1", body: "")),
            ("p3.md", noteText(title: "Practice three", extra: "kind: practice\ngroup: Money\norder: 0", body: "")),
            ("p4.md", noteText(title: "Practice four", extra: "kind: practice", body: "")),
            ("c1.md", noteText(title: "B challenge", extra: "kind: challenge", body: "")),
            ("c2.md", noteText(title: "A challenge", extra: "kind: challenge", body: "")),
            ("s.md", noteText(title: "Start", extra: "kind: start", body: "")),
            ("u.md", noteText(title: "Custom", extra: "kind: zebra", body: "")),
            ("u2.md", noteText(title: "Custom two", extra: "kind: aardvark", body: "")),
            ("o.md", noteText(title: "Other", body: "")),
        ])
        #expect(again.tree == Self.byKind.tree)
    }
}
