import ArgumentParser
import FacetsCore
import FacetsUI
import Foundation

/// Times every frame of browsing the tree as the explorer runs it (key, update, settle, render into a
/// screen buffer): moving to the largest folder, expanding it, moving through it, opening a talk,
/// paging, and filtering the list. The same keys on the bundled content are the peer, in the same run.
struct BenchTree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree", abstract: "Time tree frames: expand the largest folder, move, page, filter.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Option(name: .long, help: "Down moves through the opened folder.")
    var moves: Int = 300
    @Option(name: .long, help: "The filter typed into the list, a letter at a time.")
    var filter: String = "innovation"

    /// Frame times of one kind of step, in milliseconds.
    struct Figures: Encodable {
        var frames: Int
        var medianMs: Double
        var p95Ms: Double
        var maxMs: Double

        init(_ times: [Double]) {
            let sorted = times.sorted()
            func at(_ p: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
            }
            frames = sorted.count
            medianMs = at(0.5)
            p95Ms = at(0.95)
            maxMs = sorted.last ?? 0
        }
    }

    struct Run: Encodable {
        var notes: Int
        /// Notes in the folder opened, and rows the tree then shows.
        var folderNotes: Int
        var rowsShown: Int
        var steps: [String: Figures]
        var worstMs: Double
        /// The slowest frames, slowest first: where to look next.
        var slowest: [SlowFrame]
    }

    struct SlowFrame: Encodable {
        var step: String
        var ms: Double
        /// The detail pane's title after the key: what the frame laid out.
        var showing: String
    }

    struct Report: Encodable {
        var vault: Run
        var peer: Run
        var budgetMs: Double
        var withinBudget: Bool
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let peer = try Vault.load(BundledVault.source).vault
        let measured = measure(vault)
        let baseline = measure(peer)
        let report = Report(vault: measured, peer: baseline, budgetMs: 16, withinBudget: measured.worstMs <= 16)
        defer { Foundation.exit(0) }
        if output.json {
            try Output.json(report)
            return
        }
        for (name, run) in [("vault", measured), ("peer (bundled content)", baseline)] {
            Output.line("\(name): \(run.notes) notes, opened folder of \(run.folderNotes) notes, \(run.rowsShown) rows shown")
            for step in ["move to", "expand", "move", "page", "filter", "grouping"] {
                guard let figures = run.steps[step] else { continue }
                Output.line(
                    String(
                        format: "  %-8@ frames %4d  median %7.3f ms  p95 %7.3f ms  max %7.3f ms", step as NSString,
                        figures.frames, figures.medianMs, figures.p95Ms, figures.maxMs))
            }
            for frame in run.slowest {
                Output.line(String(format: "  slow: %@ %.3f ms showing %@", frame.step as NSString, frame.ms, frame.showing as NSString))
            }
        }
        Output.line(
            String(
                format: "worst frame %.3f ms (peer %.3f ms, %.1fx); budget 16 ms: %@", measured.worstMs, baseline.worstMs,
                measured.worstMs / max(baseline.worstMs, 0.001), report.withinBudget ? "met" : "MISSED"))
    }

    /// The keys of the walk, each timed from key to rendered screen.
    func measure(_ vault: Vault) -> Run {
        var state = AppState(vault: vault, width: 120, height: 40)
        // The search and tag indexes are built before timing: the explorer builds them in the background at start.
        state.startBackgroundWork()
        _ = state.searchIndexBuild.index
        _ = state.tagIndexBuild.value
        _ = Renderer.render(state)
        var steps: [String: [Double]] = [:]
        var frames: [SlowFrame] = []
        func press(_ key: Key, as step: String) {
            let start = monotonicSeconds()
            _ = state.handle(key)
            state.settle()
            let screen = Renderer.render(state)
            let ms = (monotonicSeconds() - start) * 1000
            steps[step, default: []].append(ms)
            frames.append(SlowFrame(step: step, ms: ms, showing: Self.describe(state.detail.subject, in: vault)))
            if screen.width < 0 { Output.line("") }  // keep the frame alive
        }
        // The top-level node with the most notes.
        let rows = state.tree.rows
        let largest = rows.indices.filter { rows[$0].depth == 0 && rows[$0].id != "all" }.max { rows[$0].count < rows[$1].count } ?? 0
        for _ in 0..<largest { press(.character("j"), as: "move to") }
        let folderNotes = state.tree.rows[safe: state.tree.cursor]?.count ?? 0
        if state.tree.rows[safe: state.tree.cursor]?.isExpanded == true { press(.character(" "), as: "expand") }
        press(.character(" "), as: "expand")
        for _ in 0..<moves { press(.character("j"), as: "move") }
        // Open what the cursor is on (a talk in a channel folder) and page through.
        press(.character(" "), as: "expand")
        for _ in 0..<20 { press(.pageDown, as: "page") }
        for _ in 0..<20 { press(.pageUp, as: "page") }
        let rowsShown = state.tree.rows.count
        press(.tab, as: "move")
        press(.character("/"), as: "filter")
        for character in filter { press(.character(character), as: "filter") }
        press(.enter, as: "filter")
        // Every grouping in turn (folders, talks, tags, ...) and back: each built on its first `=`.
        press(.escape, as: "filter")
        for _ in 0..<BrowseTree.groupings.count { press(.character("="), as: "grouping") }
        let figures = steps.mapValues(Figures.init)
        return Run(
            notes: vault.notes.count, folderNotes: folderNotes, rowsShown: rowsShown, steps: figures,
            worstMs: figures.values.map(\.maxMs).max() ?? 0, slowest: Array(frames.sorted { $0.ms > $1.ms }.prefix(5)))
    }
}

extension BenchTree {
    static func describe(_ subject: DetailSubject, in vault: Vault) -> String {
        guard case .note(let index) = subject else { return "\(subject)" }
        let note = vault.notes[index]
        return "\(note.path) (\(vault.backlinks[index].count) backlinks)"
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
