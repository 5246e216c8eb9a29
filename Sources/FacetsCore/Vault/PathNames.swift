import Dispatch

/// Notes by path and by file stem: the first two steps of resolving a link, and all a vault needs to
/// resolve nearly every link. Both come from file paths alone, so a loader builds this table before it
/// opens a file and resolves each note's links on the thread that parses it.
struct PathNames: Sendable {
    private var byPath: ByteKeyTable
    private var byStem: NameTable

    /// `paths` in vault order, with their `.md` endings. The two tables are built side by side.
    init(paths: [String]) {
        let tables = Tables()
        DispatchQueue.concurrentPerform(iterations: 2) { table in
            if table == 0 {
                var byPath = ByteKeyTable(capacity: paths.count)
                for (index, path) in paths.enumerated() {
                    byPath.addIfAbsent(String(path.dropLast(NoteParser.hasMarkdownSuffix(path) ? 3 : 0)), index)
                }
                tables.byPath = byPath
            } else {
                var byStem = NameTable(capacity: paths.count)
                for (index, path) in paths.enumerated() { byStem.add(NoteParser.stem(of: path), index) }
                tables.byStem = byStem
            }
        }
        byPath = tables.byPath ?? ByteKeyTable(capacity: 0)
        byStem = tables.byStem ?? NameTable(capacity: 0)
    }

    /// The two tables, written from `concurrentPerform`'s threads at distinct fields.
    private final class Tables: @unchecked Sendable {
        var byPath: ByteKeyTable?
        var byStem: NameTable?
    }

    /// The note a target names by its path (without `.md`) or, failing that, the first with that stem.
    /// The target is as `LinkResolver` prepares it: `.md` removed, never leaving the vault.
    func note(named target: String) -> Int? {
        byPath.value(target) ?? byStem.firstNote(target)
    }

    /// The note at exactly this path (without `.md`).
    func note(atPath path: String) -> Int? { byPath.value(path) }

    /// Every note with this file stem, in vault order.
    func notes(withStem stem: String) -> [Int]? { byStem.notes(stem) }

    /// File stems shared by several notes, each with all of them in vault order.
    var sharedStems: [(name: String, notes: [Int])] { byStem.shared }
}
