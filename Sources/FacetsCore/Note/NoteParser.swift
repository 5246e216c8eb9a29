import Foundation

/// Turns a file's bytes into a `Note`. Never fails: whatever is wrong becomes a diagnostic with file and line.
public enum NoteParser {
    /// Parses a note's text (the bundled content and tests hold text).
    public static func parse(path: String, text: String) -> Note {
        parse(path: path, bytes: Array(text.utf8))
    }

    /// Parses a file's bytes. Invalid UTF-8 is kept as read (decoding shows U+FFFD) and warned with its line.
    public static func parse(path: String, bytes: [UInt8]) -> Note {
        parse(path: path, bytes: NoteBytes(bytes))
    }

    /// Parses bytes the note keeps in memory.
    public static func parse(path: String, bytes input: NoteBytes) -> Note {
        parse(path: path, bytes: input) { bytes, bodyOffset in .resident(bytes: bytes, bodyOffset: bodyOffset) }
    }

    /// Parses bytes the note keeps in memory, its links left in `scratch.scanned` for the loader (see
    /// below); the note scans its bytes again when they are asked for.
    static func parse(path: String, bytes input: NoteBytes, scratch: LinkScanner.Scratch) -> Note {
        parse(path: path, bytes: input, scratch: scratch) { bytes, bodyOffset in .resident(bytes: bytes, bodyOffset: bodyOffset) }
    }

    /// Parses a vault file's bytes without keeping them: the reader reuses their memory for the next file,
    /// and the note reads its file (`path` below the folder) again when its text is wanted.
    /// `scratch` is the calling thread's own (see `LinkScanner.Scratch`): the note's links are left in
    /// `scratch.scanned` for the loader to resolve, and the note scans its file again when they are asked for.
    static func parse(
        path: String, borrowing input: NoteBytes, folder: NoteFolder, scratch: LinkScanner.Scratch
    ) -> Note {
        parse(path: path, bytes: input, scratch: scratch, keepsBytes: false) { bytes, bodyOffset in
            .file(NoteFile(folder: folder, relativePath: path, loadedCount: bytes.count, loadedBodyOffset: bodyOffset))
        }
    }

