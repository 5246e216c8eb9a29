/// How a written timestamp becomes seconds into its talk.
///
/// Fields are read as `M:S`, `H:M:S`, or `H:M:S:F` (a fourth field is dropped). Some notes write every
/// stamp minutes-first (`MM:SS:00`, `MM:SS:FF`), which read literally lands hours past the talk's end.
/// The rule, per note: a talk lasts as long as the latest stamp of its notes that stay under
/// `longestTalk` (3 hours); a note any of whose three-field stamps falls past that end (plus a minute),
/// or past 3 hours when the talk's end is unknown, is minutes-first (the talk's end is then worked out
/// again without such notes), and each of its three-field stamps `A:B:C` with A > 0 is read as A minutes
/// and B seconds (`00:B:C` stays literal: both readings agree it is early). `facets check` warns per note.
public enum TimestampReading {
    public static let longestTalk = 3 * 3600

    /// The reading for every note of a vault.
    struct Readings: Sendable {
        var talkLengths: [String: Int] = [:]
        var minutesFirstNotes: Set<Int> = []
    }

    public static func seconds(_ stamp: TimestampRef, minutesFirst: Bool) -> Int {
        minutesFirst && stamp.fieldCount == 3 && stamp.startsAboveZero ? stamp.minutesReadingSeconds : stamp.literalSeconds
    }

    static func readings(notes: [Note], notesByVideo: [String: [Int]]) -> Readings {
        var readings = Readings()
        // By index, never copying a Note: a copy retains every field, and two threads retaining the same
        // notes fight over their reference counts.
        let latestByNote: [Int] = notes.indices.map { notes[$0].timestampSummary.latestThreeField }
        let videos = notes.indices.map { notes[$0].videoId }
        func latest(_ index: Int) -> Int { latestByNote[index] }
        for _ in 0..<2 {
            for (video, indexes) in notesByVideo {
                let plausible = indexes.filter { !readings.minutesFirstNotes.contains($0) }.map(latest).filter { $0 <= longestTalk }
                if let length = plausible.max(), length > 0 { readings.talkLengths[video] = length }
            }
            for index in notes.indices {
                let limit = videos[index].flatMap { readings.talkLengths[$0] } ?? longestTalk
                if latest(index) > limit + 60 { readings.minutesFirstNotes.insert(index) }
            }
        }
        return readings
    }

    static func diagnostics(notes: [Note], readings: Readings) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for index in notes.indices {
            let fourFields = notes[index].timestampSummary.hasFourFields
            guard fourFields || readings.minutesFirstNotes.contains(index) else { continue }
            let timestamps = notes[index].timestamps
            for stamp in timestamps where fourFields && stamp.fieldCount == 4 {
                result.append(
                    Diagnostic(
                        .warning, path: notes[index].path, line: stamp.line,
                        "timestamp \(stamp.written) has four fields; read as \(TimestampRef.format(seconds: stamp.literalSeconds))"))
            }
            guard readings.minutesFirstNotes.contains(index),
                let first = timestamps.first(where: { $0.fieldCount == 3 && $0.startsAboveZero })
            else { continue }
            let end =
                notes[index].videoId.flatMap { readings.talkLengths[$0] }.map { "the talk ends near \(TimestampRef.format(seconds: $0))" }
                ?? "no talk lasts 3 hours"
            result.append(
                Diagnostic(
                    .warning, path: notes[index].path, line: first.line,
                    "timestamps are written minutes first (\(first.written) read as \(TimestampRef.format(seconds: first.minutesReadingSeconds))); \(end)"
                ))
        }
        return result
    }
}
