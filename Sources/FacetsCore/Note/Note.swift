import Foundation

/// One Markdown file of a vault, as loaded: front matter, the links and timestamps it cites, and its text.
/// The block tree is parsed on demand (`blocks`), so loading a large vault scans each byte once.
public struct Note: Sendable {
    /// Path relative to the vault root, with `/` separators and the `.md` ending.
    public let path: String
    /// The file name without `.md`: how wiki links usually name a note. Worked out from `path` when
    /// asked (few are shown; 25,000 kept were 2 MB), unless the note was made with another.
    public var stem: String { storedStem ?? NoteParser.stem(of: path) }
    private let storedStem: String?
    public let title: String
    public let frontMatter: FrontMatter
    /// Where the bytes are: in memory, or in the file, read again when asked (see `NoteContent`).
    let content: NoteContent
    /// The file's size as loaded (BOM removed, line endings normalised).
    public let byteCount: Int
    /// The file's UTF-8 bytes (BOM removed, line endings normalised). Text is decoded from them when
    /// asked: a load reads every note of a vault, a session shows a few. The `read…` methods read a
    /// vault note's file (through a small cache) each time they are called.
    public func readBytes() -> NoteBytes { content.current.bytes }
    /// Where the body starts in `readBytes()`.
    public func readBodyOffset() -> Int { content.current.bodyOffset }
    /// The whole file as text (invalid UTF-8 shown as U+FFFD).
    public func readText() -> String { readBytes().decoded() }
    /// The body after the front matter.
    public func readBody() -> Substring {
        let (bytes, bodyOffset) = content.current
        return Substring(bytes.decoded(from: bodyOffset))
    }
    /// 1-based file line of the body's first line.
    public let bodyFirstLine: Int
    /// The wiki links as written, in order. A vault's notes scan their file again for them (see
    /// `ScannedLinks`); the vault's link graph was built from them at load.
    public func readLinks() -> [WikiLink] {
        if let storedLinks { return storedLinks }
        let (bytes, bodyOffset) = content.current
        return bytes.withUnsafeBufferPointer { LinkScanner.scan($0, from: bodyOffset, firstLine: bodyFirstLine).links }
    }
    /// Kept for notes made from text or given links; nil for a vault's notes, which read their file.
    private let storedLinks: [WikiLink]?
    /// How many links the note had when loaded (`readLinks().count` without reading the file).
    public let linkCount: Int
    /// The timestamps as written, in order. Like its links, a vault's note scans its file again for them
    /// (a talk's timeline reads a few notes; 800,000 stamps kept for every note were the largest part of
    /// a load's memory); notes kept in memory hold them.
    public var timestamps: [TimestampRef] {
        if let storedTimestamps { return storedTimestamps }
        let (bytes, bodyOffset) = content.current
        return bytes.withUnsafeBufferPointer { LinkScanner.scan($0, from: bodyOffset, firstLine: bodyFirstLine).timestamps }
    }
    /// `timestamps.first`, its bytes scanned only as far as it (the file itself comes whole, through
    /// the content's cache).
    public var firstTimestamp: TimestampRef? {
        if let storedTimestamps { return storedTimestamps.first }
        let (bytes, bodyOffset) = content.current
        return bytes.withUnsafeBufferPointer { LinkScanner.firstTimestamp($0, from: bodyOffset, firstLine: bodyFirstLine) }
    }
    private let storedTimestamps: [TimestampRef]?
    /// How many timestamps the note had when loaded (`timestamps.count` without reading the file).
    public var timestampCount: Int { Int(storedTimestampCount) }
    private let storedTimestampCount: Int32
    /// What the vault's talk lengths need of `timestamps`, worked out while the note is parsed.
    let timestampSummary: TimestampSummary
    /// The talks this note's headings name, found while a vault note is parsed (nil: read them from
    /// `bytes` when asked), so a vault of notes without `videoId` is not read twice to name its talks.
    let headingTalks: [Talk]?
    /// Problems found while reading this note.
    public let diagnostics: [Diagnostic]

    public init(
        path: String, stem: String, title: String, frontMatter: FrontMatter, bytes: NoteBytes, bodyOffset: Int,
        bodyFirstLine: Int, links: [WikiLink], timestamps: [TimestampRef], diagnostics: [Diagnostic]
    ) {
        self.init(
            path: path, stem: stem == NoteParser.stem(of: path) ? nil : stem, title: title, frontMatter: frontMatter,
            content: .resident(bytes: bytes, bodyOffset: min(max(bodyOffset, 0), bytes.count)), byteCount: bytes.count,
            bodyFirstLine: bodyFirstLine, links: links, linkCount: links.count,
            timestamps: LinkScanner.LoadedTimestamps(stamps: timestamps, count: timestamps.count, summary: TimestampSummary(timestamps)),
            diagnostics: diagnostics)
    }

