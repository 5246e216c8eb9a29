import FacetsBundledContent
import Foundation
import Testing

/// `make install` as a user runs it, then the installed files as a user meets them: the binary on a
/// machine without Swift, `man facets`, and completion in bash, zsh and fish.
///
/// Its release build takes minutes, so the default run tests it only when `.build-release` is already up
/// to date; `FACETS_FULL_SWEEP=1` (CI) always does (see `Installation.wanted`).
@Suite(
    "make install", .serialized,
    .enabled(if: Installation.wanted, "needs an up-to-date .build-release (`make`), or FACETS_FULL_SWEEP=1"))
struct InstallTests {
    /// A fresh, empty folder that the test removes afterwards.
    static func emptyFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("facets-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs the installed binary from an empty folder with nothing of this environment: no Swift on
    /// PATH, no LD_LIBRARY_PATH, no vault variable.
    static func runInstalled(_ installation: Installation, _ arguments: String) throws -> ProcessResult {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let home = Facets.shellQuoted(folder)
        return try runShell("cd \(home) && exec env -i PATH=/usr/bin:/bin HOME=\(home) \(Facets.shellQuoted(installation.binary)) \(arguments)")
    }

    /// The subcommands the binary itself declares (argument-parser's own description of it).
    static func subcommands(of binary: String) throws -> [String] {
        struct Dump: Decodable {
            struct Command: Decodable {
                var commandName: String
                var subcommands: [Command]?
            }
            var command: Command
        }
        let dump = try runProcess(binary, ["--experimental-dump-help"])
        try #require(dump.status == 0, "--experimental-dump-help failed: \(dump.stderr)")
        let command = try JSONDecoder().decode(Dump.self, from: Data(dump.stdout.utf8)).command
        return (command.subcommands ?? []).map(\.commandName)
    }

    @Test("make install puts the binary, the man page and three completions under PREFIX")
    func installedFiles() throws {
        let installation = try Installation.require()
        for file in installation.installedFiles {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) was not installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: installation.binary))
    }

    @Test("the installed binary runs from an empty folder with PATH lacking Swift, and names its version")
    func runsWithoutSwift() throws {
        let installation = try Installation.require()
        let list = try Self.runInstalled(installation, "list")
        #expect(list.status == 0, "facets list exited \(list.status): \(list.stderr)")
        #expect(list.stdout.contains("Safe experimental spaces"), "the bundled content is in the binary:\n\(list.stdout)")
        #expect(list.stdout.split(separator: "\n").count >= 50, "every entry is listed")

        let version = try Self.runInstalled(installation, "--version")
        #expect(version.status == 0)
        #expect(version.stdout.contains("(content \(BundledContent.revision))"), "\(version.stdout)")
        // Built from the same sources as the binary `swift build` made, so it says the same.
        let debug = try runProcess(try Facets.requireBinary(), ["--version"])
        #expect(version.stdout == debug.stdout, "installed: \(version.stdout) built: \(debug.stdout)")
    }

    @Test("ldd: the Swift runtime and Foundation are linked in; ncurses stays shared")
    func selfContained() throws {
        let installation = try Installation.require()
        let ldd = try runProcess(try #require(Installation.executable(named: "ldd"), "no ldd"), [installation.binary])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        print("ldd \(installation.binary):\n" + libraries.joined(separator: "\n"))
        let swiftRuntime = libraries.filter { $0.contains("libswift") || $0.contains("libFoundation") || $0.contains("libdispatch") }
        #expect(swiftRuntime.isEmpty, "still shared: \(swiftRuntime)")
        #expect(libraries.contains { $0.hasPrefix("libncursesw") }, "ncurses is linked as a shared library")
        #expect(!libraries.contains { $0.contains("not found") })
    }

    @Test("man renders the page: NAME, SYNOPSIS, every subcommand and the exit codes")
    func manPage() throws {
        let installation = try Installation.require()
        let page = installation.manPage
        let source = try String(contentsOfFile: page, encoding: .utf8)
        #expect(source.contains(".Sh NAME") && source.contains(".Sh SYNOPSIS"), "mdoc sections")

        let rendered: String
        let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MANPAGER": "cat", "MANWIDTH": "80"]
        if let man = Installation.executable(named: "man") {
            let result = try runProcess(man, ["-l", page], environment: environment)
            #expect(result.status == 0, "man -l: \(result.stderr)")
            rendered = result.stdout
        } else if let groff = Installation.executable(named: "groff") {
            // Plain text: no bold or underline, neither as SGR sequences nor overstruck.
            let result = try runProcess(groff, ["-mandoc", "-Tutf8", "-P-c", "-P-b", "-P-u", page], environment: environment)
            #expect(result.status == 0, "groff: \(result.stderr)")
            rendered = result.stdout
        } else {
            rendered = source  // No formatter here: the checks below read the source.
        }
        let formatted = Installation.executable(named: "man") != nil || Installation.executable(named: "groff") != nil
        let plain = rendered.replacingOccurrences(of: ".\u{8}", with: "", options: .regularExpression)  // overstrikes, if any
        let lines = plain.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let text = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION"] {
            #expect(formatted ? lines.contains(heading) : source.contains(".Sh \(heading)"), "no \(heading) section:\n\(plain)")
        }
        #expect(text.contains("Explore how governments innovate"), "the abstract under NAME")
        if formatted {
            #expect(!plain.contains(".Sh ") && !plain.contains(".It "), "macros left unrendered")
        }
        let subcommands = try Self.subcommands(of: installation.binary)
        #expect(subcommands.count >= 10)
        for name in subcommands {
            // A tag item: the name alone on its line, or (when short) followed by its description.
            let item = lines.contains { $0 == name || $0.hasPrefix(name + " ") }
            #expect(formatted ? item : source.contains(".It Em \(name)"), "\(name) is not an item of the man page:\n\(plain)")
        }
        #expect(text.contains("Exit codes: 0 ok, 1 `check` found errors, 2 usage or environment"), "the exit codes")
    }

    @Test("bash: the completion loads with `complete -F` and completes subcommands and options")
    func bashCompletion() throws {
        let installation = try Installation.require()
        let file = Facets.shellQuoted(installation.bashCompletion)
        let registered = try runProcess("/bin/bash", ["-c", "source \(file) && complete -p facets"])
        #expect(registered.status == 0, "\(registered.stderr)")
        let function = try #require(
            registered.stdout.firstMatch(of: /-F (\S+) facets/).map { String($0.1) },
            "no completion function: \(registered.stdout)")

        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let script = """
                source \(file)
                COMP_LINE=\(Facets.shellQuoted(line)); COMP_POINT=${#COMP_LINE}
                COMP_WORDS=(\(words.map(Facets.shellQuoted).joined(separator: " "))); COMP_CWORD=\(words.count - 1)
                \(function) facets \(Facets.shellQuoted(words.last ?? "")) \(Facets.shellQuoted(words.dropLast().last ?? ""))
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try runProcess("/bin/bash", ["-c", script], environment: ["PATH": "/usr/bin:/bin"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }
        #expect(Set(try complete(["facets", "li"])) == ["list", "links"])
        let options = try complete(["facets", "search", "--"])
        for option in ["--kind", "--limit", "--json", "--vault"] {
            #expect(options.contains(option), "\(option) not offered after `facets search --`: \(options)")
        }
    }

    @Test("zsh: the completion parses and compinit registers it for facets", .enabled(if: Installation.executable(named: "zsh") != nil))
    func zshCompletion() throws {
        let installation = try Installation.require()
        let zsh = try #require(Installation.executable(named: "zsh"))
        let parsed = try runProcess(zsh, ["-n", installation.zshCompletion])
        #expect(parsed.status == 0, "zsh -n: \(parsed.stderr)")
        let folder = Facets.shellQuoted((installation.zshCompletion as NSString).deletingLastPathComponent)
        let dump = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let registered = try runProcess(
            zsh,
            [
                "-f", "-c",
                """
                fpath=(\(folder) $fpath); autoload -Uz compinit; compinit -u -d \(Facets.shellQuoted(dump + "/zcompdump"))
                print -r -- "${_comps[facets]}"
                """,
            ], environment: ["PATH": "/usr/bin:/bin", "HOME": dump])
        #expect(registered.status == 0, "\(registered.stderr)")
        #expect(
            registered.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "_facets",
            "compinit did not pick up share/zsh/site-functions/_facets: \(registered.stdout)")
    }

    @Test("fish: the completion parses and completes subcommands and options", .enabled(if: Installation.executable(named: "fish") != nil))
    func fishCompletion() throws {
        let installation = try Installation.require()
        let fish = try #require(Installation.executable(named: "fish"))
        let parsed = try runProcess(fish, ["--no-config", "-n", installation.fishCompletion])
        #expect(parsed.status == 0, "fish -n: \(parsed.stderr)")
        let dump = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        func complete(_ line: String) throws -> [String] {
            let result = try runProcess(
                fish,
                [
                    "--no-config", "-c",
                    "source \(Facets.shellQuoted(installation.fishCompletion)); complete -C \(Facets.shellQuoted(line))",
                ],
                environment: ["PATH": "/usr/bin:/bin", "HOME": dump])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        #expect(Set(try complete("facets li")) == ["list", "links"])
        #expect(try complete("facets list --").contains("--kind"))
    }

    @Test("DESTDIR stages under DESTDIR/PREFIX, a second make changes nothing, uninstall removes every file")
    func destdirAndUninstall() throws {
        let installation = try Installation.require()
        let stage = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: stage) }
        let generated = Facets.packageRoot.appendingPathComponent(".build-release/share/man/facets.1").path
        let built = Facets.packageRoot.appendingPathComponent(".build-release/release/facets").path
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let before = (modified(built), modified(generated))

        try Installation.runMake(["install", "DESTDIR=\(stage)", "PREFIX=/opt/facets"])
        let staged = Installation(prefix: stage + "/opt/facets", seconds: 0)
        for file in staged.installedFiles {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) was not staged")
        }
        #expect(
            before.0 != nil && (modified(built), modified(generated)) == before,
            "make rebuilt an up-to-date binary or regenerated its man page")
        let same = try runProcess("/usr/bin/cmp", [staged.manPage, installation.manPage])
        #expect(same.status == 0, "the staged man page differs from the installed one")

        try Installation.runMake(["uninstall", "DESTDIR=\(stage)", "PREFIX=/opt/facets"])
        for file in staged.installedFiles {
            #expect(!FileManager.default.fileExists(atPath: file), "\(file) is left after uninstall")
        }
    }
}
