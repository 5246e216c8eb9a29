import Foundation

/// Parses a note body into blocks, line by line. Nesting (quotes, callouts, lists) is depth-limited,
/// so hostile notes cost bounded stack.
public enum BlockParser {
    static let depthLimit = 24

    struct Line {
        var text: Substring
        var number: Int
    }

    public static func parse(_ body: String, firstLine: Int) -> [Block] {
        var lines: [Line] = []
        var number = firstLine
        for text in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(Line(text: text, number: number))
            number += 1
        }
        return blocks(lines[...], depth: 0)
    }

    /// A line without its block syntax (list marker, heading hashes, quote marks): what it says.
    public static func stripLinePrefix(_ line: String) -> String {
        var s = Substring(line)
        while let first = s.first, first == " " || first == "\t" || first == ">" { s = s.dropFirst() }
        if s.hasPrefix("[!"), let close = s.firstIndex(of: "]") {
            s = s[s.index(after: close)...]
            if s.first == "-" || s.first == "+" { s = s.dropFirst() }
            while s.first == " " { s = s.dropFirst() }
        }
        if let marker = listMarker(s) { s = s.dropFirst(marker.length) }
        if s.first == "#" {
            let hashes = s.prefix { $0 == "#" }
            if hashes.count <= 6 { s = s.dropFirst(hashes.count) }
        }
        return String(s).trimmed
    }

    static func blocks(_ lines: ArraySlice<Line>, depth: Int) -> [Block] {
        var result: [Block] = []
        var i = lines.startIndex
        let end = lines.endIndex
        while i < end {
            let line = lines[i]
            let text = line.text
            let stripped = text.drop { $0 == " " || $0 == "\t" }
            if stripped.isEmpty {
                i += 1
                continue
            }
            if let fence = fenceOpening(stripped) {
                var j = i + 1
                var body: [Substring] = []
                while j < end {
                    let candidate = lines[j].text.drop { $0 == " " || $0 == "\t" }
                    if candidate.hasPrefix(fence.marker) && candidate.trimmingCharacters(fence.marker.first ?? "`").isEmpty { break }
                    body.append(lines[j].text)
                    j += 1
                }
                result.append(.code(info: fence.info, text: body.joined(separator: "\n"), line: line.number))
                i = min(j + 1, end)
                continue
            }
            if stripped.hasPrefix("$$") {
                let rest = stripped.dropFirst(2)
                if let close = rest.range(of: "$$") {
                    result.append(.math(text: String(rest[..<close.lowerBound]).trimmed, line: line.number))
                    i += 1
                    continue
                }
                var j = i + 1
                var body: [Substring] = rest.isEmpty ? [] : [rest]
                while j < end, !lines[j].text.contains("$$") {
                    body.append(lines[j].text)
                    j += 1
                }
                if j < end, let close = lines[j].text.range(of: "$$") {
                    let before = lines[j].text[..<close.lowerBound]
                    if !before.trimmingCharacters(" ").isEmpty { body.append(before) }
                }
                result.append(.math(text: body.joined(separator: "\n").trimmed, line: line.number))
                i = min(j + 1, end)
                continue
            }
            if let heading = headingLevel(stripped) {
                let content = String(stripped.dropFirst(heading)).trimmed
                result.append(.heading(level: heading, content: InlineParser.parse(stripHeadingClose(content), line: line.number), line: line.number))
                i += 1
                continue
            }
            if isRule(stripped) {
                result.append(.rule(line: line.number))
                i += 1
                continue
            }
            if stripped.hasPrefix(">") {
                var j = i
                var inner: [Line] = []
                while j < end {
                    let t = lines[j].text.drop { $0 == " " || $0 == "\t" }
                    guard t.hasPrefix(">") else { break }
                    var rest = t.dropFirst()
                    if rest.first == " " { rest = rest.dropFirst() }
                    inner.append(Line(text: rest, number: lines[j].number))
                    j += 1
                }
                result.append(quoteOrCallout(inner, line: line.number, depth: depth))
                i = j
                continue
            }
            if stripped.lowercased().hasPrefix("<div") {
                let (block, next) = divBlock(lines, from: i, depth: depth)
                result.append(contentsOf: block)
                i = next
                continue
            }
            if stripped.contains("|"), i + 1 < end, isTableSeparator(lines[i + 1].text) {
                var j = i + 2
                var rows: [[[Inline]]] = []
                while j < end, lines[j].text.contains("|"), !lines[j].text.allSatisfy({ $0 == " " }) {
                    rows.append(tableCells(lines[j].text).map { InlineParser.parse($0, line: lines[j].number) })
                    j += 1
                }
                let header = tableCells(text).map { InlineParser.parse($0, line: line.number) }
                result.append(.table(header: header, rows: rows, line: line.number))
                i = j
                continue
            }
            if listMarker(text) != nil {
                let (block, next) = list(lines, from: i, depth: depth)
                result.append(contentsOf: block)
                i = next
                continue
            }
            // Paragraph: until a blank line or the start of another block.
            var j = i + 1
            while j < end, !startsBlock(lines[j].text), !(j + 1 < end && lines[j].text.contains("|") && isTableSeparator(lines[j + 1].text)) {
                j += 1
            }
            let paragraph = lines[i..<j].map { String($0.text).trimmed }.joined(separator: "\n")
            result.append(.paragraph(content: InlineParser.parse(paragraph, line: line.number), line: line.number))
            i = j
        }
        return result
    }

    // MARK: Block starts

    static func startsBlock(_ text: Substring) -> Bool {
        let s = text.drop { $0 == " " || $0 == "\t" }
        if s.isEmpty { return true }
        return fenceOpening(s) != nil || s.hasPrefix("$$") || headingLevel(s) != nil || isRule(s)
            || s.hasPrefix(">") || s.lowercased().hasPrefix("<div") || listMarker(text) != nil
    }

    static func fenceOpening(_ s: Substring) -> (marker: String, info: String)? {
        guard let c = s.first, c == "`" || c == "~" else { return nil }
        let run = s.prefix { $0 == c }
        guard run.count >= 3 else { return nil }
        let info = String(s.dropFirst(run.count)).trimmed
        if c == "`" && info.contains("`") { return nil }
        return (String(run), info)
    }

    static func headingLevel(_ s: Substring) -> Int? {
        let hashes = s.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let after = s.dropFirst(hashes.count)
        return after.isEmpty || after.first == " " || after.first == "\t" ? hashes.count : nil
    }

    static func stripHeadingClose(_ s: String) -> String {
        var t = Substring(s)
        while t.last == "#" { t = t.dropLast() }
        return t.count < s.count && (t.last == " " || t.isEmpty) ? String(t).trimmed : s
    }

    static func isRule(_ s: Substring) -> Bool {
        guard let c = s.first, c == "-" || c == "*" || c == "_" else { return false }
        var count = 0
        for ch in s {
            if ch == c { count += 1 } else if ch != " " && ch != "\t" { return false }
        }
        return count >= 3
    }

    /// A list item's marker at the start of a line (after indentation): its indent, length (with the
    /// spaces after it) and whether it is ordered.
    static func listMarker(_ text: Substring) -> (indent: Int, length: Int, ordered: Bool, marker: String)? {
        var indent = 0
        var s = text[...]
        while let c = s.first, c == " " || c == "\t" {
            indent += c == "\t" ? 4 : 1
            s = s.dropFirst()
        }
        guard let c = s.first else { return nil }
        if c == "-" || c == "*" || c == "+" {
            let after = s.dropFirst()
            guard let next = after.first, next == " " || next == "\t" else { return nil }
            let spaces = after.prefix { $0 == " " || $0 == "\t" }.count
            return (indent, text.count - s.count + 1 + spaces, false, "•")
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = s.dropFirst(digits.count)
        guard let punct = after.first, punct == "." || punct == ")" else { return nil }
        let rest = after.dropFirst()
        guard let next = rest.first, next == " " || next == "\t" else { return nil }
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
        return (indent, text.count - s.count + digits.count + 1 + spaces, true, "\(digits).")
    }

    // MARK: Lists

    struct RawItem {
        var indent: Int
        var ordered: Bool
        var marker: String
        var text: String
        var line: Int
    }

    static func list(_ lines: ArraySlice<Line>, from start: Int, depth: Int) -> ([Block], Int) {
        var items: [RawItem] = []
        var i = start
        let end = lines.endIndex
        while i < end {
            let text = lines[i].text
            if let marker = listMarker(text) {
                items.append(
                    RawItem(
                        indent: marker.indent, ordered: marker.ordered, marker: marker.marker,
                        text: String(text.dropFirst(marker.length)), line: lines[i].number))
                i += 1
                continue
            }
            let stripped = text.drop { $0 == " " || $0 == "\t" }
            if stripped.isEmpty {
                // A blank line continues the list only if a list item follows.
                var j = i + 1
                while j < end, lines[j].text.allSatisfy({ $0 == " " || $0 == "\t" }) { j += 1 }
                if j < end, listMarker(lines[j].text) != nil {
                    i = j
                    continue
                }
                break
            }
            let indented = text.first == " " || text.first == "\t"
            if !items.isEmpty, indented || !startsBlock(text) {
                if startsBlock(text) && !indented { break }
                items[items.count - 1].text += "\n" + String(stripped)
                i += 1
                continue
            }
            break
        }
        return (buildList(items[...], depth: depth), i)
    }

    static func buildList(_ items: ArraySlice<RawItem>, depth: Int) -> [Block] {
        var blocks: [Block] = []
        var current: [ListItem] = []
        var currentOrdered = items.first?.ordered ?? false
        var currentLine = items.first?.line ?? 0
        var i = items.startIndex
        while i < items.endIndex {
            let item = items[i]
            var j = i + 1
            if depth < depthLimit {
                while j < items.endIndex, items[j].indent > item.indent { j += 1 }
            }
            let children = j > i + 1 ? buildList(items[(i + 1)..<j], depth: depth + 1) : []
            if item.ordered != currentOrdered, !current.isEmpty {
                blocks.append(.list(ordered: currentOrdered, items: current, line: currentLine))
                current = []
                currentLine = item.line
            }
            currentOrdered = item.ordered
            current.append(
                ListItem(
                    marker: item.marker, content: InlineParser.parse(item.text.trimmed, line: item.line),
                    children: children, line: item.line))
            i = j
        }
        if !current.isEmpty { blocks.append(.list(ordered: currentOrdered, items: current, line: currentLine)) }
        return blocks
    }

    // MARK: Quotes, callouts, HTML blocks

    static func quoteOrCallout(_ inner: [Line], line: Int, depth: Int) -> Block {
        guard depth < depthLimit else {
            let text = inner.map { String($0.text) }.joined(separator: "\n")
            return .paragraph(content: InlineParser.parse(text, line: line), line: line)
        }
        if let first = inner.first {
            let t = first.text.drop { $0 == " " }
            if t.hasPrefix("[!"), let close = t.firstIndex(of: "]") {
                let kind = String(t[t.index(t.startIndex, offsetBy: 2)..<close]).lowercased()
                var rest = t[t.index(after: close)...]
                var folded = false
                if rest.first == "-" {
                    folded = true
                    rest = rest.dropFirst()
                } else if rest.first == "+" {
                    rest = rest.dropFirst()
                }
                let title = InlineParser.parse(String(rest).trimmed, line: first.number)
                return .callout(kind: kind, title: title, folded: folded, content: blocks(inner.dropFirst()[...], depth: depth + 1), line: line)
            }
        }
        return .quote(content: blocks(inner[...], depth: depth + 1), line: line)
    }

    /// A raw `<div …>` block up to its matching `</div>`: a callout when its class says so, else its content.
    static func divBlock(_ lines: ArraySlice<Line>, from start: Int, depth: Int) -> ([Block], Int) {
        var level = 0
        var i = start
        var collected: [Line] = []
        repeat {
            let text = lines[i].text
            level += occurrences(of: "<div", in: text) - occurrences(of: "</div", in: text)
            collected.append(lines[i])
            i += 1
        } while i < lines.endIndex && level > 0
        let opening = lines[start].text.lowercased()
        var title: [Inline] = []
        var inner: [Line] = []
        for line in collected {
            let lower = line.text.lowercased()
            if lower.contains("callout-title-inner") {
                title = InlineParser.parse(stripTags(line.text).trimmed, line: line.number)
                continue
            }
            let cleaned = stripTags(line.text)
            let onlyTags = cleaned.trimmed.isEmpty && !line.text.trimmingCharacters(" ").isEmpty
            if onlyTags { continue }
            inner.append(Line(text: Substring(cleaned.drop { $0 == " " }), number: line.number))
        }
        let content = depth < depthLimit ? blocks(inner[...], depth: depth + 1) : []
        guard opening.contains("callout") else { return (content, i) }
        var kind = "note"
        if let range = opening.range(of: "is-") {
            kind = String(opening[range.upperBound...].prefix { $0.isLetter })
        } else if let range = opening.range(of: "data-callout=\"") {
            kind = String(opening[range.upperBound...].prefix { $0.isLetter })
        }
        return ([.callout(kind: kind, title: title, folded: false, content: content, line: lines[start].number)], i)
    }

    static func occurrences(of needle: String, in text: Substring) -> Int {
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: needle, options: .caseInsensitive) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// Removes `<…>` tags (and `<svg>…</svg>` drawings) from one line, keeping text and timestamp anchors.
    static func stripTags(_ text: Substring) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tail = rest[open...]
            let lower = tail.lowercased()
            if lower.hasPrefix("<a ") || lower.hasPrefix("</a>") || lower.hasPrefix("<br") {
                // Keep anchors and line breaks for the inline parser.
                guard let close = tail.firstIndex(of: ">") else {
                    out += tail
                    return out
                }
                out += tail[...close]
                rest = tail[tail.index(after: close)...]
                continue
            }
            if lower.hasPrefix("<svg"), let end = tail.range(of: "</svg>", options: .caseInsensitive) {
                rest = tail[end.upperBound...]
                continue
            }
            guard let close = tail.firstIndex(of: ">") else {
                out += tail
                return out
            }
            rest = tail[tail.index(after: close)...]
        }
        out += rest
        return out
    }

    // MARK: Tables

    static func isTableSeparator(_ text: Substring) -> Bool {
        let s = text.trimmingCharacters(" ")
        guard s.contains("-"), s.contains("|") else { return false }
        return s.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }

    /// Cells of `| a | b |`, not splitting inside `[[…]]` or at `\|`.
    static func tableCells(_ text: Substring) -> [String] {
        var s = text.trimmingCharacters(" ")[...]
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s = s.dropLast() }
        var cells: [String] = []
        var current = ""
        var wikiDepth = 0
        var previous: Character = " "
        for c in s {
            if c == "[" && previous == "[" { wikiDepth += 1 }
            if c == "]" && previous == "]" && wikiDepth > 0 { wikiDepth -= 1 }
            if c == "|" && wikiDepth == 0 && previous != "\\" {
                cells.append(current.trimmed)
                current = ""
            } else {
                if c == "|" && previous == "\\" && wikiDepth == 0 { current.removeLast() }
                current.append(c)
            }
            previous = c
        }
        cells.append(current.trimmed)
        return cells
    }
}

extension Substring {
    func trimmingCharacters(_ c: Character) -> Substring {
        var s = self
        while s.first == c || s.first == "\t" { s = s.dropFirst() }
        while s.last == c || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
