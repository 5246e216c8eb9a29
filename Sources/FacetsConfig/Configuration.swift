import FacetsUI

/// Everything a config file can set, with the built-in defaults. A value, so precedence is plain
/// assignment: defaults, then the file, then the command line.
public struct Configuration: Sendable, Equatable {
    /// Colour theme of the explorer.
    public var theme = Theme.Name.dark
    /// Folder of notes to open; nil means the bundled content.
    public var vault: String?
    /// Reload the notes when their files change (live reload); `--no-watch` turns it off for a run.
    public var watch = true
    public var display = Display()
    public var presenter = Presenter()
    public var search = Search()
    /// Keys to actions; the action table's unless the file rebinds some.
    public var keyMap = KeyMap.defaults

    /// The same switches as `--ascii`, `--lofi` and `--no-mouse`.
    public struct Display: Sendable, Equatable {
        public var ascii = false
        public var lofi = false
        public var mouse = true
        public init() {}
    }

    public struct Presenter: Sendable, Equatable {
        /// Start in presenter mode, as `--present` does.
        public var start = false
        /// The theme presenter mode switches to (when the terminal shows colours).
        public var theme = Theme.Name.highContrast
        public init() {}
    }

    public struct Search: Sendable, Equatable {
        /// A capital in a query makes it case-sensitive; off, case is always ignored.
        public var smartCase = true
        public init() {}
    }

    public init() {}

    public static let defaults = Configuration()
}
