import ArgumentParser
import FacetsCore
import FacetsUI

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print an entry as the explorer shows it, wrapped to the terminal (or 80 columns).")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The entry, by file name, title or alias.")
    var entry: String
    @Option(name: .long, help: "Wrap to this many columns instead of the terminal's width.")
    var width: Int?
    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    struct Report: Encodable {
        var stem: String
        var path: String
        var title: String
        var frontMatter: [String: String]
        var text: String
        var links: [LinkJSON]
        var backlinks: [BacklinkJSON]
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let index = try resolveEntry(entry, in: vault)
        let columns = max(20, width ?? Output.width)
        let document = DocumentLayout.note(index, vault: vault, width: columns, glyphs: ascii ? .ascii : .unicode)
        let text = document.lines.map { $0.text.trailingSpacesTrimmed }.joined(separator: "\n")
        if output.json {
            let note = vault.notes[index]
            var frontMatter: [String: String] = [:]
            for entry in note.frontMatter.entries { frontMatter[entry.key] = entry.value.text }
            try Output.json(
                Report(
                    stem: note.stem, path: note.path, title: note.title, frontMatter: frontMatter, text: text,
                    links: vault.linkJSON(index), backlinks: vault.backlinkJSON(index)))
            return
        }
        Output.line(text)
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
