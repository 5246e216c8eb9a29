/// A vault and the one read after its files changed, with where each earlier note went: what the
/// explorer needs to keep selections, scroll and history on the entries that still exist. Notes are
/// matched by path, since their indexes shift when files come and go.
public struct VaultChange: Sendable {
    public let old: Vault
    public let new: Vault
    /// Per earlier note, its index in the new vault (nil: removed).
    private let moved: [Int?]
    private let byPath: [String: Int]

    public init(from old: Vault, to new: Vault) {
        self.old = old
        self.new = new
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(new.notes.count)
        for (index, note) in new.notes.enumerated() { byPath[note.path] = index }
        self.byPath = byPath
        moved = old.notes.map { byPath[$0.path] }
    }

    /// Where an earlier note is now; nil when its file went (or the index was never a note).
    public func note(_ oldIndex: Int) -> Int? {
        oldIndex >= 0 && oldIndex < moved.count ? moved[oldIndex] : nil
    }

    /// The new note at a path, if there is one.
    public func note(path: String) -> Int? { byPath[path] }

    /// Earlier notes mapped to where they are now, the removed ones left out.
    public func notes(_ oldIndexes: [Int]) -> [Int] { oldIndexes.compactMap(note) }
}
