import FacetsBundledContent
import Foundation
import Testing
@testable import FacetsCore

/// The content `facets` ships (Data/, compiled in): coverage of the talk, kinds, links both ways, a clean check.
@Suite("Bundled content")
struct BundledContentTests {
    static let bundled = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })

    /// Every entry the content must hold: a title or alias to find it by, and its kind.
    static let required: [(name: String, kind: String)] = [
        ("Start here", "start"), ("Public sector innovation", "concept"),
        ("Keeping pace with change", "motivation"), ("Building trust between governments and citizens", "motivation"),
        ("Exploring uncertainty", "motivation"), ("Improving public value and outcomes", "motivation"),
        ("Enhancement-oriented innovation", "facet"), ("Adaptive innovation", "facet"),
        ("Mission-oriented innovation", "facet"), ("Anticipatory innovation", "facet"),
        ("canada_e_signatures_and_digital_procedures", "example"), ("estonia_proactive_family_benefits", "example"),
        ("covid19_shift_to_telework", "example"), ("japan_agile_governance_cycle", "example"),
        ("european_commission_missions", "example"), ("slovenia_futures_report", "example"),
        ("free_municipalities_denmark", "example"), ("european_social_fund_innovation_jobs", "example"),
        ("innovation_ambassadors", "example"),
        ("Innovation as a means to an end", "principle"), ("Long-term commitment", "principle"), ("Political engagement", "principle"),
        ("Problem-oriented approach", "practice"), ("User involvement", "practice"), ("Collaboration across silos", "practice"),
        ("Decentral autonomy", "practice"), ("Networks and communities", "practice"), ("Training and knowledge transfer", "practice"),
        ("Safe experimental spaces", "practice"), ("Measuring impact", "practice"), ("Strategic storytelling", "practice"),
        ("Leveraging external resources", "practice"), ("Open mindsets and coalitions of the willing", "practice"),
        ("Aligning with management goals", "practice"),
        ("Lack of vision and leadership", "challenge"), ("Eagerness to return to the status quo", "challenge"),
        ("Risk avoidance", "challenge"), ("Fear of losing control", "challenge"), ("Resistance to challenging the status quo", "challenge"),
        ("Lack of social innovation skills", "challenge"), ("Lack of primary skills", "challenge"),
        ("Strict hierarchies", "challenge"), ("Silo mentality", "challenge"), ("Restructuring and staff mobility", "challenge"),
        ("Lack of financial and political support", "challenge"), ("Demand for quick results", "challenge"),
        ("No direct incentives", "challenge"), ("Procurement rules and internal regulations", "challenge"), ("Perceived barriers", "challenge"),
        ("Global collaboration", "trend"), ("systemic_support", "trend"), ("crisis_moments_as_openings", "trend"),
        ("OECD Declaration on Public Sector Innovation", "trend"),
        ("Policy briefs", "resource"), ("Case study navigator", "resource"), ("Toolkit navigator", "resource"),
        ("back_to_basics_webinar", "talk"), ("The talk in ten stops", "tour"),
    ]

    @Test("every distinct timestamp of the seed note is cited by some entry")
    func seedTimestampsCited() throws {
        let seedURL = try Fixture.shared(Fixture.seedNotePath)
        let seed = NoteParser.parse(path: "seed.md", bytes: Array(try Data(contentsOf: seedURL)))
        let seedTimes = Set(seed.timestamps.map(\.literalSeconds))
        #expect(seedTimes.count == 77)
        let cited = Set(Self.bundled.notes.flatMap { $0.timestamps.map(\.literalSeconds) })
        let missing = seedTimes.subtracting(cited).sorted().map { TimestampRef.format(seconds: $0) }
        #expect(missing.isEmpty, "not cited in Data/: \(missing)")
    }

    @Test("every required entry exists, found by title or alias, with its kind")
    func requiredEntries() {
        for (name, kind) in Self.required {
            guard case .found(let index) = Self.bundled.lookup(name) else {
                Issue.record("no single entry named \(name)")
                continue
            }
            #expect(Self.bundled.notes[index].kind == kind, "\(name) is \(Self.bundled.notes[index].kind ?? "no kind")")
        }
        let counts = Dictionary(grouping: Self.bundled.notes.compactMap(\.kind), by: { $0 }).mapValues(\.count)
        #expect(counts["practice"] == 12 && counts["challenge"] == 15 && counts["facet"] == 4 && counts["motivation"] == 4)
        #expect(counts["principle"] == 3 && counts["trend"] == 4 && counts["resource"] == 3 && (counts["example"] ?? 0) >= 9)
    }

    @Test("every note has a title, the talk's video id, a kind and an order; challenges have one of five groups")
    func frontMatter() {
        let groups: Set<String> = [
            "Mindset and culture", "Skills and knowledge", "Organisational structure",
            "Support and resources", "Regulatory and procedural",
        ]
        for note in Self.bundled.notes {
            #expect(note.frontMatter.string("title") != nil, "\(note.path)")
            #expect(note.videoId == "G53g9-_0dMU", "\(note.path)")
            #expect(note.kind != nil && note.order != nil, "\(note.path)")
            if note.kind == "challenge" { #expect(note.group.map(groups.contains) == true, "\(note.path)") }
        }
    }

    @Test("every practice links a challenge it answers, and every challenge links back to a practice that answers it")
    func practicesAndChallenges() {
        let v = Self.bundled
        func targets(_ index: Int) -> Set<Int> {
            Set(v.linkTargets[index].compactMap { if case .note(let t) = $0 { return t } else { return nil } })
        }
        let practices = v.notes.indices.filter { v.notes[$0].kind == "practice" }
        let challenges = v.notes.indices.filter { v.notes[$0].kind == "challenge" }
        for practice in practices {
            let answered = targets(practice).filter { v.notes[$0].kind == "challenge" }
            #expect(!answered.isEmpty, "\(v.notes[practice].title) answers no challenge")
            for challenge in answered {
                #expect(targets(challenge).contains(practice), "\(v.notes[challenge].title) does not link back to \(v.notes[practice].title)")
            }
        }
        for challenge in challenges {
            #expect(
                targets(challenge).contains { v.notes[$0].kind == "practice" && targets($0).contains(challenge) },
                "no practice answers \(v.notes[challenge].title)")
        }
    }

    @Test("each facet links its examples and each example links back")
    func facetsAndExamples() {
        let v = Self.bundled
        let facets = v.notes.indices.filter { v.notes[$0].kind == "facet" }
        for facet in facets {
            let examples = v.linkTargets[facet].compactMap { target -> Int? in
                if case .note(let t) = target, v.notes[t].kind == "example" { return t }
                return nil
            }
            #expect(!examples.isEmpty, "\(v.notes[facet].title) links no example")
            for example in examples where v.backlinks[facet].contains(where: { $0.source == example }) == false {
                Issue.record("\(v.notes[example].title) does not link back to \(v.notes[facet].title)")
            }
        }
    }

    @Test("the content checks clean: no dangling link, no warning, no error")
    func checksClean() {
        #expect(Self.bundled.diagnostics.isEmpty, "\(Self.bundled.diagnostics.map(\.formatted))")
        #expect(Self.bundled.missing.isEmpty)
    }

    @Test("the twelve practices, in tree order as the talk lists them")
    func practicesInTreeOrder() {
        let v = Self.bundled
        let practices = v.treeOrder.filter { v.notes[$0].kind == "practice" }.map { v.notes[$0].title }
        #expect(practices.count == 12)
        #expect(practices.first == "Problem-oriented approach")
        #expect(practices[6] == "Safe experimental spaces")
        #expect(practices.last == "Aligning with management goals")
    }

    @Test("the start note and the talk note link every other entry")
    func hubsLinkEverything() {
        let v = Self.bundled
        for hub in ["start_here", "back_to_basics_webinar"] {
            guard case .found(let index) = v.lookup(hub) else {
                Issue.record("no \(hub)")
                continue
            }
            let linked = Set(v.linkTargets[index].compactMap { if case .note(let t) = $0 { return t } else { return nil } })
            let unlinked = v.notes.indices.filter { $0 != index && !linked.contains($0) }.map { v.notes[$0].stem }
            #expect(unlinked.isEmpty, "\(hub) does not link \(unlinked)")
        }
    }

    @Test("the tour visits its ten stops in order")
    func tourStops() throws {
        let v = Self.bundled
        let tour = try #require(v.tour(named: nil))
        let stops = v.tourStops(tour).map { v.notes[$0].stem }
        #expect(
            stops == [
                "start_here", "public_sector_innovation", "enhancement_oriented_innovation", "adaptive_innovation",
                "mission_oriented_innovation", "anticipatory_innovation", "safe_experimental_spaces",
                "collaboration_across_silos", "silo_mentality", "oecd_declaration_on_public_sector_innovation",
            ])
    }

    @Test("the newcomer's journey exists: safe spaces → a challenge → the Danish example at 01:17:23")
    func journey() throws {
        let v = Self.bundled
        guard case .found(let practice) = v.lookup("safe_experimental_spaces"),
            case .found(let denmark) = v.lookup("free_municipalities_denmark")
        else {
            Issue.record("journey entries missing")
            return
        }
        let challenges = v.linkTargets[practice].compactMap { t -> Int? in
            if case .note(let i) = t, v.notes[i].kind == "challenge" { return i } else { return nil }
        }
        #expect(challenges.contains { c in v.linkTargets[c].contains(.note(denmark)) })
        #expect(v.notes[denmark].timestamps.contains { $0.written == "01:17:23" })
    }
}
