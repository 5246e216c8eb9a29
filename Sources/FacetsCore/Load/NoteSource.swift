/// Where a vault's notes come from. Every source goes through the one load pipeline (`VaultLoad`):
/// the bundled content is a source like a folder, not a second way to build a vault.
public enum NoteSource: Sendable {
    /// Every `*.md` below a folder (see `VaultReader`); the notes read their text again from their
    /// files when it is shown.
    case folder(String)
    /// Files already read, kept in memory: the bundled content, tests. `origin` names them in messages.
    case files([SourceFile], origin: String)
}
