/// A vault from notes parsed at build time (`PrebuiltNotes`): the bundled content starts without
/// parsing anything. The notes' bytes stay where the caller keeps them (the bundled content's are
/// constants of the binary: mapped from its file and shared by every process running it, not copied).
/// What follows the parse is the load's own last step (`Vault.init`), so the relations are built by the
/// same code as for any vault.
public enum PrebuiltVault {
    /// The form of `files` parsed as the load parses files held in memory, for the build step to embed.
    public static func form(of files: [SourceFile]) -> [UInt8] {
        let scratch = LinkScanner.Scratch()
        return PrebuiltNotes.encode(files.map { NoteParser.parse(path: $0.path, bytes: $0.bytes, scratch: scratch) })
    }

    /// The vault of `files` from their prebuilt `form`, or nil when the form does not belong to them
    /// (then parse them: `Vault.load(.files(files, origin:))`).
    public static func load(form: UnsafeBufferPointer<UInt8>, files: [SourceFile], origin: String) -> (vault: Vault, report: LoadReport)? {
        var timer = PhaseTimer()
        guard let entries = PrebuiltNotes.decode(form, files: files) else { return nil }
        timer.lap("prebuilt notes")
        let pathNames = PathNames(paths: entries.map(\.note.path))
        let hints = LoadHints(
            pathNames: pathNames, notes: entries.map { LinkHints(note: $0.note, links: $0.links, pathNames: pathNames) })
        timer.lap("path names and hints")
        var report = LoadReport(phases: timer.phases)
        let vault = Vault(
            origin: origin, notes: entries.map(\.note), readDiagnostics: [], hints: Handoff(hints),
            loadedFrom: Vault.LoadedFrom(source: .files(files, origin: origin), cache: NoteFileCache()), report: &report)
        return (vault, report)
    }
}

extension NoteBytes {
    /// Bytes that live as long as the process (a binary's constants): lent, never copied or freed.
    public init(immortal base: UnsafePointer<UInt8>, count: Int) {
        self.init(owner: ImmortalBytes.shared, base: base, count: count)
    }
}

/// The owner of bytes nobody frees.
private final class ImmortalBytes: Sendable {
    static let shared = ImmortalBytes()
}
