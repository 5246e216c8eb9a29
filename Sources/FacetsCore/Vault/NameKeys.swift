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
        guard hasDot else { return false } // no "." at all: no ".."
        return target.split(separator: "/").contains("..") || target.split(separator: "\\").contains("..")
    }

    /// Both keys computed on ASCII bytes (most names); nil when the name has non-ASCII characters.
    static func asciiKey(_ name: String, loose: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for b in name.utf8 {
            guard b < 0x80 else { return nil }
            let isSeparator = b == 0x20 || b == 0x5F || (loose && (b == 0x09 || b == 0x2D))
            if loose {
                if isSeparator {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(Byte.lower(b))
            } else if isSeparator {
                out.append(0x5F)
            } else if Byte.isLetter(b) || Byte.isDigit(b) {
                out.append(Byte.lower(b))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
