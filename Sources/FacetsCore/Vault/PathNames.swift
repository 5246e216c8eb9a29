import Dispatch

/// Notes by path, by file stem and by cleaned stem: the first three steps of resolving a link, and all a
/// vault needs to resolve nearly every link. All come from file paths alone, so a loader builds this table
/// before it opens a file and resolves each note's links on the thread that parses it.
struct PathNames: Sendable {
    private var byPath: ByteKeyTable
    private var byStem: NameTable
    private var byCleanedStem: NameTable

    /// `paths` in vault order, with their `.md` endings. The three tables are built side by side.
    init(paths: [String]) {
        let tables = Tables()
        DispatchQueue.concurrentPerform(iterations: 3) { table in
            switch table {
            case 0:
                var byPath = ByteKeyTable(capacity: paths.count)
                for (index, path) in paths.enumerated() {
                    byPath.addIfAbsent(String(path.dropLast(NoteParser.hasMarkdownSuffix(path) ? 3 : 0)), index)
                }
                tables.byPath = byPath
            case 1:
                var byStem = NameTable(capacity: paths.count)
                for (index, path) in paths.enumerated() { byStem.add(NoteParser.stem(of: path), index) }
                tables.byStem = byStem
            default:
                var byCleanedStem = NameTable(capacity: paths.count)
                for (index, path) in paths.enumerated() { byCleanedStem.add(NameKeys.cleaned(NoteParser.stem(of: path)), index) }
                tables.byCleanedStem = byCleanedStem
            }
        }
        byPath = tables.byPath ?? ByteKeyTable(capacity: 0)
        byStem = tables.byStem ?? NameTable(capacity: 0)
        byCleanedStem = tables.byCleanedStem ?? NameTable(capacity: 0)
    }

    /// The tables, written from `concurrentPerform`'s threads at distinct fields.
    private final class Tables: @unchecked Sendable {
        var byPath: ByteKeyTable?
        var byStem: NameTable?
        var byCleanedStem: NameTable?
    }

    /// The note a target names by its path (without `.md`) or, failing that, the first with that stem.
    /// The target is as `LinkResolver` prepares it: `.md` removed, never leaving the vault.
    func note(named target: String) -> Int? {
        byPath.value(target) ?? byStem.firstNote(target)
    }

    /// The first note whose stem, cleaned (`NameKeys.cleaned`), is this key.
    func note(cleanedStem key: String) -> Int? { byCleanedStem.firstNote(key) }

    /// Every note whose cleaned stem is this key, in vault order.
    func notes(withCleanedStem key: String) -> [Int]? { byCleanedStem.notes(key) }

    /// The note at exactly this path (without `.md`).
    func note(atPath path: String) -> Int? { byPath.value(path) }

    /// Every note with this file stem, in vault order.
    func notes(withStem stem: String) -> [Int]? { byStem.notes(stem) }

    /// File stems shared by several notes, each with all of them in vault order.
    var sharedStems: [(name: String, notes: [Int])] { byStem.shared }
}
