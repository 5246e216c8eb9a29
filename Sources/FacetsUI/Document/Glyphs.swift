/// The drawing characters, in Unicode or in plain ASCII for terminals and fonts without box drawing.
public struct Glyphs: Sendable, Hashable {
    public var bullet, quote, callout, rule, doubleRule, timestamp, horizontal, vertical: String
    public var topLeft, topRight, bottomLeft, bottomRight, teeDown, teeUp, teeLeft, teeRight, cross: String
    public var expanded, collapsed, leaf, ellipsis, arrow, cursor: String

    public static let unicode = Glyphs(
        bullet: "•", quote: "│", callout: "▌", rule: "─", doubleRule: "═", timestamp: "▸", horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", teeDown: "┬", teeUp: "┴", teeLeft: "┤",
        teeRight: "├", cross: "┼", expanded: "▾", collapsed: "▸", leaf: " ", ellipsis: "…", arrow: "→", cursor: "▌")

    public static let ascii = Glyphs(
        bullet: "*", quote: "|", callout: "|", rule: "-", doubleRule: "=", timestamp: ">", horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", teeDown: "+", teeUp: "+", teeLeft: "+",
        teeRight: "+", cross: "+", expanded: "v", collapsed: ">", leaf: " ", ellipsis: "...", arrow: "->", cursor: ">")
}
