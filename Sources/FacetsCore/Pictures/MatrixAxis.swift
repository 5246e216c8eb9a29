/// One side of a matrix: the entries of one kind in reading order, in their groups. Read from the browse
/// tree, so a matrix lists and groups entries exactly as the tree does (front-matter `kind` and `group`).
public struct MatrixAxis: Sendable, Equatable {
    /// The kind's name as a person types it ("practice"); `MatrixAxis.everyNote` for every note.
    public let kind: String
    /// As the tree titles it ("Practices").
    public let title: String
    /// Note indexes, in the tree's reading order.
    public let entries: [Int]
    /// Consecutive runs of `entries` under one heading (a front-matter group, or a tree section); empty
    /// when the kind has no groups.
    public let groups: [MatrixGroup]

    /// The kind that stands for every note, grouped by the tree's sections (by kind, or by talk in a
    /// vault without kinds).
    public static let everyNote = "note"

    public var count: Int { entries.count }

    /// The group a place on the axis is in, if any.
    public func group(at place: Int) -> MatrixGroup? {
        // Groups are consecutive and in order: the last that starts at or before the place.
        var low = 0, high = groups.count
        while low < high {
            let middle = (low + high) / 2
            if groups[middle].range.lowerBound <= place { low = middle + 1 } else { high = middle }
        }
        guard low > 0, groups[low - 1].range.contains(place) else { return nil }
        return groups[low - 1]
    }

    /// Every kind a vault's matrices can use: its front-matter kinds in tree order, then every note.
    public static func kinds(in vault: Vault) -> [(name: String, title: String)] {
        let kinds = vault.tree.children.compactMap { section -> (name: String, title: String)? in
            guard section.id.hasPrefix("kind:"), section.id.count > 5 else { return nil }
            return (name: String(section.id.dropFirst(5)), title: section.title)
        }
        return kinds + [(name: everyNote, title: "Notes")]
    }

    /// The axis for a kind typed by a person: its name, plural or title, ignoring case ("practices",
    /// "Challenges"); nil when no kind is called that (see `suggestions`).
    public static func named(_ typed: String, in vault: Vault) -> MatrixAxis? {
        let wanted = typed.trimmed.lowercased()
        guard let kind = kinds(in: vault).first(where: { Self.names($0).contains(wanted) }) else { return nil }
        if kind.name == everyNote { return allNotes(in: vault) }
        guard let section = vault.tree.find(id: "kind:\(kind.name)") else { return nil }
        var groups: [MatrixGroup] = []
        var start = 0
        for child in section.children {
            groups.append(MatrixGroup(title: child.title, range: start..<(start + child.entries.count)))
            start += child.entries.count
        }
        return MatrixAxis(kind: kind.name, title: kind.title, entries: section.entries, groups: groups)
    }

    /// The kinds nearest to a name no kind has, best first, for "did you mean".
    public static func suggestions(for typed: String, in vault: Vault, limit: Int = 3) -> [String] {
        let wanted = typed.trimmed.lowercased()
        let scored = kinds(in: vault).map { kind in
            (kind.name, names(kind).map { Vault.editDistance(wanted, $0, limit: 12) }.min() ?? 13)
        }
        return scored.filter { $0.1 <= max(3, wanted.count / 3) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map { $0.0 }
    }

    /// How a kind may be typed: name, plurals, title.
    private static func names(_ kind: (name: String, title: String)) -> [String] {
        [kind.name, kind.name + "s", kind.name + "es", kind.title.lowercased()]
    }

    /// Every note once, in tree order, grouped by the tree's top sections.
    static func allNotes(in vault: Vault) -> MatrixAxis {
        var seen = [Bool](repeating: false, count: vault.notes.count)
        var entries: [Int] = []
        var groups: [MatrixGroup] = []
        entries.reserveCapacity(vault.notes.count)
        for section in vault.tree.children where section.id != "all" {
            let start = entries.count
            for index in section.entries where !seen[index] {
                seen[index] = true
                entries.append(index)
            }
            if entries.count > start { groups.append(MatrixGroup(title: section.title, range: start..<entries.count)) }
        }
        let rest = vault.notes.indices.filter { !seen[$0] }
        if !rest.isEmpty {
            groups.append(MatrixGroup(title: "Other notes", range: entries.count..<(entries.count + rest.count)))
            entries += rest
        }
        return MatrixAxis(kind: everyNote, title: "Notes", entries: entries, groups: groups)
    }
}

/// A run of an axis's entries under one heading.
public struct MatrixGroup: Sendable, Equatable {
    public let title: String
    /// Places on the axis.
    public let range: Range<Int>
}
