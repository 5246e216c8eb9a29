/// Greedy word wrapping by display width, with first-line and hanging prefixes. Words wider than a line
/// are cut by width; nothing it returns is wider than the width asked for.
struct TextWrapper {
    /// Pieces that must stay together (a word, or a link label's last word with its `[n]`).
    struct Atom {
        var spans: [Span]
        var isSpace: Bool
        var isBreak: Bool
        var width: Int { spans.reduce(0) { $0 + $1.width } }
    }

    /// Splits styled pieces into atoms at spaces; a piece boundary without a space does not break.
    static func atoms(_ pieces: [Span]) -> [Atom] {
        var atoms: [Atom] = []
        var word: [Span] = []
        func flushWord() {
            if !word.isEmpty { atoms.append(Atom(spans: word, isSpace: false, isBreak: false)) }
            word = []
        }
        for piece in pieces {
            if piece.text == "\n" {
                flushWord()
                atoms.append(Atom(spans: [], isSpace: false, isBreak: true))
                continue
            }
            var current = ""
            for character in piece.text {
                if character == " " || character == "\t" || character == "\n" {
                    if !current.isEmpty { word.append(Span(current, piece.role, ref: piece.ref, hyperlink: piece.hyperlink)) }
                    current = ""
                    flushWord()
                    // A space keeps the look of the text around it, so styled runs are not split (fewer escapes to send).
                    if atoms.last?.isSpace != true { atoms.append(Atom(spans: [Span(" ", piece.role)], isSpace: true, isBreak: false)) }
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { word.append(Span(current, piece.role, ref: piece.ref, hyperlink: piece.hyperlink)) }
        }
        flushWord()
        return atoms
    }

    static func wrap(_ pieces: [Span], width: Int, first: [Span] = [], rest: [Span] = [], sourceLine: Int? = nil) -> [DocLine] {
        let firstWidth = first.reduce(0) { $0 + $1.width }
        let restWidth = rest.reduce(0) { $0 + $1.width }
        var lines: [DocLine] = []
        var current = DocLine(first, sourceLine: sourceLine)
        var used = firstWidth
        var lineHasContent = false
        func newLine() {
            while let last = current.spans.last, last.text == " ", current.spans.count > first.count {
                current.spans.removeLast()
                used -= 1
            }
            lines.append(current)
            current = DocLine(rest, sourceLine: sourceLine)
            used = restWidth
            lineHasContent = false
        }
        for atom in atoms(pieces) {
            if atom.isBreak {
                newLine()
                continue
            }
            if atom.isSpace {
                if lineHasContent, used < width {
                    current.spans += atom.spans
                    used += 1
                }
                continue
            }
            let w = atom.width
            if lineHasContent, used + w > width { newLine() }
            if used + w <= width {
                current.spans += atom.spans
                used += w
                lineHasContent = true
                continue
            }
            // Wider than a whole line: cut by width.
            for span in atom.spans {
                var chunk = ""
                var chunkWidth = 0  // kept as characters are added: measuring the chunk each time was O(width) per character
                for character in span.text {
                    let cw = DisplayWidth.of(String(character))
                    if used + chunkWidth + cw > width {
                        if !chunk.isEmpty { current.spans.append(Span(chunk, span.role, ref: span.ref, hyperlink: span.hyperlink)) }
                        used += chunkWidth
                        chunk = ""
                        chunkWidth = 0
                        if lineHasContent || used > restWidth { newLine() }
                        if used + cw > width { continue }  // not even one character fits
                    }
                    chunk.append(character)
                    chunkWidth += cw
                    lineHasContent = true
                }
                if !chunk.isEmpty {
                    current.spans.append(Span(chunk, span.role, ref: span.ref, hyperlink: span.hyperlink))
                    used += chunkWidth
                }
            }
        }
        while let last = current.spans.last, last.text == " ", current.spans.count > first.count { current.spans.removeLast() }
        lines.append(current)
        return lines
    }

    /// Cuts a text to a width, ending in `…` when cut. Reads no further than the width (a backlink's
    /// context can be a whole 8 MiB line, met once per backlink).
    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var cut = text.startIndex  // the end of the longest prefix that leaves room for the `…`
        var i = text.startIndex
        while i < text.endIndex {
            used += DisplayWidth.of(String(text[i]))
            if used > width { return String(text[..<cut]) + "…" }
            i = text.index(after: i)
            if used <= width - 1 { cut = i }
        }
        return text
    }
}
