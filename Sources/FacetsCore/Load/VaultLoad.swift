import Foundation

/// The one way notes become a vault, whatever their source:
/// 1. list: the source's paths, in vault order (a folder's are walked, in byte order);
/// 2. path table: every path, stem and cleaned stem (`PathNames`), before any file is opened;
/// 3. read and parse, on every core: each note's bytes (from its file or memory) parsed into a `Note`,
///    and its links settled by the link rule's path steps while the bytes are at hand (`LinkHints`);
/// 4. index: the link graph beside the talks and the tree (`Vault.init`).
/// `Vault.reloading(changed:)` runs it again, keeping the notes whose files did not change.
enum VaultLoad {
    /// How one note gets into the vault.
    enum Input: Sendable {
        /// Read from the folder, at the path listed for it.
        case file
        /// Bytes held in memory.
        case memory(NoteBytes)
        /// Parsed by an earlier load, its file unchanged: kept as it is. Boxed, so that a listing of a
        /// fresh load is one small value per file, not one the size of a note.
        indirect case kept(Note)
    }

    /// What a source lists: the notes' paths, how each is read, and what it found on the way.
    struct Listing {
        var source: NoteSource
        var origin: String
        /// The folder the `.file` inputs are read from (resolved), if any.
        var root: String?
        var paths: [String]
        var inputs: [Input]
        var diagnostics: [Diagnostic]
        /// The files that are not notes, listed and never read.
        var attachments: [Attachment] = []
    }

    /// Step 1 for a source.
    static func list(_ source: NoteSource) throws(VaultError) -> Listing {
        switch source {
        case .folder(let directory):
            let listing = try VaultReader.list(directory: directory)
            return Listing(
                source: source, origin: directory, root: listing.root, paths: listing.paths,
                inputs: Array(repeating: .file, count: listing.paths.count), diagnostics: listing.diagnostics,
                attachments: listing.attachments)
        case .files(let files, let origin):
            return Listing(
                source: source, origin: origin, root: nil, paths: files.map(\.path),
                inputs: files.map { .memory($0.bytes) }, diagnostics: [])
        }
    }

    /// Steps 2 to 4. `cache` is where file-backed notes keep their recently read text (a reload shares
    /// the earlier load's). `kept`: the links of the vault a reload starts from, which settle the kept
    /// notes' links without reading their files while the paths are the same (else they are read).
    static func run(
        _ listing: Listing, cache: NoteFileCache = NoteFileCache(), kept: KeptLinks? = nil, tree: TreeTiming = .withLoad,
        timer: PhaseTimer = PhaseTimer()
    ) -> (vault: Vault, report: LoadReport) {
        var timer = timer
        let paths = listing.paths, inputs = listing.inputs, root = listing.root ?? ""
        let kept = kept.flatMap { $0.applies(to: paths) ? $0 : nil }
        let pathNames = kept?.pathNames ?? PathNames(paths: paths)
        timer.lap("path names")

        // Files are opened by their path in the folder, opened once here.
        let folder = listing.root.map { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
        defer { if folder >= 0 { close(folder) } }
        let noteFolder = NoteFolder(root: root, cache: cache)
        var parsed = Parallel.map(count: paths.count, perWorker: { Worker(folder: folder) }) { worker, index -> Parsed in
            let path = paths[index]
            switch inputs[index] {
            case .file:
                switch VaultReader.readFile(path, root: root, folders: worker.folders, buffer: worker.buffer) {
                case .success(let file):
                    let note = NoteParser.parse(path: path, borrowing: file.bytes, folder: noteFolder, scratch: worker.scratch)
                    return Parsed(note: note, hints: LinkHints(note: note, scanned: worker.scratch.scanned, pathNames: pathNames))
                case .failure(let diagnostic):
                    return Parsed(diagnostic: diagnostic)
                }
            case .memory(let bytes):
                let note = NoteParser.parse(path: path, bytes: bytes, scratch: worker.scratch)
                return Parsed(note: note, hints: LinkHints(note: note, scanned: worker.scratch.scanned, pathNames: pathNames))
            case .kept(let note):
                if let kept { return Parsed(note: note, hints: kept.hints(of: index, note: note)) }
                return Parsed(note: note, hints: LinkHints(note: note, links: note.readLinks(), pathNames: pathNames))
            }
        }
        timer.lap("read and parse")
        // The notes and hints moved out in one pass, not copied: a copy retains and releases every field.
        var notes: [Note] = [], noteHints: [LinkHints] = []
        notes.reserveCapacity(parsed.count)
        noteHints.reserveCapacity(parsed.count)
        var diagnostics = listing.diagnostics
        parsed.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                // Each taken on its own: bound together as a tuple, every note was copied out, field by field.
                if let note = buffer[index].note.take() { notes.append(note) }
                if let hints = buffer[index].hints.take() { noteHints.append(hints) }
                if let diagnostic = buffer[index].diagnostic.take() { diagnostics.append(diagnostic) }
            }
        }
        // Its slots are empty now, but it is as large as every note: freed before the indexes are built.
        parsed = []
        var hints = LoadHints(pathNames: pathNames, notes: consume noteHints)
        if notes.count != paths.count {
            // A file that could not be read moves every later note up a place, and the hints name notes by
            // their place in the listing: worked out again for the notes there are (rare; files read again).
            let present = notes, pathNames = PathNames(paths: present.map(\.path))
            hints = LoadHints(
                pathNames: pathNames,
                notes: Parallel.map(count: present.count) { index in
                    LinkHints(note: present[index], links: present[index].readLinks(), pathNames: pathNames)
                })
            timer.lap("hints again")
        }
        var report = LoadReport(phases: timer.phases)
        let vault = Vault(
            origin: listing.origin, notes: notes, attachments: listing.attachments, readDiagnostics: diagnostics,
            hints: Handoff(consume hints),
            loadedFrom: Vault.LoadedFrom(source: listing.source, cache: cache, tree: tree), report: &report)
        return (vault, report)
    }

    /// What one worker reuses from note to note: the buffer files are read into, the folder it reads
    /// in, and the link scanner's.
    private final class Worker {
        let buffer = ReadBuffer()
        let folders: FolderCursor
        let scratch = LinkScanner.Scratch()

        init(folder: Int32) { folders = FolderCursor(folder) }
    }

    /// One input's outcome: the note and its hints, or why its file could not be read.
    private struct Parsed: Sendable {
        var note: Note?
        var hints: LinkHints?
        var diagnostic: Diagnostic?

        init(note: Note, hints: LinkHints) {
            self.note = note
            self.hints = hints
        }

        init(diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }
}

