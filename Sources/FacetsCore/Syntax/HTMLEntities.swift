/// Decodes the HTML entities notes use (`&amp;`, `&#39;`, `&#x2014;`, `&nbsp;`, …).
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
        "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "deg": "°", "times": "×",
        "middot": "·", "bull": "•", "larr": "←", "rarr": "→", "eacute": "é", "egrave": "è",
        "aacute": "á", "oacute": "ó", "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç", "szlig": "ß",
    ]

    /// The text an entity starting at `bytes[start]` (`&`) stands for, and the index after its `;`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (String, Int)? {
        var i = start + 1
        var name: [UInt8] = []
        while i < end, i - start <= 10, bytes[i] != 0x3B {
            let b = bytes[i]
            guard Byte.isLetter(b) || Byte.isDigit(b) || b == Byte.hash else { return nil }
            name.append(b)
            i += 1
        }
        guard i < end, bytes[i] == 0x3B, !name.isEmpty else { return nil }
        let key = String(decoding: name, as: UTF8.self)
        if key.hasPrefix("#") {
            let digits = key.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), i + 1)
        }
        guard let text = named[key] else { return nil }
        return (text, i + 1)
    }
}
