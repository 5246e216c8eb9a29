/// Where every wiki link of a vault leads: per note, per link (same order as `Note.links`), read like
/// `[[LinkTarget]]` (`vault.linkTargets[note]` is an array). Stored as one 32-bit code per link, with
/// the names of the few missing ones aside: 330,000 `LinkTarget`s in 25,000 arrays were 8 MB of fresh
/// pages and a retain per link each time the graph was walked.
public struct LinkTargets: RandomAccessCollection, Sendable {
    /// Per link: the note it leads to (0 and up), `LinkCode.missing` or `LinkCode.sameNote`.
    let codes: [Int32]
    /// Per note, where its links start in `codes`; one more at the end.
    let starts: [Int]
    /// The target names of the `missing` links, by their place in `codes`.
    let missingNames: [Int: String]

    init(codes: [Int32], starts: [Int], missingNames: [Int: String]) {
        precondition(starts.first == 0 && starts.last == codes.count, "LinkTargets bounds")
        self.codes = codes
        self.starts = starts
        self.missingNames = missingNames
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// A note's link targets, as their own array.
    public subscript(note: Int) -> [LinkTarget] {
        (starts[note]..<starts[note + 1]).map { target(at: $0, in: note) }
    }

    /// The target of the link at `position` in `codes`, a link of `note`.
    func target(at position: Int, in note: Int) -> LinkTarget {
        let code = codes[position]
        if code >= 0 { return .note(Int(code)) }
        if code == LinkCode.sameNote { return .note(note) }
        return .missing(missingNames[position] ?? "")
    }

    /// How many links the vault has.
    public var linkCount: Int { codes.count }
    /// How many of them lead to a note.
    public var resolvedCount: Int { codes.count - missingNames.count }
}

extension LinkTargets: Equatable {
    /// Equal when every note's links lead to the same places (read as lists, however they are stored).
    public static func == (a: LinkTargets, b: LinkTargets) -> Bool {
        a.starts == b.starts && a.elementsEqual(b)
    }
}

/// A link's target as stored, by the loader's hints and the vault alike: a note index (0 and up) or
/// one of these codes. One set of codes, so that -1 means the same thing wherever it is read.
enum LinkCode {
    /// The link names no note (its name is kept beside the codes).
    static let missing: Int32 = -1
    /// A `[[#heading]]` link: it leads to its own note, and is not a backlink.
    static let sameNote: Int32 = -2
    /// Not settled by the rule's path steps: left for the name steps once every note is known (hints only).
    static let pending: Int32 = -3
}
