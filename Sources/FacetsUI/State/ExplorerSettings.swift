/// How the explorer draws and reads keys, fixed at start (a config file and the command line choose).
public struct ExplorerSettings: Sendable {
    public var theme: Theme
    public var ascii: Bool
    /// Keys to actions: the action table's, or a config file's.
    public var keyMap: KeyMap
    /// The theme presenter mode switches to (when the terminal shows colours).
    public var presenterTheme: Theme.Name
    /// A capital in a query makes the search case-sensitive; off, every search ignores case.
    public var smartCase: Bool

    public init(
        theme: Theme = Theme(.dark), ascii: Bool = false, keyMap: KeyMap = .defaults,
        presenterTheme: Theme.Name = .highContrast, smartCase: Bool = true
    ) {
        self.theme = theme
        self.ascii = ascii
        self.keyMap = keyMap
        self.presenterTheme = presenterTheme
        self.smartCase = smartCase
    }

    public var glyphs: Glyphs { ascii ? .ascii : .unicode }
}
