import FacetsCore

extension DocumentLayout {
    /// The page shown in place of a note whose file went while it was open (live reload): what it was,
    /// and that it is gone, rather than text that no longer exists or another note's.
    public static func removed(title: String, path: String, vault: Vault, width: Int, glyphs: Glyphs = .unicode) -> RenderedDocument {
        var layout = DocumentLayout(vault: vault, width: width, glyphs: glyphs)
        layout.emit(layout.wrap([Span(layout.safe(title), .title)]))
        layout.emit(layout.wrap([Span("This note was removed: \(layout.safe(path)) is no longer in the vault.", .error)]))
        layout.blank()
        layout.emit(layout.wrap([Span("Back returns to where you were; the tree and lists show the vault as it is now.", .dim)]))
        return layout.finished()
    }
}
