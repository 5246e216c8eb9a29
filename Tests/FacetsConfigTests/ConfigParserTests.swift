import FacetsConfig
import FacetsUI
import Testing

/// A config file's text in, settings and placed problems out.
@Suite("Config file parsing")
struct ConfigParserTests {
    /// The only error of a report (a failed expectation when there is not exactly one).
    static func onlyError(_ report: ConfigReport, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigDiagnostic? {
        #expect(report.errors.count == 1, "errors: \(report.errors)", sourceLocation: sourceLocation)
        return report.errors.first
    }

    @Test("A file setting everything: each setting lands, rebound actions get exactly their keys")
    func goodFile() {
        let report = ConfigParser.parse(
            """
            # mine
            theme = "light"
            vault = "/srv/notes"

            [display]
            ascii = true
            lofi = true
            mouse = false

            [presenter]
            start = true
            theme = "monochrome"

            [search]
            smart_case = false

            [keys]
            quit = ["x"]
            zoom = "Z"            # a single name works too
            move_down = ["j", "down", "ctrl-n"]
            help = []
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let c = report.configuration
        #expect(c.theme == .light)
        #expect(c.vault == "/srv/notes")
        #expect(c.display.ascii && c.display.lofi && !c.display.mouse)
        #expect(c.presenter.start && c.presenter.theme == .monochrome)
        #expect(!c.search.smartCase)
        #expect(c.keyMap.keys(for: .quit) == [.character("x")])
        #expect(c.keyMap.keys(for: .zoom) == [.character("Z")])
        #expect(c.keyMap.keys(for: .moveDown) == [.character("j"), .down, .control("n")])
        #expect(c.keyMap.keys(for: .help) == [])
        #expect(c.keyMap.keys(for: .moveUp) == KeyMap.defaults.keys(for: .moveUp), "actions left out keep their defaults")
        #expect(c.keyMap.action(for: .character("x")) == .quit)
        #expect(c.keyMap.action(for: .character("q")) == nil, "a list replaces the defaults")
    }

    @Test("An empty file is the defaults")
    func emptyFile() {
        let report = ConfigParser.parse("# nothing yet\n")
        #expect(report.diagnostics.isEmpty)
        #expect(report.configuration == .defaults)
    }

    @Test("TOML syntax errors carry TOMLKit's line and column, and the defaults apply")
    func syntaxError() throws {
        let report = ConfigParser.parse("theme = \"light\"\n\n[display]\nascii = tru\n")
        let error = try #require(Self.onlyError(report))
        #expect(error.line == 4)
        #expect(error.column == 12)
        #expect(error.message.hasPrefix("TOML syntax:"))
        #expect(!error.message.contains("\n"), "one line per message")
        #expect(report.configuration == .defaults, "the file's good theme is not half-applied")

        let duplicate = try #require(Self.onlyError(ConfigParser.parse("theme = \"dark\"\ntheme = \"light\"\n")))
        #expect(duplicate.line == 2)
        #expect(duplicate.message.contains("theme"))
    }

    @Test("A wrong type is placed at its key")
    func wrongType() throws {
        let report = ConfigParser.parse("theme = \"dark\"\n[display]\n  mouse = \"no\"\n")
        let error = try #require(Self.onlyError(report))
        #expect((error.line, error.column) == (3, 3))
        #expect(error.message == "display.mouse must be true or false, not a string")
        let section = try #require(Self.onlyError(ConfigParser.parse("search = 1\n")))
        #expect((section.line, section.column) == (1, 1))
        #expect(section.message.contains("search must be a table"))
    }

    @Test("An unknown theme is an error that lists the themes")
    func unknownTheme() throws {
        let error = try #require(Self.onlyError(ConfigParser.parse("\n[presenter]\ntheme = \"hi-contrast\"\n")))
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message.contains("\"hi-contrast\""))
        #expect(error.message.contains("did you mean \"high-contrast\""))
    }

    @Test("An unknown action is an error naming it, with the nearest action")
    func unknownAction() throws {
        let report = ConfigParser.parse("[keys]\nquit = [\"x\"]\nmove_dwn = [\"n\"]\n")
        let error = try #require(Self.onlyError(report))
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message.contains("unknown action \"move_dwn\""))
        #expect(error.message.contains("did you mean \"move_down\""))
        #expect(report.configuration.keyMap == .defaults, "the valid quit binding is set aside with the rest")
    }

    @Test("An unknown key name is placed at the name itself, also in a list over several lines")
    func unknownKeyName() throws {
        let report = ConfigParser.parse(
            """
            [keys]
            help = [
                "?",
                "pagdn",
            ]
            """)
        let error = try #require(Self.onlyError(report))
        #expect((error.line, error.column) == (4, 5))
        #expect(error.message.contains("keys.help"))
        #expect(error.message.contains("\"pagdn\" (did you mean \"pgdn\"?)"))
        let inline = try #require(Self.onlyError(ConfigParser.parse("[keys]\nzoom = [\"z\", \"ctrl-shift-z\"]\n")))
        #expect((inline.line, inline.column) == (2, 14))
    }

    @Test("Two actions on one key is an error naming both, placed at the key in the file")
    func conflictInFile() throws {
        let report = ConfigParser.parse("[keys]\nzoom = [\"x\"]\ntimeline = [\"t\", \"x\"]\n")
        let error = try #require(Self.onlyError(report))
        #expect((error.line, error.column) == (3, 18))
        #expect(error.message.contains("\"x\""))
        #expect(error.message.contains("timeline"))
        #expect(error.message.contains("zoom"))
        #expect(report.configuration.keyMap == .defaults)
    }

    @Test("Taking a key another action keeps by default is a conflict that says so")
    func conflictWithDefault() throws {
        let error = try #require(Self.onlyError(ConfigParser.parse("[keys]\nzoom = [\"q\"]\n")))
        #expect((error.line, error.column) == (2, 9))
        #expect(error.message.contains("both zoom and quit"))
        #expect(error.message.contains("quit has it by default"))
        // Moving quit away first makes the same binding fine.
        let fine = ConfigParser.parse("[keys]\nzoom = [\"q\"]\nquit = [\"x\"]\n")
        #expect(fine.diagnostics.isEmpty)
        #expect(fine.configuration.keyMap.action(for: .character("q")) == .zoom)
    }

    @Test("Tour keys conflict only with tour keys")
    func tourContext() throws {
        // Space is toggle_expand's outside a tour and tour_next's inside: not a conflict.
        #expect(ConfigParser.parse("[keys]\ntour_previous = [\"b\"]\n").diagnostics.isEmpty)
        let error = try #require(Self.onlyError(ConfigParser.parse("[keys]\nleave_tour = [\"right\"]\n")))
        #expect(error.message.contains("tour_next and leave_tour"))
        #expect(error.message.contains("in the tour context"))
    }

    @Test("quit must keep a key")
    func quitKeepsAKey() throws {
        let error = try #require(Self.onlyError(ConfigParser.parse("[keys]\nquit = []\n")))
        #expect(error.line == 2)
        #expect(error.message.contains("quit needs at least one key"))
    }

    @Test("Unknown settings and tables are warnings, and the rest of the file applies")
    func unknownKeysWarn() {
        let report = ConfigParser.parse(
            """
            theme = "light"
            colour = "red"
            [display]
            asci = true
            [colours]
            link = "blue"
            """)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.line) == [2, 4, 5])
        #expect(report.warnings[1].message.contains("\"display.asci\" (did you mean \"display.ascii\"?)"))
        #expect(report.configuration.theme == .light, "warnings leave the file in force")
        #expect(report.diagnostics.allSatisfy { $0.formatted(file: "c.toml").hasPrefix("c.toml:\($0.line):\($0.column ?? 0):") })
    }

    @Test("Several problems are all reported, in file order")
    func manyProblems() {
        let report = ConfigParser.parse("[keys]\nback = 3\nquitt = [\"x\"]\n[display]\nascii = \"yes\"\n")
        #expect(report.errors.map(\.line) == [2, 3, 5])
    }

    @Test("A NUL character is refused rather than cutting the file short")
    func nulCharacter() throws {
        let error = try #require(Self.onlyError(ConfigParser.parse("theme = \"light\"\nx\u{0}y = 1\n")))
        #expect((error.line, error.column) == (2, 2))
    }

    @Test("Inputs toml++ asserts on are reported as syntax errors before TOMLKit sees them")
    func inputsTomlPlusPlusAssertsOn() throws {
        let cases: [(text: String, line: Int, column: Int)] = [
            ("theme = \"dark\"\n[é]\n", 2, 2), ("[keys]\n[ =]\n", 2, 3), ("[\n]\n", 1, 2), ("[[\\b]]\n", 1, 3),
            ("[keys]\nquit = [\"q\", }]\n", 2, 14), ("a = [\n  # note\n  }\n]\n", 3, 3), ("a = { b = [}] }\n", 1, 12),
            ("# a\u{2028}b\n", 1, 4), ("x = [1,\u{85}]\n", 1, 8),
        ]
        for (text, line, column) in cases {
            let error = try #require(Self.onlyError(ConfigParser.parse(text)), "\(text.debugDescription)")
            #expect((error.line, error.column) == (line, column), "\(text.debugDescription): \(error)")
            #expect(error.message.hasPrefix("TOML syntax:"))
        }
        // What only looks like those stays fine: brackets inside strings and nested arrays.
        #expect(ConfigParser.parse("a = \"\"\"\n[é]\n\"\"\"\nb = [[1], [\"}\"]]\n").errors.isEmpty)
    }

    @Test("CRLF line ends: problems are placed the same")
    func crlf() throws {
        let error = try #require(Self.onlyError(ConfigParser.parse("[keys]\r\nquit = [\"x\"]\r\nzoom = [\"z\", \"pagdn\"]\r\n")))
        #expect((error.line, error.column) == (3, 14))
    }

    @Test("A key holding an escaped NUL is an error, not a crash (TOMLKit's iterator traps on it)")
    func escapedNULKey() throws {
        let top = try #require(Self.onlyError(ConfigParser.parse("theme = \"light\"\n\"a\\u0000b\" = 1\n")))
        #expect(top.message.contains("NUL"))
        let inKeys = try #require(Self.onlyError(ConfigParser.parse("[keys]\n\"quit\\u0000\" = [\"x\"]\n")))
        #expect(inKeys.line == 1, "placed at [keys]")
        #expect(ConfigParser.parse("[display]\n\"x\\u0000\" = true\n").hasErrors)
    }
}
