import Foundation

/// The one rule for which note a wiki link's target names. Every caller (the link graph, the loader's
/// threads, `Vault.resolve`, `facets show`'s lookup, `facets check`) goes through this type, and the
/// order below is written here only; a new rule is a change to this file. It resolves as Obsidian does:
/// by path, else by the shortest unique name, ignoring case, the nearest note winning a shared name.
///
/// The steps, in order; the first that finds a note wins:
/// 1. An empty target (`[[#heading]]`) is the linking note itself.
/// 2. A target that would leave the vault (`../x`, `/x`, `\x`, `~/x`) names nothing.
/// 3. Path: the note at that path below the vault, `.md` optional (`[[notes/deep/leaf]]`).
/// 4. Stem: the note with that file name (`[[leaf]]`).
/// 5. Cleaned stem: the file name the vaults' generator makes of a title (`NameKeys.cleaned`:
///    `[[Mission-oriented]]` finds `missionoriented.md`).
/// 6. Name: a stem, title or alias equal up to case, `_`, `-`, spaces and tabs (`NameKeys.loose`).
/// 7. `folder/name` that nothing above found: a note whose path ends with it, ignoring case
///    (`[[Sub/Leaf]]` finds `notes/sub/leaf.md`, as Obsidian reads a partial path); else its last
///    component, from step 2.
/// Within a step, several notes with the name: the nearest to the linking note (the one sharing the most
/// leading folders with it, so its own folder first; then the shallower; then the first in vault order).
/// `facets check` warns of every name several notes share.
///
/// Steps 1-5 need only the file paths (`PathNames`), so a loader settles most links on the thread that
/// parses the note (`settleByPath`), and the rest once every title is known (`settleByName`).
struct LinkResolver: Sendable {
    /// The path table steps 3-5 read (a reload whose paths did not change reuses it).
    let pathNames: PathNames
    private var byLooseName: NameTable

    /// What steps 1-5 say of a target.
    enum PathStep: Equatable {
        /// Step 1: the linking note.
        case sameNote
        /// Steps 3-5 found it.
        case note(Int)
        /// Step 2: it names nothing, whatever the names.
        case missing
        /// Left for steps 6 and 7, with the target's key for step 6.
        case byName(looseKey: String)
    }

    /// A note's names as step 6 compares them.
    struct NoteNames: Sendable {
        /// Stem, title and aliases, loose, without repeats or empty ones.
        var loose: [String]

        init(note: borrowing Note) {
            var loose: [String] = []
            loose.reserveCapacity(2)
            func add(_ name: String) {
                let key = NameKeys.loose(name)
                if !key.isEmpty, !loose.contains(key) { loose.append(key) }
            }
            add(note.stem)
            add(note.title)
            for alias in note.aliases { add(alias) }
            self.loose = loose
        }
    }

    /// `names` are the notes' own (one per note, in vault order), `pathNames` the table of their paths.
    init(pathNames: PathNames, names: [NoteNames]) {
        self.pathNames = pathNames
        byLooseName = NameTable(capacity: names.count * 2)
        for index in names.indices {
            for name in names[index].loose { byLooseName.add(name, index) }
        }
        byLooseName.compact()
    }

    // MARK: The rule

    /// Where a target leads, by every step; `source` is the linking note.
    func resolve(target: String, from source: Int) -> LinkTarget {
        switch Self.settleByPath(target, from: path(of: source), in: pathNames) {
        case .sameNote: return .note(source)
        case .note(let found): return .note(found)
        case .missing: return .missing(target)
        case .byName(let key): return settleByName(target, looseKey: key, from: source)
        }
    }

    /// Steps 1-5 for a target as written, from the note at path `source`.
    static func settleByPath(_ target: String, from source: String, in pathNames: borrowing PathNames) -> PathStep {
        if target.isEmpty { return .sameNote }
        guard let name = prepared(target) else { return .missing }
        if let found = pathNames.note(atPath: name) { return .note(found) }
        if let first = pathNames.firstNote(withStem: name) {
            guard pathNames.hasNamesake(first) else { return .note(first) }
            return .note(nearest(pathNames.notes(withStem: name) ?? [first], to: source, paths: pathNames.paths))
        }
        let cleaned = NameKeys.cleaned(name)
        if let first = pathNames.note(cleanedStem: cleaned) {
            guard pathNames.isShared(cleanedStem: cleaned), let all = pathNames.notes(withCleanedStem: cleaned) else { return .note(first) }
            return .note(nearest(all, to: source, paths: pathNames.paths))
        }
        return .byName(looseKey: NameKeys.loose(name))
    }

