import CByteScan

/// One pass over a note's bytes that finds every wiki link and timestamp, outside code.
/// This is the load-time hot path: it touches each byte once and builds no block tree.
enum LinkScanner {
    struct Result {
        var links: [WikiLink] = []
        var timestamps: [TimestampRef] = []
    }

    /// Arrays a loader thread scans every note into, keeping their capacity from note to note.
    final class Scratch {
        fileprivate var result = Result()
        /// The links of the note scanned last by `scanForLoad`.
        fileprivate(set) var scanned = ScannedLinks()
        init() {}
    }

    /// A note's links and timestamps, each sized exactly: grown by doubling, a vault's million timestamps
    /// kept a quarter of their memory as slack, and every fresh page costs a fault to fill.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int) -> Result {
        var result = Result()
        var unused = ScannedLinks()
        scan(bytes, from: start, firstLine: firstLine, into: &result, scanned: &unused, compact: false)
        return Result(links: result.links.exactlySized(), timestamps: result.timestamps.exactlySized())
    }

    /// What a loader's scan keeps of a note's timestamps: all of them (a note kept in memory), or only
    /// their count and summary (a vault's note, which scans its file again for them when asked).
    struct LoadedTimestamps {
        var stamps: [TimestampRef]?
        var count: Int
        var summary: TimestampSummary
    }

    /// A loader's scan: the timestamps (sized exactly, when `keepTimestamps`), and the links left in
    /// `scratch.scanned` for the thread to resolve before it scans the next note (no `WikiLink` is made
    /// for plain targets). The arrays grow once per thread instead of once per note.
    static func scanForLoad(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int, scratch: Scratch, keepTimestamps: Bool
    ) -> LoadedTimestamps {
        var result = Result()
        swap(&result, &scratch.result)
        result.links.removeAll(keepingCapacity: true)
        result.timestamps.removeAll(keepingCapacity: true)
        scratch.scanned.removeAll()
        scan(bytes, from: start, firstLine: firstLine, into: &result, scanned: &scratch.scanned, compact: true)
        let loaded = LoadedTimestamps(
            stamps: keepTimestamps ? result.timestamps.exactlySized() : nil, count: result.timestamps.count,
            summary: TimestampSummary(result.timestamps))
        swap(&result, &scratch.result)
        return loaded
    }

    /// The first timestamp from `start` on, the scan stopping there: a note opened at its top needs no
    /// more of a long file than that.
    static func firstTimestamp(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int) -> TimestampRef? {
        var result = Result()
        var unused = ScannedLinks()
        scan(bytes, from: start, firstLine: firstLine, into: &result, scanned: &unused, compact: true, timestampLimit: 1)
        return result.timestamps.first
    }

    /// `compact`: links go to `scanned`, else to `result.links`. Stops once `timestampLimit` timestamps are found.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int, into result: inout Result,
        scanned: inout ScannedLinks, compact: Bool, timestampLimit: Int = .max
    ) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var i = start
        var line = firstLine
        var atLineStart = true
        var regions = CodeRegions()
        var closes = LineCloses()
        while i < end {
            if atLineStart {
                atLineStart = false
                // Fences and math count as the block parser sees them: also inside quotes and callouts.
                if let lineEnd = regions.skippedLineEnd(bytes, at: i, end: end) {
                    i = lineEnd
                    continue
                }
            }
            // Skip plain text fast: only newline, `[`, `!`, `<` and backtick start anything, and outside
            // code and math only a newline before what may be a fence or `$$` needs a look.
            if regions.isInsideBlock {
                i = nextSpecial(bytes, from: i, end: end)
            } else {
                var passedLines = 0
                i = Int(facets_next_special_across_lines(base, i, end, &passedLines))
                line += passedLines
            }
            if i == end { return }
            let b = bytes[i]
            switch b {
            case Byte.newline:
                line += 1
                atLineStart = true
                i += 1
            case Byte.openBracket, Byte.bang:
                let window = min(end, i + LineCloses.window)
                if i > start, bytes[i - 1] == 0x5C {  // \[ is escaped text
                    i += 1
                } else if !(closes.knows(i) && !closes.canCloseWiki(after: i)),
                    let span = WikiLinkSyntax.span(bytes, at: i, end: window)
                {
                    if compact {
                        scanned.add(bytes, span, line: line)
                    } else if let link = WikiLinkSyntax.link(bytes, span, line: line) {
                        result.links.append(link)
                    }
                    i = span.next
                } else if b == Byte.openBracket, let found = TimestampSyntax.bare(bytes, at: i, end: window, line: line) {
                    result.timestamps.append(found.stamp)
                    if result.timestamps.count >= timestampLimit { return }
                    i = found.next
                } else {
                    if i + 1 < end, bytes[i + 1] == Byte.openBracket || bytes[i + 1] == Byte.bang { closes.update(bytes, at: i, end: end) }
                    i += 1
                }
            case Byte.lessThan:
                let window = min(end, i + LineCloses.window)
                if let after = InlineParser.skipComment(bytes, at: i, end: end) {
                    line += countNewlines(bytes, from: i, to: after)
                    if after > 0, bytes[after - 1] == Byte.newline { atLineStart = true }
                    i = after
                } else if !(closes.knows(i) && !closes.canCloseAnchor(after: i)),
                    let found = TimestampSyntax.anchor(bytes, at: i, end: window, line: line)
                {
                    if let stamp = found.stamp {
                        result.timestamps.append(stamp)
                        if result.timestamps.count >= timestampLimit { return }
                    }
                    i = found.next
                } else {
                    closes.update(bytes, at: i, end: end)
                    i += 1
                }
            case Byte.backtick:
                i = skipCodeSpan(bytes, from: i, end: end)
            default:
                i += 1
            }
        }
    }

    static func restIsBlank(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Bool {
        var k = from
        while k < end, bytes[k] != Byte.newline {
            if !Byte.isSpace(bytes[k]) { return false }
            k += 1
        }
        return true
    }

    static func containsDoubleDollar(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var k = from
        while k + 1 < to {
            if bytes[k] == 0x24, bytes[k + 1] == 0x24 { return true }
            k += 1
        }
        return false
    }

    static func countNewlines(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        for k in from..<to where bytes[k] == Byte.newline { n += 1 }
        return n
    }

    /// The index of the next byte that can start a link, a timestamp, a code span or a new line, or `end`
    /// (SIMD in C: see CByteScan).
    @inline(__always) static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        guard let base = bytes.baseAddress, start < end else { return end }
        return Int(facets_next_special(base, start, end))
    }

    /// Index of the newline ending the line that contains `from` (or `end`).
    @inline(__always) static func skipLine(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        while i < end, bytes[i] != Byte.newline { i += 1 }
        return i
    }

    /// Past an inline `code` span on the same line, or one byte on when it does not close.
    static func skipCodeSpan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var run = 0
        var i = start
        while i < end, bytes[i] == Byte.backtick {
            run += 1
            i += 1
        }
        while i < end, bytes[i] != Byte.newline {
            if bytes[i] == Byte.backtick {
                var closeRun = 0
                while i < end, bytes[i] == Byte.backtick {
                    closeRun += 1
                    i += 1
                }
                if closeRun == run { return i }
            } else {
                i += 1
            }
        }
        return start + run
    }
}

extension Array {
    /// A copy whose storage holds its elements and no spare capacity (the array itself when it has none).
    func exactlySized() -> [Element] {
        if isEmpty { return [] }
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
