/// Where keys and values sit in a TOML text. TOMLKit gives line and column only for syntax errors, so
/// for a wrong value, an unknown key or a clash the parser asks this: a line scanner for the TOML a
/// config file holds (table headers, bare, quoted and dotted keys, arrays over several lines).
/// It reads text TOMLKit has already accepted, so it need not judge it.
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

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var scalars = Array(line.unicodeScalars)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
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
            scan.read(fragments[0].scalars)
            // An array or a multi-line string goes on until its brackets or quotes close.
            while scan.continues, number < lines.count {
                fragments.append(Fragment(line: number + 1, column: 1, scalars: lines[number]))
                scan.read(lines[number])
                number += 1
            }
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
        var depth = 0
        var multiline: [Unicode.Scalar]?

        var continues: Bool { depth > 0 || multiline != nil }

        mutating func read(_ line: [Unicode.Scalar]) {
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
                if c == "#" { return }
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
                if c == "[" || c == "{" { depth += 1 }
                if c == "]" || c == "}" { depth = max(0, depth - 1) }
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
