import Foundation

/// Files the explorer and `facets serve` both know by default, kept here so that the serve command
/// does not depend on the terminal layer for a path.
enum PresenterFile {
    /// The default place: `$XDG_STATE_HOME/facets/presenter.json` (or `~/.local/state/facets/`).
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return base + "/facets/presenter.json"
    }
}
