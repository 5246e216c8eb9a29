import ArgumentParser
import FacetsConfig
import Foundation

/// `--config FILE` (or `FACETS_CONFIG`); without either, `$XDG_CONFIG_HOME/facets/config.toml` or
/// `~/.config/facets/config.toml` when there is one.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Read settings from FILE (default: FACETS_CONFIG, else $XDG_CONFIG_HOME/facets/config.toml or ~/.config/facets/config.toml).",
            valueName: "FILE"))
    var file: String?

    var location: ConfigLocation? {
        ConfigLocation.resolve(flag: file, environment: ProcessInfo.processInfo.environment)
    }

    /// The config in force. Its problems go to stderr as FILE:LINE:COLUMN lines; a file with errors is
    /// set aside (the defaults apply) but stops nothing. A file named on purpose that is missing exits 2.
    func load() throws -> LoadedConfig {
        let loaded: LoadedConfig
        do {
            loaded = try ConfigLoader.load(location, home: ProcessInfo.processInfo.environment["HOME"])
        } catch {
            Output.error("facets: \(error.description)")
            throw ExitCode(2)
        }
        if let path = loaded.location?.path {
            for diagnostic in loaded.report.diagnostics { Output.error(diagnostic.formatted(file: path)) }
            if loaded.report.hasErrors { Output.error("facets: \(path) has errors: running on the default settings") }
        }
        return loaded
    }
}

extension LoadedConfig {
    /// A status-line line about the file's problems, or nil when it has none.
    var notice: String? {
        let errors = report.errors.count, warnings = report.warnings.count
        if errors > 0 {
            return "Config file has \(errors) error\(errors == 1 ? "" : "s"): running on defaults · facets config --check"
        }
        if warnings > 0 {
            return "Config file: \(warnings) unknown setting\(warnings == 1 ? "" : "s") ignored · facets config --check"
        }
        return nil
    }
}
