import Foundation
import ArgumentParser
import FacetsCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Report problems in the vault (exit 1 when there are errors).")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Flag(
        name: .long,
        help: "Keep running: check again whenever the vault's files change and print only what changed, until interrupted.")
    var watch = false

    struct Report: Encodable {
        var notes: Int
        var links: Int
        var resolvedLinks: Int
        var errors: [DiagnosticJSON]
        var warnings: [DiagnosticJSON]
    }

    func validate() throws {
        if watch && output.json { throw ValidationError("--watch prints changes as text; it does not combine with --json") }
    }

    func run() throws {
        // Checking shows no tree: it is built only if something asks (a fifth of a large vault's load).
        let vault = try vaultOptions.load(tree: .whenAsked)
        if watch { try checkOnChange(vault) }
        let links = vault.linkTargets.linkCount
        let resolved = vault.linkTargets.resolvedCount
        let diagnostics = vault.diagnostics
        let errors = diagnostics.count { $0.severity == .error }
        if output.json {
            try Output.json(
                Report(
                    notes: vault.notes.count, links: links, resolvedLinks: resolved,
                    errors: vault.errors.map(DiagnosticJSON.init), warnings: vault.warnings.map(DiagnosticJSON.init)))
        } else {
            // One write for all of them: a vault with thousands of broken links made thousands of calls.
            if !diagnostics.isEmpty { Output.line(Self.report(diagnostics)) }
            let warnings = diagnostics.count { $0.severity == .warning }
            let rate = links == 0 ? 100.0 : Double(resolved) * 100 / Double(links)
            Output.line(
                "\(vault.notes.count) notes, \(links) links (\(resolved) resolved, \(String(format: "%.1f", rate))%), "
                    + "\(errors) errors, \(warnings) warnings")
        }
        // Exit without tearing the vault down: the process ends anyway, and freeing it is no part of checking.
        Foundation.exit(errors == 0 ? 0 : 1)
    }

    /// One line per diagnostic, made in one String: 6,000 lines joined from a String each took longer
    /// than writing them.
    static func report(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        text.reserveCapacity(diagnostics.count * 160)
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { text += "\n" }
            diagnostic.appendFormatted(to: &text)
        }
        return text
    }

    /// The whole report once, then after each reload the problems that appeared and went and the counts
    /// that moved; runs until interrupted.
    private func checkOnChange(_ vault: Vault) throws -> Never {
        let watcher: VaultWatcher
        do {
            watcher = try VaultWatcher(vault: vault)
        } catch {
            Output.error("facets check --watch: \(error)")
            throw ExitCode(2)
        }
        for problem in watcher.problems { Output.error("facets check --watch: \(problem)") }
        for diagnostic in vault.diagnostics { Output.line(diagnostic.formatted) }
        Output.line(CheckDelta(from: vault, to: vault).summary)
        Output.line("Watching \(vault.origin) for changes (Ctrl-C stops)")
        watcher.run()
        var shown = vault
        while true {
            guard let update = watcher.waitForUpdate() else { continue }
            if let failure = update.failure {
                Output.line("facets: \(failure)")
                continue
            }
            for line in CheckDelta(from: shown, to: update.vault).lines { Output.line(line) }
            shown = update.vault
        }
    }
}
