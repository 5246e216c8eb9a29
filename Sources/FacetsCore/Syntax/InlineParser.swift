/// Parses the inline Markdown of one block: emphasis, code, links, wiki links, timestamps, tags, `<br/>`,
/// entities; other inline HTML is dropped. Bounded work on hostile input (no unbounded look-ahead or depth).
public enum InlineParser {
    /// How far ahead a closing `*`/`_`/`]` is looked for; keeps a 10 MB line of unmatched stars linear.
    static let lookAheadLimit = 4096
    static let depthLimit = 12

    /// `line` is the file line of the text's first line; `\n` inside the text advances it.
    public static func parse(_ text: String, line: Int) -> [Inline] {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return [] }
        return bytes.withUnsafeMutableBufferPointer { mutable in
            let buffer = UnsafeBufferPointer(mutable)
            var currentLine = line
            return parse(buffer, 0..<buffer.count, line: &currentLine, depth: 0)
        }
    }

    /// Text a reader would read aloud: no markup, links as their labels, timestamps as written.
    public static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .strong(let inner), .emphasis(let inner): out += plainText(inner)
            case .link(let text, _): out += plainText(text)
            case .wikiLink(let link): out += link.label
            case .timestamp(let stamp): out += "[\(stamp.written)]"
            case .lineBreak: out += " "
            case .tag(let name): out += "#" + name
            }
        }
        return out
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: inout Int, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty {
                let s = String(decoding: pending, as: UTF8.self)
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + s)
                } else {
                    result.append(.text(s))
                }
                pending.removeAll(keepingCapacity: true)
            }
        }
        func append(_ inline: Inline) {
            flush()
            result.append(inline)
        }

        let end = range.upperBound
        var i = range.lowerBound
        var closes = LineCloses()
        while i < end {
            let b = bytes[i]
            switch b {
            case Byte.newline:
                line += 1
                if let last = pending.last, last != Byte.space { pending.append(Byte.space) } else if pending.isEmpty { pending.append(Byte.space) }
                i += 1
            case 0x5C:  // backslash escape
                if i + 1 < end, isASCIIPunctuation(bytes[i + 1]) {
                    pending.append(bytes[i + 1])
                    i += 2
                } else {
                    pending.append(b)
                    i += 1
                }
            case Byte.backtick:
                if let (code, next) = codeSpan(bytes, at: i, end: end) {
                    append(.code(code))
                    i = next
                } else {
                    while i < end, bytes[i] == Byte.backtick {
                        pending.append(Byte.backtick)
                        i += 1
                    }
                }
            case Byte.openBracket, Byte.bang:
                let limit = min(end, i + LineCloses.window)
                // A wiki link cannot start after the line's last `]]` (learned once a link failed to close).
                let wikiPossible = !(closes.knows(i) && !closes.canCloseWiki(after: i))
                if wikiPossible, let found = WikiLinkSyntax.parse(bytes, at: i, end: limit, line: line) {
                    if let link = found.link { append(.wikiLink(link)) }
                    i = found.next
                } else if b == Byte.openBracket, let found = TimestampSyntax.bare(bytes, at: i, end: limit, line: line) {
                    append(.timestamp(found.stamp))
                    i = found.next
                } else if b == Byte.openBracket, depth < depthLimit,
                    let (textRange, url, next) = markdownLink(bytes, at: i, end: limit)
                {
                    var innerLine = line
                    append(.link(text: parse(bytes, textRange, line: &innerLine, depth: depth + 1), url: url))
                    i = next
                } else {
                    if wikiPossible, i + 1 < end, bytes[i + 1] == Byte.openBracket { closes.update(bytes, at: i, end: end) }
                    pending.append(b)
                    i += 1
                }
            case Byte.lessThan:
                let limit = min(end, i + LineCloses.window)
                if !closes.knows(i) { closes.update(bytes, at: i, end: end) }
                let tagCloses = closes.canCloseTag(after: i)
                if let after = skipComment(bytes, at: i, end: end) {
                    line += LinkScanner.countNewlines(bytes, from: i, to: after)
                    i = after
                } else if closes.canCloseAnchor(after: i), let found = TimestampSyntax.anchor(bytes, at: i, end: limit, line: line) {
                    if let stamp = found.stamp {
                        append(.timestamp(stamp))
                        i = found.next
                    } else {
                        i = skipTag(bytes, at: i, end: limit) ?? (i + 1)  // keep the text of an ordinary <a href>
                    }
                } else if tagCloses, isLineBreakTag(bytes, at: i, end: end), let next = skipTag(bytes, at: i, end: limit) {
                    append(.lineBreak)
                    i = next
                } else if tagCloses, let next = skipTag(bytes, at: i, end: limit) {
                    i = next
                } else {
                    pending.append(b)
                    i += 1
                }
            case Byte.hash:
                if let name = TagSyntax.tag(bytes, at: i, start: range.lowerBound, end: end) {
                    append(.tag(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)))
                    i = name.upperBound
                } else {
                    pending.append(b)
                    i += 1
                }
            case 0x26:  // &
                if let (decoded, next) = HTMLEntities.decode(bytes, at: i, end: end) {
                    pending.append(contentsOf: decoded.utf8)
                    i = next
                } else {
                    pending.append(b)
                    i += 1
                }
            case 0x2A, 0x5F:  // * _
                if depth < depthLimit, let (inner, strong, next) = emphasis(bytes, at: i, range: range) {
                    let content = parse(bytes, inner, line: &line, depth: depth + 1)
                    append(strong == 3 ? .strong([.emphasis(content)]) : strong == 2 ? .strong(content) : .emphasis(content))
                    i = next
                } else {
                    while i < end, bytes[i] == b {
                        pending.append(b)
                        i += 1
                    }
                }
            default:
                pending.append(b)
                i += 1
            }
        }
        flush()
        return result
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    static func isWordByte(_ b: UInt8) -> Bool { Byte.isLetter(b) || Byte.isDigit(b) || b >= 0x80 }

    static func codeSpan(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (String, Int)? {
        let next = LinkScanner.skipCodeSpan(bytes, from: start, end: end)
        var run = 0
        while start + run < end, bytes[start + run] == Byte.backtick { run += 1 }
        guard next > start + run else { return nil }
        let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + run)..<(next - run)]), as: UTF8.self)
        return (content.trimmed, next)
    }

    /// `*x*`, `**x**`, `***x***`, or the `_` forms at word boundaries: the inner range, the run length and the index after.
    static func emphasis(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, range: Range<Int>) -> (Range<Int>, Int, Int)? {
        let c = bytes[start]
        let end = range.upperBound
        var run = 0
        while start + run < end, bytes[start + run] == c { run += 1 }
        guard run <= 3 else { return nil }
        let innerStart = start + run
        guard innerStart < end, !Byte.isSpace(bytes[innerStart]), bytes[innerStart] != Byte.newline else { return nil }
        if c == 0x5F, start > range.lowerBound, isWordByte(bytes[start - 1]) { return nil }
        var j = innerStart
        let limit = min(end, innerStart + lookAheadLimit)
        while j < limit {
            if bytes[j] == Byte.backtick {
                j = LinkScanner.skipCodeSpan(bytes, from: j, end: end)
                continue
            }
            if bytes[j] == c {
                var closeRun = 0
                while j + closeRun < end, bytes[j + closeRun] == c { closeRun += 1 }
                let after = j + closeRun
                let precededBySpace = Byte.isSpace(bytes[j - 1]) || bytes[j - 1] == Byte.newline
                let wordAfter = c == 0x5F && after < end && isWordByte(bytes[after])
                if closeRun >= run, !precededBySpace, !wordAfter, j > innerStart {
                    return (innerStart..<j, run, j + run)
                }
                j = after
                continue
            }
            j += 1
        }
        return nil
    }

    /// `[text](url)` on one line.
    static func markdownLink(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Range<Int>, String, Int)? {
        var depth = 0
        var j = start
        let limit = min(end, start + lookAheadLimit)
        while j < limit {
            let b = bytes[j]
            if b == Byte.newline { return nil }
            if b == Byte.openBracket { depth += 1 }
            if b == Byte.closeBracket {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < limit, j + 1 < end, bytes[j + 1] == 0x28 else { return nil }
        var k = j + 2
        while k < limit, bytes[k] != 0x29, bytes[k] != Byte.newline { k += 1 }
        guard k < end, bytes[k] == 0x29 else { return nil }
        // A URL has no spaces or tags; `[00:51:56](<a …>` is text followed by an anchor, not a link.
        for u in (j + 2)..<k where bytes[u] == Byte.space || bytes[u] == Byte.lessThan || bytes[u] == Byte.tab { return nil }
        let url = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 2)..<k]), as: UTF8.self).trimmed
        return ((start + 1)..<j, url, k + 1)
    }

    static func isLineBreakTag(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        i + 3 < end && Byte.lower(bytes[i + 1]) == 0x62 && Byte.lower(bytes[i + 2]) == 0x72
            && (bytes[i + 3] == Byte.greaterThan || bytes[i + 3] == Byte.slash || Byte.isSpace(bytes[i + 3]))
    }

    /// Past an HTML comment `<!-- … -->` (which may span lines), or nil when `<` starts none or it never closes.
    static func skipComment(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        guard i + 3 < end, bytes[i + 1] == Byte.bang, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D else { return nil }
        var j = i + 4
        while j + 2 < end {
            if bytes[j] == 0x2D, bytes[j + 1] == 0x2D, bytes[j + 2] == Byte.greaterThan { return j + 3 }
            j += 1
        }
        return nil
    }

    /// Past an HTML tag (`<x …>`, `</x>` on one line), or nil when `<` starts no tag.
    static func skipTag(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        guard i + 1 < end else { return nil }
        let next = bytes[i + 1]
        guard Byte.isLetter(next) || next == Byte.slash || next == Byte.bang else { return nil }
        var j = i + 1
        var quote: UInt8 = 0
        while j < end, bytes[j] != Byte.newline {
            let b = bytes[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == Byte.greaterThan {
                return j + 1
            }
            j += 1
        }
        return nil
    }
}
