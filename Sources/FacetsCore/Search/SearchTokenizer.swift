/// Splits note text into folded words for the index, from UTF-8 bytes: letters and digits make words,
/// HTML tags are skipped, and one- or two-digit numbers (timestamp fields) are left out.
enum SearchTokenizer {
    static func terms<S: StringProtocol>(of text: S, into terms: inout Set<String>) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { scan($0, into: &terms) }
        if done == nil {
            var copy = String(text)
            copy.makeContiguousUTF8()
            copy.utf8.withContiguousStorageIfAvailable { scan($0, into: &terms) }
        }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into terms: inout Set<String>) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var digitsOnly = true
        func flush() {
            if !word.isEmpty {
                if !(digitsOnly && word.count <= 2), word.count <= 64 {
                    terms.insert(String(decoding: word, as: UTF8.self))
                }
                word.removeAll(keepingCapacity: true)
            }
            digitsOnly = true
        }
        let end = bytes.count
        var i = 0
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if Byte.isLetter(b) {
                    word.append(b | 0x20)
                    digitsOnly = false
                    i += 1
                } else if Byte.isDigit(b) {
                    word.append(b)
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
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard i + length <= end else { flush(); break }
            var value: UInt32 = length == 2 ? UInt32(b & 0x1F) : length == 3 ? UInt32(b & 0x0F) : length == 4 ? UInt32(b & 0x07) : 0xFFFD
            for k in 1..<max(1, length) { value = (value << 6) | UInt32(bytes[i + k] & 0x3F) }
            i += length
            guard let scalar = Unicode.Scalar(value), TextFolding.isWordScalar(scalar) else {
                flush()
                continue
            }
            let folded = TextFolding.foldScalar(scalar, caseSensitive: false)
            word.append(contentsOf: String(folded).utf8)
            digitsOnly = false
        }
        flush()
    }
}
