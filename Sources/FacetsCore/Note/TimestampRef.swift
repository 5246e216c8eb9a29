/// A moment in a talk that a note cites, from `<a class="yt-timestamp" data-t="…">` or bare `[00:01:02]` text.
public struct TimestampRef: Sendable, Hashable {
    /// The numeric fields and the text as written, held inline: a vault cites millions of moments, and a
    /// string and an array each would be allocations each (this way the type holds no reference at all).
    private var fields: TimeFields
    private var writtenText: WrittenTime
    /// 1-based line in the file.
    public var line: Int

    public init(written: String, parts: [Int], line: Int = 0) {
        self.writtenText = WrittenTime(Array(written.utf8))
        self.fields = TimeFields(parts)
        self.line = line
    }

    init(written: WrittenTime, fields: TimeFields, line: Int) {
        self.writtenText = written
        self.fields = fields
        self.line = line
    }

    /// The time as written (digits and colons only), e.g. `00:07:27` or `02:50:00`.
    public var written: String { writtenText.string }

    /// The numeric fields as written, most significant first.
    public var parts: [Int] { fields.array }
    /// How many fields were written (2 to 4).
    public var fieldCount: Int { fields.count }

    /// Seconds when the fields are read at face value: `M:S`, `H:M:S`, or `H:M:S:F` (the fourth field is dropped).
    public var literalSeconds: Int {
        let f = fields
        switch f.count {
        case 0: return 0
        case 1: return f[0]
        case 2: return f[0] * 60 + f[1]
        default: return f[0] * 3600 + f[1] * 60 + f[2]
        }
    }

    /// `MM:SS:00`, a way some notes write minutes and seconds: three fields ending in `00` with a non-zero first.
    /// Whether it really means minutes depends on the talk's length (see `TimestampReading`).
    public var mayBeMinutesWrittenAsHours: Bool {
        fields.count == 3 && fields[2] == 0 && fields[0] > 0
    }

    /// Whether the first field is above zero (`00:B:C` reads the same either way).
    public var startsAboveZero: Bool { fields.count > 0 && fields[0] > 0 }

    /// Seconds under the minutes reading: `MM:SS:00` is `MM*60 + SS`.
    public var minutesReadingSeconds: Int {
        fields.count >= 2 ? fields[0] * 60 + fields[1] : literalSeconds
    }

    /// `1:02:03` style text for a number of seconds.
    public static func format(seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(h)):\(two(m)):\(two(s))"
    }
}

/// Up to four small numbers, stored without an allocation.
struct TimeFields: Sendable, Hashable {
    private var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0
    private(set) var count: Int = 0

    init() {}

    init(_ values: [Int]) {
        for value in values.prefix(4) { append(value) }
    }

    mutating func append(_ value: Int) {
        let v = Int32(clamping: value)
        switch count {
        case 0: a = v
        case 1: b = v
        case 2: c = v
        case 3: d = v
        default: return
        }
        count += 1
    }

    subscript(index: Int) -> Int {
        switch index {
        case 0: return Int(a)
        case 1: return Int(b)
        case 2: return Int(c)
        default: return Int(d)
        }
    }

    var array: [Int] { (0..<count).map { self[$0] } }
}

/// Up to fifteen digits and colons packed four bits each, with the count in the top four bits.
struct WrittenTime: Sendable, Hashable {
    private var packed: UInt64 = 0

    /// Digits and colons only; anything else, or more than fifteen, is dropped.
    init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var count: UInt64 = 0
        for byte in bytes where count < 15 {
            let code: UInt64
            if Byte.isDigit(byte) { code = UInt64(byte - 0x30) } else if byte == Byte.colon { code = 10 } else { continue }
            packed |= code << (4 * count)
            count += 1
        }
        packed |= count << 60
    }

    /// `HH:MM:SS` from its digit values, packed directly (the loader's common case).
    init(twoDigitFields hours: (UInt8, UInt8), _ minutes: (UInt8, UInt8), _ seconds: (UInt8, UInt8)) {
        packed = UInt64(hours.0) | UInt64(hours.1) << 4 | 10 << 8 | UInt64(minutes.0) << 12 | UInt64(minutes.1) << 16
            | 10 << 20 | UInt64(seconds.0) << 24 | UInt64(seconds.1) << 28 | 8 << 60
    }

    var count: Int { Int(packed >> 60) }

    var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for index in 0..<count {
            let code = UInt8((packed >> (4 * UInt64(index))) & 0xF)
            bytes.append(code == 10 ? Byte.colon : 0x30 + code)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
