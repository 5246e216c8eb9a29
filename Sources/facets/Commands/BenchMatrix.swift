import ArgumentParser
import FacetsCore
import FacetsUI
import Foundation

/// Times the matrix view as the explorer draws it: building the matrix of two kinds, then frames with
/// the cursor moving (each a key's action, its reconcile and a whole-screen render), beside the entry
/// list drawn the same way in the same run.
struct BenchMatrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix", abstract: "Time building and drawing the matrix view, with the entry list as the peer.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var size: FrameOptions

    struct Report: Encodable {
        var notes: Int
        var rows: String
        var columns: String
        var size: String
        var marks: Int
        var buildMs: Double
        var firstFrameMs: Double
        var matrixFrameMs: Double
        var listFrameMs: Double
        var ratio: Double
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let t0 = monotonicSeconds()
        let matrix = Matrix.standard(for: vault)
        let buildMs = (monotonicSeconds() - t0) * 1000
        var state = AppState(vault: vault, width: size.width, height: size.height, settings: ExplorerSettings())
        // The peer: the entry list of "All notes", the cursor moving down a row a frame.
        _ = state.perform(.focusList)
        let listMs = size.msPerFrame(&state, moves: [.moveDown])
        let t1 = monotonicSeconds()
        _ = state.perform(MatrixView.open)
        _ = Renderer.render(state)
        let firstMs = (monotonicSeconds() - t1) * 1000
        let matrixMs = size.msPerFrame(&state, moves: [.moveDown, .paneRight])
        let report = Report(
            notes: vault.notes.count, rows: matrix.rows.kind, columns: matrix.columns.kind,
            size: "\(matrix.rows.count)x\(matrix.columns.count)", marks: matrix.marks.count, buildMs: buildMs, firstFrameMs: firstMs,
            matrixFrameMs: matrixMs, listFrameMs: listMs, ratio: listMs > 0 ? matrixMs / listMs : 0)
        defer { Foundation.exit(0) }
        if output.json {
            try Output.json(report)
            return
        }
        Output.line(
            String(
                format: "notes %d  matrix %@ × %@ (%@, %d marks)  build %.2f ms  first frame %.2f ms  frame %.3f ms  list frame %.3f ms  ratio %.2f",
                report.notes, report.rows as NSString, report.columns as NSString, report.size as NSString, report.marks, report.buildMs,
                report.firstFrameMs, report.matrixFrameMs, report.listFrameMs, report.ratio))
    }
}
