import Foundation

/// Reads timestamp anchors and bare `[HH:MM:SS]` text from bytes, tolerating the variants real vaults hold:
/// `H:MM:SS`, `MM:SS`, four fields, a stray `]` inside `data-t`, empty anchor text, a broken class attribute.
enum TimestampSyntax {
    /// `d{1,2}(:d{1,2}){1,3}` starting at `i` (an optional leading `:` is skipped): the fields and the index after.
    static func time(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (fields: TimeFields, written: WrittenTime, next: Int)? {
        var i = start
        if i < end, bytes[i] == Byte.colon { i += 1 }
        var fields = TimeFields()
        let writtenStart = i
        while i < end, fields.count < 4 {
            var digits = 0
            var value = 0
            while i < end, Byte.isDigit(bytes[i]), digits < 3 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0, digits <= 2 else { return nil }
            fields.append(value)
            if i + 1 < end, bytes[i] == Byte.colon, Byte.isDigit(bytes[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        guard fields.count >= 2 else { return nil }
        if i < end, Byte.isDigit(bytes[i]) { return nil }
        let written = WrittenTime(UnsafeBufferPointer(rebasing: bytes[writtenStart..<i]))
        return (fields, written, i)
    }

    /// `<a class="yt-timestamp" data-t="`: how nearly every anchor starts, so worth a direct comparison.
    private static let canonicalPrefix: [UInt8] = Array(#"<a class="yt-timestamp" data-t=""#.utf8)

    /// The prefix's 32 bytes as four words, compared by four loads rather than a `memcmp` call per stamp
    /// (and one more for the repeated time): 790,000 stamps in a vault of 24,000 notes.
    private static let canonicalPrefixWords: (UInt64, UInt64, UInt64, UInt64) = canonicalPrefix.withUnsafeBytes { raw in
        (
            raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        )
    }

    /// The common anchor, read without the general search; nil when it is not one (the caller then
    /// takes the general path, which gives the same answer more slowly).
    @inline(__always)
    private static func canonicalAnchor(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int) -> (stamp: TimestampRef?, next: Int)?
    {
        let prefixCount = 32
        guard start + prefixCount < end, Byte.isDigit(bytes[start + prefixCount]), let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        func word(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        let prefix = canonicalPrefixWords
        guard word(start) == prefix.0, word(start + 8) == prefix.1, word(start + 16) == prefix.2, word(start + 24) == prefix.3
        else { return nil }
        let timeStart = start + prefixCount
        // `HH:MM:SS">[HH:MM:SS]</a>`, the shape nearly every stamp has, is read by position.
        if timeStart + 24 <= end, let fixed = twoDigitTime(bytes, at: timeStart), bytes[timeStart + 8] == 0x22,
            bytes[timeStart + 9] == Byte.greaterThan, bytes[timeStart + 10] == Byte.openBracket,
            word(timeStart) == word(timeStart + 11),
            bytes[timeStart + 19] == Byte.closeBracket, bytes[timeStart + 20] == Byte.lessThan, bytes[timeStart + 21] == Byte.slash,
            Byte.lower(bytes[timeStart + 22]) == 0x61, bytes[timeStart + 23] == Byte.greaterThan
        {
            return (TimestampRef(written: fixed, line: line), timeStart + 24)
        }
        guard let found = time(bytes, at: timeStart, end: end) else { return nil }
        var j = found.next
        while j + 3 < end, bytes[j] != Byte.newline {
            if bytes[j] == Byte.lessThan, bytes[j + 1] == Byte.slash, Byte.lower(bytes[j + 2]) == 0x61, bytes[j + 3] == Byte.greaterThan {
                return (TimestampRef(written: found.written, line: line), j + 4)
            }
            j += 1
        }
        return nil
    }

    /// `DD:DD:DD` followed by a non-digit, read by position (the caller checks bounds).
    @inline(__always)
    private static func twoDigitTime(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> WrittenTime? {
        let h1 = bytes[i] &- 0x30, h2 = bytes[i + 1] &- 0x30, m1 = bytes[i + 3] &- 0x30, m2 = bytes[i + 4] &- 0x30
        let s1 = bytes[i + 6] &- 0x30, s2 = bytes[i + 7] &- 0x30
        guard h1 < 10, h2 < 10, m1 < 10, m2 < 10, s1 < 10, s2 < 10, bytes[i + 2] == Byte.colon, bytes[i + 5] == Byte.colon,
            !Byte.isDigit(bytes[i + 8])
        else { return nil }
        return WrittenTime(twoDigitFields: (h1, h2), (m1, m2), (s1, s2))
    }

    /// An `<a …>…</a>` span on one line that cites a talk moment. `bytes[start]` is `<`.
    static func anchor(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int) -> (stamp: TimestampRef?, next: Int)? {
        guard start + 2 < end, bytes[start] == Byte.lessThan, Byte.lower(bytes[start + 1]) == 0x61,
            Byte.isSpace(bytes[start + 2])
        else { return nil }
        if let canonical = canonicalAnchor(bytes, at: start, end: end, line: line) { return canonical }
        // Find `</a>` before the line ends.
        var j = start + 3
        var close = -1
        var hasYT = false
        while j < end, bytes[j] != Byte.newline {
            if bytes[j] == Byte.lessThan, j + 3 < end, bytes[j + 1] == Byte.slash,
                Byte.lower(bytes[j + 2]) == 0x61, bytes[j + 3] == Byte.greaterThan
            {
                close = j
                break
            }
            if !hasYT, bytes[j] == 0x22 || bytes[j] == 0x27 || bytes[j] == Byte.space,
                j + 2 < end, Byte.lower(bytes[j + 1]) == 0x79, Byte.lower(bytes[j + 2]) == 0x74
            {
                hasYT = true  // a class value starting "yt" (yt-timestamp, yt_timestamp, the broken yt=)
            }
            if !hasYT, bytes[j] == 0x2D, j + 2 < end, Byte.lower(bytes[j + 1]) == 0x74, bytes[j + 2] == 0x3D,
                j > 3, Byte.lower(bytes[j - 1]) == 0x61, Byte.lower(bytes[j - 4]) == 0x64
            {
                hasYT = true  // data-t=
            }
            j += 1
        }
        guard close >= 0 else { return nil }
        let next = close + 4
        guard hasYT else { return (nil, next) }
        var k = start + 3
        while k < close {
            if Byte.isDigit(bytes[k]) {
                if let found = time(bytes, at: k, end: close) {
                    return (TimestampRef(written: found.written, line: line), next)
                }
                // Not a time here: skip the whole number, never retry from its middle.
                while k < close, Byte.isDigit(bytes[k]) || bytes[k] == Byte.colon { k += 1 }
                continue
            }
            k += 1
        }
        return (nil, next)
    }

    /// Bare `[00:01:02]` text outside an anchor; `bytes[start]` is `[`. Not a Markdown link `[..](..)`.
    static func bare(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, line: Int) -> (stamp: TimestampRef, next: Int)? {
        guard start + 1 < end, bytes[start] == Byte.openBracket, Byte.isDigit(bytes[start + 1]),
            let found = time(bytes, at: start + 1, end: end),
            found.next < end, bytes[found.next] == Byte.closeBracket
        else { return nil }
        let next = found.next + 1
        if next < end, bytes[next] == 0x28 { return nil }  // "(": a Markdown link
        return (TimestampRef(written: found.written, line: line), next)
    }
}
