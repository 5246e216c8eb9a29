import FacetsUI

/// The text `facets config --print-default` writes: every setting at its default with a comment saying
/// what it does, and every action with its default keys. Parsing it gives back `Configuration.defaults`.
public enum DefaultConfigFile {
    public static var text: String {
        var lines = [
            "# facets configuration (TOML).",
            "# Read from $XDG_CONFIG_HOME/facets/config.toml (else ~/.config/facets/config.toml), or from the",
            "# file named by --config or FACETS_CONFIG. Every setting below is at its default: keep only what",
            "# you change. Command-line flags override this file. Check a file with `facets config --check FILE`.",
            "",
        ]
        var section: String?
        for setting in ConfigSchema.settings {
            if setting.section != section, let name = setting.section {
                lines += ["", "[\(name)]"]
                section = name
            }
            if lines.last?.isEmpty == false, lines.last?.hasPrefix("[") == false { lines.append("") }
            lines += comment(setting.help)
            lines.append("\(setting.name) = \(value(of: setting))")
        }
        lines += ["", "[\(ConfigSchema.keysSection)]"]
        lines += comment(
            """
            Each action takes a list of keys, which replaces its default keys; [] leaves an action without a key \
            (quit must keep one). Keys belong to a context, marked above each group below. Two actions of one \
            context may not share a key, nor may a view's action (tree) share one with an everywhere action. \
            Modal contexts (tour, prompt) take their keys first while active, so they clash only among \
            themselves. In a prompt (/, :, the find in an entry) printable characters always type, cancel's \
            keys cancel and Ctrl-C quits. In the detail pane digits always type a link number.
            """)
        lines += comment(
            "Key names: one character (\"j\", \"G\", \"?\", \"/\"), \"ctrl-\" and a letter (\"ctrl-d\"), or "
                + KeySyntax.namesList + ". Names other than single characters ignore case.")
        let rows = KeyMap.defaults.rows
        let width = rows.map { ActionNames.name($0.action).count + 3 + TOMLText.array(keyNames($0.keys)).count }.max() ?? 40
        for context in KeyMap.defaults.contexts {
            lines += [""] + comment("\(context.title) keys: \(context.applies).")
            for row in rows where row.context == context {
                let binding = "\(ActionNames.name(row.action)) = \(TOMLText.array(keyNames(row.keys)))"
                lines.append(binding + String(repeating: " ", count: max(0, width - binding.count)) + "  # " + row.description)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func keyNames(_ keys: [Key]) -> [String] { keys.compactMap(KeySyntax.name) }

    static func value(of setting: ConfigSchema.Setting) -> String {
        let defaults = Configuration.defaults
        switch setting.kind {
        case .bool(let path): return defaults[keyPath: path] ? "true" : "false"
        case .theme(let path): return TOMLText.string(defaults[keyPath: path].rawValue)
        case .folder(let path): return TOMLText.string(defaults[keyPath: path] ?? "")
        }
    }

    /// `# ` lines wrapped at 100 columns.
    static func comment(_ text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > width, line != "#" {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }
}
