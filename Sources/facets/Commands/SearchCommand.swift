import ArgumentParser

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search titles, aliases and text.")
    @Argument var query: String
    func run() throws { throw ValidationError("search is not built yet") }
}

struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Time incremental search.")
    func run() throws { throw ValidationError("search is not built yet") }
}
