import FacetsCore
/// Text cut to a width with some characters marked as search matches (drawn highlighted).
enum HighlightedText {
    /// When the text is wider than `width` and a marked character would fall past the cut, the middle
    /// is left out instead (`Collaboration…silos`), as fzf and editors' quick-open lists do: a hit whose
    /// match cannot be seen reads as a wrong hit.
    static func spans(_ text: String, width: Int, marked: Set<Int>, role: Role = .normal) -> [Span] {
        let characters = Array(text)
        let widths = characters.map { DisplayWidth.of(String($0)) }
        let total = widths.reduce(0, +)
        var pieces: [(range: Range<Int>, ellipsisAfter: Bool)]
        if total <= width {
            pieces = [(0..<characters.count, false)]
        } else {
            let head = prefixLength(widths, from: 0, fitting: width - 1)
            if let last = marked.max(), last < characters.count, last >= head,
                let window = middleCut(characters, widths, marked: marked, width: width)
            {
                pieces = window
            } else {
                pieces = [(0..<head, true)]
            }
        }

        var spans: [Span] = []
        var used = 0
        func add(_ text: String, _ spanRole: Role) {
            if let last = spans.last, last.role == spanRole {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(text, spanRole))
            }
        }
        for piece in pieces {
            for offset in piece.range {
                add(String(characters[offset]), marked.contains(offset) ? .match : role)
                used += widths[offset]
            }
            if piece.ellipsisAfter {
                add("…", role)
                used += 1
            }
        }
        if used < width { add(String(repeating: " ", count: width - used), role) }
        return spans
    }

    /// How many characters from `start` fit in `width` columns.
    private static func prefixLength(_ widths: [Int], from start: Int, fitting width: Int) -> Int {
        var used = 0, end = start
        while end < widths.count, used + widths[end] <= width {
            used += widths[end]
            end += 1
        }
        return end - start
    }

    /// The head of the text, an ellipsis, then the words holding the marked characters (and an ellipsis
    /// when the text goes on); nil when the plain cut at the end is as good.
    private static func middleCut(
        _ characters: [Character], _ widths: [Int], marked: Set<Int>,
        width: Int
    ) -> [(range: Range<Int>, ellipsisAfter: Bool)]? {
        let inText = marked.filter { $0 < characters.count }
        guard let first = inText.min(), let last = inText.max() else { return nil }
        func columns(_ range: Range<Int>) -> Int { widths[range].reduce(0, +) }
        // The whole words around the marks when they fit, else the marked stretch alone.
        var start = first, end = last + 1
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        while end < characters.count, !characters[end].isWhitespace { end += 1 }
        func room(_ s: Int, _ e: Int) -> Int { width - 1 - columns(s..<e) - (e < characters.count ? 1 : 0) }
        if room(start, end) < 1 { (start, end) = (first, last + 1) }
        if room(start, end) < 1 {
            // Not even the marked stretch fits: as much of it as does, from its start, between ellipses.
            guard width >= 3 else { return nil }
            let shown = prefixLength(widths, from: first, fitting: width - 2)
            return [(0..<0, true), (first..<first + shown, first + shown < characters.count)]
        }
        var headLength = prefixLength(widths, from: 0, fitting: room(start, end))
        // A head reaching into the window means nothing is left out between them: no middle cut needed.
        guard headLength < start else { return nil }
        while headLength > 0, characters[headLength - 1].isWhitespace { headLength -= 1 }
        // Columns the head does not use widen the window to the left.
        while start > headLength + 1, room(start - 1, end) >= columns(0..<headLength) { start -= 1 }
        return [(0..<headLength, true), (start..<end, end < characters.count)]
    }
}
