/// Per line, where the last `]]`, `</a>` and `>` are: an opener after them cannot close on this line,
/// so hostile lines full of openers cost one pass, not one pass per opener. Learned lazily, the first
/// time something fails to close on a line, so ordinary text is scanned once.
struct LineCloses {
    private(set) var lineEnd = -1
    private(set) var lastWikiClose = -1
    private(set) var lastAnchorClose = -1
    private(set) var lastGreaterThan = -1

    /// Longest span looked at for one link, anchor or tag: real ones are far shorter.
    static let window = 1024

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) {
        guard i > lineEnd else { return }
        var j = i
        lastWikiClose = -1
        lastAnchorClose = -1
        lastGreaterThan = -1
        while j < end, bytes[j] != Byte.newline {
            let b = bytes[j]
            if b == Byte.greaterThan { lastGreaterThan = j }
            if b == Byte.closeBracket, j + 1 < end, bytes[j + 1] == Byte.closeBracket { lastWikiClose = j }
            if b == Byte.lessThan, j + 3 < end, bytes[j + 1] == Byte.slash, Byte.lower(bytes[j + 2]) == 0x61,
                bytes[j + 3] == Byte.greaterThan
            {
                lastAnchorClose = j
            }
            j += 1
        }
        lineEnd = j
    }

    /// Whether this line has been looked at (only after a link or tag failed to close on it).
    func knows(_ i: Int) -> Bool { i <= lineEnd }

    func canCloseWiki(after i: Int) -> Bool { lastWikiClose > i }
    func canCloseAnchor(after i: Int) -> Bool { lastAnchorClose > i }
    func canCloseTag(after i: Int) -> Bool { lastGreaterThan > i }
}
