import ArgumentParser
import FacetsConfig
import Foundation

/// `facets config`: where the config file is, a commented default one, and a check of one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show, print or check the config file.",
        discussion: """
            With no option, says which config file is read and whether it exists.
            --print-default writes a commented file with every setting at its default:
              facets config --print-default > ~/.config/facets/config.toml
            --check [FILE] checks FILE (default: the file that would be read).
            Exit 0 when it is fine (warnings for unknown settings go to stderr),
            2 with FILE:LINE:COLUMN messages when it is not.
            """)

    @Flag(name: .long, help: "Print a commented config file holding every default.")
    var printDefault = false
    @Flag(name: .long, help: "Check a config file (FILE, else the one that would be read).")
    var check = false
    @Argument(help: ArgumentHelp("The file to check (with --check).", valueName: "FILE"))
    var file: String?
    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        if printDefault && check { throw ValidationError("--print-default and --check do different things: give one") }
        if file != nil && !check { throw ValidationError("FILE goes with --check: facets config --check FILE") }
    }

    func run() throws {
        if printDefault {
            Output.line(String(DefaultConfigFile.text.dropLast()))
            return
        }
        let location = file.map { ConfigLocation(path: $0, source: .flag) } ?? configOptions.location
        guard let location else {
            Output.line("No config file: neither --config, FACETS_CONFIG, XDG_CONFIG_HOME nor HOME names a place.")
            return
        }
        let exists = access(location.path, F_OK) == 0
        if !check {
            Output.line("\(location.path) (from \(location.source.rawValue)): \(exists ? "exists" : "none; the defaults apply")")
            return
        }
        guard exists else {
            if location.isExplicit {
                Output.error("facets: no config file at \(location.path)")
                throw ExitCode(2)
            }
            Output.line("No config file at \(location.path): the defaults apply.")
            return
        }
        let report = ConfigLoader.load(path: location.path, home: ProcessInfo.processInfo.environment["HOME"])
        for diagnostic in report.diagnostics { Output.error(diagnostic.formatted(file: location.path)) }
        if report.hasErrors {
            Output.error(
                "facets: \(location.path): \(report.errors.count) error\(report.errors.count == 1 ? "" : "s"); the explorer would run on the default settings"
            )
            throw ExitCode(2)
        }
        let warnings = report.warnings.count
        Output.line("\(location.path): fine" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
    }
}
