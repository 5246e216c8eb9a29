import FacetsUI

/// The frame encoder timed on the explorer's own screens, as an xterm gets them (colours, ECH in the
/// background colour, a scroll region, tab stops): each step's bytes and encoding time, with the runs'
/// order improved (`RunOrder`) and, as the peer in the same run, without.
public enum RedrawBench {
    public struct Figures: Sendable {
        /// Bytes sent for the steps after the first screen.
        public var bytes: Int
        /// Per step after the first screen: microseconds to encode, the least of the repeats.
        public var microseconds: [Double]
    }

    /// `screens`: the first one, then one after each key. `clock`: seconds, monotonic.
    public static func measure(
        _ screens: [ScreenBuffer], width: Int, height: Int, theme: Theme, repeats: Int, clock: () -> Double
    ) -> (improved: Figures, greedy: Figures) {
        let frames = screens.map { screen in
            TerminalFrame(screen, width: width, height: height, utf8: true) {
                TerminalLook(theme.appearance($0), colorsEnabled: theme.usesColor, colorCount: 256)
            }
        }
        var encoder = FrameEncoder(
            moves: CursorMoves(lineFeedMovesDown: true), autowrapOff: true, eraseCharacters: true, eraseInBackgroundColour: true,
            scrollRegion: true, tabStops: true)
        let improved = figures(frames, encoder: encoder, repeats: repeats, clock: clock)
        encoder.improvesOrder = false
        return (improved, figures(frames, encoder: encoder, repeats: repeats, clock: clock))
    }

    static func figures(_ frames: [TerminalFrame], encoder: FrameEncoder, repeats: Int, clock: () -> Double) -> Figures {
        var bytes = 0
        var microseconds: [Double] = []
        var state = FrameEncoder.CursorState(position: nil, visible: nil)
        var previous: TerminalFrame?
        for frame in frames {
            var fastest = Double.infinity
            var sent = ""
            var after = state
            for _ in 0..<max(1, repeats) {
                var trial = state
                let start = clock()
                sent = encoder.encode(from: previous, to: frame, cursor: nil, state: &trial)
                fastest = min(fastest, clock() - start)
                after = trial
            }
            state = after
            if previous != nil {
                bytes += sent.utf8.count
                microseconds.append(fastest * 1e6)
            }
            previous = frame
        }
        return Figures(bytes: bytes, microseconds: microseconds)
    }
}
