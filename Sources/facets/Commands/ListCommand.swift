import ArgumentParser
import FacetsCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries in tree order.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Option(name: .long, help: "Only entries of this kind (practice, challenge, facet, …).")
    var kind: String?
    @Option(name: .long, help: "Only entries with this tag or one nested below it (#project finds #project/alpha).")
    var tag: String?

    func run() throws {
        let vault = try vaultOptions.load()
        var entries = vault.treeOrder
        if let kind {
            entries = entries.filter { vault.notes[$0].kind == kind.lowercased() }
        }
        if let tag {
            let tagged = Set(vault.tagIndex().notes(tagged: tag))
            entries = entries.filter { tagged.contains($0) }
        }
        if output.json {
            try Output.json(entries.map { EntrySummary(vault: vault, index: $0) })
            return
        }
        let titleWidth = min(48, entries.map { vault.notes[$0].title.count }.max() ?? 0)
        for index in entries {
            let note = vault.notes[index]
            let title = note.title.count > titleWidth ? String(note.title.prefix(titleWidth - 1)) + "…" : note.title
            let kindText = (note.kind ?? "").padding(12)
            Output.line("\(title.padding(titleWidth))  \(kindText)  \(note.stem)")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
