import Testing
@testable import FacetsCore

@Suite("Looking up entries by name")
struct LookupTests {
    static let v = vault([
        ("safe_experimental_spaces.md", noteText(title: "Safe experimental spaces", extra: "aliases: [Sandbox, Test bed]", body: "")),
        ("silo_mentality.md", noteText(title: "Silo mentality", body: "")),
        ("risk_avoidance.md", noteText(title: "Risk avoidance", extra: "alias: Playing it safe", body: "")),
        ("talks/intro.md", noteText(title: "Overview", body: "")),
        ("people/summary.md", noteText(title: "Overview", body: "")),
        ("mission-oriented innovation.md", noteText(title: "Missions", body: "")),
    ])

    func path(_ result: LookupResult) -> String? {
        if case .found(let i) = result { return Self.v.notes[i].path }
        return nil
    }

    @Test(
        "by stem, path, title or alias, case-insensitively",
        arguments: [
            ("silo_mentality", "silo_mentality.md"),
            ("SILO_MENTALITY", "silo_mentality.md"),
            ("silo mentality", "silo_mentality.md"),
            ("  Silo Mentality  ", "silo_mentality.md"),
            ("silo_mentality.md", "silo_mentality.md"),
            ("safe EXPERIMENTAL spaces", "safe_experimental_spaces.md"),
            ("sandbox", "safe_experimental_spaces.md"),
            ("TEST_BED", "safe_experimental_spaces.md"),
            ("playing it safe", "risk_avoidance.md"),
            ("talks/intro", "talks/intro.md"),
            ("intro", "talks/intro.md"),
            ("people/summary.md", "people/summary.md"),
            ("summary", "people/summary.md"),
            ("Mission-oriented innovation", "mission-oriented innovation.md"),
            ("missions", "mission-oriented innovation.md"),
        ])
    func found(name: String, expected: String) {
        #expect(path(Self.v.lookup(name)) == expected)
    }

    @Test("a name several entries answer to is ambiguous, with every candidate")
    func ambiguous() throws {
        let talks = try index(of: "talks/intro.md", in: Self.v), people = try index(of: "people/summary.md", in: Self.v)
        #expect(Self.v.lookup("overview") == .ambiguous([talks, people]))
        #expect(Self.v.lookup("OVERVIEW") == .ambiguous([talks, people]))
    }

    @Test(
        "an unknown name gets the nearest names, best first",
        arguments: [
            ("silo mentaliy", "silo_mentality"),
            ("experimental spaces", "safe_experimental_spaces"),
            ("risk", "risk_avoidance"),
            ("sylo mentality", "silo_mentality"),
        ])
    func suggestions(name: String, best: String) throws {
        guard case .notFound(let suggestions) = Self.v.lookup(name) else {
            Issue.record("\(name) should not be found")
            return
        }
        #expect(suggestions.first == best, "\(suggestions)")
        #expect(suggestions.count <= 5)
        #expect(Set(suggestions).count == suggestions.count)
    }

    @Test("nothing near: no suggestions")
    func nothingNear() {
        #expect(Self.v.lookup("xyzzy quux") == .notFound(suggestions: []))
        #expect(Self.v.lookup("   ") == .notFound(suggestions: []))
    }

    @Test("edit distance, with its early exit")
    func editDistance() {
        #expect(Vault.editDistance("kitten", "sitting", limit: 10) == 3)
        #expect(Vault.editDistance("", "abc", limit: 10) == 3)
        #expect(Vault.editDistance("same", "same", limit: 0) == 0)
        #expect(Vault.editDistance("abcdefgh", "zzzzzzzz", limit: 3) == 4)
        #expect(Vault.editDistance("a", "abcdefghijkl", limit: 3) == 4)
    }
}
