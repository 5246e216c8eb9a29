/// Where keys and values sit in a TOML text. TOMLKit gives line and column only for syntax errors, so
/// for a wrong value, an unknown key or a clash the parser asks this: a line scanner for the TOML a
/// config file holds (table headers, bare, quoted and dotted keys, arrays over several lines).
/// It mostly reads text TOMLKit has accepted; the one thing it judges is `malformedHeader`.
struct TOMLLocator {
    struct Position: Equatable, Sendable {
        var line: Int
        /// Nil when only the line is known.
        var column: Int?
    }

    /// A value's text on one line, from where it starts on that line.
    private struct Fragment {
        var line: Int
        var column: Int
        var scalars: [Unicode.Scalar]
    }

    private var keys: [[String]: Position] = [:]
    private var values: [[String]: [Fragment]] = [:]
    /// The first of the few mistakes toml++ asserts on instead of reporting (it aborts in debug builds and
    /// assumes them away in release), so the parser reports them itself before TOMLKit runs: a table
    /// header whose name starts with a character no key can start with (`[é]`, `[=]`) or a line break,
    /// an array with `}` where a value belongs (`[1, }]`), and the line separators U+0085, U+2028, U+2029.
    private(set) var malformed: (position: Position, problem: String)?

    init(_ text: String) {
        // Split by scalars: as Characters, "\r\n" is one and never equals "\n".
        let raw = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = raw.map { line -> [Unicode.Scalar] in
            var scalars = Array(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
        }
        for (index, line) in lines.enumerated() {
            if let column = line.firstIndex(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                malformed = (
                    Position(line: index + 1, column: column + 1),
                    "the line separator U+\(Self.hex4(line[column].value)) is not allowed (not even in a comment)"
                )
                break
            }
        }
        var table: [String] = []
        var number = 0
        while number < lines.count {
            let line = lines[number]
            number += 1
            var i = Self.skipSpaces(line, from: 0)
            guard i < line.count, line[i] != "#" else { continue }
            if line[i] == "[" {
                let arrayOfTables = i + 1 < line.count && line[i + 1] == "["
                let nameStart = Self.skipSpaces(line, from: i + (arrayOfTables ? 2 : 1))
                if malformed == nil {
                    let atEnd = nameStart >= line.count
                    let brokenLine = atEnd && (number < lines.count || raw[number - 1].last == "\r")
                    if brokenLine || (!atEnd && !Self.canStartHeaderName(line[nameStart])) {
                        let saw = atEnd ? "the end of the line" : "'\(Character(line[nameStart]))'"
                        malformed = (
                            Position(line: number, column: nameStart + 1),
                            "a table name starts with a letter, digit, _, - or a quote; saw \(saw)"
                        )
                    }
                }
                let (parts, _) = Self.parseKey(line, from: i + (arrayOfTables ? 2 : 1))
                table = parts
                if keys[parts] == nil { keys[parts] = Position(line: number, column: i + 1) }
                continue
            }
            let (parts, end) = Self.parseKey(line, from: i)
            i = Self.skipSpaces(line, from: end)
            guard !parts.isEmpty, i < line.count, line[i] == "=" else { continue }
            let path = table + parts
            if keys[path] == nil { keys[path] = Position(line: number, column: Self.skipSpaces(line, from: 0) + 1) }
            let start = Self.skipSpaces(line, from: i + 1)
            var fragments = [Fragment(line: number, column: start + 1, scalars: Array(line[min(start, line.count)...]))]
            var scan = ValueScan()
            scan.read(fragments[0].scalars, number: number, column: start + 1)
            // An array or a multi-line string goes on until its brackets or quotes close.
            while scan.continues, number < lines.count {
                fragments.append(Fragment(line: number + 1, column: 1, scalars: lines[number]))
                scan.read(lines[number], number: number + 1, column: 1)
                number += 1
            }
            if malformed == nil, let brace = scan.closingBraceInArray { malformed = (brace, "'}' where an array value belongs") }
            if values[path] == nil { values[path] = fragments }
        }
    }

    /// Where the key at `path` is defined; else its nearest defined ancestor; else line 1.
    func position(of path: [String]) -> Position {
        var path = path
        while !path.isEmpty {
            if let found = keys[path] { return found }
            path.removeLast()
        }
        return Position(line: 1, column: nil)
    }

    /// Where the string `value` is written inside the value of `path` (an element of a key list).
    func position(ofString value: String, in path: [String]) -> Position? {
        let forms = [Array(TOMLText.string(value).unicodeScalars), Array(("'" + value + "'").unicodeScalars)]
        for fragment in values[path] ?? [] {
            for form in forms {
                if let offset = Self.find(form, in: fragment.scalars) {
                    return Position(line: fragment.line, column: fragment.column + offset)
                }
            }
        }
        return nil
    }

    // MARK: Scanning

    /// Brackets and strings of a value, followed across lines.
    private struct ValueScan {
        /// The open `[` and `{`, innermost last.
        var open: [Unicode.Scalar] = []
        var multiline: [Unicode.Scalar]?
        /// Just after `[` or a `,` in an array: the next thing must be a value or `]`.
        var expectingArrayValue = false
        /// An array holding `}` where a value belongs, which toml++ asserts on instead of reporting.
        var closingBraceInArray: Position?

        var continues: Bool { !open.isEmpty || multiline != nil }

        /// Reads one line of the value; `column` is where `line` starts in the file's line `number`.
        mutating func read(_ line: [Unicode.Scalar], number: Int, column: Int) {
            var i = 0
            while i < line.count {
                if let closing = multiline {
                    if TOMLLocator.matches(closing, in: line, at: i) {
                        multiline = nil
                        i += closing.count
                    } else {
                        i += line[i] == "\\" && closing == ["\"", "\"", "\""] ? 2 : 1
                    }
                    continue
                }
                let c = line[i]
                if c == " " || c == "\t" {
                    i += 1
                    continue
                }
                if c == "#" { return }
                if expectingArrayValue, c == "}", closingBraceInArray == nil {
                    closingBraceInArray = Position(line: number, column: column + i)
                }
                expectingArrayValue = false
                if c == "\"" || c == "'" {
                    let triple = [c, c, c]
                    if TOMLLocator.matches(triple, in: line, at: i) {
                        multiline = triple
                        i += 3
                        continue
                    }
                    i = TOMLLocator.endOfString(line, from: i) + 1
                    continue
                }
                if c == "[" || c == "{" { open.append(c) }
                if c == "]" || c == "}" { _ = open.popLast() }
                if c == "[" || (c == "," && open.last == "[") { expectingArrayValue = true }
                i += 1
            }
        }
    }

    /// A key path (`a."b c".d`) starting at `from`, and where it ends.
    static func parseKey(_ line: [Unicode.Scalar], from start: Int) -> (parts: [String], end: Int) {
        var parts: [String] = []
        var i = start
        while true {
            i = skipSpaces(line, from: i)
            guard i < line.count else { break }
            let c = line[i]
            if c == "\"" || c == "'" {
                let end = endOfString(line, from: i)
                parts.append(unquote(Array(line[(i + 1)..<min(end, line.count)]), basic: c == "\""))
                i = end + 1
            } else {
                var part = String.UnicodeScalarView()
                while i < line.count, isBareKeyScalar(line[i]) {
                    part.append(line[i])
                    i += 1
                }
                guard !part.isEmpty else { break }
                parts.append(String(part))
            }
            let next = skipSpaces(line, from: i)
            guard next < line.count, line[next] == "." else {
                i = next
                break
            }
            i = next + 1
        }
        return (parts, i)
    }

    /// The index of the quote closing the string that opens at `from` (or the line's end).
    static func endOfString(_ line: [Unicode.Scalar], from start: Int) -> Int {
        let quote = line[start]
        var i = start + 1
        while i < line.count {
            if quote == "\"", line[i] == "\\" {
                i += 2
                continue
            }
            if line[i] == quote { return i }
            i += 1
        }
        return line.count
    }

    static func unquote(_ scalars: [Unicode.Scalar], basic: Bool) -> String {
        guard basic else { return String(String.UnicodeScalarView(scalars)) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\\", i + 1 < scalars.count {
                switch scalars[i + 1] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(scalars[i + 1])
                }
                i += 2
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// What toml++ accepts first in a table header: a bare-key character, a quote, or `]` (which it
    /// reports as a blank name).
    static func canStartHeaderName(_ s: Unicode.Scalar) -> Bool {
        isBareKeyScalar(s) || s == "\"" || s == "'" || s == "]"
    }

    static func isBareKeyScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-")
    }

    static func skipSpaces(_ line: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
        return i
    }

    static func matches(_ needle: [Unicode.Scalar], in line: [Unicode.Scalar], at index: Int) -> Bool {
        index + needle.count <= line.count && Array(line[index..<(index + needle.count)]) == needle
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { matches(needle, in: haystack, at: $0) }
    }
}
