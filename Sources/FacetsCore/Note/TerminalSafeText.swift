import CByteScan

/// Makes note text inert before it reaches a terminal: control characters, escape sequences, bidi
/// overrides and zero-width characters become visible placeholders, so a note can never drive the terminal.
public enum TerminalSafeText {
    /// `keepNewlines`: for multi-line CLI output, `\n` (and tabs as spaces) pass; everything else is replaced.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        // Multi-line output (`facets check`'s thousands of lines) passes as it is when its only controls
        // are the newlines it keeps, rather than being rebuilt scalar by scalar.
        guard keepNewlines ? needsSanitizingBesidesNewlines(text) : needsSanitizing(text) else { return text }
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

    /// The text without what `sanitize` would replace: for the screen buffer, the last line of defence,
    /// where text should have been sanitized already and anything left is dropped rather than drawn.
    public static func stripped(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) { out.append(scalar) }
        return String(out)
    }

    /// JSON text made as inert as `sanitize` makes text, and still valid JSON: a string holding a control
    /// decodes to its placeholder (`\u001b` → `␛`, a raw U+202E → `<U+202E>`), so a script that prints a
    /// decoded value cannot be driven by a note either. `\n` and `\t` escapes stay; nothing outside strings changes.
    public static func sanitizeJSON(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = json.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                guard let kind = scalars.next() else {
                    out.append(scalar)
                    break
                }
                switch kind {
                case "r": out.append(contentsOf: "␍".unicodeScalars)
                case "b": out.append(contentsOf: "␈".unicodeScalars)
                case "f": out.append(contentsOf: "␌".unicodeScalars)
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                    if let value = UInt32(hex, radix: 16), value != 0x0A, value != 0x09, let coded = Unicode.Scalar(value),
                        let replacement = placeholder(for: coded, keepNewlines: true)
                    {
                        out.append(contentsOf: replacement.unicodeScalars)
                    } else {
                        out.append(contentsOf: ("\\u" + hex).unicodeScalars)
                    }
                default:
                    out.append(scalar)
                    out.append(kind)
                }
            } else if scalar != "\n", isUnsafe(scalar), let replacement = placeholder(for: scalar, keepNewlines: true) {
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

    /// `needsSanitizing`, newlines allowed: on the bytes, where everything unsafe but a newline is a C0
    /// control, DEL, or starts with a lead byte of C2 (C1 controls, soft hyphen), D8 (U+061C), E2
    /// (U+200B...U+2069) or EF (U+FEFF); those lead bytes send the text to the exact check.
    static func needsSanitizingBesidesNewlines(_ text: String) -> Bool {
        var text = text
        let first = text.withUTF8 { utf8 -> UInt8? in
            guard let base = utf8.baseAddress else { return nil }
            let at = facets_next_maybe_unsafe(base, 0, utf8.count)
            return at < utf8.count ? utf8[at] : nil
        }
        guard let first else { return false }
        if first < 0x80 { return true }
        return text.unicodeScalars.contains { $0 != "\n" && isUnsafe($0) }
    }

    /// C0 and C1 controls, DEL, bidi overrides and isolates, zero-width and other invisible format characters.
    @inline(__always) public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
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
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v) ?? "?") }  // ␛ for ESC, ␇ for BEL, …
        if v == 0x7F { return "␡" }
        return "<U+\(String(v, radix: 16, uppercase: true))>"
    }
}
