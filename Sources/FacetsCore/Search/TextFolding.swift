/// Folding for search: accents removed (`é` → `e`), and case folded unless the search is case-sensitive.
/// One folded scalar per Character, so match positions map straight back to the original text.
public enum TextFolding {
    /// The folded scalars of a text, one per Character.
    public static func fold(_ text: String, caseSensitive: Bool = false) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            out.append(fold(character, caseSensitive: caseSensitive))
        }
        return out
    }

    public static func fold(_ character: Character, caseSensitive: Bool) -> Unicode.Scalar {
        let first = character.unicodeScalars.first ?? " "
        if first.isASCII {
            guard !caseSensitive, first.value >= 0x41, first.value <= 0x5A else { return first }
            return Unicode.Scalar(first.value | 0x20) ?? first
        }
        return foldScalar(first, caseSensitive: caseSensitive)
    }

    /// A non-ASCII scalar: its canonical decomposition's base letter, lower-cased unless case-sensitive.
    static func foldScalar(_ scalar: Unicode.Scalar, caseSensitive: Bool) -> Unicode.Scalar {
        var base = scalar
        if let decomposed = CanonicalDecomposition.base(of: scalar) { base = decomposed }
        if !caseSensitive, let lower = base.properties.lowercaseMapping.unicodeScalars.first { base = lower }
        return base
    }

    /// Whether a query asks for case-sensitive matching (smart case: it contains a capital).
    public static func isCaseSensitive(_ query: String) -> Bool {
        query.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// Letters and digits make words; everything else separates them.
    @inline(__always) public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The words of a text, folded (for the index and for queries).
    public static func words(_ text: String, caseSensitive: Bool = false) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in fold(text, caseSensitive: caseSensitive) {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}

/// Latin letters with diacritics to their base letter, without Foundation: covers Latin-1, Latin
/// Extended-A/B and common Vietnamese forms; other scalars stay as they are.
enum CanonicalDecomposition {
    static func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        guard v >= 0xC0, v < 0x2000 else { return nil }
        if let mapped = table[v] { return Unicode.Scalar(mapped) }
        return nil
    }

    static let table: [UInt32: UInt32] = {
        var t: [UInt32: UInt32] = [:]
        func map(_ letters: String, to base: Character) {
            for s in letters.unicodeScalars { t[s.value] = base.unicodeScalars.first!.value }
        }
        map("ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦẠẢẤẦẨẪẬẮẰẲẴẶ", to: "A")
        map("àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ", to: "a")
        map("ÇĆĈĊČ", to: "C")
        map("çćĉċč", to: "c")
        map("ĎĐ", to: "D")
        map("ďđ", to: "d")
        map("ÈÉÊËĒĔĖĘĚȄȆȨẸẺẼẾỀỂỄỆ", to: "E")
        map("èéêëēĕėęěȅȇȩẹẻẽếềểễệ", to: "e")
        map("ĜĞĠĢǦǴ", to: "G")
        map("ĝğġģǧǵ", to: "g")
        map("ĤĦȞ", to: "H")
        map("ĥħȟ", to: "h")
        map("ÌÍÎÏĨĪĬĮİǏȈȊỈỊ", to: "I")
        map("ìíîïĩīĭįıǐȉȋỉị", to: "i")
        map("Ĵ", to: "J")
        map("ĵǰ", to: "j")
        map("ĶǨ", to: "K")
        map("ķǩ", to: "k")
        map("ĹĻĽĿŁ", to: "L")
        map("ĺļľŀł", to: "l")
        map("ÑŃŅŇǸ", to: "N")
        map("ñńņňǹ", to: "n")
        map("ÒÓÔÕÖØŌŎŐƠǑǪǬȌȎȪȬȮȰỌỎỐỒỔỖỘỚỜỞỠỢ", to: "O")
        map("òóôõöøōŏőơǒǫǭȍȏȫȭȯȱọỏốồổỗộớờởỡợ", to: "o")
        map("ŔŖŘȐȒ", to: "R")
        map("ŕŗřȑȓ", to: "r")
        map("ŚŜŞŠȘ", to: "S")
        map("śŝşšș", to: "s")
        map("ŢŤŦȚ", to: "T")
        map("ţťŧț", to: "t")
        map("ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖỤỦỨỪỬỮỰ", to: "U")
        map("ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự", to: "u")
        map("Ŵ", to: "W")
        map("ŵ", to: "w")
        map("ÝŸŶȲỲỴỶỸ", to: "Y")
        map("ýÿŷȳỳỵỷỹ", to: "y")
        map("ŹŻŽ", to: "Z")
        map("źżž", to: "z")
        return t
    }()
}
