import FacetsUI

/// The settings a config file may hold (besides `[keys]`): name, section, help and where the value goes.
/// The parser, the commented default file and the README's list all come from this one table.
public enum ConfigSchema {
    public struct Setting: Sendable {
        /// The table it lives in (`display`), or nil for the top level.
        public var section: String?
        public var name: String
        /// One or two sentences for the default file's comment.
        public var help: String
        public var kind: Kind

        /// `display.ascii`, as messages name it.
        public var path: String { section.map { "\($0).\(name)" } ?? name }
    }

    public enum Kind: Sendable {
        case bool(WritableKeyPath<Configuration, Bool> & Sendable)
        case theme(WritableKeyPath<Configuration, Theme.Name> & Sendable)
        /// A path; "" means none.
        case folder(WritableKeyPath<Configuration, String?> & Sendable)
    }

    /// The table holding key bindings, one entry per action.
    public static let keysSection = "keys"

    public static let sections = ["display", "presenter", "search", keysSection]

    public static let settings: [Setting] = [
        Setting(
            section: nil, name: "theme",
            help: "Colour theme: dark, light, high-contrast or monochrome. --theme overrides it; NO_COLOR and --lofi force monochrome.",
            kind: .theme(\.theme)),
        Setting(
            section: nil, name: "vault",
            help:
                "Folder of notes to open instead of the bundled content (\"\" means the bundled content). ~/ is your home folder; a relative path is relative to this file's folder. --vault and FACETS_VAULT override it.",
            kind: .folder(\.vault)),
        Setting(
            section: nil, name: "watch",
            help:
                "Live reload: when notes are added, changed, renamed or removed on disk, the explorer shows them within a second, keeping your place. false reads them once at start (--watch / --no-watch). The bundled content is never watched.",
            kind: .bool(\.watch)),
        Setting(
            section: "display", name: "ascii",
            help: "Draw borders and markers with ASCII characters (--ascii / --no-ascii).",
            kind: .bool(\.display.ascii)),
        Setting(
            section: "display", name: "lofi",
            help: "No colours, ASCII drawing, no mouse, no OSC sequences: for slow links and odd terminals (--lofi / --no-lofi).",
            kind: .bool(\.display.lofi)),
        Setting(
            section: "display", name: "mouse",
            help:
                "Capture the mouse: click selects, double-click follows, wheel scrolls. false keeps the terminal's own text selection (--mouse / --no-mouse).",
            kind: .bool(\.display.mouse)),
        Setting(
            section: "presenter", name: "start",
            help: "Start in presenter mode: the focused pane large and centred, key captions (--present / --no-present).",
            kind: .bool(\.presenter.start)),
        Setting(
            section: "presenter", name: "theme",
            help: "Theme presenter mode switches to when the terminal shows colours: dark, light, high-contrast or monochrome.",
            kind: .theme(\.presenter.theme)),
        Setting(
            section: "search", name: "smart_case",
            help:
                "Smart case: a capital in a query makes the search case-sensitive. false ignores case always. Applies to the explorer and `facets search`.",
            kind: .bool(\.search.smartCase)),
    ]

    /// The setting at a section and name, if there is one.
    public static func setting(section: String?, name: String) -> Setting? {
        settings.first { $0.section == section && $0.name == name }
    }
}
