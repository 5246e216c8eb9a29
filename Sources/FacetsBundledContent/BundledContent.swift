/// One note shipped inside the binary.
public struct BundledFile: Sendable {
    public let path: String
    /// The file's bytes, a constant of the binary: mapped from its file, never copied at start.
    public let utf8: StaticString

    public init(path: String, utf8: StaticString) {
        self.path = path
        self.utf8 = utf8
    }

    public var text: String { utf8.description }
}

/// The notes of `Data/`, compiled in by the EmbedDataPlugin build step, with the form they parse to
/// (`prebuiltNotes`), so starting on them parses nothing.
public enum BundledContent {}
