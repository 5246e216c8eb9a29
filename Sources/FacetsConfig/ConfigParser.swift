import FacetsUI
import TOMLKit

/// Reads a config file's text: TOML syntax (TOMLKit, which places its errors), then every setting's
/// type and value and the key bindings (placed by `TOMLLocator`).
public enum ConfigParser {
    public static func parse(_ text: String) -> ConfigReport {
        // TOMLKit hands the text to C as a C string: a NUL would silently cut it short.
        if let nul = firstNUL(in: text) {
            return ConfigReport(
                configuration: .defaults,
                diagnostics: [
                    ConfigDiagnostic(.error, line: nul.line, column: nul.column, "the file holds a NUL character (is it a config file?)")
                ])
        }
        let locator = TOMLLocator(text)
        if let malformed = locator.malformed {
            return ConfigReport(
                configuration: .defaults,
                diagnostics: [
                    ConfigDiagnostic(.error, line: malformed.position.line, column: malformed.position.column, "TOML syntax: \(malformed.problem)")
                ])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return ConfigReport(
                configuration: .defaults,
                diagnostics: [
                    ConfigDiagnostic(
                        .error, line: max(1, error.source.begin.line), column: max(1, error.source.begin.column),
                        "TOML syntax: \(oneLine(error.description))")
                ])
        } catch {
            return ConfigReport(configuration: .defaults, diagnostics: [ConfigDiagnostic(.error, line: 1, "TOML syntax: \(error)")])
        }
        var reader = SettingsReader(locator: locator)
        reader.read(root: table)
        return ConfigReport(configuration: reader.configuration, diagnostics: reader.diagnostics)
    }

    /// toml++ quotes what it saw, newlines included: keep the message on its line.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
            }
        }
        return out
    }

    static func firstNUL(in text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\0" { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }
}