extension Vault {
    /// Loads a source through the pipeline, with how long each step took. `tree`: when the browse tree
    /// is built (a command that shows none need not wait for it).
    public static func load(_ source: NoteSource, tree: TreeTiming = .withLoad) throws(VaultError) -> (vault: Vault, report: LoadReport) {
        var timer = PhaseTimer()
        let listing = try VaultLoad.list(source)
        if case .folder = source { timer.lap("list files") }
        return VaultLoad.run(listing, tree: tree, timer: timer)
    }

    /// Loads every `*.md` below a folder.
    public static func load(directory: String) throws(VaultError) -> Vault {
        try load(.folder(directory)).vault
    }

    /// Builds a vault from files already read (the bundle's, or a test's).
    public init(origin: String, files: [SourceFile], readDiagnostics: [Diagnostic] = []) {
        let listing = VaultLoad.Listing(
            source: .files(files, origin: origin), origin: origin, root: nil, paths: files.map(\.path),
            inputs: files.map { .memory($0.bytes) }, diagnostics: readDiagnostics)
        self = VaultLoad.run(listing).vault
    }

    /// The vault again after the files at `changed` (paths relative to the vault, as `Note.path`)
    /// were edited, added or removed: those are read anew, the other notes kept as parsed, and every
    /// index rebuilt. A folder is listed again, so new and deleted files are found.
    public func reloading(changed: some Sequence<String>) throws(VaultError) -> Vault {
        let changed = Set(changed)
        var listing = try VaultLoad.list(loadedFrom.source)
        switch loadedFrom.source {
        case .folder:
            var kept: [String: Note] = [:]
            for note in notes where !changed.contains(note.path) { kept[note.path] = note }
            listing.inputs = listing.paths.map { path in kept[path].map(VaultLoad.Input.kept) ?? .file }
        case .files:
            // The same files as before (parsing never fails, so note `k` is file `k`).
            for index in listing.paths.indices where index < notes.count && !changed.contains(listing.paths[index]) {
                listing.inputs[index] = .kept(notes[index])
            }
        }
        return VaultLoad.run(listing, cache: loadedFrom.cache, kept: KeptLinks(self), tree: loadedFrom.tree).vault
    }
}
