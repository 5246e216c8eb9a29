import ArgumentParser
import FacetsCore
import FacetsUI
import Foundation

/// Renders the neighbourhood view of a vault's most-linked note into a screen, frame after frame, beside
/// the detail view of the same note drawn the same way (whole explorer frames, in the same run).
struct BenchGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Time drawing the neighbourhood of the most-linked note, beside its detail view.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Option(name: .long, help: "1 or 2 links deep.")
    var depth = 1
    @OptionGroup var size: FrameOptions

    struct Report: Encodable {
        var notes: Int
        var centre: String
        var neighbours: Int
        var modelMs: Double
        var neighbourhoodMsPerFrame: Double
        var detailMsPerFrame: Double
        var ratio: Double
    }

    func validate() throws {
        guard (1...2).contains(depth) else { throw ValidationError("--depth is 1 or 2.") }
    }

    func run() throws {
        let vault = try vaultOptions.load()
        guard let centre = vault.notes.indices.max(by: { vault.backlinks.count(of: $0) < vault.backlinks.count(of: $1) }) else {
            Output.error("facets: the vault has no notes")
            throw ExitCode(2)
        }
        let t0 = monotonicSeconds()
        let picture = Neighbourhood(centre: centre, depth: depth, in: vault)
        let modelMs = (monotonicSeconds() - t0) * 1000

        // The explorer at the note's detail (as a follower reaches what a presenter opened), then its neighbourhood.
        var detail = AppState(vault: vault, width: size.width, height: size.height)
        detail.startFollowing()
        detail.presenterOpened(vault.notes[centre].path)
        var neighbourhood = detail
        _ = neighbourhood.handle(.character("v"))
        if depth == 2 { _ = neighbourhood.handle(.character("+")) }
        guard neighbourhood.panes.last == .neighbourhood, detail.subject == .note(centre) else {
            Output.error("facets: could not open the neighbourhood of \(vault.notes[centre].path)")
            throw ExitCode(2)
        }

        _ = (size.msPerFrame(&detail), size.msPerFrame(&neighbourhood))  // warm up both
        let detailMs = size.msPerFrame(&detail), neighbourhoodMs = size.msPerFrame(&neighbourhood)
        let report = Report(
            notes: vault.notes.count, centre: vault.notes[centre].path, neighbours: picture.nodes.count - 1, modelMs: modelMs,
            neighbourhoodMsPerFrame: neighbourhoodMs, detailMsPerFrame: detailMs, ratio: neighbourhoodMs / max(detailMs, 1e-9))
        defer { Foundation.exit(0) }
        if output.json {
            try Output.json(report)
            return
        }
        Output.line(
            String(
                format:
                    "notes %d  centre %@ (%d neighbours, depth %d)  model %.2f ms  %dx%d frame: neighbourhood %.3f ms  detail %.3f ms  ratio %.2f",
                report.notes, report.centre as NSString, report.neighbours, depth, modelMs, size.width, size.height, neighbourhoodMs, detailMs,
                report.ratio))
    }
}
