/// Where a wiki link leads once resolved.
public enum LinkTarget: Sendable, Hashable {
    /// A note of the vault, by index into `Vault.notes`.
    case note(Int)
    /// No note has that name: kept as a missing entry, shown as "no note for X".
    case missing(String)
}

/// A link from `source` (note index), the `linkIndex`-th of its links, on file line `line`.
/// Stored in 32-bit fields (notes are at most 8 MiB, and a vault's notes and a note's links number far
/// fewer than 2^31): a large vault has hundreds of thousands of backlinks, placed in one pass on one core.
public struct Backlink: Sendable, Hashable {
    private var storedSource: Int32
    private var storedLinkIndex: Int32
    private var storedLine: Int32

    public var source: Int {
        get { Int(storedSource) }
        set { storedSource = Int32(clamping: newValue) }
    }
    public var linkIndex: Int {
        get { Int(storedLinkIndex) }
        set { storedLinkIndex = Int32(clamping: newValue) }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(source: Int, linkIndex: Int, line: Int) {
        storedSource = Int32(clamping: source)
        storedLinkIndex = Int32(clamping: linkIndex)
        storedLine = Int32(clamping: line)
    }
}
