/// A 64-bit summary of which characters a folded text holds: a query can only match a name in order
/// if every one of its characters is in the name, so one AND rules out most names before the fuzzy
/// scorer runs. ASCII letters and digits have a bit each; other scalars share the rest by value.
struct ScalarMask: Sendable, Equatable {
    private(set) var bits: UInt64 = 0

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { bits |= Self.bit(scalar) }
    }

    /// Whether every character of `other` is also here (a necessary condition for `other` to be a subsequence).
    @inline(__always) func covers(_ other: ScalarMask) -> Bool { other.bits & ~bits == 0 }

    @inline(__always) static func bit(_ scalar: Unicode.Scalar) -> UInt64 {
        let value = scalar.value
        switch value {
        case 0x61...0x7A: return 1 << UInt64(value - 0x61)
        case 0x41...0x5A: return 1 << UInt64(value - 0x41 + 26)
        case 0x30...0x39: return 1 << UInt64(52 + (value - 0x30) % 6)
        default: return 1 << UInt64(58 + value % 6)
        }
    }
}
