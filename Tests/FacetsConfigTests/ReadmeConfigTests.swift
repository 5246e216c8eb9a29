import FacetsConfig
import Foundation
import Testing

/// The README's Configuration section: its example is a valid file and names every setting.
@Suite("README configuration section")
struct ReadmeConfigTests {
    /// The first ```toml block after "## Configuration".
    static func example() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Configuration"), "no Configuration section in the README")
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```toml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        return String(rest[start.upperBound..<end.lowerBound])
    }

    @Test("The example parses without a problem and sets every setting")
    func example() throws {
        let text = try Self.example()
        let report = ConfigParser.parse(text)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let lines = text.split(separator: "\n").map(String.init)
        for setting in ConfigSchema.settings {
            let header = setting.section.map { "[\($0)]" }
            let start = header.flatMap { h in lines.firstIndex { $0.hasPrefix(h) } } ?? -1
            let end = lines.indices.first { $0 > start && lines[$0].hasPrefix("[") } ?? lines.count
            #expect(lines[(start + 1)..<end].contains { $0.hasPrefix("\(setting.name) = ") }, "the README's example lacks \(setting.path)")
        }
    }
}
