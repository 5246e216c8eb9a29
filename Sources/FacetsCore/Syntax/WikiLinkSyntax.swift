import CByteScan

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
            !first.isASCII && first.properties.isWhitespace || !last.isASCII && last.properties.isWhitespace
        {
            return text.trimmed
        }
        return text
    }

    /// Where the parts of a `[[…]]` are, before any text is made of them.
    struct Span {
        /// Just past the opening `[[`.
        var contentStart: Int
        /// The first `|`, or -1.
        var firstPipe: Int
        /// Where the target ends: the first `|`, or its `\` when escaped (`[[Note\|label]]`, the form a
        /// table cell needs so that its pipe does not end the cell), or the `]]`.
        var targetEnd: Int
        /// The closing `]]`.
        var close: Int
        var isEmbed: Bool
        /// Whether the target (before the first `|`) holds only ASCII, with no `#` and no `.`: found on
        /// the one walk to the `]]`, so `plainTarget` does not walk the target again.
        var targetIsSimple: Bool
        /// Just past the closing `]]`.
        var next: Int { close + 2 }
        /// The target as written, before trimming (up to the first `|`).
        var targetRange: Range<Int> { contentStart..<targetEnd }
    }

    /// The `[[…]]` starting at `start` (which holds `[` or `!`): nil when there is none there or it
    /// crosses a line end.
    static func span(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Span? {
        var i = start
        var isEmbed = false
        if bytes[i] == Byte.bang {
            isEmbed = true
            i += 1
        }
        guard i + 1 < end, bytes[i] == Byte.openBracket, bytes[i + 1] == Byte.openBracket else { return nil }
        guard let base = bytes.baseAddress else { return nil }
        let contentStart = i + 2
        var j = contentStart
        var firstPipe = -1
        var targetEnd = -1
        // From stop to stop (newline, `]`, `|`), sixteen bytes a step in C: see CByteScan.
        while true {
            j = Int(facets_next_link_stop(base, j, end))
            guard j + 1 < end else { return nil }
            let b = bytes[j]
            if b == Byte.newline { return nil }
            if b == Byte.closeBracket {
                if bytes[j + 1] == Byte.closeBracket { break }
            } else if firstPipe < 0 {
                firstPipe = j
                targetEnd = j > contentStart && bytes[j - 1] == 0x5C ? j - 1 : j
            }
            j += 1
        }
        let targetIsSimple = facets_has_unplain_byte(base, contentStart, firstPipe >= 0 ? firstPipe : j) == 0
        return Span(
            contentStart: contentStart, firstPipe: firstPipe, targetEnd: firstPipe >= 0 ? targetEnd : j, close: j, isEmbed: isEmbed,
            targetIsSimple: targetIsSimple)
    }

    /// A link starting at `start` (which holds `[` or `!`), and the index just past its `]]`.
    /// `nil` when there is no link there, or it is `[[]]` (ignored) or crosses a line end.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int) -> (link: WikiLink?, next: Int)? {
        guard let span = span(bytes, at: start, end: end) else { return nil }
        return (link(bytes, span, line: line), span.next)
    }

    /// The link a span holds; nil for `[[]]` and the like, which are ignored.
    static func link(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, line: Int) -> WikiLink? {
        let targetRange = span.targetRange
        let rawTarget = trimmedString(bytes, targetRange)
        let rawLabel = span.firstPipe >= 0 ? trimmedString(bytes, (span.firstPipe + 1)..<span.close) : ""
        if rawTarget.isEmpty && rawLabel.isEmpty { return nil }
        var target = rawTarget
        var heading: String?
        if bytes[targetRange].contains(Byte.hash), let hashIndex = rawTarget.firstIndex(of: "#") {
            target = String(rawTarget[..<hashIndex]).trimmed
            let h = String(rawTarget[rawTarget.index(after: hashIndex)...]).trimmed
            heading = h.isEmpty ? nil : h
        }
        if target.isEmpty && heading == nil { return nil }
        let fallback = target.isEmpty ? (heading ?? "") : (heading.map { "\(target) › \($0)" } ?? target)
        let label = rawLabel.isEmpty ? fallback : rawLabel
        return WikiLink(target: target, heading: heading, label: label, isEmbed: span.isEmbed, line: line)
    }

    /// The target's bytes when they are its text exactly and name a note the plain way: trimmed of spaces
    /// and tabs, ASCII, with no `#` heading, no `.` (`.md`, `..`) and no leading `/`, `\` or `~`. Such a
    /// link always exists, and the loader looks it up without making a String of it.
    static func plainTarget(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> Range<Int>? {
        guard span.targetIsSimple else { return nil }
        var lower = span.targetRange.lowerBound, upper = span.targetRange.upperBound
        while lower < upper, Byte.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, Byte.isSpace(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { return nil }
        let first = bytes[lower]
        if first == Byte.slash || first == 0x5C || first == 0x7E { return nil }
        return lower..<upper
    }
}
