/// Guided tours: notes with `kind: tour` whose first ordered list names the stops, one link per item.
extension Vault {
    /// Tour notes in tree order.
    public var tours: [Int] { treeOrder.filter { notes[$0].kind == "tour" } }

    /// The notes a tour visits, in order: the first link of each item of its first ordered list
    /// (or, without such a list, every linked note once, in order). Missing targets are skipped.
    public func tourStops(_ tour: Int) -> [Int] {
        let blocks = notes[tour].readBlocks()
        var targets: [WikiLink] = []
        if let items = Self.firstOrderedList(blocks) {
            targets = items.compactMap { Self.firstLink($0.content) }
        }
        if targets.isEmpty { targets = notes[tour].readLinks() }
        var stops: [Int] = []
        for link in targets {
            if case .note(let index) = resolve(link, from: tour), index != tour, !stops.contains(index) { stops.append(index) }
        }
        return stops
    }

    /// A tour named by a person: its stem, title or alias; nil names the first tour.
    public func tour(named name: String?) -> Int? {
        guard let name else { return tours.first }
        if case .found(let index) = lookup(name), notes[index].kind == "tour" { return index }
        return tours.first { NameKeys.loose(notes[$0].title).contains(NameKeys.loose(name)) }
    }

    static func firstOrderedList(_ blocks: [Block]) -> [ListItem]? {
        for block in blocks {
            switch block {
            case .list(true, let items, _): return items
            case .callout(_, _, _, let content, _), .quote(let content, _):
                if let found = firstOrderedList(content) { return found }
            default: continue
            }
        }
        return nil
    }

    static func firstLink(_ inlines: [Inline]) -> WikiLink? {
        for inline in inlines {
            switch inline {
            case .wikiLink(let link): return link
            case .strong(let inner), .emphasis(let inner):
                if let found = firstLink(inner) { return found }
            case .link(let text, _):
                if let found = firstLink(text) { return found }
            default: continue
            }
        }
        return nil
    }
}
