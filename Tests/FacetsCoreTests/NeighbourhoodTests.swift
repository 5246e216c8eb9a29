import FacetsBundledContent
import Testing

@testable import FacetsCore

@Suite("A note's neighbourhood")
struct NeighbourhoodTests {
    /// hub links to a and b; b and c link back to hub; a links to far; c has no kind.
    static let small = vault([
        ("hub.md", noteText(title: "Hub", extra: "kind: practice", body: "[[a]] [[b]] [[hub]] [[nowhere]]")),
        ("a.md", noteText(title: "A", extra: "kind: challenge", body: "[[far]]")),
        ("b.md", noteText(title: "B", extra: "kind: challenge", body: "[[hub]] [[a]]")),
        ("c.md", noteText(title: "C", body: "[[hub|the hub]]")),
        ("far.md", noteText(title: "Far", extra: "kind: example", body: "nothing")),
    ])

    @Test("Depth 1: links and backlinks grouped by kind, each with its direction, no self link, no missing target")
    func depthOne() throws {
        let vault = Self.small
        let hub = try index(of: "hub.md", in: vault), a = try index(of: "a.md", in: vault)
        let b = try index(of: "b.md", in: vault), c = try index(of: "c.md", in: vault)
        let picture = Neighbourhood(centre: hub, depth: 1, in: vault)
        #expect(picture.groups.map(\.name) == ["challenge", "notes"], "kinds by name, notes without a kind last")
        #expect(picture.groups[0].members == [a, b])
        #expect(picture.groups[1].members == [c])
        #expect(picture.direction(to: a) == .linksTo)
        #expect(picture.direction(to: b) == .both)
        #expect(picture.direction(to: c) == .linkedFrom)
        #expect(picture.nodes.map(\.note) == [hub, a, b, c])
        #expect(picture.edges.allSatisfy { $0.from == hub })
        #expect(picture.groups.allSatisfy { $0.onward.allSatisfy(\.isEmpty) }, "depth 1 goes no further")
    }

    @Test("Depth 2: the notes one more link away, reached through a neighbour, each once")
    func depthTwo() throws {
        let vault = Self.small
        let hub = try index(of: "hub.md", in: vault), a = try index(of: "a.md", in: vault)
        let far = try index(of: "far.md", in: vault)
        let picture = Neighbourhood(centre: hub, depth: 2, in: vault)
        #expect(picture.groups[0].onward[0] == [far], "far is reached through A")
        #expect(picture.nodes.contains(Neighbourhood.Node(note: far, distance: 2, via: a)))
        #expect(picture.edges.contains(Neighbourhood.Edge(from: a, to: far, direction: .linksTo)))
        #expect(Set(picture.nodes.map(\.note)).count == picture.nodes.count, "no note twice")
        #expect(Neighbourhood(centre: hub, depth: 7, in: vault).depth == 2, "depth is clamped")
    }

    @Test("The bundled practice: the challenges it answers and its example, seen from both ends")
    func bundledPractice() throws {
        let vault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })
        let centre = try index(of: "safe_experimental_spaces.md", in: vault)
        let picture = Neighbourhood(centre: centre, depth: 1, in: vault)
        let challenges = try #require(picture.groups.first { $0.kind == "challenge" })
        let titles = Set(challenges.members.map { vault.notes[$0].title })
        #expect(titles.isSuperset(of: ["Risk avoidance", "Fear of losing control", "Procurement rules and internal regulations"]))
        let example = try index(of: "free_municipalities_denmark.md", in: vault)
        #expect(picture.groups.first { $0.kind == "example" }?.members.contains(example) == true)
        // The same edge read from the other end has the opposite direction (or both).
        let back = Neighbourhood(centre: example, depth: 1, in: vault)
        let there = picture.direction(to: example), here = back.direction(to: centre)
        #expect((there == .both) == (here == .both))
        if there == .linksTo { #expect(here == .linkedFrom) }
    }
}
