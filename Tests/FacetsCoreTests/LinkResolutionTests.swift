import Testing
@testable import FacetsCore

@Suite("Links between entries")
struct LinkResolutionTests {
    /// Where the single link of `source.md`'s body leads, in a vault of `others` plus that note.
    func resolve(_ link: String, among others: [(String, String)]) throws -> (Vault, LinkTarget) {
        let v = vault(others + [("source.md", noteText(title: "Source", body: "See \(link)."))])
        let source = try index(of: "source.md", in: v)
        try #require(v.linkTargets[source].count == 1)
        return (v, v.linkTargets[source][0])
    }

    func path(_ target: LinkTarget, in v: Vault) -> String? {
        if case .note(let i) = target { return v.notes[i].path }
        return nil
    }

    @Test("name keys: the file-name cleaning rule and the loose rule")
    func nameKeys() {
        #expect(NameKeys.cleaned("Mission-oriented innovation") == "missionoriented_innovation")
        #expect(NameKeys.cleaned("COVID-19: shift to telework") == "covid19_shift_to_telework")
        #expect(NameKeys.cleaned("Public sector innovation") == "public_sector_innovation")
        #expect(NameKeys.cleaned("Café Ünïcode") == "café_ünïcode")
        #expect(NameKeys.loose("Public_Sector  innovation") == "public sector innovation")
        #expect(NameKeys.loose("  _Mission-oriented_ ") == "mission oriented")
        #expect(NameKeys.loose("SILO mentality") == NameKeys.loose("silo_mentality"))
    }

    @Test("exact file stem first, even when another note's title matches loosely")
    func exactStemFirst() throws {
        let (v, target) = try resolve(
            "[[Alpha]]",
            among: [
                ("a_titled_alpha.md", noteText(title: "Alpha", body: "")),
                ("Alpha.md", noteText(title: "Something else", body: "")),
            ])
        #expect(path(target, in: v) == "Alpha.md")
    }

    @Test("the cleaning rule: [[Mission-oriented innovation]] → missionoriented_innovation.md")
    func cleaningRule() throws {
        let (v, target) = try resolve(
            "[[Mission-oriented innovation]]",
            among: [
                ("mission_oriented.md", noteText(title: "Mission oriented innovation", body: "")),
                ("missionoriented_innovation.md", noteText(title: "Missions", body: "")),
            ])
        // The loose rule alone would pick the first note by title; the cleaning rule comes first.
        #expect(path(target, in: v) == "missionoriented_innovation.md")
    }

    @Test(
        "loose match on stems, titles and aliases, in either list or scalar alias form",
        arguments: [
            ("[[foo bar  baz]]", "Foo-Bar Baz.md"),
            ("[[SAFE experimental_Spaces]]", "n1.md"),
            ("[[sandbox]]", "n1.md"),
            ("[[Test_Bed]]", "n1.md"),
            ("[[PLAYGROUND]]", "n2.md"),
            ("[[public sector innovation.md]]", "public_sector_innovation.md"),
            ("[[notes/deep/public_sector_innovation]]", "public_sector_innovation.md"),
            ("[[Foo-Bar Baz#Intro|label]]", "Foo-Bar Baz.md"),
        ])
    func loose(link: String, expected: String) throws {
        let (v, target) = try resolve(
            link,
            among: [
                ("Foo-Bar Baz.md", noteText(title: "Unrelated", body: "")),
                ("n1.md", noteText(title: "Safe experimental spaces", extra: "aliases: [Sandbox, \"Test bed\"]", body: "")),
                ("n2.md", noteText(title: "Other", extra: "aliases: Playground", body: "")),
                ("public_sector_innovation.md", noteText(title: "Public sector innovation", body: "")),
            ])
        #expect(path(target, in: v) == expected)
    }

