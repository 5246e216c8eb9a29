import Foundation

/// Turns a file's bytes into a `Note`. Never fails: whatever is wrong becomes a diagnostic with file and line.
public enum NoteParser {
    /// Parses a file's bytes (decoding them first).
    public static func parse(path: String, bytes: [UInt8]) -> Note {
        let file = SourceFile(path: path, bytes: bytes)
        return parse(path: path, text: file.text, repairedUTF8: file.repairedUTF8)
    }

    /// Parses a note's text. `repairedUTF8`: decoding replaced invalid bytes (warned with the first such line).
    public static func parse(path: String, text decoded: String, repairedUTF8: Bool = false) -> Note {
        var diagnostics: [Diagnostic] = []
        let stem = NoteParser.stem(of: path)
        var text = decoded
        if containsByte(text, Byte.carriageReturn) {
            text = String(decoding: normalizeLineEndings(Array(text.utf8)), as: UTF8.self)
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text.makeContiguousUTF8()
        if repairedUTF8 {
            diagnostics.append(Diagnostic(.warning, path: path, line: firstReplacementLine(text),
                                          "invalid UTF-8, shown with replacement characters"))
        }

        // Front matter: a first line of `---`, closed by `---` or `...`.
        var frontMatter = FrontMatter()
        var bodyOffset = 0
        var bodyFirstLine = 1
        var scan = LinkScanner.Result()
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            if let fence = FrontMatterFence.find(utf8) {
                switch fence {
                case .closed(let yamlRange, let offset, let linesBeforeBody):
                    switch FrontMatterParser.parse(utf8, yamlRange, firstLine: 2) {
                    case .success(let parsed): frontMatter = parsed
                    case .failure(let error):
                        diagnostics.append(Diagnostic(.warning, path: path, line: error.line,
                                                      "\(error.message); title taken from the file name"))
                    }
                    bodyOffset = offset
                    bodyFirstLine = linesBeforeBody + 1
                case .unclosed:
                    diagnostics.append(Diagnostic(.warning, path: path, line: 1,
                                                  "front matter starts with --- but never closes; read as text"))
                }
            }
            scan = LinkScanner.scan(utf8, from: bodyOffset, firstLine: bodyFirstLine)
        }

        var title = frontMatter.string("title") ?? stem
        if title.trimmed.isEmpty { title = stem }
        if frontMatter.string("title") == nil, !frontMatter.entries.isEmpty {
            diagnostics.append(Diagnostic(.warning, path: path, line: 1, "front matter has no title; using \"\(stem)\""))
        }
        let bodyStart = text.utf8.index(text.utf8.startIndex, offsetBy: bodyOffset)
        return Note(path: path, stem: stem, title: title, frontMatter: frontMatter, text: text, bodyStart: bodyStart,
                    bodyFirstLine: bodyFirstLine, links: scan.links, timestamps: scan.timestamps,
                    diagnostics: diagnostics)
    }

    /// memchr over a string's bytes: far faster than iterating its UTF-8 view.
    static func containsByte(_ text: String, _ byte: UInt8) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(byte)
    }

    /// `notes/Foo Bar.md` → `Foo Bar`.
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.lowercased().hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// CRLF and lone CR become LF, so lines and line numbers mean the same on every platform.
    static func normalizeLineEndings(_ bytes: [UInt8]) -> [UInt8] {
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

    static func firstReplacementLine(_ text: String) -> Int {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar == "\u{FFFD}" { return line }
        }
        return 1
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
        return start < bytes.count ? bytes.count : nil // the last line has no newline
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, allowDots: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, Byte.isSpace(bytes[end - 1]) { end -= 1 }
        guard end - range.lowerBound == 3 else { return false }
        let slice = bytes[range.lowerBound..<end]
        return slice.allSatisfy { $0 == 0x2D } || (allowDots && slice.allSatisfy { $0 == 0x2E })
    }
}
