import FacetsUI

/// Actions as a config file names them in `[keys]`: snake_case of the action (`move_down`, `global_search`).
public enum ActionNames {
    public static func name(_ action: Action) -> String {
        var out = ""
        for character in action.rawValue {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    public static func action(named name: String) -> Action? {
        ActionTable.rows.lazy.map(\.action).first { self.name($0) == name }
    }

    public static var all: [String] { ActionTable.rows.map { name($0.action) } }
}
