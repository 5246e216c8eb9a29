/// The low-level shape of the prebuilt form: integers as decimal digits closed by `;`, texts as their
/// UTF-8 length, `:`, then the bytes. Plain text, so the build step can hold it in a Swift string
/// literal; length-prefixed, so no character of a note needs escaping and reading never searches.
struct PrebuiltWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        bytes += String(value).utf8
        bytes.append(0x3B)
    }

    mutating func flag(_ value: Bool) { int(value ? 1 : 0) }

    mutating func text(_ value: String) {
        let utf8 = Array(value.utf8)
        bytes += String(utf8.count).utf8
        bytes.append(0x3A)
        bytes += utf8
    }

    /// A marker byte (a value's kind), written as is.
    mutating func tag(_ byte: UInt8) { bytes.append(byte) }
}

/// Reads what `PrebuiltWriter` wrote. Every read checks its bounds and returns nil on anything
/// unexpected, so a damaged form falls back to parsing rather than crashing.
struct PrebuiltReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? { number(closedBy: 0x3B) }

    mutating func flag() -> Bool? {
        switch int() {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    mutating func text() -> String? {
        guard let count = number(closedBy: 0x3A), count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func tag() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Decimal digits, an optional leading `-`, then `end`.
    private mutating func number(closedBy end: UInt8) -> Int? {
        var negative = false
        if offset < bytes.count, bytes[offset] == 0x2D {
            negative = true
            offset += 1
        }
        var value = 0
        var digits = 0
        while offset < bytes.count, bytes[offset] != end {
            let byte = bytes[offset]
            guard byte >= 0x30, byte <= 0x39, digits < 18 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            offset += 1
        }
        guard digits > 0, offset < bytes.count else { return nil }
        offset += 1
        return negative ? -value : value
    }
}
