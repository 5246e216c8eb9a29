/// Where every wiki link of a vault leads: per note, per link (same order as `Note.links`), read like
/// `[[LinkTarget]]` (`vault.linkTargets[note]` is an array). Stored as one 32-bit code per link, with
/// the names of the few missing ones aside: 330,000 `LinkTarget`s in 25,000 arrays were 8 MB of fresh
/// pages and a retain per link each time the graph was walked.
public struct LinkTargets: RandomAccessCollection, Sendable {
    /// Per link: the note it leads to (0 and up), `missing` or `sameNote`.
    let codes: [Int32]
    /// Per note, where its links start in `codes`; one more at the end.
    let starts: [Int]
    /// The target names of the `missing` links, by their place in `codes`.
    let missingNames: [Int: String]

    /// The link names no note (kept in `missingNames`).
    static let missing: Int32 = -1
    /// A `[[#heading]]` link: it leads to its own note, and is not a backlink.
    static let sameNote: Int32 = -2

    init(codes: [Int32], starts: [Int], missingNames: [Int: String]) {
        precondition(starts.first == 0 && starts.last == codes.count, "LinkTargets bounds")
        self.codes = codes
        self.starts = starts
        self.missingNames = missingNames
    }

    /// Per note, its links' targets in order (in-memory vaults, where links were resolved as values).
    /// `sameNote[note][k]` marks the `[[#heading]]` links.
    init(_ lists: [[LinkTarget]], sameNote: [[Bool]]) {
        var codes: [Int32] = []
        var starts = [0]
        var missingNames: [Int: String] = [:]
        for (note, list) in lists.enumerated() {
            for (k, target) in list.enumerated() {
                switch target {
                case .note(let index):
                    codes.append(sameNote[note][k] ? Self.sameNote : Int32(truncatingIfNeeded: index))
                case .missing(let name):
                    missingNames[codes.count] = name
                    codes.append(Self.missing)
                }
            }
            starts.append(codes.count)
        }
        self.init(codes: codes, starts: starts, missingNames: missingNames)
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
        if code == Self.sameNote { return .note(note) }
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
