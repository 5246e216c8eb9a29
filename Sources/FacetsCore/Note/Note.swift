/// One Markdown file of a vault, as loaded: front matter, the links and timestamps it cites, and its text.
/// The block tree is parsed on demand (`blocks`), so loading a large vault scans each byte once.
public struct Note: Sendable {
    /// Path relative to the vault root, with `/` separators and the `.md` ending.
    public let path: String
    /// The file name without `.md`: how wiki links usually name a note.
    public let stem: String
    public let title: String
    public let frontMatter: FrontMatter
    /// The whole file as text (BOM removed, line endings normalised).
    public let text: String
    private let bodyStart: String.Index
    /// The body after the front matter (a view into `text`, not a copy).
    public var body: Substring { text[bodyStart...] }
    /// 1-based file line of the body's first line.
    public let bodyFirstLine: Int
    public let links: [WikiLink]
    public let timestamps: [TimestampRef]
    /// Problems found while reading this note.
    public let diagnostics: [Diagnostic]

    public init(path: String, stem: String, title: String, frontMatter: FrontMatter, text: String, bodyStart: String.Index,
                bodyFirstLine: Int, links: [WikiLink], timestamps: [TimestampRef], diagnostics: [Diagnostic]) {
        self.path = path
        self.stem = stem
        self.title = title
        self.frontMatter = frontMatter
        self.text = text
        self.bodyStart = bodyStart
        self.bodyFirstLine = bodyFirstLine
        self.links = links
        self.timestamps = timestamps
        self.diagnostics = diagnostics
    }

    public var videoId: String? { frontMatter.string("videoId") }
    public var kind: String? { frontMatter.string("kind")?.lowercased() }
    public var group: String? { frontMatter.string("group") }
    public var order: Int? { frontMatter.int("order") }
    public var aliases: [String] { frontMatter.strings("aliases") + frontMatter.strings("alias") }
    public var summary: String? { frontMatter.string("summary") }

    /// The body parsed into blocks for rendering.
    public var blocks: [Block] { BlockParser.parse(String(body), firstLine: bodyFirstLine) }

    /// The raw text of a 1-based file line of the body, or nil outside it.
    public func bodyLine(_ line: Int) -> String? {
        let index = line - bodyFirstLine
        guard index >= 0 else { return nil }
        var current = 0
        var start = body.utf8.startIndex
        var i = start
        let utf8 = body.utf8
        while i < utf8.endIndex {
            if utf8[i] == Byte.newline {
                if current == index { return String(body[start..<i]) }
                current += 1
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        return current == index ? String(body[start...]) : nil
    }

    /// A line as a reader would say it: list marks, markup, timestamps and link brackets removed.
    public func plainLine(_ line: Int) -> String? {
        bodyLine(line).map { raw in
            let inlines = InlineParser.parse(BlockParser.stripLinePrefix(raw), line: line).filter {
                if case .timestamp = $0 { return false }
                return true
            }
            return Vault.tidy(InlineParser.plainText(inlines))
        }
    }
}
