/// Natural order, as file explorers sort names: case ignored and digit runs compared as numbers, so
/// "Talk 2" comes before "Talk 10". Worked out once per name as a key whose plain byte order is the
/// natural order (sorting 24,000 titles with a character-by-character comparison was too slow to load).
public enum NaturalOrder {
    /// The key: lower-cased UTF-8 with each digit run written as its length (one byte) then its digits
    /// without leading zeros.
    public static func key(_ name: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(name.lowercased().utf8)
        out.reserveCapacity(bytes.count + 4)
        var i = 0
        while i < bytes.count {
            guard Byte.isDigit(bytes[i]) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var start = i
            while i < bytes.count, Byte.isDigit(bytes[i]) { i += 1 }
            while start < i - 1, bytes[start] == 0x30 { start += 1 }
            // The length first: a longer number is larger. Lengths sort among the digits' own bytes.
            out.append(0x30 &+ UInt8(min(i - start, 0x4F)))
            out.append(contentsOf: bytes[start..<i])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `a` precedes `b` naturally (ties: byte order of the names, so the order is total).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (key(a), key(b))
        return x != y ? TextOrder.bytesPrecede(x, y) : TextOrder.bytesPrecede(a, b)
    }

    /// Indices of `names` in natural order (names the same but for case or leading zeros by their bytes,
    /// then by index, so the order never depends on where the names came from).
    public static func sortedIndices(_ names: [String]) -> [Int] {
        let keys = names.map(key)
        return TextOrder.sortedIndices(keys) { a, b in
            names[a] != names[b] ? TextOrder.bytesPrecede(names[a], names[b]) : a < b
        }
    }
}
