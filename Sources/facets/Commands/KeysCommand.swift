import ArgumentParser
import FacetsUI

/// The explorer's keys, from the same action table that handles them.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "List the explorer's keys.")

    @Flag(name: .long, help: "Print a Markdown table (as in the README).")
    var markdown = false

    func run() throws {
        if markdown {
            Output.line(ActionTable.markdown.trailingSpacesTrimmed)
            return
        }
        for row in ActionTable.rows {
            let keys = (row.context == .tour ? "(tour) " : "") + ActionTable.keyNames(row)
            Output.line(keys.padding(24) + "  " + row.description)
        }
    }
}
