import FacetsConfig
import Testing

/// Damaged config files: whatever the text, a report with placed problems comes back, never a crash.
/// (These found two inputs on which toml++ asserts instead of reporting; `TOMLLocator.malformed` catches them.)
@Suite("Damaged config files")
struct ConfigRobustnessTests {
    /// A small deterministic generator (the same damage every run, so a failure can be replayed).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// TOMLKit never frees a parsed table, so each round costs memory: enough rounds to find the
    /// shallow crashes, few enough to stay quick.
    static let rounds = 1000

    @Test("1000 damaged copies of the default file parse to reports whose lines exist")
    func damagedDefaults() {
        let original = Array(DefaultConfigFile.text)
        let pieces: [String] = [
            "\"", "'", "[", "]", "{", "}", "=", ",", "\n", "\r\n", "\t", "#", ".", "\\", "\\u0000", "\"\"\"",
            "'''", "x", "1", " ", "[[a]]", "é", "\u{7F}", "\u{1}", "\u{2028}", "+", "-", ":", "1979-05-27", "inf", "0x",
        ]
        var random = Generator(state: 42)
        var errors = 0
        for _ in 0..<Self.rounds {
            var text = original
            for _ in 0..<(1 + random.next(4)) {
                let at = random.next(text.count)
                switch random.next(3) {
                case 0: text.remove(at: at)
                case 1: text.insert(contentsOf: pieces[random.next(pieces.count)], at: at)
                default: text[at] = Character(pieces[random.next(pieces.count)].first.map(String.init) ?? "x")
                }
            }
            let string = String(text)
            let report = ConfigParser.parse(string)
            let lines = string.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(report.diagnostics.allSatisfy { $0.line >= 1 && $0.line <= lines + 1 }, "\(report.diagnostics) for:\n\(string)")
            if report.hasErrors {
                errors += 1
                #expect(report.configuration == .defaults)
            }
        }
        #expect(errors > Self.rounds / 20, "the damage should break many files (\(errors) broke)")
    }

    @Test("Random TOML-ish text: a report, never a crash")
    func randomText() {
        let alphabet: [String] = [
            "[", "]", "[[", "]]", "{", "}", "=", ",", ".", "\n", "\r\n", " ", "\t", "#", "\"", "'", "\"\"\"",
            "'''", "\\", "a", "keys", "quit", "display", "1", "true", "-", "_", "é", "\u{2028}", "\u{85}", "\u{0}",
            "\u{7F}", "1979-05-27T07:32:00Z", "0x1F", "+inf", "nan", ":",
        ]
        var random = Generator(state: 7)
        for _ in 0..<(Self.rounds * 20) {
            var text = ""
            for _ in 0..<(1 + random.next(24)) { text += alphabet[random.next(alphabet.count)] }
            let report = ConfigParser.parse(text)
            #expect(report.diagnostics.allSatisfy { $0.line >= 1 }, "\(report.diagnostics) for \(text.debugDescription)")
        }
    }
}
