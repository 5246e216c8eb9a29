/// A moment in a talk that a note cites, from `<a class="yt-timestamp" data-t="…">` or bare `[00:01:02]` text.
public struct TimestampRef: Sendable, Hashable {
    /// The text as written, packed into one word; the numeric fields are read back from it. A vault cites
    /// millions of moments: at 16 bytes a stamp (no string, no array, no reference) 1.3 million of them
    /// take 20 MB, where fields, text and a full-width line took 51 MB and the page faults to fill them.
    private var writtenText: WrittenTime
    private var storedLine: Int32

    /// 1-based line in the file (notes are at most 8 MiB, so a line number fits 32 bits).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// A stamp as written: digits and colons, e.g. `00:07:27` (other characters are dropped).
    public init(written: String, line: Int = 0) {
        self.writtenText = WrittenTime(Array(written.utf8))
        self.storedLine = Int32(clamping: line)
    }

    init(written: WrittenTime, line: Int) {
        self.writtenText = written
        self.storedLine = Int32(clamping: line)
    }

    private var fields: TimeFields { writtenText.fields }
    /// The numeric fields as written, decoded (for passes over many stamps).
    var timeFields: TimeFields { writtenText.fields }

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

/// The little a vault needs of a note's timestamps to read them all (see `TimestampReading`): found on
/// the loader's threads, note by note, so working out talk lengths does not walk a million stamps again.
struct TimestampSummary: Sendable {
    /// The latest three-field stamp read literally, in seconds (0 when there is none).
    let latestThreeField: Int
    /// Whether any stamp has four fields (`facets check` warns about each).
    let hasFourFields: Bool

    init(_ stamps: [TimestampRef]) {
        var latest = 0
        var four = false
        for stamp in stamps {
            // The fields decoded once per stamp: a vault has a million of them.
            let fields = stamp.timeFields
            switch fields.count {
            case 3: latest = max(latest, fields[0] * 3600 + fields[1] * 60 + fields[2])
            case 4: four = true
            default: break
            }
        }
        latestThreeField = latest
        hasFourFields = four
    }
}

/// Up to four small numbers, stored without an allocation.
struct TimeFields: Sendable, Hashable {
    private var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0
    private(set) var count: Int = 0

    init() {}

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
    /// The 64 bits in two 32-bit halves: aligned to four bytes, a stamp with its line takes 12 bytes, not
    /// 16 (a vault's 800,000 stamps are 3 MB less).
    private var low: UInt32 = 0
    private var high: UInt32 = 0

    private var packed: UInt64 {
        get { UInt64(high) << 32 | UInt64(low) }
        set {
            low = UInt32(truncatingIfNeeded: newValue)
            high = UInt32(truncatingIfNeeded: newValue >> 32)
        }
    }

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
        packed =
            UInt64(hours.0) | UInt64(hours.1) << 4 | 10 << 8 | UInt64(minutes.0) << 12 | UInt64(minutes.1) << 16
            | 10 << 20 | UInt64(seconds.0) << 24 | UInt64(seconds.1) << 28 | 8 << 60
    }

    var count: Int { Int(packed >> 60) }

    /// The count and the two colons of `DD:DD:DD` (the digits themselves are always below 10).
    private static let shapeMask: UInt64 = 0xF << 60 | 0xF << 20 | 0xF << 8
    private static let twoDigitShape: UInt64 = 8 << 60 | 10 << 20 | 10 << 8

    /// Whether the six digit places of `DD:DD:DD` hold digits (text given to `init` may put colons there).
    private static func digitNibblesBelowTen(_ packed: UInt64) -> Bool {
        var shift: UInt64 = 0
        while shift < 32 {
            if shift != 8, shift != 20, (packed >> shift) & 0xF >= 10 { return false }
            shift += 4
        }
        return true
    }

    /// The numbers between the colons, most significant first (at most four kept).
    var fields: TimeFields {
        var fields = TimeFields()
        // `DD:DD:DD`, nearly every stamp, by position.
        if packed & Self.shapeMask == Self.twoDigitShape, Self.digitNibblesBelowTen(packed) {
            func digits(_ shift: UInt64) -> Int { Int((packed >> shift) & 0xF) * 10 + Int((packed >> (shift + 4)) & 0xF) }
            fields.append(digits(0))
            fields.append(digits(12))
            fields.append(digits(24))
            return fields
        }
        var value = 0
        var digits = 0
        for index in 0..<count {
            let code = Int((packed >> (4 * UInt64(index))) & 0xF)
            if code == 10 {
                if digits > 0 { fields.append(value) }
                value = 0
                digits = 0
            } else {
                value = value * 10 + code
                digits += 1
            }
        }
        if digits > 0 { fields.append(value) }
        return fields
    }

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
