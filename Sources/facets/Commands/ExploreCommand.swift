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
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let vault = try vaultOptions.load()
        try runExplorer(vault: vault, display: display, tour: nil)
    }
}

/// How the explorer draws: shared by `facets`, `facets explore` and `facets tour`.
struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, monochrome.")
    var theme: String = "dark"
    @Flag(name: .long, help: "Draw borders and markers with ASCII characters.")
    var ascii = false
    @Flag(name: .long, help: "No colours, ASCII drawing, no mouse, no OSC sequences: for slow links and odd terminals.")
    var lofi = false
    @Flag(name: .long, help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false
    @Flag(name: .long, help: "Presenter mode: the focused pane large and centred, high contrast, key captions.")
    var present = false
    @Option(name: .long, help: ArgumentHelp("Publish each entry you open for `facets serve --follow` attendees (default file when given without a path: see --help of serve).", valueName: "FILE"))
    var publish: String?
    @Option(name: .long, help: ArgumentHelp("Follow a presenter: jump to each entry published to FILE; any key stops, F follows again.", valueName: "FILE"))
    var follow: String?
}

func runExplorer(vault: Vault, display: DisplayOptions, tour: Int?) throws {
        guard let themeName = Theme.Name(rawValue: display.theme) else {
            throw ValidationError("unknown theme \"\(display.theme)\"; choose dark, light, high-contrast or monochrome")
        }
        let settings = Explorer.Settings(theme: themeName,
                                         terminal: TerminalOptions(lofi: display.lofi, ascii: display.ascii, mouse: !display.noMouse),
                                         present: display.present, tour: tour)
        var settingsWithChannels = settings
        settingsWithChannels.publishPath = display.publish.map { $0 == "default" ? PresenterChannel.defaultPath : $0 }
        settingsWithChannels.followPath = display.follow.map { $0 == "default" ? PresenterChannel.defaultPath : $0 }
        do {
            let code = try Explorer.run(vault: vault, settings: settingsWithChannels)
            if code != 0 { throw ExitCode(code) }
        } catch let error as TerminalError {
            Output.error(error.description)
            throw ExitCode(2)
        }
}

/// `facets tour [NAME]`: the explorer, walking a guided tour from its first stop.
struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour", abstract: "Walk a guided tour (a note with kind: tour) in the explorer.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var display: DisplayOptions
    @Argument(help: "The tour, by file name, title or alias (default: the first tour).")
    var name: String?
    @Flag(name: .long, help: "List the tours and their stops instead.")
    var list = false

    func run() throws {
        let vault = try vaultOptions.load()
        if list {
            for tour in vault.tours {
                Output.line("\(vault.notes[tour].title)  (\(vault.notes[tour].stem))")
                for (n, stop) in vault.tourStops(tour).enumerated() { Output.line("  \(n + 1). \(vault.notes[stop].title)") }
            }
            if vault.tours.isEmpty { Output.line("No tours in this vault (a tour is a note with kind: tour).") }
            return
        }
        guard let tour = vault.tour(named: name) else {
            Output.error(name.map { "facets: no tour named \"\($0)\"; `facets tour --list` shows them." }
                         ?? "facets: this vault has no tour (a note with kind: tour).")
            throw ExitCode(2)
        }
        try runExplorer(vault: vault, display: display, tour: tour)
    }
}
