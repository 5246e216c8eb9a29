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
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            var k = 2
            while k < length {
                guard i + k < count, bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }
}
