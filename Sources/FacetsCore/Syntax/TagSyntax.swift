/// Obsidian's tags: `#tag` and nested `#parent/child` in text, and front matter `tags:`. A tag starts
/// with `#` at a line's start or after a space (so a URL's `#fragment`, `&#123;` and `[#x` are not
/// tags), holds letters, digits, `_`, `-` and `/`, and is not a number alone (`#123`, as Obsidian).
/// Read from a note's bytes on demand (`TagIndex`), not by the load's scan, which stays as fast.
public enum TagSyntax {
    /// Whether a byte can be part of a tag's name (any non-ASCII byte is: letters of other scripts).
    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        Byte.isLetter(b) || Byte.isDigit(b) || b == 0x5F || b == 0x2D || b == Byte.slash || b >= 0x80
    }

    /// The name of the tag whose `#` is at `i` (without the `#`, without a trailing `/`), or nil. `start`
    /// is where the text begins: a `#` there counts as at a line's start.
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, start: Int, end: Int) -> Range<Int>? {
        guard bytes[i] == Byte.hash else { return nil }
        if i > start {
            let before = bytes[i - 1]
            guard Byte.isSpace(before) || before == Byte.newline else { return nil }
        }
        var j = i + 1
        var hasNonDigit = false
        while j < end, isNameByte(bytes[j]) {
            if !Byte.isDigit(bytes[j]) && bytes[j] != Byte.slash { hasNonDigit = true }
            j += 1
        }
        while j > i + 1, bytes[j - 1] == Byte.slash { j -= 1 }
        guard j > i + 1, hasNonDigit, bytes[i + 1] != Byte.slash else { return nil }
        return (i + 1)..<j
    }

    /// A tag as written, cleaned: no leading `#`, no surrounding spaces or slashes; nil when it is no tag.
    public static func cleaned(_ written: String) -> String? {
        var name = Substring(written.trimmed)
        while name.first == "#" { name = name.dropFirst() }
        while name.first == "/" { name = name.dropFirst() }
        while name.last == "/" { name = name.dropLast() }
        guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" }),
            name.contains(where: { !$0.isNumber && $0 != "/" })
        else { return nil }
        return String(name)
    }

    /// The key tags are grouped by: Obsidian treats `#Tag` and `#tag` as one.
    public static func key(_ name: String) -> String { name.lowercased() }

    /// Every tag in a note's body bytes (from `bodyOffset`), in order, repeats kept: outside fenced code,
    /// `$$` math, code spans and HTML comments.
    public static func tags(in bytes: UnsafeBufferPointer<UInt8>, from bodyOffset: Int) -> [String] {
        var found: [String] = []
        let end = bytes.count
        var i = bodyOffset
        var regions = CodeRegions()
        var atLineStart = true
        while i < end {
            if atLineStart {
                atLineStart = false
                if let lineEnd = regions.skippedLineEnd(bytes, at: i, end: end) {
                    i = lineEnd
                    continue
                }
            }
            let b = bytes[i]
            switch b {
            case Byte.newline:
                atLineStart = true
                i += 1
            case Byte.backtick:
                i = LinkScanner.skipCodeSpan(bytes, from: i, end: end)
            case Byte.lessThan:
                i = InlineParser.skipComment(bytes, at: i, end: end) ?? (i + 1)
            case Byte.hash:
                if let name = tag(bytes, at: i, start: bodyOffset, end: end) {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self))
                    i = name.upperBound
                } else {
                    while i < end, bytes[i] == Byte.hash { i += 1 }
                }
            default:
                i += 1
            }
        }
        return found
    }
}
