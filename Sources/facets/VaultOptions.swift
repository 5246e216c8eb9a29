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

    /// `tree`: when the browse tree is built (`.whenAsked` for a command that may show none).
    func load(tree: TreeTiming = .withLoad) throws -> Vault { try loadWithConfig(tree: tree).vault }

    /// The config file (its problems reported) and the vault it, the flag or the variable chose.
    func loadWithConfig(tree: TreeTiming = .withLoad) throws -> (vault: Vault, config: LoadedConfig) {
        let loaded = try loadReporting(tree: tree)
        return (loaded.vault, loaded.config)
    }

    /// `loadWithConfig()` with how long each step of the load took, for `facets bench load`.
    func loadReporting(tree: TreeTiming = .withLoad) throws -> (vault: Vault, config: LoadedConfig, report: LoadReport) {
        let config = try configOptions.load()
        let choice = self.choice(config.configuration)
        do {
            guard let directory = choice.directory else {
                let (vault, report) = try BundledVault.load()
                return (vault, config, report)
            }
            let (vault, report) = try Vault.load(.folder(directory), tree: tree)
            return (VaultLifetime.untilExit(vault), config, report)
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

/// The content compiled into the binary.
enum BundledVault {
    static let origin = "bundled content"

    /// The bundled files as a source to parse, their bytes lent from the binary's constants.
    static var source: NoteSource { .files(files, origin: origin) }

    /// The bundled vault from the notes the build parsed (`BundledContent.prebuiltNotes`); parsed
    /// here only if that form does not fit the files, which a build never makes.
    static func load() throws(VaultError) -> (vault: Vault, report: LoadReport) {
        let files = self.files
        let form = BundledContent.prebuiltNotes
        if form.hasPointerRepresentation,
            let loaded = PrebuiltVault.load(
                form: UnsafeBufferPointer(start: form.utf8Start, count: form.utf8CodeUnitCount), files: files, origin: origin)
        {
            return loaded
        }
        return try Vault.load(.files(files, origin: origin))
    }

    static var files: [SourceFile] {
        BundledContent.files.map { file in
            guard file.utf8.hasPointerRepresentation else { return SourceFile(path: file.path, text: file.text) }
            return SourceFile(path: file.path, bytes: NoteBytes(immortal: file.utf8.utf8Start, count: file.utf8.utf8CodeUnitCount))
        }
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
