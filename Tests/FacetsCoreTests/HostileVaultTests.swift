import Foundation
import Testing
@testable import FacetsCore

/// The committed hostile vault (`Tests/Fixtures/HostileVault`), loaded as a person would open it: every
/// file's trouble is warned where it is, nothing outside the vault is reached, and the rest loads. (The
/// end-to-end tests add file names with escapes and symbolic links leading outside, made at test time.)
@Suite("Hostile vault")
struct HostileVaultTests {
    static var folder: String { Fixture.packageRoot.appendingPathComponent("Tests/Fixtures/HostileVault").path }

    static func load() throws -> Vault { try Vault.load(directory: folder) }

    func warnings(_ vault: Vault, _ path: String) -> [String] {
        vault.warnings.filter { $0.path == path }.map { "\($0.line): \($0.message)" }
    }

    @Test("every note loads but the binary one, in bounded time; no errors")
    func loads() throws {
        let start = ContinuousClock.now
        let vault = try Self.load()
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(vault.errors.isEmpty, "\(vault.errors)")
        let paths = Set(vault.notes.map(\.path))
        #expect(!paths.contains("nul_bytes.md"))
        #expect(warnings(vault, "nul_bytes.md") == ["0: skipped: binary file (contains NUL bytes)"])
        for path in [
            "clean_note.md", "escape_everywhere.md", "empty.md", "invalid_utf8.md", "crlf.md", "cr_only.md", "bom.md",
            "unclosed_front_matter.md", "alias_bomb.md", "cycle_a.md", "self_link.md", "folder/dup_one.md",
        ] {
            #expect(paths.contains(path), "\(path) did not load")
        }
    }

    @Test("escapes survive loading as data (made inert only when shown), and front matter holding them is read")
    func escapesAsData() throws {
        let vault = try Self.load()
        let evil = try index(of: "escape_everywhere.md", in: vault)
        let note = vault.notes[evil]
        #expect(note.title == "Wipe\u{1B}[2J\u{1B}[3J\u{1B}[H screen \u{1B}]0;pwned\u{07} title")
        #expect(note.group == "Hostile \u{202E}group\u{200B}")
        #expect(note.videoId == "HOSTILE01\u{1B}]8;;http://evil.example/\u{1B}\\")
        #expect(note.aliases.first == "\u{1B}]52;c;cHduZWQ=\u{07} clipboard")
        #expect(TerminalSafeText.sanitize(note.title) == "Wipe␛[2J␛[3J␛[H screen ␛]0;pwned␇ title")
        let labels = note.readLinks().map(\.label)
        #expect(labels.contains("label \u{1B}[31mred\u{1B}[0m"), "\(labels)")
        #expect(vault.missing.keys.contains("\u{1B}[2J"), "a target made of an escape is a missing note")
        // A raw escape in plain YAML is refused: the title falls back to the file name, with a warning.
        let raw = try index(of: "raw_escape_front_matter.md", in: vault)
        #expect(vault.notes[raw].title == "raw_escape_front_matter")
        #expect(warnings(vault, "raw_escape_front_matter.md").contains { $0.hasPrefix("2: invalid YAML") })
    }

    @Test("links leaving the vault never resolve and are warned; a cycle and a self link resolve")
    func links() throws {
        let vault = try Self.load()
        let leaving = try index(of: "leaving_the_vault.md", in: vault)
        for (offset, link) in vault.notes[leaving].readLinks().enumerated() {
            guard case .missing = vault.linkTargets[leaving][offset] else {
                Issue.record("[[\(link.target)]] resolved to a note")
                continue
            }
        }
        let left = warnings(vault, "leaving_the_vault.md")
        #expect(left.filter { $0.contains("link leaves the vault; not followed") }.count == 8, "\(left)")
        #expect(left.contains("7: no note for [[outside_link]]"))

        let a = try index(of: "cycle_a.md", in: vault), b = try index(of: "cycle_b.md", in: vault)
        let c = try index(of: "cycle_c.md", in: vault)
        #expect(vault.linkTargets[a] == [.note(b)] && vault.linkTargets[b] == [.note(c)] && vault.linkTargets[c] == [.note(a)])
        #expect(vault.backlinks[a].map(\.source).contains(c))
        let me = try index(of: "self_link.md", in: vault)
        #expect(vault.linkTargets[me] == [.note(me), .note(me), .note(me)])
        #expect(vault.backlinks[me].filter { $0.source == me }.count == 2, "named self links are backlinks; [[#Heading]] is not")
    }

    @Test("duplicates, empties, encodings, line endings and broken front matter, each warned or read right")
    func oddFiles() throws {
        let vault = try Self.load()
        if case .ambiguous(let both) = vault.lookup("Same title") {
            #expect(both.count == 2)
        } else {
            Issue.record("two notes titled \"Same title\" are not reported ambiguous")
        }
        #expect(warnings(vault, "folder/dup_one.md").contains { $0.contains("2 notes share the name \"dup_one\"") })
        #expect(vault.notes[try index(of: "empty.md", in: vault)].title == "empty")
        #expect(warnings(vault, "invalid_utf8.md") == ["5: invalid UTF-8, shown with replacement characters"])
        for (path, title, lines) in [("crlf.md", "CRLF endings", [5, 6]), ("cr_only.md", "CR endings", [5, 6])] {
            let note = vault.notes[try index(of: path, in: vault)]
            #expect(note.title == title)
            #expect(note.readLinks().map(\.line) == lines, "\(path)")
            #expect(!note.readText().contains("\r"))
        }
        let bom = vault.notes[try index(of: "bom.md", in: vault)]
        #expect(bom.title == "BOM note")
        #expect(bom.readText().unicodeScalars.first == "-")
        let unclosed = vault.notes[try index(of: "unclosed_front_matter.md", in: vault)]
        #expect(unclosed.title == "unclosed_front_matter")
        #expect(unclosed.readLinks().map(\.target) == ["clean_note"], "the unclosed block is read as text")
        #expect(warnings(vault, "unclosed_front_matter.md") == ["1: front matter starts with --- but never closes; read as text"])
        let bomb = vault.notes[try index(of: "alias_bomb.md", in: vault)]
        #expect(bomb.title == "alias_bomb")
        #expect(warnings(vault, "alias_bomb.md").contains { $0.contains("more than 20000 values") })
        #expect(bomb.readLinks().map(\.target) == ["clean_note"], "the body still loads")
    }

    @Test("the tour skips the stop that leaves the vault")
    func tour() throws {
        let vault = try Self.load()
        let tour = try #require(vault.tours.first)
        #expect(vault.tourStops(tour).map { vault.notes[$0].stem } == ["escape_everywhere", "cycle_a", "self_link"])
    }
}