    /// Steps 3 to 5 for a target's bytes, as `WikiLinkSyntax.plainTarget` finds them (ASCII, trimmed,
    /// no `.`, no `#`, no leading `/`, `\` or `~`: steps 1 and 2 cannot apply, and the bytes are their
    /// own prepared form). The loader's fast path: the same answer as `settleByPath` with the target as
    /// a String, which a link found here never makes, and a missing one makes only for its name key.
    ///
    /// A target without a `/` is looked up by stem first: the note at that path, if any, lies at the top
    /// and has that stem, so a stem no other note shares settles it either way; one lookup, not two, for
    /// nearly every link of a vault of folders. No stem found means no such path either.
    static func settleByPath(plain target: UnsafeBufferPointer<UInt8>, from source: String, in pathNames: borrowing PathNames) -> PathStep {
        let hasFolder = Byte.occurs(Byte.slash, in: target)
        if hasFolder, let found = pathNames.note(atPath: target) { return .note(found) }
        if let first = pathNames.firstNote(withStem: target) {
            guard pathNames.hasNamesake(first) else { return .note(first) }
            if !hasFolder, let found = pathNames.note(atPath: target) { return .note(found) }
            let stem = String(decoding: target, as: UTF8.self)
            return .note(nearest(pathNames.notes(withStem: stem) ?? [first], to: source, paths: pathNames.paths))
        }
        // Step 5 on the bytes: a cleaned key is never longer than its name, and ASCII cleans as ASCII.
        let cleanedNote = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: target.count) { buffer -> Int? in
            guard let count = NameKeys.cleanedASCII(target, into: buffer) else { return nil }
            let cleaned = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard let first = pathNames.note(cleanedStem: cleaned) else { return nil }
            guard pathNames.hasSharedCleanedStems else { return first }
            let key = String(decoding: cleaned, as: UTF8.self)
            guard pathNames.isShared(cleanedStem: key), let all = pathNames.notes(withCleanedStem: key) else { return first }
            return nearest(all, to: source, paths: pathNames.paths)
        }
        if let cleanedNote { return .note(cleanedNote) }
        return .byName(looseKey: NameKeys.loose(String(decoding: target, as: UTF8.self)))
    }

    /// Steps 6 and 7, for a target steps 1-5 left (`looseKey` as `settleByPath` gave it). A `folder/name`
    /// found nowhere is missing under its last component.
    func settleByName(_ target: String, looseKey: String, from source: Int) -> LinkTarget {
        let sourcePath = path(of: source)
        if let first = byLooseName.firstNote(looseKey) {
            guard byLooseName.isShared(looseKey), let all = byLooseName.notes(looseKey) else { return .note(first) }
            return .note(Self.nearest(all, to: sourcePath, paths: pathNames.paths))
        }
        if let last = Self.lastComponent(target) {
            if let found = notes(endingWith: target, named: last) { return .note(Self.nearest(found, to: sourcePath, paths: pathNames.paths)) }
            return resolve(target: last, from: source)
        }
        return .missing(target)
    }

    /// Step 7: the notes named `last` whose path (without `.md`) is `target` or ends with `/target`,
    /// ignoring case; nil when none.
    private func notes(endingWith target: String, named last: String) -> [Int]? {
        guard let named = byLooseName.notes(NameKeys.loose(last)) else { return nil }
        let wanted = (Self.prepared(target) ?? target).lowercased()
        let found = named.filter { index in
            let path = pathNames.paths[index]
            let bare = (NoteParser.hasMarkdownSuffix(path) ? String(path.dropLast(3)) : path).lowercased()
            return bare == wanted || bare.hasSuffix("/" + wanted)
        }
        return found.isEmpty ? nil : found
    }

    /// The note of `candidates` (in vault order, at least one) nearest to the note at path `source`: the
    /// one sharing the most leading folders with it, then the shallower, then the first.
    static func nearest(_ candidates: [Int], to source: String, paths: [String]) -> Int {
        guard candidates.count > 1 else { return candidates[0] }
        let sourceFolders = source.split(separator: "/").dropLast()
        var best = candidates[0]
        var bestScore = (shared: -1, depth: Int.max)
        for candidate in candidates {
            let folders = paths[candidate].split(separator: "/").dropLast()
            var shared = 0
            for (a, b) in zip(sourceFolders, folders) {
                guard a == b else { break }
                shared += 1
            }
            if shared > bestScore.shared || (shared == bestScore.shared && folders.count < bestScore.depth) {
                best = candidate
                bestScore = (shared, folders.count)
            }
        }
        return best
    }

    /// The path of note `index`, or "" when it is not a note of the table.
    private func path(of index: Int) -> String {
        index >= 0 && index < pathNames.paths.count ? pathNames.paths[index] : ""
    }

    /// Every note a name typed by a person could mean (`facets show NAME`): the notes the first step
    /// that finds any finds, all of them rather than the first.
    func candidates(for name: String) -> [Int] {
        guard !name.isEmpty, let target = Self.prepared(name) else { return [] }
        if let found = pathNames.note(atPath: target) { return [found] }
        if let found = pathNames.notes(withStem: target) { return found }
        if let found = pathNames.notes(withCleanedStem: NameKeys.cleaned(target)) { return found }
        if let found = byLooseName.notes(NameKeys.loose(target)) { return found }
        if let last = Self.lastComponent(target) { return candidates(for: last) }
        return []
    }

    /// File stems shared by several notes, each with all of them in vault order (step 4's ties).
    var sharedStems: [(name: String, notes: [Int])] { pathNames.sharedStems }

    /// A target as the tables are keyed: `.md` removed; nil when it would leave the vault (step 2).
    static func prepared(_ target: String) -> String? {
        if NameKeys.leavesVault(target) { return nil }
        return NoteParser.hasMarkdownSuffix(target) ? String(target.dropLast(3)) : target
    }

    /// Step 7's name: the part after the last `/`, when there is a `/` and something after it.
    private static func lastComponent(_ target: String) -> String? {
        guard target.utf8.contains(Byte.slash), let last = target.split(separator: "/").last else { return nil }
        return String(last)
    }
}
