/// Which lines are code or math, line by line, as the block parser sees them: fenced code (a run of
/// three or more backticks or tildes, closed by a run as long; also inside quotes and callouts) and
/// `$$` math blocks. The link scanner (the load's hot path) and the tag reader skip those lines through
/// this one scanner, so they cannot disagree about where code is.
struct CodeRegions {
    /// ` or ~ while inside a fenced code block, else 0.
    private var fence: UInt8 = 0
    private var fenceLength = 0
    private var inMath = false

    init() {}

    /// Whether the lines now read are code or math, so that every line start needs a look.
    var isInsideBlock: Bool { fence != 0 || inMath }

    /// Called at the start of each line (`i`): the end of the line (its newline, or `end`) when the whole
    /// line is a fence, code or math, to be skipped; nil when it is text to read.
    @inline(__always)
    mutating func skippedLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        var k = i
        while k < end, Byte.isSpace(bytes[k]) || bytes[k] == Byte.greaterThan { k += 1 }
        let runStart = k
        if k < end, bytes[k] == Byte.backtick || bytes[k] == Byte.tilde, !inMath {
            let c = bytes[k]
            while k < end, bytes[k] == c { k += 1 }
            let run = k - runStart
            if run >= 3 {
                if fence == 0 {
                    fence = c
                    fenceLength = run
                } else if c == fence, run >= fenceLength, LinkScanner.restIsBlank(bytes, from: k, end: end) {
                    fence = 0
                }
                return LinkScanner.skipLine(bytes, from: k, end: end)
            }
        }
        if fence != 0 { return LinkScanner.skipLine(bytes, from: i, end: end) }
        if k + 1 < end, bytes[k] == 0x24, bytes[k + 1] == 0x24 {  // $$
            let lineEnd = LinkScanner.skipLine(bytes, from: k, end: end)
            let closesOnSameLine = !inMath && LinkScanner.containsDoubleDollar(bytes, from: k + 2, to: lineEnd)
            if !closesOnSameLine { inMath.toggle() }
            return lineEnd
        }
        if inMath {
            let lineEnd = LinkScanner.skipLine(bytes, from: i, end: end)
            if LinkScanner.containsDoubleDollar(bytes, from: i, to: lineEnd) { inMath = false }
            return lineEnd
        }
        return nil
    }
}
