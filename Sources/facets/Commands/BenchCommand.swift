import ArgumentParser
import FacetsCore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure loading, search and drawing speed.",
        subcommands: [BenchLoad.self, BenchSearch.self, BenchTree.self, BenchGraph.self, BenchMatrix.self, BenchRedraw.self])
}

func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

struct BenchLoad: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Time loading a vault.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Flag(
        name: .long,
        help:
            "Also time a live reload after one note changed (the middle one, read again; the vault is not written), beside the fresh load of the same run."
    )
    var reload = false
    @Flag(name: .long, help: "Load as `facets check` does: without building the browse tree.")
    var withoutTree = false

    struct Report: Encodable {
        var notes: Int
        var bytes: Int
        var seconds: Double
        var notesPerSecond: Double
        var megabytesPerSecond: Double
        /// With `--reload`: the median of three reloads of one changed note, and its share of the fresh load.
        var reloadSeconds: Double?
        var reloadOverLoad: Double?
    }

    func run() throws {
        let start = monotonicSeconds()
        let (vault, _, loadReport) = try vaultOptions.loadReporting(tree: withoutTree ? .whenAsked : .withLoad)
        let seconds = monotonicSeconds() - start
        let bytes = vault.notes.reduce(0) { $0 + $1.byteCount }
        var report = Report(
            notes: vault.notes.count, bytes: bytes, seconds: seconds,
            notesPerSecond: Double(vault.notes.count) / seconds,
            megabytesPerSecond: Double(bytes) / 1_000_000 / seconds)
        if reload, !vault.notes.isEmpty {
            let changed = vault.notes[vault.notes.count / 2].path
            var times: [Double] = []
            for _ in 0..<3 {
                let reloadStart = monotonicSeconds()
                let reloaded = try vault.reloading(changed: [changed])
                times.append(monotonicSeconds() - reloadStart)
                withExtendedLifetime(reloaded) {}
            }
            let median = times.sorted()[1]
            report.reloadSeconds = median
            report.reloadOverLoad = median / seconds
        }
        // Exit without tearing the vault down: the process ends anyway, and freeing it is not loading.
        defer { Foundation.exit(0) }
        if output.json {
            try Output.json(report)
            return
        }
        for phase in loadReport.phases { Output.line(String(format: "  %-16@ %.3f s", phase.name as NSString, phase.seconds)) }
        Output.line(
            "notes \(report.notes)  bytes \(report.bytes)  wall \(String(format: "%.3f", seconds)) s  "
                + "\(String(format: "%.0f", report.notesPerSecond)) notes/s  \(String(format: "%.1f", report.megabytesPerSecond)) MB/s")
        if let reloadSeconds = report.reloadSeconds, let share = report.reloadOverLoad {
            Output.line(
                "reload of one changed note \(String(format: "%.3f", reloadSeconds)) s (median of 3)  "
                    + "\(String(format: "%.2f", share))× the fresh load above")
        }
    }
}
