/// A block of a note's body, as the detail pane and `facets show` lay it out. `line` is the file line it starts on.
public indirect enum Block: Sendable, Hashable {
    case heading(level: Int, content: [Inline], line: Int)
    case paragraph(content: [Inline], line: Int)
    case list(ordered: Bool, items: [ListItem], line: Int)
    case quote(content: [Block], line: Int)
    /// `> [!info] Title` callouts and raw `<div class="callout">` blocks; `folded` for `[!x]-`.
    case callout(kind: String, title: [Inline], folded: Bool, content: [Block], line: Int)
    case code(info: String, text: String, line: Int)
    case rule(line: Int)
    case table(header: [[Inline]], rows: [[[Inline]]], line: Int)
    /// `$$ … $$`, kept as text.
    case math(text: String, line: Int)

    public var line: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .list(_, _, let line), .quote(_, let line),
            .callout(_, _, _, _, let line), .code(_, _, let line), .rule(let line), .table(_, _, let line),
            .math(_, let line):
            return line
        }
    }
}

public struct ListItem: Sendable, Hashable {
    /// `•` for bullets, `3.` for ordered items, as numbered in the source.
    public var marker: String
    public var content: [Inline]
    /// Nested lists and continuation blocks.
    public var children: [Block]
    public var line: Int
}
