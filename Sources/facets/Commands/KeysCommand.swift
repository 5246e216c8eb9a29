import ArgumentParser
import FacetsConfig
import FacetsUI

/// The explorer's keys: the bindings in force (the config file's over the action table's).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List the explorer's keys (as the config file binds them).",
        discussion: "--markdown prints the default table the README holds; with --config FILE, that file's keys instead.")

    @Flag(name: .long, help: "Print a Markdown table (as in the README): the defaults, or the keys of --config FILE.")
    var markdown = false
    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let config = try configOptions.load()
        if markdown {
            // The README's table must not pick up whoever regenerates it's own file: only an explicit --config counts.
            let keyMap = configOptions.file == nil ? KeyMap.defaults : config.configuration.keyMap
            Output.line(keyMap.markdown.trailingSpacesTrimmed)
            return
        }
        // One group per context, under its heading: a prompt's or a tour's keys apply only there.
        let rows = config.configuration.keyMap.rows
        for (index, context) in config.configuration.keyMap.contexts.enumerated() {
            if index > 0 { Output.line("") }
            Output.line("\(context.title) (\(context.applies)):")
            for row in rows where row.context == context {
                let keys = row.keys.isEmpty ? "(none)" : ActionTable.keyNames(row)
                Output.line(keys.padding(24) + "  " + row.description)
            }
        }
    }
}
