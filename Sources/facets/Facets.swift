import ArgumentParser
import FacetsCore
import Foundation

/// `facets`: the explorer by default, plain subcommands for scripts.
@main
struct Facets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facets",
        abstract: "Explore how governments innovate: a terminal explorer for linked, timestamped notes.",
        discussion: """
            With no subcommand, opens the explorer on the bundled content (or --vault DIR).
            Exit codes: 0 ok, 1 `check` found errors, 2 usage or environment problem.
            """,
        version: FacetsVersion.description,
        subcommands: [
            ExploreCommand.self, TourCommand.self, ListCommand.self, ShowCommand.self, LinksCommand.self, GraphCommand.self, TimelineCommand.self,
            MatrixCommand.self,
            SearchCommand.self, CheckCommand.self, KeysCommand.self, ConfigCommand.self, BenchCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )

    /// Argument errors exit 2 (documented), not the parser's default 64.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        MemoryTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { Output.error(message) }
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
