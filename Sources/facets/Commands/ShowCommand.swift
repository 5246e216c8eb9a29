import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print an entry, wrapped to the terminal.")
    @Argument var entry: String
    func run() throws { throw ValidationError("show is not built yet") }
}

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explore", abstract: "Open the explorer (the default).")
    func run() throws { print(Facets.helpMessage()) }
}
