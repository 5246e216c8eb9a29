import ArgumentParser
import FacetsUI

/// What the view benches share: the screen size and how many frames each view is drawn.
struct FrameOptions: ParsableArguments {
    @Option(name: .long, help: "Frames drawn of each view.")
    var frames = 200
    @Option(name: .long, help: "Screen width.")
    var width = 120
    @Option(name: .long, help: "Screen height.")
    var height = 40

    func validate() throws {
        guard frames > 0, width > 0, height > 0 else { throw ValidationError("--frames, --width and --height are positive.") }
    }

    /// Milliseconds per frame as the explorer makes one: the moves' actions (none: the same screen
    /// again), then a render of the whole screen.
    func msPerFrame(_ state: inout AppState, moves: [Action] = []) -> Double {
        var cells = 0
        let start = monotonicSeconds()
        for _ in 0..<frames {
            for move in moves { _ = state.perform(move) }
            cells &+= Renderer.render(state).cells.count
        }
        if cells < 0 { Output.line("") }  // keep the frames alive
        return (monotonicSeconds() - start) * 1000 / Double(frames)
    }
}
