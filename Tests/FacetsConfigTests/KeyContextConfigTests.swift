import FacetsConfig
import FacetsUI
import Testing

/// Issue 19, point 4: `[keys]` clashes are reported within a context (and a view's against everywhere),
/// named by context; prompt keys are actions a file rebinds like any other.
@Suite("Key contexts in the config file")
struct KeyContextConfigTests {
    static func errors(_ text: String) -> [ConfigDiagnostic] {
        ConfigParser.parse(text).diagnostics.filter { $0.severity == .error }
    }

    @Test("cancel and leave_tour on Ctrl-G: no clash, and Ctrl-G cancels in a prompt")
    func ctrlG() {
        let report = ConfigParser.parse("[keys]\ncancel = [\"ctrl-g\"]\nleave_tour = [\"ctrl-g\"]\n")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let map = report.configuration.keyMap
        #expect(map.action(for: .control("g"), in: [.prompt, .everywhere]) == .cancel)
        #expect(map.action(for: .escape, in: [.prompt, .everywhere]) == nil)
        #expect(map.action(for: .control("g"), in: [.tour, .tree, .everywhere]) == .leaveTour)
    }

    @Test("A tree key against an everywhere key is a clash, named by its context")
    func viewAgainstEverywhere() throws {
        let errors = Self.errors("[keys]\ntoggle_expand = [\"q\"]\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.line == 2)
        #expect(error.message.contains("key \"q\" is bound to both toggle_expand and quit (in the tree context)"), "\(error.message)")
    }

    @Test("Prompt keys clash only with prompt keys")
    func promptContext() throws {
        #expect(Self.errors("[keys]\nprompt_clear = [\"q\"]\nprompt_accept = [\"ctrl-y\"]\n").isEmpty, "q is quit's outside prompts only")
        let errors = Self.errors("[keys]\nprompt_clear = [\"ctrl-w\"]\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message.contains("prompt_delete_word and prompt_clear"), "\(error.message)")
        #expect(error.message.contains("(in the prompt context)"))
        #expect(error.message.contains("prompt_delete_word has it by default"))
    }

    @Test("An everywhere clash says no context")
    func everywhere() throws {
        let error = try #require(Self.errors("[keys]\nzoom = [\"q\"]\n").first)
        #expect(
            error.message.hasSuffix("key \"q\" is bound to both zoom and quit; quit has it by default: give it other keys in [keys] too"),
            "\(error.message)")
    }

    @Test("--print-default groups the keys by context, the prompt's with their keys")
    func printDefault() throws {
        let lines = DefaultConfigFile.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("# Prompt keys: while a query is typed") })
        let group = lines[(heading + 1)...].prefix { !$0.isEmpty }
        for name in [
            "prompt_accept = [\"enter\"]", "prompt_delete_word = [\"ctrl-w\"]", "prompt_history_previous = [\"ctrl-p\"]",
            "prompt_next = [\"down\", \"tab\"]",
        ] {
            #expect(group.contains { $0.hasPrefix(name) }, "\(name) not under the Prompt heading")
        }
        #expect(lines.contains { $0.hasPrefix("# Everywhere keys:") })
        let tree = try #require(lines.firstIndex { $0.hasPrefix("# Tree keys:") })
        #expect(lines[tree + 1].hasPrefix("toggle_expand = [\"o\", \"space\"]"))
    }
}
