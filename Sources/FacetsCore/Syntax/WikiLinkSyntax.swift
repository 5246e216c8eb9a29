/// Reads `[[…]]` and `![[…]]` from bytes; shared by the load-time link scanner and the inline parser,
/// so what the index counts and what the reader sees are the same links.
enum WikiLinkSyntax {
    /// A byte range as a String without surrounding spaces and tabs (trimmed before decoding: cheap).
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Byte.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, Byte.isSpace(bytes[upper - 1]) { upper -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        if lower == upper || (bytes[lower] < 0x80 && bytes[upper - 1] < 0x80) { return text }
        // Non-breaking and other Unicode spaces are rare; trim them the slow way only when present.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !first.isASCII && first.properties.isWhitespace || !last.isASCII && last.properties.isWhitespace {
            return text.trimmed
        }
        return text
    }

    /// A link starting at `start` (which holds `[` or `!`), and the index just past its `]]`.
    /// `nil` when there is no link there, or it is `[[]]` (ignored) or crosses a line end.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int) -> (link: WikiLink?, next: Int)? {
        var i = start
        var isEmbed = false
        if bytes[i] == Byte.bang {
            isEmbed = true
            i += 1
        }
        guard i + 1 < end, bytes[i] == Byte.openBracket, bytes[i + 1] == Byte.openBracket else { return nil }
        let contentStart = i + 2
        var j = contentStart
        var firstPipe = -1
        while j + 1 < end {
            let b = bytes[j]
            if b == Byte.newline { return nil }
            if b == Byte.closeBracket && bytes[j + 1] == Byte.closeBracket { break }
            if b == Byte.pipe && firstPipe < 0 { firstPipe = j }
            j += 1
        }
        guard j + 1 < end else { return nil }
        let next = j + 2
        let targetEnd = firstPipe >= 0 ? firstPipe : j
        let rawTarget = trimmedString(bytes, contentStart..<targetEnd)
        let rawLabel = firstPipe >= 0 ? trimmedString(bytes, (firstPipe + 1)..<j) : ""
        if rawTarget.isEmpty && rawLabel.isEmpty { return (nil, next) }
        var target = rawTarget
        var heading: String?
        if bytes[contentStart..<targetEnd].contains(Byte.hash), let hashIndex = rawTarget.firstIndex(of: "#") {
            target = String(rawTarget[..<hashIndex]).trimmed
            let h = String(rawTarget[rawTarget.index(after: hashIndex)...]).trimmed
            heading = h.isEmpty ? nil : h
        }
        if target.isEmpty && heading == nil { return (nil, next) }
        let fallback = target.isEmpty ? (heading ?? "") : (heading.map { "\(target) › \($0)" } ?? target)
        let label = rawLabel.isEmpty ? fallback : rawLabel
        return (WikiLink(target: target, heading: heading, label: label, isEmbed: isEmbed, line: line), next)
    }
}
