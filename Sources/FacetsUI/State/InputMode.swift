/// How the next key is read.
public enum InputMode: Sendable, Equatable {
    case normal
    /// Digits typed to follow link number N (`f` starts it with an empty number).
    case linkNumber(String)
    /// Typing a search query.
    case typing(SearchField)
}

/// Side effects the update asks the terminal layer to perform.
public enum Effect: Sendable, Equatable {
    case quit
    /// Copy text to the clipboard with OSC 52 (works over SSH).
    case copyToClipboard(String)
    /// Repaint everything (Ctrl-L, theme change).
    case redrawAll
    /// Open a URL or a file with the system opener, detached (never on a server, never under --lofi:
    /// the terminal layer decides, and says what it did).
    case openExternally(String)
}
