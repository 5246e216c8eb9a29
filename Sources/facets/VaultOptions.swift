import ArgumentParser
import FacetsBundledContent
import FacetsConfig
import FacetsCore
import Foundation

/// `--vault DIR` (or `FACETS_VAULT`, or the config file's `vault`); without any, the content compiled
/// into the binary. Carries `--config`, since the config file can name the vault.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the notes of this folder instead of the bundled content.", valueName: "DIR"))
    var vault: String?
    @OptionGroup var configOptions: ConfigOptions

    func load() throws -> Vault { try loadWithConfig().vault }

    /// The config file (its problems reported) and the vault it, the flag or the variable chose.
    func loadWithConfig() throws -> (vault: Vault, config: LoadedConfig) {
        let loaded = try loadReporting()
        return (loaded.vault, loaded.config)
    }

    /// `loadWithConfig()` with how long each step of the load took, for `facets bench load`.
    func loadReporting() throws -> (vault: Vault, config: LoadedConfig, report: LoadReport) {
        let config = try configOptions.load()
        let choice = self.choice(config.configuration)
        do {
            let (vault, report) = try Vault.load(choice.directory.map(NoteSource.folder) ?? BundledVault.source)
            return (choice.directory == nil ? vault : VaultLifetime.untilExit(vault), config, report)
        } catch {
            let origin = choice.source == .configFile ? " (the vault setting of \(config.location?.path ?? "the config file"))" : ""
            Output.error("facets: \(error.description)\(origin)")
            throw ExitCode(2)
        }
    }

    /// Flag, then variable, then the config file, then the bundled content.
    func choice(_ configuration: Configuration) -> VaultChoice {
        VaultChoice.resolve(flag: vault, environment: ProcessInfo.processInfo.environment, configured: configuration.vault)
    }
}

enum BundledVault {
    static var source: NoteSource {
        .files(BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) }, origin: "bundled content")
    }
}

struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// Keeps a loaded vault until the process exits. A large vault is millions of small objects, and
/// freeing them one by one when a command returns costs a tenth of a second or more for nothing:
/// the process is about to end (compilers skip the same teardown).
enum VaultLifetime {
    nonisolated(unsafe) private static var kept: [Vault] = []

    /// Only ever called from the main thread, before the command's own work.
    static func untilExit(_ vault: Vault) -> Vault {
        kept.append(vault)
        return vault
    }
}
