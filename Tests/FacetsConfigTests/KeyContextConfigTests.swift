import FacetsConfig
import FacetsUI
import Testing

/// Issue 19, point 4: `[keys]` clashes are reported within a context (and a view's against everywhere),
/// named by context.
@Suite("Key contexts in the config file")
struct KeyContextConfigTests {
    static func errors(_ text: String) -> [ConfigDiagnostic] {
        ConfigParser.parse(text).diagnostics.filter { $0.severity == .error }
    }

    @Test("A tree key against an everywhere key is a clash, named by its context")
    func viewAgainstEverywhere() throws {
        let errors = Self.errors("[keys]\ntoggle_expand = [\"q\"]\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 2)
        #expect(error.message.contains("key \"q\" is bound to both toggle_expand and quit (in the tree context)"), "\(error.message)")
    }

    @Test("An everywhere clash says no context")
    func everywhere() throws {
        let error = try #require(Self.errors("[keys]\nzoom = [\"q\"]\n").first)
        #expect(error.message.hasSuffix("key \"q\" is bound to both zoom and quit; quit has it by default: give it other keys in [keys] too"), "\(error.message)")
    }
}
