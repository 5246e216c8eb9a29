/// A statement of a talk's timeline: the entry (note, line, moment) and the words it stands for.
public struct TimelineStatement: Sendable, Hashable {
    public var entry: TimelineEntry
    public var text: String

    public init(entry: TimelineEntry, text: String) {
        self.entry = entry
        self.text = text
    }
}

extension Vault {
    /// A talk's timeline as statements, in time order, each said once: a note citing the same moment
    /// twice with the same words (a stamp repeated on a line, or a line copied) reads as one statement
    /// in the timeline, its strip and `facets timeline`.
    public func timelineStatements(videoId: String) -> [TimelineStatement] {
        let entries = timeline(videoId: videoId)
        return Self.distinct(zip(entries, statements(entries)).map { TimelineStatement(entry: $0, text: $1) })
    }

    /// The statements with every repeat of one note's moment and words left out (the first kept).
    public static func distinct(_ statements: [TimelineStatement]) -> [TimelineStatement] {
        struct Key: Hashable {
            let note: Int
            let seconds: Int
            let text: String
        }
        var seen = Set<Key>()
        seen.reserveCapacity(statements.count)
        return statements.filter { seen.insert(Key(note: $0.entry.note, seconds: $0.entry.seconds, text: $0.text)).inserted }
    }

    /// How long a talk runs as far as the vault knows: its latest plausible stamp (see
    /// `TimestampReading`), or nil when no note of it has a timestamp.
    public func talkLength(videoId: String) -> Int? {
        readings.talkLengths[videoId]
    }
}
