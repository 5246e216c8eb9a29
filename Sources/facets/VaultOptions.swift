import ArgumentParser
import FacetsBundledContent
import FacetsCore
import Foundation

/// `--vault DIR` (or `FACETS_VAULT`); without it, the content compiled into the binary.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the notes of this folder instead of the bundled content.", valueName: "DIR"))
    var vault: String?

    func load() throws -> Vault {
        if let directory = vault ?? ProcessInfo.processInfo.environment["FACETS_VAULT"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                return VaultLifetime.untilExit(try Vault.load(directory: directory))
            } catch {
                Output.error("facets: \(error.description)")
                throw ExitCode(2)
            }
        }
        return BundledVault.load()
    }
}

enum BundledVault {
    static func load() -> Vault {
        Vault(origin: "bundled content",
              files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })
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