    @Test("an unresolved target is a missing entry: listed, warned with file and line, never a crash")
    func missing() throws {
        let v = vault([
            ("a.md", noteText(title: "A", body: "Line four [[Nowhere]]\n\nLine six [[nowhere]] and [[b]]")),
            ("b.md", noteText(title: "B", body: "[[NOWHERE | elsewhere]]")),
        ])
        #expect(v.linkTargets[0] == [.missing("Nowhere"), .missing("nowhere"), .note(1)])
        #expect(v.linkTargets[1] == [.missing("NOWHERE")])
        // Spellings that mean the same name are one missing entry, under the first spelling.
        #expect(Array(v.missing.keys) == ["Nowhere"])
        let backlinks = try #require(v.missing["Nowhere"])
        #expect(backlinks.map { "\($0.source):\($0.linkIndex)@\($0.line)" } == ["0:0@4", "0:1@6", "1:0@4"])
        let warnings = v.warnings.filter { $0.message.contains("no note for") }
        #expect(warnings.map { "\($0.path):\($0.line)" }.sorted() == ["a.md:4", "a.md:6", "b.md:4"])
        #expect(warnings.contains { $0.message.contains("[[Nowhere]]") })
        #expect(v.errors.isEmpty)
    }

    @Test("a vault's diagnostics are listed errors first, then by path, line and message")
    func diagnosticOrder() {
        let files = [
            ("b.md", noteText(title: "B", body: "[[zeta]] and [[alpha]]\n\n[[gamma]]")),
            ("a.md", noteText(title: "A", body: "[[delta]]")),
        ]
        let unread = [
            Diagnostic(.error, path: "z.md", line: 0, "cannot read: no"), Diagnostic(.error, path: "c.md", line: 0, "cannot read: no"),
        ]
        let v = Vault(origin: "test", files: files.map { SourceFile(path: $0.0, text: $0.1) }, readDiagnostics: unread)
        #expect(
            v.diagnostics.map { "\($0.severity) \($0.path):\($0.line) \($0.message)" } == [
                "error c.md:0 cannot read: no", "error z.md:0 cannot read: no",
                "warning a.md:4 no note for [[delta]]",
                "warning b.md:4 no note for [[alpha]]", "warning b.md:4 no note for [[zeta]]",
                "warning b.md:6 no note for [[gamma]]",
            ])
    }

    @Test(
        "targets leaving the vault never resolve, even when a note has that name",
        arguments: [
            "../../etc/passwd", "/etc/passwd", "~/passwd", "sub/../passwd", "..\\passwd", "\\etc\\passwd",
        ])
    func leavingVault(target: String) throws {
        let (v, resolved) = try resolve(
            "[[\(target)]]",
            among: [
                ("passwd.md", noteText(title: "passwd", body: "")),
                ("etc/passwd.md", noteText(title: "passwd in etc", body: "")),
            ])
        #expect(resolved == .missing(target))
        #expect(NameKeys.leavesVault(target))
        #expect(v.warnings.contains { $0.path == "source.md" && $0.line == 4 && $0.message.contains("leaves the vault") })
        #expect(v.backlinks.allSatisfy { $0.isEmpty })
    }

    @Test("ordinary names do not count as leaving the vault", arguments: ["a/b", "x..y", "name.with.dots", "dots..", "...", "C#"])
    func notLeaving(target: String) {
        #expect(!NameKeys.leavesVault(target))
    }

    @Test("backlinks for every entry, with the line that links")
    func backlinks() throws {
        let v = vault([
            ("hub.md", noteText(title: "Hub", body: "intro\n[[spoke]] and [[Spoke | again]]\n[[#Local heading]]\n[[hub]]")),
            ("spoke.md", noteText(title: "Spoke", body: "\n\n[[hub]]")),
            ("lonely.md", noteText(title: "Lonely", body: "no links")),
        ])
        let hub = try index(of: "hub.md", in: v), spoke = try index(of: "spoke.md", in: v)
        let lonely = try index(of: "lonely.md", in: v)
        #expect(v.backlinks[spoke] == [Backlink(source: hub, linkIndex: 0, line: 5), Backlink(source: hub, linkIndex: 1, line: 5)])
        // `[[#heading]]` leads to the note itself but is no backlink; `[[hub]]` written in hub is.
        #expect(v.linkTargets[hub][2] == .note(hub))
        #expect(v.backlinks[hub] == [Backlink(source: hub, linkIndex: 3, line: 7), Backlink(source: spoke, linkIndex: 0, line: 6)])
        #expect(v.backlinks[lonely].isEmpty)
        #expect(v.missing.isEmpty)
        // The backlink's line is the line that links.
        for (target, links) in v.backlinks.enumerated() {
            for b in links {
                #expect(v.notes[b.source].readLinks()[b.linkIndex].line == b.line)
                #expect(v.linkTargets[b.source][b.linkIndex] == .note(target))
            }
        }
    }

    @Test("resolving a link met while rendering gives the same target as the index")
    func resolveWhileRendering() {
        let v = vault([
            ("a.md", noteText(title: "A", body: "[[b]] [[missing one]]")),
            ("b.md", noteText(title: "B", body: "")),
        ])
        let shown = wikiLinks(in: allInlines(v.notes[0].readBlocks()))
        #expect(shown.map { v.resolve($0, from: 0) } == v.linkTargets[0])
    }

    @Test("same stem in two folders: both kept, addressed by path, warned")
    func sameStem() throws {
        let v = vault([
            ("talks/topic.md", noteText(title: "Topic in talks", body: "")),
            ("people/topic.md", noteText(title: "Topic in people", body: "")),
            ("linker.md", noteText(title: "Linker", body: "[[people/topic]] [[talks/topic.md]] [[topic]]")),
        ])
        #expect(v.notes.count == 3)
        let talks = try index(of: "talks/topic.md", in: v), people = try index(of: "people/topic.md", in: v)
        let linker = try index(of: "linker.md", in: v)
        #expect(v.linkTargets[linker][0] == .note(people))
        #expect(v.linkTargets[linker][1] == .note(talks))
        // By bare name from the root, neither is nearer: the first of the two (vault order).
        #expect(v.linkTargets[linker][2] == .note(talks))
        let warnings = v.warnings.filter { $0.message.contains("share the name") }
        #expect(Set(warnings.map(\.path)) == ["talks/topic.md", "people/topic.md"])
        #expect(warnings.allSatisfy { $0.message.contains("reaches the nearest to the linking note") })
        #expect(v.lookup("people/topic") == .found(people))
        #expect(v.lookup("talks/topic.md") == .found(talks))
        #expect(v.lookup("topic") == .ambiguous([talks, people]))
    }

    @Test("a bare name reaches the top-level note of that name (the path step) before a namesake nearer the linking note")
    func pathStepBeforeStem() throws {
        let v = vault([
            ("a/sub/linker.md", noteText(title: "Linker", body: "[[topic]] [[a/sub/topic]] [[lonely]] [[deep]]")),
            ("a/sub/topic.md", noteText(title: "Topic below", body: "")),
            ("topic.md", noteText(title: "Topic at the top", body: "")),
            ("b/lonely.md", noteText(title: "Lonely", body: "")),
            ("x/y/deep.md", noteText(title: "Deep", body: "")),
        ])
        let linker = try index(of: "a/sub/linker.md", in: v)
        #expect(v.linkTargets[linker][0] == .note(try index(of: "topic.md", in: v)))
        #expect(v.linkTargets[linker][1] == .note(try index(of: "a/sub/topic.md", in: v)))
        #expect(v.linkTargets[linker][2] == .note(try index(of: "b/lonely.md", in: v)))
        #expect(v.linkTargets[linker][3] == .note(try index(of: "x/y/deep.md", in: v)))
    }

    @Test("a vault of notes linking each other in every way never crashes and resolves what it can")
    func messyVault() {
        var files: [(String, String)] = []
        for i in 0..<50 {
            files.append(
                (
                    "n\(i).md",
                    noteText(
                        title: "Note number \(i)",
                        body: """
                            [[n\((i + 1) % 50)]] [[Note Number \((i + 7) % 50)|seven]] [[note_number_\((i + 3) % 50)]]
                            [[#own]] [[]] [[ghost \(i % 5)]] ![[n\(i)]] [[n\(i)#h|]]
                            """)
                ))
        }
        let v = vault(files)
        #expect(v.notes.count == 50)
        let all = v.linkTargets.flatMap { $0 }
        #expect(all.count == 50 * 7)
        let missing = all.filter { if case .missing = $0 { return true } else { return false } }
        #expect(missing.count == 50)
        #expect(v.missing.count == 5)
        #expect(v.backlinks.allSatisfy { $0.count == 5 })
    }

    @Test("names match across Unicode normalization forms")
    func unicodeNormalization() throws {
        let (v, target) = try resolve("[[Cafe\u{0301} culture]]", among: [("Caf\u{00E9} culture.md", noteText(title: "x", body: ""))])
        #expect(path(target, in: v) == "Caf\u{00E9} culture.md")
    }

    @Test("the name keys follow their documented rules for any text, ASCII or not")
    func nameKeysAgainstReference() {
        func cleanedReference(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                if c == " " || c == "_" {
                    out += "_"
                } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                    out += c.properties.lowercaseMapping
                }
            }
            return out
        }
        func looseReference(_ s: String) -> String {
            s.unicodeScalars.split { $0 == " " || $0 == "_" || $0 == "\t" || $0 == "-" }
                .map { String(String.UnicodeScalarView($0)).lowercased() }.joined(separator: " ")
        }
        let alphabet: [String] = ["a", "B", "z", "0", "9", " ", "_", "-", "\t", ".", "#", "'", "é", "Ä", "ß", "日", "(", ":"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var mismatches: [String] = []
        for _ in 0..<3000 {
            var s = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 60)
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s += alphabet[Int(seed >> 33) % alphabet.count]
            }
            if NameKeys.cleaned(s) != cleanedReference(s) { mismatches.append("cleaned(\(s.debugDescription))") }
            if NameKeys.loose(s) != looseReference(s) { mismatches.append("loose(\(s.debugDescription))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("the cleaned key made from bytes is the cleaning rule's, whether or not it maps byte for byte")
    func cleanedFromBytes() {
        let alphabet: [UInt8] = Array("aZ09 _-.#'(:".utf8)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        var mismatches: [String] = []
        for round in 0..<3000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 59)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Every third name from letters, digits and separators only: the byte-for-byte way.
                let pool = round % 3 == 0 ? 6 : alphabet.count
                bytes.append(alphabet[Int(seed >> 33) % pool])
            }
            let name = String(decoding: bytes, as: UTF8.self)
            let made = bytes.withUnsafeBufferPointer { input in
                [UInt8](unsafeUninitializedCapacity: max(1, input.count)) { out, count in
                    count = NameKeys.cleanedASCII(input, into: out) ?? 0
                }
            }
            if String(decoding: made, as: UTF8.self) != NameKeys.cleaned(name) { mismatches.append(name.debugDescription) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("the loader's byte path settles every plain target as the rule's String path does")
    func plainTargetsSettleAsStrings() {
        let paths = [
            "Alpha.md", "folder/Alpha.md", "deep/folder/Alpha.md", "folder/Beta.md", "Mission-oriented innovation.md",
            "a/missionoriented_innovation.md", "b/MissionOriented Innovation.md", "c/Gamma Delta.md", "top.md",
        ]
        let names = PathNames(paths: paths)
        let targets = [
            "Alpha", "folder/Alpha", "deep/folder/Alpha", "Beta", "folder/Beta", "other/Beta", "Mission-oriented innovation",
            "missionoriented innovation", "MISSION ORIENTED innovation", "Gamma_Delta", "gamma delta", "c/Gamma Delta",
            "top", "Top", "nothing here", "x/y/missing", "folder/Mission oriented", "Gamma-Delta!", "a b c",
        ]
        let sources = ["top.md", "folder/Beta.md", "deep/folder/Alpha.md", "b/MissionOriented Innovation.md"]
        var differing: [String] = []
        for target in targets {
            for source in sources {
                let bytes = Array(target.utf8)
                let plain = bytes.withUnsafeBufferPointer { LinkResolver.settleByPath(plain: $0, from: source, in: names) }
                let written = LinkResolver.settleByPath(target, from: source, in: names)
                if plain != written { differing.append("\(target) from \(source): \(plain) vs \(written)") }
            }
        }
        #expect(differing.isEmpty, "\(differing)")
        // Every kind of answer was asked: by path, by stem, by a cleaned stem three notes share (the
        // nearest to the linking note), and left for the name steps.
        func plain(_ target: String, from source: String) -> LinkResolver.PathStep {
            Array(target.utf8).withUnsafeBufferPointer { LinkResolver.settleByPath(plain: $0, from: source, in: names) }
        }
        #expect(plain("folder/Alpha", from: "top.md") == .note(1))
        #expect(plain("Beta", from: "top.md") == .note(3))
        #expect(plain("missionoriented innovation", from: "top.md") == .note(4))
        #expect(plain("missionoriented innovation", from: "b/x.md") == .note(6))
        let steps = targets.map { plain($0, from: "top.md") }
        #expect(steps.contains(.byName(looseKey: "nothing here")))
    }
}
