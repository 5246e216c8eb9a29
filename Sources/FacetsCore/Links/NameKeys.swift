import CByteScan

/// The ways a link's target is compared with note names, in resolution order.
public enum NameKeys {
    /// The file-name cleaning rule of the vaults' generator: non-alphanumerics removed (spaces and `_` kept),
    /// spaces to `_`, lower case. "Mission-oriented innovation" → `missionoriented_innovation`.
    public static func cleaned(_ name: String) -> String {
        if let ascii = asciiKey(name, loose: false) { return ascii }
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                if b == 0x20 || b == 0x5F {
                    out.unicodeScalars.append("_")
                } else if Byte.isLetter(b) || Byte.isDigit(b) {
                    out.unicodeScalars.append(Unicode.Scalar(Byte.lower(b)))
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Case-, `_`- and space-insensitive: "Public_Sector  innovation" and "public sector innovation" meet.
    public static func loose(_ name: String) -> String {
        if let ascii = asciiKey(name, loose: true) { return ascii }
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            if scalar == " " || scalar == "_" || scalar == "\t" || scalar == "-" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                if scalar.isASCII {
                    out.unicodeScalars.append(Unicode.Scalar(Byte.lower(UInt8(scalar.value))))
                } else {
                    out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return out
    }

    /// Targets that would leave the vault (`../x`, `/etc/passwd`, `~/x`) never resolve.
    public static func leavesVault(_ target: String) -> Bool {
        guard let first = target.utf8.first else { return false }
        if first == 0x2F || first == 0x5C { return true }
        if first == 0x7E, target == "~" || target.hasPrefix("~/") { return true }
        let hasDot = target.utf8.withContiguousStorageIfAvailable { $0.contains(0x2E) } ?? target.utf8.contains(0x2E)
        guard hasDot else { return false }  // no "." at all: no ".."
        return target.split(separator: "/").contains("..") || target.split(separator: "\\").contains("..")
    }

    /// `cleaned` of a name's bytes, written into `out` (room for as many bytes as the name has); the
    /// key's length, or nil when the name is not ASCII. For tables built from paths without making a
    /// String of each or growing an array byte by byte.
    static func cleanedASCII(_ name: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        precondition(out.count >= name.count, "NameKeys.cleanedASCII: no room for the key")
        // A name of letters, digits and separators only (a generated vault's stems) maps byte for byte.
        if let input = name.baseAddress, let output = out.baseAddress, facets_cleaned_ascii_map(input, name.count, output) != 0 {
            return name.count
        }
        var count = 0
        for b in name {
            if b >= 0x80 { return nil }
            if b == 0x20 || b == 0x5F {
                out[count] = 0x5F
                count += 1
            } else if Byte.isLetter(b) || Byte.isDigit(b) {
                out[count] = Byte.lower(b)
                count += 1
            }
        }
        return count
    }

    /// Both keys computed on ASCII bytes (most names), written straight into the new string's storage;
    /// nil when the name has non-ASCII characters.
    static func asciiKey(_ name: String, loose: Bool) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            if loose { return looseASCII(bytes) }
            for b in bytes where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                for b in bytes {
                    let isSeparator = b == 0x20 || b == 0x5F || (loose && (b == 0x09 || b == 0x2D))
                    if loose {
                        if isSeparator {
                            pendingSpace = count > 0
                            continue
                        }
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = Byte.lower(b)
                        count += 1
                    } else if isSeparator {
                        out[count] = 0x5F
                        count += 1
                    } else if Byte.isLetter(b) || Byte.isDigit(b) {
                        out[count] = Byte.lower(b)
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// `loose` of ASCII bytes, nil when they are not all ASCII. Without a branch per byte: a load makes
    /// two keys per note (stem and title), and in titles, where every sixth byte or so is a space, a
    /// branch on each separator mispredicts.
    static func looseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var seen: UInt8 = 0
        let key = String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
            guard let base = out.baseAddress, let input = bytes.baseAddress else { return 0 }
            // Most names: one separator between words, none at the ends; the key maps them byte for byte.
            if facets_loose_ascii_map(input, bytes.count, base) != 0 { return bytes.count }
            var count = 0
            var pendingSpace = 0
            for b in bytes {
                seen |= b
                // 1 for a separator (space, `_`, tab, `-`), else 0.
                let separator = Int(truncatingIfNeeded: (b == 0x20) || (b == 0x5F) || (b == 0x09) || (b == 0x2D) ? 1 : 0)
                // A pending space lands before the next character; a separator's own writes are overwritten,
                // and never reach past `bytes.count`: each space stands for a separator already passed.
                base[count] = 0x20
                count += pendingSpace & (1 - separator)
                let upper = UInt8(truncatingIfNeeded: b &- 0x41) < 26 ? UInt8(0x20) : 0
                base[count] = b | upper
                count += 1 - separator
                pendingSpace = separator & (count > 0 ? 1 : 0)
            }
            return count
        }
        return seen < 0x80 ? key : nil
    }
}
