import ArgumentParser
import FacetsConfig
import FacetsCore
import FacetsTerminal
import FacetsUI
import Foundation

/// Times the frame encoder on the explorer's screens after each key, as over a pseudo-terminal to an
/// xterm, with the bytes it sends: the order of the writes improved, and the greedy order alone as the
/// peer in the same run. What the encoder costs a key, beside what it saves on the wire.
struct BenchRedraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redraw", abstract: "Time encoding the explorer's frames for the terminal, and count their bytes.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Option(name: .long, help: "Keys pressed, by their config names, space-separated.")
    var keys = "j j k tab j j tab j k 3 ctrl-d j j"
    @Option(name: .long, help: "Screen width.")
    var width = 80
    @Option(name: .long, help: "Screen height.")
    var height = 24
    @Option(name: .long, help: "Times each frame is encoded; the fastest counts.")
    var repeats = 20

    struct Side: Encodable {
        var bytes: Int
        var medianMicroseconds: Double
        var maxMicroseconds: Double
    }

    struct Report: Encodable {
        var width: Int
        var height: Int
        var keys: Int
        var improved: Side
        var greedy: Side
    }

    func validate() throws {
        guard width > 0, height > 0, repeats > 0 else { throw ValidationError("--width, --height and --repeats are positive.") }
    }

    func run() throws {
        let pressed = try keys.split(separator: " ").map { name -> Key in
            switch KeySyntax.parse(String(name)) {
            case .success(let key): return key
            case .failure(let error): throw ValidationError("--keys: \(error.message)")
            }
        }
        let vault = try vaultOptions.load()
        var state = AppState(vault: vault, width: width, height: height)
        state.settle()
        var screens = [Renderer.render(state)]
        for key in pressed {
            _ = state.handle(key)
            state.settle()
            screens.append(Renderer.render(state))
        }
        let (improved, greedy) = RedrawBench.measure(
            screens, width: width, height: height, theme: Theme(.dark), repeats: repeats, clock: monotonicSeconds)
        func side(_ figures: RedrawBench.Figures) -> Side {
            let sorted = figures.microseconds.sorted()
            return Side(bytes: figures.bytes, medianMicroseconds: sorted.isEmpty ? 0 : sorted[sorted.count / 2], maxMicroseconds: sorted.last ?? 0)
        }
        let report = Report(width: width, height: height, keys: pressed.count, improved: side(improved), greedy: side(greedy))
        if output.json {
            try Output.json(report)
            return
        }
        Output.line("\(width)x\(height), \(pressed.count) keys:")
        for (name, figures) in [("improved order", report.improved), ("greedy order (peer)", report.greedy)] {
            Output.line(
                "  \(name): \(figures.bytes) bytes; encoding a frame: median "
                    + String(format: "%.0f µs, slowest %.0f µs", figures.medianMicroseconds, figures.maxMicroseconds))
        }
    }
}
