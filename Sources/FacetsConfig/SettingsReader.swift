import FacetsUI
import TOMLKit

/// Walks a parsed config table: known settings are checked and applied, unknown ones warned about,
/// `[keys]` handed to `KeyBindingsReader`.
struct SettingsReader {
    let locator: TOMLLocator
    var configuration = Configuration()
    var diagnostics: [ConfigDiagnostic] = []

    init(locator: TOMLLocator) {
        self.locator = locator
    }

    mutating func read(root: TOMLTable) {
        for (key, entry) in root.entries {
            guard let value = entry else {
                error(at: [], Self.unreadableKey)
                continue
            }
            if key == ConfigSchema.keysSection {
                guard let table = value.table else {
                    error(at: [key], "keys must be a table ([keys]) of action = [key names], not \(Self.describe(value.type))")
                    continue
                }
                var bindings = KeyBindingsReader(locator: locator)
                bindings.read(table)
                configuration.keyMap = bindings.keyMap
                diagnostics += bindings.diagnostics
            } else if ConfigSchema.sections.contains(key) {
                guard let table = value.table else {
                    error(at: [key], "\(key) must be a table ([\(key)]), not \(Self.describe(value.type))")
                    continue
                }
                for (name, inner) in table.entries {
                    guard let inner else {
                        error(at: [key], Self.unreadableKey)
                        continue
                    }
                    apply(section: key, name: name, value: inner)
                }
            } else {
                apply(section: nil, name: key, value: value)
            }
        }
    }

    mutating func apply(section: String?, name: String, value: TOMLValueConvertible) {
        let path = (section.map { [$0] } ?? []) + [name]
        guard let setting = ConfigSchema.setting(section: section, name: name) else {
            let known = ConfigSchema.settings.filter { $0.section == section }.map(\.name) + (section == nil ? ConfigSchema.sections : [])
            let prefix = section.map { "\($0)." } ?? ""
            let near = Nearest.name(to: name, among: known).map { " (did you mean \(TOMLText.string(prefix + $0))?)" } ?? ""
            warning(at: path, "unknown setting \(TOMLText.string(path.joined(separator: ".")))\(near) is ignored")
            return
        }
        switch setting.kind {
        case .bool(let keyPath):
            guard let flag = value.bool else {
                return error(at: path, "\(setting.path) must be true or false, not \(Self.describe(value.type))")
            }
            configuration[keyPath: keyPath] = flag
        case .theme(let keyPath):
            let choices = Theme.Name.allCases.map(\.rawValue)
            guard let text = value.string else {
                return error(
                    at: path, "\(setting.path) must be a string: one of \(choices.joined(separator: ", ")); not \(Self.describe(value.type))")
            }
            guard let theme = Theme.Name(rawValue: text) else {
                let near = Nearest.name(to: text, among: choices).map { " (did you mean \(TOMLText.string($0))?)" } ?? ""
                return error(at: path, "unknown theme \(TOMLText.string(text))\(near) for \(setting.path); choose \(choices.joined(separator: ", "))")
            }
            configuration[keyPath: keyPath] = theme
        case .folder(let keyPath):
            guard let text = value.string else {
                return error(
                    at: path, "\(setting.path) must be a string (a folder, or \"\" for the bundled content), not \(Self.describe(value.type))")
            }
            configuration[keyPath: keyPath] = text.isEmpty ? nil : text
        }
    }

    mutating func error(at path: [String], _ message: String) {
        let position = locator.position(of: path)
        diagnostics.append(ConfigDiagnostic(.error, line: position.line, column: position.column, message))
    }

    mutating func warning(at path: [String], _ message: String) {
        let position = locator.position(of: path)
        diagnostics.append(ConfigDiagnostic(.warning, line: position.line, column: position.column, message))
    }

    static let unreadableKey = "a key holding a NUL character (\\u0000) cannot be read; no setting has one"

    /// "a string", "an integer", "a table" for messages.
    static func describe(_ type: TOMLType) -> String {
        let name = type.description
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}