    /// A note whose bytes are found through `content` (a vault's notes: in their files). `stem` nil:
    /// the path's.
    init(
        path: String, stem: String?, title: String, frontMatter: FrontMatter, content: NoteContent, byteCount: Int,
        bodyFirstLine: Int, links: [WikiLink]?, linkCount: Int, timestamps: LinkScanner.LoadedTimestamps, diagnostics: [Diagnostic],
        headingTalks: [Talk]? = nil
    ) {
        self.path = path
        self.storedStem = stem
        self.title = title
        self.frontMatter = frontMatter
        // Read once here: a load asks every note for both several times, and each ask searched and trimmed.
        self.videoId = frontMatter.string("videoId")
        self.kind = frontMatter.string("kind")?.lowercased()
        self.content = content
        self.byteCount = byteCount
        self.bodyFirstLine = bodyFirstLine
        self.storedLinks = links
        self.linkCount = linkCount
        self.storedTimestamps = timestamps.stamps
        self.storedTimestampCount = Int32(clamping: timestamps.count)
        self.timestampSummary = timestamps.summary
        self.headingTalks = headingTalks
        self.diagnostics = diagnostics
    }

    /// The talk the note's timestamps point into (front matter `videoId`).
    public let videoId: String?
    /// The note's section in the browse tree (front matter `kind`, lower case).
    public let kind: String?
    public var group: String? { frontMatter.string("group") }
    public var order: Int? { frontMatter.int("order") }
    public var aliases: [String] { frontMatter.strings("aliases") + frontMatter.strings("alias") }
    public var summary: String? { frontMatter.string("summary") }

    /// The body parsed into blocks for rendering.
    public func readBlocks() -> [Block] { BlockParser.parse(String(readBody()), firstLine: bodyFirstLine) }

    /// The raw text of a 1-based file line of the body, or nil outside it (only that line is decoded).
    public func bodyLine(_ line: Int) -> String? {
        let index = line - bodyFirstLine
        guard index >= 0 else { return nil }
        let (bytes, bodyOffset) = content.current
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return index == 0 ? "" : nil }
            var start = bodyOffset
            for _ in 0..<index {
                guard start < buffer.count, let newline = memchr(base + start, Int32(Byte.newline), buffer.count - start) else { return nil }
                start = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            var end = buffer.count
            if start < buffer.count, let newline = memchr(base + start, Int32(Byte.newline), buffer.count - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// A line as a reader would say it: list marks, markup, timestamps and link brackets removed.
    public func plainLine(_ line: Int) -> String? {
        bodyLine(line).map { Note.plain(rawLine: $0, line: line) }
    }

    /// Several lines as `plainLine` gives them, the body scanned once: asking line by line costs a scan
    /// of the body per line, which made a note linked from thousands of lines slow to show.
    public func plainLines(_ lines: Set<Int>) -> [Int: String] {
        var result: [Int: String] = [:]
        for (number, raw) in bodyLines(lines) { result[number] = Note.plain(rawLine: raw, line: number) }
        return result
    }

    /// Several raw body lines (as `bodyLine` gives them), the body scanned once, up to the last one asked.
    public func bodyLines(_ lines: Set<Int>) -> [Int: String] {
        guard let last = lines.max(), last >= bodyFirstLine else { return [:] }
        var result: [Int: String] = [:]
        var number = bodyFirstLine
        for raw in readBody().utf8.split(separator: Byte.newline, maxSplits: last - bodyFirstLine, omittingEmptySubsequences: false) {
            if number > last { break }
            if lines.contains(number) {
                // The last piece holds the rest of the body when the split stopped early: cut it at its line end.
                let line = raw.firstIndex(of: Byte.newline).map { raw[..<$0] } ?? raw
                result[number] = String(decoding: line, as: UTF8.self)
            }
            number += 1
        }
        return result
    }

    /// A raw line of the body as a reader would say it (see `plainLine`).
    static func plain(rawLine raw: String, line: Int) -> String {
        let inlines = InlineParser.parse(BlockParser.stripLinePrefix(raw), line: line).filter {
            if case .timestamp = $0 { return false }
            return true
        }
        return Vault.tidy(InlineParser.plainText(inlines))
    }
}
