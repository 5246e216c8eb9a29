import FacetsBundledContent
import Foundation
import Testing

/// The real binary's version line and exit codes, as a script calling facets sees them:
/// 0 ok, 1 `check` found errors, 2 usage or environment.
@Suite("Exit codes and --version")
struct ExitCodeTests {
    /// A vault of two linked notes, the first also linking to a note that does not exist.
    static func vault() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-vault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Alpha\n---\nSee [[beta]] and [[nowhere]].\n"
            .write(to: folder.appendingPathComponent("alpha.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Beta\n---\nBack to [[alpha]].\n"
            .write(to: folder.appendingPathComponent("beta.md"), atomically: true, encoding: .utf8)
        return folder.path
    }

    func facets(_ arguments: String..., environment: [String: String]? = nil) throws -> ProcessResult {
        try runProcess(try Facets.requireBinary(), arguments, environment: environment)
    }

    @Test("--version prints the version and the bundled content's revision, exit 0")
    func version() throws {
        let result = try facets("--version")
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let match = try #require(
            line.wholeMatch(of: /facets (\d+)\.(\d+)\.(\d+) \(content ([0-9a-f]+)\)/),
            "unexpected --version output: \(line.debugDescription)")
        #expect(String(match.4) == BundledContent.revision, "the revision of the notes compiled into this build")
        #expect(result.stderr.isEmpty)
    }

    @Test("--help documents the exit codes")
    func helpDocumentsExitCodes() throws {
        let result = try facets("--help")
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 ok, 1 `check` found errors, 2 usage or environment"), "\(result.stdout)")
    }

    @Test("0: a command that succeeds, with output not a terminal")
    func ok() throws {
        let result = try facets("list", "--kind", "practice")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Safe experimental spaces"))
    }

    @Test("2: an unknown option, with the usage on stderr")
    func unknownOption() throws {
        let result = try facets("list", "--no-such-option")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: facets list"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("2: an unknown entry, with the nearest names suggested")
    func unknownEntry() throws {
        let result = try facets("show", "safe experimentl spaces")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no entry named \"safe experimentl spaces\""), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("2: a vault folder that does not exist, given by --vault or FACETS_VAULT")
    func missingVault() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("facets-missing-\(UUID().uuidString)").path
        let byOption = try facets("list", "--vault", missing)
        #expect(byOption.status == 2)
        #expect(byOption.stderr.contains("no such folder: \(missing)"), "\(byOption.stderr)")
        var environment = ProcessInfo.processInfo.environment
        environment["FACETS_VAULT"] = missing
        let byVariable = try runProcess(try Facets.requireBinary(), ["check"], environment: environment)
        #expect(byVariable.status == 2, "\(byVariable.stderr)")
    }

    @Test("0: check on a vault whose only problem is a broken link (a warning, not an error)")
    func brokenLinkIsAWarning() throws {
        let vault = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: vault) }
        let result = try facets("check", "--vault", vault)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("alpha.md:4: warning: no note for [[nowhere]]"), "\(result.stdout)")
        #expect(result.stdout.contains("0 errors, 1 warnings"), "\(result.stdout)")
    }

    /// An unreadable note is an error. root reads every file, so as root the check runs as nobody
    /// (setpriv), for whom the note's mode 000 holds.
    @Test(
        "1: check on a vault with a note it cannot read",
        .enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func unreadableNoteIsAnError() throws {
        let vault = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: vault) }
        let locked = vault + "/gamma.md"
        try "---\ntitle: Gamma\n---\nLocked.\n".write(toFile: locked, atomically: true, encoding: .utf8)
        #expect(chmod(locked, 0) == 0)
        let binary = try Facets.requireBinary()
        let result =
            geteuid() == 0
            ? try runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "check", "--vault", vault])
            : try runProcess(binary, ["check", "--vault", vault])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("gamma.md: error: cannot read: Permission denied"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 errors"), "\(result.stdout)")
    }
}
