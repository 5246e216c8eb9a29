/// Turns a file's bytes into a `Note`. Never fails: whatever is wrong becomes a diagnostic with file and line.
public enum NoteParser {
    public static func parse(path: String, bytes inputBytes: [UInt8]) -> Note {
        var diagnostics: [Diagnostic] = []
        let stem = NoteParser.stem(of: path)
        var bytes = inputBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(Byte.carriageReturn) { bytes = normalizeLineEndings(bytes) }

        let text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            diagnostics.append(Diagnostic(.warning, path: path, line: firstInvalidLine(bytes),
                                          "invalid UTF-8, shown with replacement characters"))
        }
        let utf8 = Array(text.utf8)

        // Front matter: a first line of `---`, closed by `---` or `...`.
        var frontMatter = FrontMatter()
        var bodyStart = 0
        var bodyFirstLine = 1
        if let fence = FrontMatterFence.find(utf8) {
            switch fence {
            case .closed(let yamlRange, let bodyOffset, let linesBeforeBody):
                let yaml = String(decoding: utf8[yamlRange], as: UTF8.self)
                switch FrontMatterParser.parse(yaml, firstLine: 2) {
                case .success(let parsed): frontMatter = parsed
                case .failure(let error):
                    diagnostics.append(Diagnostic(.warning, path: path, line: error.line,
                                                  "\(error.message); title taken from the file name"))
                }
                bodyStart = bodyOffset
                bodyFirstLine = linesBeforeBody + 1
            case .unclosed:
                diagnostics.append(Diagnostic(.warning, path: path, line: 1,
                                              "front matter starts with --- but never closes; read as text"))
            }
        }

        var title = frontMatter.string("title") ?? stem
        if title.trimmed.isEmpty { title = stem }
        if frontMatter.string("title") == nil, !frontMatter.entries.isEmpty {
            diagnostics.append(Diagnostic(.warning, path: path, line: 1, "front matter has no title; using \"\(stem)\""))
        }

        let scan = utf8.withUnsafeBufferPointer { buffer in
            LinkScanner.scan(buffer, from: bodyStart, firstLine: bodyFirstLine)
        }
        let body = String(decoding: utf8[bodyStart...], as: UTF8.self)
        return Note(path: path, stem: stem, title: title, frontMatter: frontMatter, body: body,
                    bodyFirstLine: bodyFirstLine, links: scan.links, timestamps: scan.timestamps,
                    diagnostics: diagnostics)
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

    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == Byte.newline {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}

/// Where the `---` front matter block ends, found on bytes.
enum FrontMatterFence {
    case closed(yaml: Range<Int>, bodyOffset: Int, linesBeforeBody: Int)
    case unclosed

    static func find(_ bytes: [UInt8]) -> FrontMatterFence? {
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

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == Byte.newline { return i }
            i += 1
        }
        return start < bytes.count ? bytes.count : (start == 0 ? nil : nil)
    }

    private static func isFence(_ bytes: [UInt8], _ range: Range<Int>, allowDots: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, Byte.isSpace(bytes[end - 1]) { end -= 1 }
        guard end - range.lowerBound == 3 else { return false }
        let slice = bytes[range.lowerBound..<end]
        return slice.allSatisfy { $0 == 0x2D } || (allowDots && slice.allSatisfy { $0 == 0x2E })
    }
}
