import Foundation
import ArgumentParser
import FacetsCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Report problems in the vault (exit 1 when there are errors).")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        var notes: Int
        var links: Int
        var resolvedLinks: Int
        var errors: [DiagnosticJSON]
        var warnings: [DiagnosticJSON]
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let links = vault.linkTargets.linkCount
        let resolved = vault.linkTargets.resolvedCount
        let report = Report(
            notes: vault.notes.count, links: links, resolvedLinks: resolved,
            errors: vault.errors.map(DiagnosticJSON.init), warnings: vault.warnings.map(DiagnosticJSON.init))
        if output.json {
            try Output.json(report)
        } else {
            // One write for all of them: a vault with thousands of broken links made thousands of calls.
            let diagnostics = vault.diagnostics
            if !diagnostics.isEmpty { Output.line(diagnostics.map(\.formatted).joined(separator: "\n")) }
            let rate = links == 0 ? 100.0 : Double(resolved) * 100 / Double(links)
            Output.line(
                "\(vault.notes.count) notes, \(links) links (\(resolved) resolved, \(String(format: "%.1f", rate))%), "
                    + "\(report.errors.count) errors, \(report.warnings.count) warnings")
        }
        // Exit without tearing the vault down: the process ends anyway, and freeing it is no part of checking.
        Foundation.exit(report.errors.isEmpty ? 0 : 1)
    }
}
