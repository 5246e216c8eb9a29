import ArgumentParser
import FacetsCore

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
        let (vault, config) = try vaultOptions.loadWithConfig()
        if list {
            for tour in vault.tours {
                Output.line("\(vault.notes[tour].title)  (\(vault.notes[tour].stem))")
                for (n, stop) in vault.tourStops(tour).enumerated() { Output.line("  \(n + 1). \(vault.notes[stop].title)") }
            }
            if vault.tours.isEmpty { Output.line("No tours in this vault (a tour is a note with kind: tour).") }
            return
        }
        guard let tour = vault.tour(named: name) else {
            Output.error(
                name.map { "facets: no tour named \"\($0)\"; `facets tour --list` shows them." }
                    ?? "facets: this vault has no tour (a note with kind: tour).")
            throw ExitCode(2)
        }
        try runExplorer(vault: vault, config: config, display: display, tour: tour)
    }
}
