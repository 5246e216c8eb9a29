/// A timestamped statement: note `note` says, on file line `line`, something at `seconds` into its talk.
public struct TimelineEntry: Sendable, Hashable {
    public var note: Int
    public var seconds: Int
    public var line: Int
    public var stamp: TimestampRef
}
