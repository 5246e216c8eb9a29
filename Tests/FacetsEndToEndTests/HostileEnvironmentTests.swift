import Foundation
import Testing

/// The explorer started where it cannot or should not draw: no usable TERM, standard input or output
/// not a terminal, a non-UTF-8 locale; and the plain subcommands writing into a pipe closed early.
/// Each refusal is a clear message and exit 2 with the terminal untouched: `stty -g` equal before and
/// after, and not one escape sequence written to it (every byte recorded in a pseudo-terminal).
@Suite("Hostile environments end to end", .serialized)
struct HostileEnvironmentTests {
    static let ptyRunner = Facets.packageRoot.appendingPathComponent("Tests/FacetsEndToEndTests/Support/pty_run.py").path

    struct PtyRun {
        var bytes: [UInt8]
        var status: Int?
        var sttyBefore: String
        var sttyAfter: String
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Runs a shell command line in a fresh 80x24 pseudo-terminal, in a folder of its own: `stty -g`
    /// before, the command, its status, `stty -g` after (into files, so only the command writes to the
    /// terminal).
    static func inPty(_ commandLine: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> PtyRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "cd \(Facets.shellQuoted(folder.path)) || exit 9; stty -g > before; \(commandLine); echo $? > status; stty -g > after"
        let result = try runProcess("/usr/bin/env", ["python3", ptyRunner, "80", "24", "--", "/bin/sh", "-c", script], timeout: 30)
        try #require(result.status == 0, "pty_run.py failed: \(result.stderr)", sourceLocation: sourceLocation)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let hex = report?["hex"] as? String ?? ""
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            if let byte = UInt8(hex[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        let read = { (name: String) in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return PtyRun(
            bytes: bytes, status: read("status").flatMap { Int($0) }, sttyBefore: read("before") ?? "(none)",
            sttyAfter: read("after") ?? "(none)")
    }

    /// Bytes other than printable text, tab, CR and LF: escape sequences and the like.
    static func controlBytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 || $0 == 0x7F }
    }

    static func expectUntouched(_ run: PtyRun, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "\(what): exit status \(String(describing: run.status))", sourceLocation: sourceLocation)
        #expect(
            run.sttyBefore == run.sttyAfter, "\(what): stty -g before \(run.sttyBefore) after \(run.sttyAfter)",
            sourceLocation: sourceLocation)
        #expect(
            controlBytes(run.bytes).isEmpty, "\(what): control bytes written to the terminal: \(run.text.debugDescription)",
            sourceLocation: sourceLocation)
        #expect(
            run.text.hasPrefix("facets: ") && run.text.hasSuffix("\r\n"), "\(what): one clear message: \(run.text.debugDescription)",
            sourceLocation: sourceLocation)
    }

    @Test(
        "No usable TERM: a message saying what to set, exit 2, the terminal untouched",
        arguments: [
            ("env -u TERM", "TERM is not set"), ("env TERM=", "TERM is not set"), ("env TERM=dumb", "TERM is \"dumb\""),
            ("env TERM=no-such-terminal", "\"no-such-terminal\" is unknown here"),
        ])
    func unusableTerm(_ prefix: String, _ message: String) throws {
        let binary = try Facets.requireBinary()
        let run = try Self.inPty("\(prefix) \(Facets.shellQuoted(binary))")
        Self.expectUntouched(run, prefix)
        #expect(run.text.contains(message), "\(prefix): \(run.text.debugDescription)")
        #expect(run.text.contains("TERM=xterm-256color"), "says what to try")
    }

    @Test(
        "Terminfo entries that cannot drive a screen: generic, printing, no cursor addressing",
        arguments: [
            "facets-generic", "facets-hardcopy", "facets-nocup",
        ])
    func terminfoWithoutCursorAddressing(_ name: String) throws {
        let binary = try Facets.requireBinary()
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/tic"), "tic (ncurses-bin) compiles the test entries")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-terminfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("entries.src")
        try """
        facets-generic|a generic type (like "unknown"),
        \tgn, am, cols#80,
        facets-hardcopy|a printing terminal,
        \thc, am, cols#80,
        facets-nocup|a screen that cannot move the cursor,
        \tam, cols#80, lines#24, bel=^G, cr=\\r, cud1=\\n, ind=\\n,

        """.write(to: source, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("terminfo").path
        let compiled = try runProcess("/usr/bin/tic", ["-o", database, source.path])
        try #require(compiled.status == 0, "tic: \(compiled.stderr)")
        // Without the check, ncurses starts on the last one and draws nothing but spaces, for ever.
        let run = try Self.inPty("env TERMINFO=\(Facets.shellQuoted(database)) TERM=\(name) \(Facets.shellQuoted(binary))")
        Self.expectUntouched(run, name)
        #expect(run.text.contains("\"\(name)\" is unknown here or cannot move the cursor"), "\(run.text.debugDescription)")
    }

    @Test(
        "Standard input or output not a terminal: a message naming which, exit 2, the terminal untouched",
        arguments: [
            ("BINARY < /dev/null", "standard input"), ("echo q | BINARY", "standard input"), ("BINARY explore < /dev/null", "standard input"),
            ("BINARY | cat", "standard output"), ("BINARY > /dev/null", "standard output"), ("BINARY tour | cat", "standard output"),
        ])
    func notATerminal(_ commandLine: String, _ which: String) throws {
        let binary = try Facets.requireBinary()
        // `| cat` reports cat's status, so the explorer's own is written to the status file instead.
        let line = commandLine.replacingOccurrences(of: "BINARY", with: "env TERM=xterm-256color \(Facets.shellQuoted(binary))")
        let run = try Self.inPty(line.hasSuffix("| cat") ? "{ \(line.dropLast(5)); echo $? > code; } | cat; (exit $(cat code))" : line)
        Self.expectUntouched(run, commandLine)
        #expect(run.text.contains("\(which) is not one"), "\(commandLine): \(run.text.debugDescription)")
        #expect(run.text.contains("facets list"), "points to the subcommands")
    }

    @Test(
        "Subcommands into a pipe closed early: no Broken pipe, no crash, status 0",
        arguments: [
            "list | head -1", "list | true", "show 'Safe experimental spaces' | head -c 20", "search silo | true",
            "timeline | head -1", "keys | true", "links 'Start here' | true", "--help | true", "check | true",
        ])
    func closedPipe(_ commandLine: String) throws {
        let binary = try Facets.requireBinary()
        let parts = commandLine.components(separatedBy: " | ")
        let script = "\(Facets.shellQuoted(binary)) \(parts[0]) 2>\"$ERR\" | \(parts[1]) >/dev/null; echo \"${PIPESTATUS[0]}\""
        let folder = FileManager.default.temporaryDirectory
        let errors = folder.appendingPathComponent("facets-pipe-\(UUID().uuidString).err").path
        defer { try? FileManager.default.removeItem(atPath: errors) }
        var environment = ProcessInfo.processInfo.environment
        environment["ERR"] = errors
        // A shell's defaults: SIGPIPE not ignored (runProcess starts children with default handlers).
        let result = try runProcess("/bin/bash", ["-c", script], environment: environment, timeout: 20)
        let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "facets \(commandLine): status \(result.stdout)")
        #expect(stderr.isEmpty, "facets \(commandLine) wrote to stderr: \(stderr.debugDescription)")
    }

    @Test(
        "Non-UTF-8 locales draw the same layout as --ascii, say why, and still quit cleanly",
        arguments: [
            ["LANG": "C", "LC_ALL": "C"], ["LC_ALL": "POSIX"], ["LANG": "POSIX"],
        ])
    func nonUTF8Locale(_ locale: [String: String]) throws {
        let binary = try Facets.requireBinary()
        let command = "env TERM=xterm-256color \(Facets.shellQuoted(binary))"
        let plain = try TmuxSession()
        defer { plain.close() }
        try plain.start(command: command, environment: locale)
        let screen = try plain.waitFor("Practices")
        #expect(screen.contains("not UTF-8"), "\(locale): says why it draws with ASCII:\n\(screen)")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(locale): nothing but ASCII sent:\n\(screen)")

        // The same screen as --ascii in a UTF-8 locale, but for characters ASCII has no room for (a `?`)
        // and the status line's message.
        let ascii = try TmuxSession()
        defer { ascii.close() }
        try ascii.start(command: command + " --ascii")
        try ascii.waitFor("Practices")
        for session in [plain, ascii] {
            try session.press("j", "j", "j", "Enter")
            try session.waitFor("Enhancement-oriented")
        }
        let shown = try plain.waitForStableScreen().components(separatedBy: "\n")
        let expected = try ascii.waitForStableScreen().components(separatedBy: "\n")
        #expect(shown.count == expected.count)
        for (row, (line, wanted)) in zip(shown, expected).enumerated().dropLast(2) {
            let a = Array(line.unicodeScalars), b = Array(wanted.unicodeScalars)
            let same = a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0 == "?" && !$1.isASCII) }
            #expect(same, "\(locale): row \(row)\n  \(line)\nvs --ascii in UTF-8:\n  \(wanted)")
        }
        try plain.press("q")
        #expect(try plain.waitForExit() == 0)
    }

    @Test("A wide character in a C locale is one ? and a space: nothing left of the screen before")
    func wideCharacterInCLocale() throws {
        let binary = try Facets.requireBinary()
        let vault = FileManager.default.temporaryDirectory.appendingPathComponent("facets-wide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: vault, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: vault) }
        try "---\ntitle: Alpha\n---\n\nabcdefghijklmnopqrstuvwxyz\n".write(
            to: vault.appendingPathComponent("alpha.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Beta\n---\n\n界界界界界界界界界界界界 end\n".write(to: vault.appendingPathComponent("beta.md"), atomically: true, encoding: .utf8)
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(
            command: "env TERM=xterm-256color \(Facets.shellQuoted(binary)) --vault \(Facets.shellQuoted(vault.path))",
            environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.waitFor("abcdefghijklmnopqrstuvwxyz")
        // From Alpha's text to Beta's, drawn over the same cells.
        try tmux.press("Tab", "j")
        // Wait for Beta's text itself, not its title: under load a capture can land between the two.
        let screen = try tmux.waitFor("  end")
        #expect(screen.contains("? ? ? ? ? ? ? ? ? ? ? ?  end"), "each wide character as `? `:\n\(screen)")
        #expect(!screen.contains("abcdef"), "nothing of Alpha's text is left:\n\(screen)")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