    /// The bytes as notes are read: without a byte-order mark, with LF line endings.
    static func normalized(_ input: NoteBytes) -> NoteBytes {
        var bytes = input
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = bytes.dropping(first: 3) }
        if containsByte(bytes, Byte.carriageReturn) { bytes = NoteBytes(bytes.withUnsafeBufferPointer(normalizeLineEndings)) }
        return bytes
    }

    /// `keeping` says where the note finds its bytes later; a note that will read them from its file
    /// (`keepsBytes` false) also gets the talks its headings name now, while the bytes are at hand, and
    /// keeps only the count and summary of its timestamps.
    private static func parse(
        path: String, bytes input: NoteBytes, scratch: LinkScanner.Scratch? = nil, keepsBytes: Bool = true,
        keeping: (NoteBytes, Int) -> NoteContent
    ) -> Note {
        var diagnostics: [Diagnostic] = []
        let stem = NoteParser.stem(of: path)
        let bytes = normalized(input)

        // Front matter: a first line of `---`, closed by `---` or `...`.
        var frontMatter = FrontMatter()
        var bodyOffset = 0
        var bodyFirstLine = 1
        var links: [WikiLink]?
        var linkCount = 0
        var timestamps = LinkScanner.LoadedTimestamps(stamps: [], count: 0, summary: TimestampSummary([]))
        bytes.withUnsafeBufferPointer { utf8 in
            if let invalid = UTF8Check.firstInvalidOffset(utf8) {
                diagnostics.append(
                    Diagnostic(
                        .warning, path: path, line: 1 + LinkScanner.countNewlines(utf8, from: 0, to: invalid),
                        "invalid UTF-8, shown with replacement characters"))
            }
            if let fence = FrontMatterFence.find(utf8) {
                switch fence {
                case .closed(let yamlRange, let offset, let linesBeforeBody):
                    switch FrontMatterParser.parse(utf8, yamlRange, firstLine: 2) {
                    case .success(let parsed): frontMatter = parsed
                    case .failure(let error):
                        diagnostics.append(
                            Diagnostic(
                                .warning, path: path, line: error.line,
                                "\(error.message); title taken from the file name"))
                    }
                    bodyOffset = offset
                    bodyFirstLine = linesBeforeBody + 1
                case .unclosed:
                    diagnostics.append(
                        Diagnostic(
                            .warning, path: path, line: 1,
                            "front matter starts with --- but never closes; read as text"))
                }
            }
            if let scratch {
                timestamps = LinkScanner.scanForLoad(
                    utf8, from: bodyOffset, firstLine: bodyFirstLine, scratch: scratch, keepTimestamps: keepsBytes)
                linkCount = scratch.scanned.count
            } else {
                let scan = LinkScanner.scan(utf8, from: bodyOffset, firstLine: bodyFirstLine)
                links = scan.links
                linkCount = scan.links.count
                timestamps = LinkScanner.LoadedTimestamps(
                    stamps: scan.timestamps, count: scan.timestamps.count, summary: TimestampSummary(scan.timestamps))
            }
        }

        var title = frontMatter.string("title") ?? stem
        if title.trimmed.isEmpty { title = stem }
        if frontMatter.string("title") == nil, !frontMatter.entries.isEmpty {
            diagnostics.append(Diagnostic(.warning, path: path, line: 1, "front matter has no title; using \"\(stem)\""))
        }
        let content = keeping(bytes, bodyOffset)
        var headingTalks: [Talk]?
        if case .file = content {
            // Only the notes the channel index reads: those without a talk of their own.
            headingTalks = frontMatter.string("videoId") != nil ? [] : ChannelIndex.headingTalks(of: bytes, bodyOffset: bodyOffset)
        }
        return Note(
            path: path, stem: nil, title: title, frontMatter: frontMatter, content: content,
            byteCount: bytes.count, bodyFirstLine: bodyFirstLine, links: links, linkCount: linkCount, timestamps: timestamps,
            diagnostics: diagnostics, headingTalks: headingTalks)
    }

    /// memchr (`Byte.occurs`): far faster than a byte loop in Swift.
    static func containsByte(_ bytes: NoteBytes, _ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { Byte.occurs(byte, in: $0) }
    }

    /// `notes/Foo Bar.md` → `Foo Bar`. On the path's bytes: a load asks it three times per note.
    public static func stem(of path: String) -> String {
        var path = path
        let found = path.withUTF8 { bytes -> String? in
            var start = bytes.count
            while start > 0, bytes[start - 1] != Byte.slash { start -= 1 }
            guard start < bytes.count else { return nil }
            let end = endWithoutMarkdownSuffix(bytes, from: start)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // A path ending in `/` names no file: its last component stands in.
        return found ?? path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Ends in `.md`, in any case.
    static func hasMarkdownSuffix<S: StringProtocol>(_ name: S) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 3 else { return false }
        let dot = utf8.index(utf8.endIndex, offsetBy: -3)
        let m = utf8.index(after: dot), d = utf8.index(after: m)
        return utf8[dot] == 0x2E && utf8[m] | 0x20 == 0x6D && utf8[d] | 0x20 == 0x64
    }

    /// Where a name held in `bytes[start..<bytes.count]` ends once a `.md` ending (in any case) is dropped.
    static func endWithoutMarkdownSuffix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let end = bytes.count
        guard end - start >= 3, bytes[end - 3] == 0x2E, bytes[end - 2] | 0x20 == 0x6D, bytes[end - 1] | 0x20 == 0x64 else { return end }
        return end - 3
    }

    /// CRLF and lone CR become LF, so lines and line numbers mean the same on every platform.
    static func normalizeLineEndings(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.carriageReturn {
                out.append(Byte.newline)
                if i + 1 < bytes.count, bytes[i + 1] == Byte.newline { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

}

/// Where the `---` front matter block ends, found on bytes.
enum FrontMatterFence {
    case closed(yaml: Range<Int>, bodyOffset: Int, linesBeforeBody: Int)
    case unclosed

    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> FrontMatterFence? {
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes, 0..<firstEnd, allowDots: false) else { return nil }
        var lineStart = firstEnd + 1
        var lines = 1
        while lineStart <= bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            lines += 1
            if isFence(bytes, lineStart..<end, allowDots: true) {
                let bodyOffset = min(end + 1, bytes.count)
                return .closed(yaml: (firstEnd + 1)..<lineStart, bodyOffset: bodyOffset, linesBeforeBody: lines)
            }
            if end >= bytes.count { break }
            lineStart = end + 1
        }
        return .unclosed
    }

    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == Byte.newline { return i }
            i += 1
        }
        return start < bytes.count ? bytes.count : nil  // the last line has no newline
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, allowDots: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, Byte.isSpace(bytes[end - 1]) { end -= 1 }
        guard end - range.lowerBound == 3 else { return false }
        let slice = bytes[range.lowerBound..<end]
        return slice.allSatisfy { $0 == 0x2D } || (allowDots && slice.allSatisfy { $0 == 0x2E })
    }
}
