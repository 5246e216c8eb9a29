/// One note shipped inside the binary.
public struct BundledFile: Sendable {
    public let path: String
    public let text: String
}

/// The notes of `Data/`, compiled in by the EmbedDataPlugin build step.
public enum BundledContent {}
