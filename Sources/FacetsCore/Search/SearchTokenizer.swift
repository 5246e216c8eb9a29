/// Where the tokenizer puts the words it finds: folded UTF-8 bytes, valid only during the call.
protocol TermSink {
    mutating func add(_ word: UnsafeBufferPointer<UInt8>)
}

/// Splits note text into folded words for the index, from UTF-8 bytes: letters and digits make words,
/// HTML tags are skipped, and one- or two-digit numbers (timestamp fields) are left out.
enum SearchTokenizer {
    /// Words longer than this (in UTF-8 bytes) are not indexed: base64 and URLs, not words.
    static let longestWord = 64

    /// Scans raw bytes, which may hold invalid UTF-8: each ill-formed stretch separates words, as the
    /// U+FFFD that decoding puts there would (the same maximal stretches Swift's decoding replaces), so
    /// a note's bytes give the words of its decoded text without decoding it.
    static func scan<Sink: TermSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestWord + 8) { word in
            scan(bytes, word: word, into: &sink)
        }
    }

    private static func scan<Sink: TermSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, word: UnsafeMutableBufferPointer<UInt8>,
        into sink: inout Sink
    ) {
        // `length` keeps counting past the buffer, so an over-long word is known and dropped whole.
        var length = 0
        var digitsOnly = true
        @inline(__always) func append(_ byte: UInt8) {
            if length < word.count { word[length] = byte }
            length += 1
        }
        @inline(__always) func flush() {
            if length > 0, !(digitsOnly && length <= 2), length <= longestWord {
                sink.add(UnsafeBufferPointer(rebasing: word[0..<length]))
            }
            length = 0
            digitsOnly = true
        }
        let end = bytes.count
        var i = 0
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if Byte.isLetter(b) {
                    append(b | 0x20)
                    digitsOnly = false
                    i += 1
                } else if Byte.isDigit(b) {
                    append(b)
                    i += 1
                } else if b == Byte.lessThan, i + 1 < end, Byte.isLetter(bytes[i + 1]) || bytes[i + 1] == Byte.slash {
                    flush()
                    var j = i + 1
                    while j < end, bytes[j] != Byte.greaterThan, bytes[j] != Byte.newline { j += 1 }
                    i = j + 1
                } else {
                    flush()
                    i += 1
                }
                continue
            }
            // A multi-byte scalar: decode, fold, keep if it is a letter or digit.
            let (count, value) = UTF8Check.decode(bytes, at: i)
            i += count
            guard let value, let scalar = Unicode.Scalar(value), TextFolding.isWordScalar(scalar) else {
                flush()
                continue
            }
            for byte in String(TextFolding.foldScalar(scalar, caseSensitive: false)).utf8 { append(byte) }
            digitsOnly = false
        }
        flush()
    }
}

/// Words collected as strings, for a text at a time.
struct TermSet: TermSink {
    var terms: Set<String>

    mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
        terms.insert(String(decoding: word, as: UTF8.self))
    }
}
