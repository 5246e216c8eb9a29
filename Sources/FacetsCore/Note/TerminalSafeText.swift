/// Makes note text inert before it reaches a terminal: control characters, escape sequences, bidi
/// overrides and zero-width characters become visible placeholders, so a note can never drive the terminal.
public enum TerminalSafeText {
    /// `keepNewlines`: for multi-line CLI output, `\n` (and tabs as spaces) pass; everything else is replaced.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        guard needsSanitizing(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = placeholder(for: scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Cheap pre-check: most text has nothing to replace.
    public static func needsSanitizing(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where isUnsafe(scalar) { return true }
        return false
    }

    @inline(__always) static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || (v >= 0x200B && v <= 0x200F)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x2060 || v == 0xFEFF
            || v == 0x061C || v == 0x00AD
    }

    static func placeholder(for scalar: Unicode.Scalar, keepNewlines: Bool) -> String? {
        let v = scalar.value
        guard isUnsafe(scalar) else { return nil }
        if v == 0x0A { return keepNewlines ? nil : " " }
        if v == 0x09 { return " " }
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v) ?? "?") } // ␛ for ESC, ␇ for BEL, …
        if v == 0x7F { return "␡" }
        return "<U+\(String(v, radix: 16, uppercase: true))>"
    }
}
