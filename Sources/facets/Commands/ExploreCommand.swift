import ArgumentParser
import FacetsConfig
import FacetsCore
import FacetsTerminal
import FacetsUI
import Foundation

/// The explorer, run when `facets` is given no subcommand.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore", abstract: "Open the explorer (the default when no subcommand is given).")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let (vault, config) = try vaultOptions.loadWithConfig()
        try runExplorer(vault: vault, config: config, display: display, tour: nil)
    }
}

/// How the explorer draws: shared by `facets`, `facets explore` and `facets tour`. Each flag, when given,
/// beats the config file's setting (the `--no-` forms turn a file's `true` off).
struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, monochrome (default: the config file's, else dark).")
    var theme: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "Draw borders and markers with ASCII characters.")
    var ascii: Bool?
    @Flag(name: .long, inversion: .prefixedNo, help: "No colours, ASCII drawing, no mouse, no OSC sequences: for slow links and odd terminals.")
    var lofi: Bool?
    @Flag(name: .long, inversion: .prefixedNo, help: "Capture the mouse (--no-mouse keeps the terminal's own text selection).")
    var mouse: Bool?
    @Flag(name: .long, inversion: .prefixedNo, help: "Presenter mode: the focused pane large and centred, high contrast, key captions.")
    var present: Bool?
    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Live reload: show notes added, changed or removed on disk within a second (--no-watch reads them once).")
    var watch: Bool?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Publish each entry you open for `facets serve --follow` attendees (default file when given without a path: see --help of serve).",
            valueName: "FILE"))
    var publish: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Follow a presenter: jump to each entry published to FILE; any key stops, F follows again.", valueName: "FILE"))
    var follow: String?

    func overrides() throws -> CommandLineOverrides {
        var theme: Theme.Name?
        if let name = self.theme {
            guard let chosen = Theme.Name(rawValue: name) else {
                throw ValidationError("unknown theme \"\(name)\"; choose dark, light, high-contrast or monochrome")
            }
            theme = chosen
        }
        return CommandLineOverrides(theme: theme, ascii: ascii, lofi: lofi, mouse: mouse, present: present, watch: watch)
    }
}

/// Runs the explorer with the config file's settings under the command line's.
func runExplorer(vault: Vault, config: LoadedConfig, display: DisplayOptions, tour: Int?) throws {
    let chosen = config.configuration.applying(try display.overrides())
    var settings = Explorer.Settings(
        theme: chosen.theme,
        terminal: TerminalOptions(lofi: chosen.display.lofi, ascii: chosen.display.ascii, mouse: chosen.display.mouse),
        present: chosen.presenter.start, tour: tour)
    settings.keyMap = chosen.keyMap
    settings.presenterTheme = chosen.presenter.theme
    settings.smartCase = chosen.search.smartCase
    settings.notice = config.notice
    settings.watch = chosen.watch
    settings.publishPath = display.publish.map { $0 == "default" ? PresenterFile.defaultPath : $0 }
    settings.followPath = display.follow.map { $0 == "default" ? PresenterFile.defaultPath : $0 }
    do {
        let code = try Explorer.run(vault: vault, settings: settings)
        if code != 0 { throw ExitCode(code) }
    } catch let error as TerminalError {
        Output.error(error.description)
        throw ExitCode(2)
    }
}
