import CByteScan

/// Finds the first invalid UTF-8 sequence in a note's bytes, by the same rules Swift decodes with
/// (no overlongs, no surrogates, nothing past U+10FFFF). Notes are mostly ASCII, so it skips ASCII
/// sixteen bytes at a time: far cheaper than building a String just to learn whether it needed repair.
enum UTF8Check {
    /// The offset of the first byte that is not valid UTF-8, or nil when all of it is valid.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            i += facets_ascii_run(base, i, count)
            guard i < count else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let (length, scalar) = decode(bytes, at: i)
            guard scalar != nil else { return i }
            i += length
        }
        return nil
    }

    /// The scalar whose encoding starts at `i` (a non-ASCII lead byte) and its length; for ill-formed bytes,
    /// nil and the length of the ill-formed stretch there as Swift's decoding replaces it with one U+FFFD
    /// (Unicode's "maximal subpart": the lead byte and the continuation bytes that could still follow it).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (count: Int, value: UInt32?) {
        let lead = bytes[i]
        let continuations: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0:
            continuations = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuations = 2
        case 0xED:
            continuations = 2
            high = 0x9F
        case 0xF0:
            continuations = 3
            low = 0x90
        case 0xF1...0xF3: continuations = 3
        case 0xF4:
            continuations = 3
            high = 0x8F
        default: return (1, nil)
        }
        var value = UInt32(lead) & (continuations == 1 ? 0x1F : continuations == 2 ? 0x0F : 0x07)
        for k in 1...continuations {
            guard i + k < bytes.count else { return (k, nil) }
            let byte = bytes[i + k]
            guard byte >= (k == 1 ? low : 0x80), byte <= (k == 1 ? high : 0xBF) else { return (k, nil) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (continuations + 1, value)
    }
}
