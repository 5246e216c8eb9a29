import ArgumentParser
import FacetsCore

/// Finds the entry a person named, or explains (ambiguous: the candidates; unknown: the nearest names) and exits 2.
func resolveEntry(_ name: String, in vault: Vault) throws -> Int {
    switch vault.lookup(name) {
    case .found(let index):
        return index
    case .ambiguous(let candidates):
        Output.error("facets: \"\(name)\" could mean \(candidates.count) entries:")
        for index in candidates { Output.error("  \(vault.notes[index].path)  (\(vault.notes[index].title))") }
        Output.error("Name one by its path.")
        throw ExitCode(2)
    case .notFound(let suggestions):
        Output.error("facets: no entry named \"\(name)\".")
        if !suggestions.isEmpty { Output.error("Did you mean: \(suggestions.joined(separator: ", "))?") }
        Output.error("`facets list` shows every entry.")
        throw ExitCode(2)
    }
}
