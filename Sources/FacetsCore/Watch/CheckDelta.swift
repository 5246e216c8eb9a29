/// What `facets check --watch` prints after a reload: the problems that appeared and went, and the
/// counts when they moved; nothing when the check reads the same as before.
public struct CheckDelta: Sendable, Equatable {
    /// Problems the new vault has and the old did not (as many times as they are new).
    public var added: [Diagnostic]
    /// Problems the old vault had and the new does not.
    public var removed: [Diagnostic]
    public var before: CheckCounts
    public var after: CheckCounts

    public init(from old: Vault, to new: Vault) {
        added = Self.subtracting(new.diagnostics, old.diagnostics)
        removed = Self.subtracting(old.diagnostics, new.diagnostics)
        before = CheckCounts(old)
        after = CheckCounts(new)
    }

    /// Whether there is anything to print.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && before == after }

    /// `+ path:line: warning: ...` and `- ...` lines, then the counts with what moved, e.g.
    /// `12 notes (+1), 40 links (38 resolved, 95.0%), 0 errors, 2 warnings (-1)`; none when nothing changed.
    public var lines: [String] {
        guard !isEmpty else { return [] }
        return removed.sorted().map { "- " + $0.formatted } + added.sorted().map { "+ " + $0.formatted } + [summary]
    }

    /// The counts, with how each moved.
    public var summary: String {
        func moved(_ new: Int, _ old: Int) -> String { new == old ? "" : " (\(new > old ? "+" : "")\(new - old))" }
        let rate = after.links == 0 ? 100.0 : Double(after.resolved) * 100 / Double(after.links)
        let percent = (rate * 10).rounded() / 10
        return "\(after.notes) notes\(moved(after.notes, before.notes)), \(after.links) links\(moved(after.links, before.links)) "
            + "(\(after.resolved) resolved, \(percent)%), \(after.errors) errors\(moved(after.errors, before.errors)), "
            + "\(after.warnings) warnings\(moved(after.warnings, before.warnings))"
    }

    /// `a` less one of each element of `b` (a multiset difference, keeping `a`'s order).
    static func subtracting(_ a: [Diagnostic], _ b: [Diagnostic]) -> [Diagnostic] {
        var left: [Diagnostic: Int] = [:]
        for diagnostic in b { left[diagnostic, default: 0] += 1 }
        return a.filter { diagnostic in
            guard let count = left[diagnostic], count > 0 else { return true }
            left[diagnostic] = count - 1
            return false
        }
    }
}

/// The figures `facets check` sums up a vault with.
public struct CheckCounts: Sendable, Equatable {
    public var notes: Int
    public var links: Int
    public var resolved: Int
    public var errors: Int
    public var warnings: Int

    public init(_ vault: Vault) {
        notes = vault.notes.count
        links = vault.linkTargets.linkCount
        resolved = vault.linkTargets.resolvedCount
        errors = vault.errors.count
        warnings = vault.warnings.count
    }
}
