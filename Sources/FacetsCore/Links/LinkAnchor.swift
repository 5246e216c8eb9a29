/// The part of a note a link's anchor names, as Obsidian reads it: `[[Note#Heading]]` a heading (matched
/// ignoring case, `_`, `-` and spaces; `#A#B` names the heading B under A, found as B), and
/// `[[Note#^block-id]]` the paragraph or list item that ends with ` ^block-id`, or the block above a
/// line holding `^block-id` alone.
public enum LinkAnchor {
    /// The block id a paragraph or list item ends with (`… text ^quote-1` → `quote-1`), if any.
    public static func blockID(of inlines: [Inline]) -> String? {
        guard case .text(let text)? = inlines.last else { return nil }
        return split(text)?.id
    }

    /// The inlines without their trailing block id, which Obsidian does not show.
    public static func strippingBlockID(_ inlines: [Inline]) -> [Inline] {
        guard case .text(let text)? = inlines.last, let parts = split(text) else { return inlines }
        var out = inlines
        if parts.rest.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(parts.rest) }
        return out
    }

    /// `text ^id` → ("text", "id"): the id is letters, digits and `-`, after a space or alone.
    static func split(_ text: String) -> (rest: String, id: String)? {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        guard let caret = text[..<end].lastIndex(of: "^") else { return nil }
        let id = text[text.index(after: caret)..<end]
        guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else { return nil }
        guard caret == text.startIndex || text[text.index(before: caret)].isWhitespace else { return nil }
        var rest = text[..<caret]
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        return (String(rest), String(id))
    }

    /// The file line where `anchor` (a link's part after `#`) is in `blocks`, or nil when the note has
    /// no such heading or block.
    public static func line(of anchor: String, in blocks: [Block]) -> Int? {
        section(anchor, in: blocks)?.first?.line
    }

    /// What `![[Note#anchor]]` embeds: a heading with the blocks under it up to the next heading of its
    /// level or above; a block with that id (a list item as a one-item list); nil when there is none.
    public static func section(_ anchor: String, in blocks: [Block]) -> [Block]? {
        let trimmed = anchor.trimmed
        if trimmed.hasPrefix("^") {
            let id = String(trimmed.dropFirst()).lowercased()
            return block(id: id, in: blocks).map { [$0] }
        }
        let wanted = NameKeys.loose(trimmed.split(separator: "#").last.map(String.init) ?? trimmed)
        guard !wanted.isEmpty else { return nil }
        for (position, block) in blocks.enumerated() {
            guard case .heading(let level, let content, _) = block,
                NameKeys.loose(InlineParser.plainText(content)) == wanted
            else { continue }
            var section = [block]
            for next in blocks[(position + 1)...] {
                if case .heading(let nextLevel, _, _) = next, nextLevel <= level { break }
                section.append(next)
            }
            return section
        }
        return nil
    }

    /// A paragraph that is a block id alone (`^quote-1` on its own line): Obsidian's way to name the
    /// block above it (a table, a quote, a whole list).
    public static func isBlockIDLine(_ inlines: [Inline]) -> Bool {
        guard inlines.count == 1, case .text(let text) = inlines[0], let parts = split(text) else { return false }
        return parts.rest.isEmpty
    }

    /// The paragraph or list item (anywhere: in lists, quotes, callouts) whose block id is `id`, or the
    /// block above a line holding the id alone.
    private static func block(id: String, in blocks: [Block]) -> Block? {
        for (position, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let content, _):
                guard blockID(of: content)?.lowercased() == id else { continue }
                if isBlockIDLine(content), position > 0 { return blocks[position - 1] }
                return block
            case .list(let ordered, let items, _):
                for item in items {
                    if blockID(of: item.content)?.lowercased() == id { return .list(ordered: ordered, items: [item], line: item.line) }
                    if let found = self.block(id: id, in: item.children) { return found }
                }
            case .quote(let content, _), .callout(_, _, _, let content, _):
                if let found = self.block(id: id, in: content) { return found }
            default:
                continue
            }
        }
        return nil
    }
}
