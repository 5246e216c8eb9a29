import Testing
@testable import FacetsCore

/// What the explorer keeps its places with after a reload: notes matched by path, and what
/// `check --watch` prints.
@Suite("Vault change")
struct VaultChangeTests {
    @Test("notes matched by path across shifted indexes; a removed note maps to nothing")
    func renumbering() {
        let old = vault([("b.md", "# B\n"), ("c.md", "# C\n"), ("d.md", "# D\n")])
        let new = vault([("a.md", "# A\n"), ("b.md", "# B\n"), ("d.md", "# D\n")])
        let change = VaultChange(from: old, to: new)
        #expect(change.note(0) == 1)
        #expect(change.note(1) == nil, "c.md went")
        #expect(change.note(2) == 2)
        #expect(change.note(7) == nil && change.note(-1) == nil)
        #expect(change.notes([2, 1, 0]) == [2, 1])
        #expect(change.note(path: "a.md") == 0)
    }

    @Test("check --watch: new and gone problems, counts with what moved; nothing when nothing did")
    func checkDelta() {
        let old = vault([("a.md", "[[b]] [[Nowhere]]\n"), ("b.md", "text\n")])
        let new = vault([("a.md", "[[b]] [[Elsewhere]]\n"), ("b.md", "text\n"), ("c.md", "[[a]]\n")])
        let delta = CheckDelta(from: old, to: new)
        #expect(delta.removed.map(\.message).contains { $0.contains("Nowhere") })
        #expect(delta.added.map(\.message).contains { $0.contains("Elsewhere") })
        #expect(delta.lines.first?.hasPrefix("- a.md:1: warning:") == true, "\(delta.lines)")
        #expect(delta.lines.last == "3 notes (+1), 3 links (+1) (2 resolved, 66.7%), 0 errors, 1 warnings")
        #expect(CheckDelta(from: new, to: new).lines.isEmpty)
        #expect(CheckDelta(from: new, to: new).summary == "3 notes, 3 links (2 resolved, 66.7%), 0 errors, 1 warnings")
    }
}
