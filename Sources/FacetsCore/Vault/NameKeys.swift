/// The ways a link's target is compared with note names, in resolution order.
public enum NameKeys {
    /// The file-name cleaning rule of the vaults' generator: non-alphanumerics removed (spaces and `_` kept),
    /// spaces to `_`, lower case. "Mission-oriented innovation" → `missionoriented_innovation`.
    public static func cleaned(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar == " " || scalar == "_" {
                out.append("_")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Case-, `_`- and space-insensitive: "Public_Sector  innovation" and "public sector innovation" meet.
    public static func loose(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            if scalar == " " || scalar == "_" || scalar == "\t" || scalar == "-" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Targets that would leave the vault (`../x`, `/etc/passwd`, `~/x`) never resolve.
    public static func leavesVault(_ target: String) -> Bool {
        target.hasPrefix("/") || target.hasPrefix("~") || target.hasPrefix("\\")
            || target.split(separator: "/").contains("..") || target.split(separator: "\\").contains("..")
    }
}
