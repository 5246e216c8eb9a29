import Foundation
import Testing

/// Every command of the real binary on the hostile vault: nothing a note holds may drive the terminal
/// (no escape, C0 but newline and tab, C1, DEL or bidi override in stdout or stderr), `--json` parses and
/// its strings carry visible placeholders, and nothing outside the vault is ever shown.
@Suite("Hostile vault through the CLI", .serialized)
struct HostileCLITests {
    /// Every command as scripts run it, plain and with `--json` where it has it.
    static func invocations(_ vault: HostileVault) -> [[String]] {
        var commands: [[String]] = [
            ["list"], ["list", "--kind", "concept"], ["check"], ["keys"], ["keys", "--markdown"],
            ["tour", "--list"], ["timeline"], ["timeline", "HOSTILE01"], ["timeline", "escape_everywhere"],
        ]
        for query in ["wipe", "escape", "same title", "cycle", "\u{1B}[2J", "\u{202E}", "secret"] {
            commands.append(["search", query])
            commands.append(["search", query, "--limit", "50"])
        }
        for path in vault.notePaths where path != "nul_bytes.md" {  // skipped as binary: no such entry
            let name = String(path.dropLast(3))
            commands.append(["show", name])
            commands.append(["show", name, "--width", "40"])
            commands.append(["links", name])
        }
        let withJSON = commands.filter { !["keys", "tour"].contains($0[0]) && !$0.contains("--width") }
        return commands + withJSON.map { $0 + ["--json"] }
    }

    static func run(_ binary: String, _ arguments: [String], vault: HostileVault) throws -> ProcessResult {
        // `keys` reads no vault (and takes no --vault).
        try runProcess(
            binary, arguments + (arguments.first == "keys" ? [] : ["--vault", vault.vault.path]),
            environment: ["LANG": "C.UTF-8", "COLUMNS": "80", "PATH": "/usr/bin:/bin", "HOME": vault.root.path],
            timeout: 60)
    }

    @Test("no control character of a note reaches stdout or stderr, from any command, plain or JSON")
    func noControlBytes() throws {
        let binary = try Facets.requireBinary()
        let vault = try HostileVault()
        defer { vault.remove() }
        let invocations = Self.invocations(vault)
        #expect(invocations.count > 100)
        for arguments in invocations {
            let result = try Self.run(binary, arguments, vault: vault)
            let label = arguments.map(\.debugDescription).joined(separator: " ")
            // check exits 1 only for errors; the hostile vault holds warnings, not errors.
            #expect(result.status == 0, "\(label) exited \(result.status): \(result.stderr)")
            #expect(terminalHazards(in: result.stdoutBytes).isEmpty, "stdout of \(label): \(terminalHazards(in: result.stdoutBytes))")
            #expect(terminalHazards(in: result.stderrBytes).isEmpty, "stderr of \(label): \(terminalHazards(in: result.stderrBytes))")
            #expect(
                !result.stdout.contains(HostileVault.secret) && !result.stderr.contains(HostileVault.secret),
                "\(label) showed a file outside the vault")
            if arguments.contains("--json") {
                let object = try? JSONSerialization.jsonObject(with: Data(result.stdoutBytes), options: [.fragmentsAllowed])
                #expect(object != nil, "\(label) printed JSON that does not parse: \(result.stdout.prefix(300))")
                if let object {
                    let unsafe = Self.strings(in: object).filter { !terminalHazards(in: Array($0.utf8)).isEmpty }
                    #expect(unsafe.isEmpty, "\(label): decoded JSON strings with controls: \(unsafe.prefix(3).map(\.debugDescription))")
                }
            }
        }
    }

    @Test("the escapes show as visible placeholders, in text and in JSON")
    func placeholders() throws {
        let binary = try Facets.requireBinary()
        let vault = try HostileVault()
        defer { vault.remove() }
        let shown = try Self.run(binary, ["show", "escape_everywhere"], vault: vault)
        #expect(shown.stdout.contains("Wipe␛[2J␛[3J␛[H screen"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Body clears ␛[2J␛[H the screen"))
        #expect(shown.stdout.contains("␛]52;c;ZXZpbA==␇"))
        #expect(shown.stdout.contains("<U+202E>evil"))
        #expect(shown.stdout.contains("label ␛[31mred␛[0m"), "a link label's escapes")

        let json = try Self.run(binary, ["show", "escape_everywhere", "--json"], vault: vault)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        let title = try #require(report["title"] as? String)
        #expect(title.hasPrefix("Wipe␛[2J"), "\(title.debugDescription)")
        let frontMatter = try #require(report["frontMatter"] as? [String: String])
        #expect(frontMatter["videoId"]?.contains("␛]8;;http://evil.example/") == true, "\(frontMatter)")
        let links = try #require(report["links"] as? [[String: Any]])
        #expect(links.contains { ($0["label"] as? String) == "label ␛[31mred␛[0m" }, "\(links)")

        let list = try Self.run(binary, ["list", "--json"], vault: vault)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdoutBytes)) as? [[String: Any]])
        let paths = entries.compactMap { $0["path"] as? String }
        #expect(paths.contains("esc_␛[2J_name.md"), "file names carry placeholders: \(paths)")
        #expect(paths.contains("bidi_<U+202E>name.md"))
        #expect(!paths.contains { $0.contains("outside") || $0.contains("secret") }, "\(paths)")
    }

    @Test("links leaving the vault are shown as missing, warned, and never followed")
    func leavingLinks() throws {
        let binary = try Facets.requireBinary()
        let vault = try HostileVault()
        defer { vault.remove() }
        let links = try Self.run(binary, ["links", "leaving_the_vault"], vault: vault)
        #expect(links.stdout.contains("→ (no note for \"../../etc/passwd\")"), "\(links.stdout)")
        #expect(links.stdout.contains("→ (no note for \"/etc/passwd\")"))
        #expect(links.stdout.contains("→ (no note for \"outside_link\")"))
        let check = try Self.run(binary, ["check"], vault: vault)
        #expect(check.stdout.contains("leaving_the_vault.md:5: warning: link leaves the vault; not followed [[../../etc/passwd]]"), "\(check.stdout)")
        #expect(check.stdout.contains("outside_link.md: warning: symbolic link leads outside the vault; not followed"))
        #expect(check.stdout.contains("outside_folder: warning: symbolic link leads outside the vault; not followed"))
        #expect(check.stdout.contains("nul_bytes.md: warning: skipped: binary file"))
    }

    /// Every string in a decoded JSON value, keys included.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let string as String: return [string]
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        case let object as [String: Any]: return object.keys.map { $0 } + object.values.flatMap { strings(in: $0) }
        default: return []
        }
    }
}
