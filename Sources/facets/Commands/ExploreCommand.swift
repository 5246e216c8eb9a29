import ArgumentParser
import FacetsCore
import FacetsTerminal
import FacetsUI
import Foundation

/// The explorer, run when `facets` is given no subcommand.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore", abstract: "Open the explorer (the default when no subcommand is given).")

    @OptionGroup var vaultOptions: VaultOptions
    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, monochrome.")
    var theme: String = "dark"
    @Flag(name: .long, help: "Draw borders and markers with ASCII characters.")
    var ascii = false
    @Flag(name: .long, help: "No colours, ASCII drawing, no mouse, no OSC sequences: for slow links and odd terminals.")
    var lofi = false
    @Flag(name: .long, help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    func run() throws {
        guard let themeName = Theme.Name(rawValue: theme) else {
            throw ValidationError("unknown theme \"\(theme)\"; choose dark, light, high-contrast or monochrome")
        }
        let vault = try vaultOptions.load()
        let settings = Explorer.Settings(theme: themeName, terminal: TerminalOptions(lofi: lofi, ascii: ascii, mouse: !noMouse))
        do {
            let code = try Explorer.run(vault: vault, settings: settings)
            if code != 0 { throw ExitCode(code) }
        } catch let error as TerminalError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
