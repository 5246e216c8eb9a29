import Yams

/// A front-matter value kept as data: any key a vault uses survives, whether scalar, list or map.
/// Not `indirect`: lists and maps are arrays, already out of line, and a boxed case was an allocation
/// per value of every note.
public enum FrontMatterValue: Sendable, Hashable {
    case scalar(String)
    case list([FrontMatterValue])
    case map([FrontMatterEntry])
    case null

    /// The value as one line of text (lists joined by commas).
    public var text: String {
        switch self {
        case .scalar(let s): return s
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        case .map(let entries): return entries.map { "\($0.key): \($0.value.text)" }.joined(separator: ", ")
        case .null: return ""
        }
    }

    /// A scalar as a one-element list, a list as its scalars: `aliases: x` and `aliases: [x, y]` both work.
    public var texts: [String] {
        switch self {
        case .scalar(let s): return s.isEmpty ? [] : [s]
        case .list(let items): return items.flatMap(\.texts)
        case .map, .null: return []
        }
    }
}

public struct FrontMatterEntry: Sendable, Hashable {
    public var key: String
    public var value: FrontMatterValue
}

/// The YAML block at the top of a note, in the order it was written.
public struct FrontMatter: Sendable, Hashable {
    public var entries: [FrontMatterEntry]

    public init(entries: [FrontMatterEntry] = []) { self.entries = entries }

    public subscript(key: String) -> FrontMatterValue? {
        entries.first { $0.key == key }?.value
    }

    public func string(_ key: String) -> String? {
        guard let value = self[key] else { return nil }
        let text = value.text.trimmed
        return text.isEmpty ? nil : text
    }

    public func strings(_ key: String) -> [String] {
        self[key]?.texts.map(\.trimmed).filter { !$0.isEmpty } ?? []
    }

    public func int(_ key: String) -> Int? {
        string(key).flatMap { Int($0) ?? Double($0).map { Int($0) } }
    }
}

/// Why front matter could not be read, with the line (1-based, in the file) where YAML says it went wrong.
public struct FrontMatterError: Error, Sendable {
    public var message: String
    public var line: Int
}

enum FrontMatterParser {
    /// Caps the nodes built from one note's YAML, so an alias bomb costs bounded time and memory.
    static let nodeBudget = 20_000

    /// Parses the YAML between the `---` fences, straight from the file's bytes. Front matter made only of
    /// `key: plain value` lines (most notes: title and videoId) is read directly, with the same result Yams
    /// gives for plain scalars; anything else (quotes, lists, maps, anchors, comments) goes to Yams.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int) -> Result<FrontMatter, FrontMatterError> {
        if let simple = plainKeyValues(bytes, range) { return .success(simple) }
        let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return parse(yaml, firstLine: firstLine)
    }

    /// `key: value` lines with plain, single-line values, or nil when the YAML needs a real parser.
    static func plainKeyValues(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> FrontMatter? {
        var entries: [FrontMatterEntry] = []
        var i = range.lowerBound
        let end = range.upperBound
        // One entry a line at most: sized once, with no spare room kept for the whole session.
        var lines = range.isEmpty || bytes[end - 1] == Byte.newline ? 0 : 1
        for k in range where bytes[k] == Byte.newline { lines += 1 }
        entries.reserveCapacity(lines)
        while i < end {
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != Byte.newline { lineEnd += 1 }
            defer { i = lineEnd + 1 }
            if lineEnd == i { continue }
            // Key: letters, digits, `_` or `-`, from the first column.
            var k = i
            while k < lineEnd, Byte.isLetter(bytes[k]) || Byte.isDigit(bytes[k]) || bytes[k] == 0x5F || bytes[k] == 0x2D { k += 1 }
            guard k > i, k + 1 < lineEnd, bytes[k] == Byte.colon, bytes[k + 1] == Byte.space else { return nil }
            var v = k + 1
            while v < lineEnd, bytes[v] == Byte.space { v += 1 }
            var valueEnd = lineEnd
            while valueEnd > v, Byte.isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
            guard valueEnd > v else { return nil }
            // Indicators that give YAML meaning to the first character, or to `: ` and ` #` inside.
            let first = bytes[v]
            if "\"'[]{}&*!|>%@`#,".utf8.contains(first) { return nil }
            // `-` and `?` start a plain scalar when a non-space follows (a video id like `-4X2NsnSuZI`);
            // alone or before a space they are a list entry or a complex key, left to Yams.
            if first == 0x2D || first == 0x3F, v + 1 == valueEnd || Byte.isSpace(bytes[v + 1]) { return nil }
            var p = v
            while p < valueEnd {
                let b = bytes[p]
                if b == Byte.colon, p + 1 == valueEnd || bytes[p + 1] == Byte.space { return nil }
                if b == Byte.hash, bytes[p - 1] == Byte.space || bytes[p - 1] == Byte.tab { return nil }
                if b == Byte.tab || b < 0x20 { return nil }
                p += 1
            }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<k]), as: UTF8.self)
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[v..<valueEnd]), as: UTF8.self)
            if entries.contains(where: { $0.key == key }) { return nil }
            entries.append(FrontMatterEntry(key: key, value: ["~", "null", "Null", "NULL"].contains(value) ? .null : .scalar(value)))
        }
        return FrontMatter(entries: entries)
    }

    /// Parses YAML text with Yams. `firstLine` is the file line of the YAML's first line.
    static func parse(_ yaml: String, firstLine: Int) -> Result<FrontMatter, FrontMatterError> {
        if yaml.trimmed.isEmpty { return .success(FrontMatter()) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(describe(error, firstLine: firstLine))
        } catch {
            return .failure(FrontMatterError(message: "invalid YAML: \(error)", line: firstLine))
        }
        guard let node else { return .success(FrontMatter()) }
        guard case .mapping(let mapping) = node else {
            return .failure(FrontMatterError(message: "front matter is not a map of keys to values", line: firstLine))
        }
        var budget = nodeBudget
        var entries: [FrontMatterEntry] = []
        for (key, value) in mapping {
            let converted = convert(value, budget: &budget)
            if budget < 0 {
                return .failure(
                    FrontMatterError(
                        message: "front matter expands to more than \(nodeBudget) values (YAML aliases?)", line: firstLine))
            }
            entries.append(FrontMatterEntry(key: key.string ?? "\(key)", value: converted))
        }
        return .success(FrontMatter(entries: entries))
    }

    private static func convert(_ node: Node, budget: inout Int) -> FrontMatterValue {
        budget -= 1
        if budget < 0 { return .null }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null
            }
            return .scalar(scalar.string)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence {
                items.append(convert(item, budget: &budget))
                if budget < 0 { return .null }
            }
            return .list(items)
        case .mapping(let mapping):
            var items: [FrontMatterEntry] = []
            for (key, value) in mapping {
                items.append(FrontMatterEntry(key: key.string ?? "", value: convert(value, budget: &budget)))
                if budget < 0 { return .null }
            }
            return .map(items)
        case .alias:
            return .null
        }
    }

    private static func describe(_ error: YamlError, firstLine: Int) -> FrontMatterError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return FrontMatterError(message: "invalid YAML: \(problem) (column \(mark.column))", line: firstLine + max(0, mark.line - 1))
        case .reader(let problem, _, _, _):
            return FrontMatterError(message: "invalid YAML: \(problem)", line: firstLine)
        default:
            return FrontMatterError(message: "invalid YAML: \(error)", line: firstLine)
        }
    }
}
