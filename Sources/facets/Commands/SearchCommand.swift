import ArgumentParser
import FacetsCore
import FacetsUI

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, aliases and text, ranked as the explorer ranks them.",
        discussion:
            "Exact title or alias first, then word-prefix, then fuzzy title matches, then text matches; ties in tree order. Smart case: a capital makes the search case-sensitive (unless the config file sets smart_case = false). Accents are folded."
    )

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "What to look for; several words must all match.")
    var query: String
    @Option(name: .long, help: "Only entries of this kind.")
    var kind: String?
    @Option(name: .long, help: "At most this many hits.")
    var limit: Int = 20

    struct Hit: Encodable {
        var stem: String
        var title: String
        var kind: String?
        var tier: String
        var matchedName: String
        var namePositions: [Int]
        var line: Int?
        var text: String?
        var textRanges: [[Int]]
    }

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let (vault, config) = try vaultOptions.loadWithConfig()
        let index = SearchIndex(vault: vault)
        let parsed = SearchQuery(query, smartCase: config.configuration.search.smartCase)
        let scope = kind.map { k in vault.treeOrder.filter { vault.notes[$0].kind == k.lowercased() } }
        let hits = index.search(parsed, vault: vault, within: scope, limit: limit)
        let results: [Hit] = hits.map { hit in
            let note = vault.notes[hit.note]
            let line = note.matchedLine(for: parsed)
            return Hit(
                stem: note.stem, title: note.title, kind: note.kind, tier: "\(hit.tier)", matchedName: hit.matchedName,
                namePositions: hit.namePositions, line: line?.line, text: line?.text,
                textRanges: line?.ranges.map { [$0.lowerBound, $0.upperBound] } ?? [])
        }
        if output.json {
            try Output.json(results)
            return
        }
        if results.isEmpty {
            Output.line("No entry matches \"\(parsed.text)\".")
            return
        }
        for result in results {
            let kindText = result.kind.map { "  (\($0))" } ?? ""
            Output.line("\(result.title)\(kindText)  \(result.stem)")
            if let text = result.text, let line = result.line {
                Output.line("    \(line): \(truncate(text, width: max(20, Output.width - 12)))")
            }
        }
    }
}

/// Cuts text to a width in characters, ending with an ellipsis.
func truncate(_ text: String, width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
}
