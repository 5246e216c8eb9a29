import Foundation

/// ASCII byte tests used by the byte-level scanners; notes are parsed from UTF-8 bytes, not Characters.
enum Byte {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let openBracket: UInt8 = 0x5B  // [
    static let closeBracket: UInt8 = 0x5D  // ]
    static let pipe: UInt8 = 0x7C  // |
    static let hash: UInt8 = 0x23  // #
    static let bang: UInt8 = 0x21  // !
    static let lessThan: UInt8 = 0x3C  // <
    static let greaterThan: UInt8 = 0x3E  // >
    static let colon: UInt8 = 0x3A  // :
    static let slash: UInt8 = 0x2F  // /
    static let backtick: UInt8 = 0x60  // `
    static let tilde: UInt8 = 0x7E  // ~

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Whether `bytes` hold `byte`, by `memchr`: `contains` walked a byte at a time, a nanosecond a
    /// byte, and a load asks it of every link's target.
    @inline(__always) static func occurs(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}

extension String {
    /// Builds a String from a byte slice, replacing invalid UTF-8.
    init(bytes: ArraySlice<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// Leading and trailing spaces, tabs and newlines removed.
    var trimmed: String {
        // Most strings start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
