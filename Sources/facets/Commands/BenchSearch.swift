import ArgumentParser
import FacetsCore
import Foundation

/// Types each query one character at a time and times every keystroke's search, as the explorer runs it.
struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time incremental search: index build, and per-keystroke latency.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Option(name: .long, help: "A file of queries, one per line (default: a built-in set).")
    var queries: String?
    @Option(name: .long, help: "Hits asked for per keystroke.")
    var limit: Int = 50

    struct Report: Encodable {
        var notes: Int
        var indexSeconds: Double
        var queries: Int
        var keystrokes: Int
        var medianMs: Double
        var p95Ms: Double
        var maxMs: Double
    }

    static let builtIn = [
        "innovation", "public value", "silo", "exper", "trust citizens", "mission", "denmark",
        "anticipatory", "procurement rules", "storytelling",
    ]

    func run() throws {
        let vault = try vaultOptions.load()
        var list = Self.builtIn
        if let queries {
            guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else {
                Output.error("facets: cannot read queries file \(queries)")
                throw ExitCode(2)
            }
            list = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let start = monotonicSeconds()
        let index = SearchIndex(vault: vault)
        let indexSeconds = monotonicSeconds() - start
        var latencies: [Double] = []
        // As the explorer runs it: each keystroke narrows from the one before when the query grew.
        var narrowing = SearchNarrowing()
        for query in list {
            var typed = ""
            for character in query {
                typed.append(character)
                if typed.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                let t0 = monotonicSeconds()
                let hits = narrowing.search(SearchQuery(typed), index: index, vault: vault, limit: limit)
                latencies.append((monotonicSeconds() - t0) * 1000)
                if hits.count < 0 { Output.line("") }  // keep the result alive
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let rank = Int((p * Double(latencies.count - 1)).rounded())
            return latencies[min(latencies.count - 1, max(0, rank))]
        }
        let report = Report(
            notes: vault.notes.count, indexSeconds: indexSeconds, queries: list.count, keystrokes: latencies.count,
            medianMs: percentile(0.5), p95Ms: percentile(0.95), maxMs: latencies.last ?? 0)
        if output.json {
            try Output.json(report)
            return
        }
        Output.line(
            String(
                format: "notes %d  index %.3f s  queries %d  keystrokes %d  median %.3f ms  p95 %.3f ms  max %.3f ms",
                report.notes, report.indexSeconds, report.queries, report.keystrokes, report.medianMs, report.p95Ms, report.maxMs))
    }
}
