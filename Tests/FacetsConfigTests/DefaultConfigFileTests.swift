import FacetsConfig
import Foundation
import FacetsUI
import Testing

@Suite("The default config file")
struct DefaultConfigFileTests {
    @Test("It parses back to the defaults with no warning")
    func roundTrip() {
        let report = ConfigParser.parse(DefaultConfigFile.text)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.configuration == .defaults)
    }

    @Test("Every setting and every action is there, each with a comment")
    func complete() {
        let lines = DefaultConfigFile.text.split(separator: "\n").map(String.init)
        for setting in ConfigSchema.settings {
            let index = lines.firstIndex { $0.hasPrefix("\(setting.name) = ") && sectionOf(line: $0, in: lines) == setting.section }
            #expect(index != nil, "\(setting.path) missing")
            if let index { #expect(lines[index - 1].hasPrefix("# "), "\(setting.path) has no comment above it") }
        }
        for row in ActionTable.rows {
            let name = ActionNames.name(row.action)
            let line = lines.first { $0.hasPrefix("\(name) = [") }
            #expect(line?.hasSuffix("# " + row.description) == true, "\(name) missing or without its description")
        }
    }

    /// The `[section]` a line sits under (nil at the top).
    func sectionOf(line: String, in lines: [String]) -> String? {
        guard let index = lines.firstIndex(of: line) else { return nil }
        return lines[..<index].last { $0.hasPrefix("[") }.map { String($0.dropFirst().dropLast()) }
    }

    @Test("Changing one value in the printed file changes just that setting")
    func editedDefault() {
        let edited = DefaultConfigFile.text.replacingOccurrences(of: "quit = [\"q\", \"ctrl-c\"]", with: "quit = [\"x\"]")
            .replacingOccurrences(of: "smart_case = true", with: "smart_case = false")
        let report = ConfigParser.parse(edited)
        #expect(report.diagnostics.isEmpty)
        var expected = Configuration.defaults
        expected.keyMap = expected.keyMap.rebinding(.quit, to: [.character("x")])
        expected.search.smartCase = false
        #expect(report.configuration == expected)
    }
}
