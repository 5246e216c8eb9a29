import FacetsUI

/// Key names as a config file writes them: `"j"`, `"G"`, `"?"`, `"ctrl-d"`, `"enter"`, `"pgdn"`, `"f1"`.
/// Named keys and `ctrl-` ignore case; a single character is taken as it is (`"g"` and `"G"` differ).
public enum KeySyntax {
    /// Every named key with its canonical name first; aliases follow.
    public static let named: [(names: [String], key: Key)] =
        [
            (["enter", "return"], .enter), (["tab"], .tab), (["shift-tab", "backtab"], .backTab),
            (["backspace"], .backspace), (["esc", "escape"], .escape), (["delete", "del"], .delete),
            (["space"], .character(" ")),
            (["up"], .up), (["down"], .down), (["left"], .left), (["right"], .right),
            (["pgup", "pageup"], .pageUp), (["pgdn", "pagedown"], .pageDown), (["home"], .home), (["end"], .end),
        ] + (1...12).map { (["f\($0)"], Key.function($0)) }

    /// The named keys for messages and the README: "enter, tab, ..., end, f1 to f12".
    public static var namesList: String {
        named.filter { if case .function = $0.key { false } else { true } }.map { $0.names[0] }.joined(separator: ", ") + ", f1 to f12"
    }

    /// Ctrl-letters a terminal sends as another key, and which one.
    static let ctrlAliases: [Character: String] = ["h": "backspace", "i": "tab", "j": "enter", "m": "enter"]

    public struct NameError: Error, Sendable, Equatable {
        public var message: String
    }

    /// The key a name stands for, or a message saying what is wrong and what would do.
    public static func parse(_ name: String) -> Result<Key, NameError> {
        if name.isEmpty { return .failure(NameError(message: "an empty key name")) }
        if name.count == 1, let character = name.first {
            return character.unicodeScalars.count == 1 && isTypeable(character)
                ? .success(.character(character))
                : .failure(NameError(message: "\(quoted(name)) is not a key one can type; write \"space\", \"tab\"... for those"))
        }
        let lower = name.lowercased()
        if let entry = named.first(where: { $0.names.contains(lower) }) { return .success(entry.key) }
        if lower.hasPrefix("ctrl-") {
            let rest = lower.dropFirst("ctrl-".count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else {
                return .failure(NameError(message: "unknown key name \(quoted(name)): ctrl- takes one letter, as in \"ctrl-d\""))
            }
            if let other = ctrlAliases[letter] {
                return .failure(
                    NameError(
                        message: "\(quoted(name)) reaches the explorer as \(quoted(other)) (terminals send the same byte); bind \(quoted(other))"))
            }
            return .success(.control(letter))
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), number > 12 {
            return .failure(NameError(message: "unknown key name \(quoted(name)): function keys go from f1 to f12"))
        }
        for prefix in ["ctrl+", "control-", "control+", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            return .failure(NameError(message: "unknown key name \(quoted(name)) (did you mean \(quoted("ctrl-" + lower.suffix(1)))?)"))
        }
        if let near = Nearest.name(to: lower, among: named.flatMap(\.names)) {
            return .failure(NameError(message: "unknown key name \(quoted(name)) (did you mean \(quoted(near))?)"))
        }
        return .failure(
            NameError(
                message: "unknown key name \(quoted(name)); write one character (\"j\", \"G\", \"?\"), ctrl-LETTER, or "
                    + "one of \(namesList)"))
    }

    /// The canonical name of a key, which `parse` reads back; nil for mouse and resize events.
    public static func name(_ key: Key) -> String? {
        if let entry = named.first(where: { $0.key == key }) { return entry.names[0] }
        switch key {
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        default: return nil
        }
    }

    /// Printable and not a space or control character: what `wget_wch` hands over as a character key.
    static func isTypeable(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { return false }
        return !scalar.properties.isWhitespace
    }

    static func quoted(_ text: String) -> String { TOMLText.string(text) }
}
