/// A moment in a talk that a note cites, from `<a class="yt-timestamp" data-t="…">` or bare `[00:01:02]` text.
public struct TimestampRef: Sendable, Hashable {
    /// The time as written (digits and colons only), e.g. `00:07:27` or `02:50:00`.
    public var written: String
    /// The numeric fields as written, most significant first.
    public var parts: [Int]
    /// 1-based line in the file.
    public var line: Int

    public init(written: String, parts: [Int], line: Int = 0) {
        self.written = written
        self.parts = parts
        self.line = line
    }

    /// Seconds when the fields are read at face value: `M:S`, `H:M:S`, or `H:M:S:F` (the fourth field is dropped).
    public var literalSeconds: Int {
        switch parts.count {
        case 0: return 0
        case 1: return parts[0]
        case 2: return parts[0] * 60 + parts[1]
        default: return parts[0] * 3600 + parts[1] * 60 + parts[2]
        }
    }

    /// `MM:SS:00`, a way some notes write minutes and seconds: three fields ending in `00` with a non-zero first.
    /// Whether it really means minutes depends on the talk's length (see `TimestampReading`).
    public var mayBeMinutesWrittenAsHours: Bool {
        parts.count == 3 && parts[2] == 0 && parts[0] > 0
    }

    /// Seconds under the minutes reading: `MM:SS:00` is `MM*60 + SS`.
    public var minutesReadingSeconds: Int {
        parts.count >= 2 ? parts[0] * 60 + parts[1] : literalSeconds
    }

    /// `1:02:03` style text for a number of seconds.
    public static func format(seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(h)):\(two(m)):\(two(s))"
    }
}
