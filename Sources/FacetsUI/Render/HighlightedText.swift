/// Text cut to a width with some characters marked as search matches (drawn highlighted).
enum HighlightedText {
    static func spans(_ text: String, width: Int, marked: Set<Int>, role: Role = .normal) -> [Span] {
        var spans: [Span] = []
        var used = 0
        let ellipsis = DisplayWidth.of(text) > width
        for (offset, character) in text.enumerated() {
            let w = DisplayWidth.of(String(character))
            if used + w > width - (ellipsis ? 1 : 0) { break }
            let isMarked = marked.contains(offset)
            let spanRole: Role = isMarked ? .match : role
            if let last = spans.last, last.role == spanRole {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(Span(String(character), spanRole))
            }
            used += w
        }
        if ellipsis { spans.append(Span("…", role)); used += 1 }
        if used < width { spans.append(Span(String(repeating: " ", count: width - used), role)) }
        return spans
    }
}
