/// A `[[target#heading|label]]` reference as written in a note.
public struct WikiLink: Sendable, Hashable {
    /// The note named, before resolution; empty for a same-note `[[#heading]]` link.
    public var target: String
    public var heading: String?
    /// What the reader sees: the label, or the target when the label is missing or empty.
    public var label: String
    /// `![[embed]]`: shown as an ordinary link, since the explorer does not transclude.
    public var isEmbed: Bool
    /// 1-based line in the file.
    public var line: Int

    public init(target: String, heading: String? = nil, label: String, isEmbed: Bool = false, line: Int = 0) {
        self.target = target
        self.heading = heading
        self.label = label
        self.isEmbed = isEmbed
        self.line = line
    }
}
