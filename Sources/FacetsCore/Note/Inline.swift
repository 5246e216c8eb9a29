/// Text inside a block, with the emphasis, code, links and timestamps the reader should see.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case strong([Inline])
    case emphasis([Inline])
    case code(String)
    /// `[text](url)`: an outside link.
    case link(text: [Inline], url: String)
    case wikiLink(WikiLink)
    case timestamp(TimestampRef)
    /// `<br/>`
    case lineBreak
    /// `#tag` or `#parent/child`: the name, without its `#` (see `TagSyntax`).
    case tag(String)
}
