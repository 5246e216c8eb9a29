import FacetsCore

/// Where a followable reference in the detail pane leads.
public enum RefTarget: Sendable, Hashable {
    /// A note, optionally at a file line (scrolled there).
    case note(Int, line: Int?)
    /// A link whose target has no note.
    case missing(String)
    /// A moment of a talk: opens the talk's timeline there.
    case moment(videoId: String, seconds: Int, note: Int?)
    /// An outside web address.
    case url(String)
}

/// A numbered link or timestamp of the document: what `N Enter`, `f` and `Enter` on a line follow.
public struct DocRef: Sendable, Hashable {
    public var target: RefTarget
    /// First document row it appears on.
    public var row: Int
    public var label: String
    /// A `#heading` or `#^block` the link names that its note does not have: following it says so.
    public var missingAnchor: String? = nil
}

/// A run of text in one role; `ref` ties it to a numbered reference.
public struct Span: Sendable, Hashable {
    public var text: String
    public var role: Role
    public var ref: Int?
    /// A URL to emit as an OSC 8 hyperlink where the terminal allows.
    public var hyperlink: String?

    public init(_ text: String, _ role: Role = .normal, ref: Int? = nil, hyperlink: String? = nil) {
        self.text = text
        self.role = role
        self.ref = ref
        self.hyperlink = hyperlink
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// One display row of a document.
public struct DocLine: Sendable, Hashable {
    public var spans: [Span]
    /// The note's file line this row shows, for search hits and scroll restoring.
    public var sourceLine: Int?

    public init(_ spans: [Span] = [], sourceLine: Int? = nil) {
        self.spans = spans
        self.sourceLine = sourceLine
    }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
}

/// A note (or timeline, or missing-note page) laid out for one width: rows of spans plus numbered refs.
public struct RenderedDocument: Sendable, Hashable {
    public var lines: [DocLine] = []
    public var refs: [DocRef] = []
    /// A timeline's statements: the first row of each, in time order (empty for other documents).
    public var statementRows: [Int] = []
    /// False when the layout stopped at a row limit: the subject goes on past the last line.
    public var isComplete = true

    public init() {}

    /// The references on a row, in order.
    public func refs(onRow row: Int) -> [Int] {
        guard row >= 0, row < lines.count else { return [] }
        var seen: [Int] = []
        for span in lines[row].spans { if let ref = span.ref, !seen.contains(ref) { seen.append(ref) } }
        return seen
    }

    /// The first row showing a file line at or after `line`.
    public func row(forSourceLine line: Int) -> Int? {
        lines.firstIndex { ($0.sourceLine ?? -1) >= line }
    }
}
