/// Reads `[[…]]` and `![[…]]` from bytes; shared by the load-time link scanner and the inline parser,
/// so what the index counts and what the reader sees are the same links.
enum WikiLinkSyntax {
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
        let rawTarget = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<targetEnd]), as: UTF8.self).trimmed
        let rawLabel = firstPipe >= 0
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(firstPipe + 1)..<j]), as: UTF8.self).trimmed
            : ""
        if rawTarget.isEmpty && rawLabel.isEmpty { return (nil, next) }
        var target = rawTarget
        var heading: String?
        if let hashIndex = rawTarget.firstIndex(of: "#") {
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
