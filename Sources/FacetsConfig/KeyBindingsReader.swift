import FacetsUI
import TOMLKit

/// Reads `[keys]`: each entry gives one action its keys (replacing the action table's), then the map
/// as a whole is checked for keys two actions of one context would share.
struct KeyBindingsReader {
    let locator: TOMLLocator
    var keyMap = KeyMap.defaults
    var diagnostics: [ConfigDiagnostic] = []

    init(locator: TOMLLocator) {
        self.locator = locator
    }

    mutating func read(_ table: TOMLTable) {
        var rebound: Set<Action> = []
        for (name, entry) in table.entries {
            let path = [ConfigSchema.keysSection, name]
            guard let value = entry else {
                error(locator.position(of: [ConfigSchema.keysSection]), SettingsReader.unreadableKey)
                continue
            }
            guard let action = ActionNames.action(named: name) else {
                let near = Nearest.name(to: name, among: ActionNames.all).map { " (did you mean \(TOMLText.string($0))?)" } ?? ""
                error(
                    locator.position(of: path), "unknown action \(TOMLText.string(name)) in [keys]\(near); `facets config --print-default` lists them"
                )
                continue
            }
            guard let keys = readKeys(value, action: name, path: path) else { continue }
            if action == .quit, keys.isEmpty {
                error(locator.position(of: path), "quit needs at least one key")
                continue
            }
            keyMap = keyMap.rebinding(action, to: keys)
            rebound.insert(action)
        }
        for conflict in keyMap.conflicts { report(conflict, rebound: rebound) }
    }

    /// The keys of one entry, in order and without repeats; nil (with errors recorded) when any is wrong.
    mutating func readKeys(_ value: TOMLValueConvertible, action: String, path: [String]) -> [Key]? {
        var names: [String] = []
        if let single = value.string {
            names = [single]
        } else if let array = value.array {
            for element in array {
                guard let name = element.string else {
                    error(
                        locator.position(of: path),
                        "keys.\(action) must list key names as strings, like [\"q\", \"ctrl-c\"]; it holds \(SettingsReader.describe(element.type))")
                    return nil
                }
                names.append(name)
            }
        } else {
            error(
                locator.position(of: path),
                "keys.\(action) must be a key name or a list of them, like [\"q\", \"ctrl-c\"]; not \(SettingsReader.describe(value.type))")
            return nil
        }
        var keys: [Key] = []
        var valid = true
        for name in names {
            switch KeySyntax.parse(name) {
            case .success(let key): if !keys.contains(key) { keys.append(key) }
            case .failure(let failure):
                error(locator.position(ofString: name, in: path) ?? locator.position(of: path), "keys.\(action): \(failure.message)")
                valid = false
            }
        }
        return valid ? keys : nil
    }

    /// A shared key, placed where the file binds it (the last such entry when both come from the file).
    mutating func report(_ conflict: KeyMap.Conflict, rebound: Set<Action>) {
        let name = KeySyntax.name(conflict.key) ?? conflict.key.displayName
        let fromFile = conflict.actions.filter { rebound.contains($0) }
        let positions = fromFile.map { action -> TOMLLocator.Position in
            let path = [ConfigSchema.keysSection, ActionNames.name(action)]
            return locator.position(ofString: name, in: path) ?? locator.position(of: path)
        }
        let position = positions.max { $0.line < $1.line } ?? TOMLLocator.Position(line: 1, column: nil)
        let names = conflict.actions.map { ActionNames.name($0) }
        let listed = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        let defaults = conflict.actions.filter { !rebound.contains($0) }.map(ActionNames.name)
        var message =
            "key \(TOMLText.string(name)) is bound to \(names.count == 2 ? "both " : "")\(listed)\(conflict.context == .everywhere ? "" : " (in the \(conflict.context.name) context)")"
        if !defaults.isEmpty {
            message +=
                "; \(defaults.joined(separator: " and ")) \(defaults.count == 1 ? "has" : "have") it by default: give \(defaults.count == 1 ? "it" : "them") other keys in [keys] too"
        }
        error(position, message)
    }

    mutating func error(_ position: TOMLLocator.Position, _ message: String) {
        diagnostics.append(ConfigDiagnostic(.error, line: position.line, column: position.column, message))
    }
}
