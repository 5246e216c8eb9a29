import Foundation
import Testing

/// The config file through the real binary: `facets config`, precedence of flags, variables and file,
/// and the explorer in tmux obeying (or surviving) a config.
@Suite("Config file end to end", .serialized)
struct ConfigEndToEndTests {
    /// A fresh folder standing in for a home: nothing of the person's own config can leak in.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("facets-config-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func write(_ text: String, to url: URL) throws -> String {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A vault of one note titled `title`, so `facets list` shows which vault was opened.
    static func vault(_ title: String, in home: URL) throws -> String {
        let folder = home.appendingPathComponent("vault-\(title)")
        try write("---\ntitle: \(title)\n---\nA note.\n", to: folder.appendingPathComponent("note.md"))
        return folder.path
    }

    /// The environment of a run: only what is given, plus PATH and LANG.
    static func run(_ arguments: [String], _ environment: [String: String]) throws -> ProcessResult {
        var full = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        full.merge(environment) { $1 }
        return try runProcess(try Facets.requireBinary(), arguments, environment: full)
    }

    @Test("config --check: 0 for a good file (warnings on stderr), 2 with FILE:LINE:COLUMN for a broken one")
    func checkExitCodes() throws {
        let home = try Self.folder()
        let good = try Self.write("theme = \"light\"\ncolour = \"red\"\n[keys]\nquit = [\"x\"]\n", to: home.appendingPathComponent("good.toml"))
        var result = try Self.run(["config", "--check", good], ["HOME": home.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\(good): fine (1 warning)"))
        #expect(result.stderr.contains("\(good):2:1: warning: unknown setting \"colour\""))

        let broken = try Self.write("[keys]\nzoom = [\"z\", \"pagdn\"]\n", to: home.appendingPathComponent("broken.toml"))
        result = try Self.run(["config", "--check", broken], ["HOME": home.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(broken):2:14: error: keys.zoom: unknown key name \"pagdn\""))

        let syntax = try Self.write("theme = \"dark\"\n[display\n", to: home.appendingPathComponent("syntax.toml"))
        result = try Self.run(["config", "--check", syntax], ["HOME": home.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(syntax):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("TOML syntax"))

        result = try Self.run(["config", "--check", home.appendingPathComponent("none.toml").path], ["HOME": home.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no config file at"))

        // Without FILE: the file that would be read, here FACETS_CONFIG's.
        result = try Self.run(["config", "--check"], ["HOME": home.path, "FACETS_CONFIG": broken])
        #expect(result.status == 2)
        // No file at the usual place is fine: the defaults apply.
        result = try Self.run(["config", "--check"], ["HOME": home.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("the defaults apply"))
    }

    @Test("config --print-default writes a file that config --check accepts without a warning")
    func printDefaultChecks() throws {
        let home = try Self.folder()
        let printed = try Self.run(["config", "--print-default"], ["HOME": home.path])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("quit = [\"q\", \"ctrl-c\"]"))
        let path = try Self.write(printed.stdout, to: home.appendingPathComponent(".config/facets/config.toml"))
        let checked = try Self.run(["config", "--check"], ["HOME": home.path])
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("\(path): fine"), "\(checked.stdout)")
        #expect(checked.stderr.isEmpty, "\(checked.stderr)")
    }

    @Test("Config location: --config over FACETS_CONFIG over XDG_CONFIG_HOME over ~/.config")
    func configLocationPrecedence() throws {
        let home = try Self.folder()
        var files: [String: String] = [:]
        for name in ["flag", "variable", "xdg", "home"] {
            let vault = try Self.vault(name, in: home)
            let place =
                switch name {
                case "xdg": home.appendingPathComponent("xdg/facets/config.toml")
                case "home": home.appendingPathComponent(".config/facets/config.toml")
                default: home.appendingPathComponent("\(name).toml")
                }
            files[name] = try Self.write("vault = \"\(vault)\"\n", to: place)
        }
        let all = ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("xdg").path, "FACETS_CONFIG": files["variable"] ?? ""]
        func listed(_ arguments: [String], _ environment: [String: String]) throws -> String {
            let result = try Self.run(["list"] + arguments, environment)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try listed(["--config", files["flag"] ?? ""], all).hasPrefix("flag"))
        #expect(try listed([], all).hasPrefix("variable"))
        #expect(try listed([], all.filter { $0.key != "FACETS_CONFIG" }).hasPrefix("xdg"))
        #expect(try listed([], ["HOME": home.path]).hasPrefix("home"))
    }

    @Test("Vault: --vault over FACETS_VAULT over the config file's vault over the bundled content")
    func vaultPrecedence() throws {
        let home = try Self.folder()
        let flag = try Self.vault("flag", in: home), variable = try Self.vault("variable", in: home)
        _ = try Self.vault("file", in: home)
        // Relative to the config file's folder.
        try Self.write("vault = \"vault-file\"\n", to: home.appendingPathComponent("c.toml"))
        let config = home.appendingPathComponent("c.toml").path
        func listed(_ arguments: [String], _ environment: [String: String]) throws -> String {
            let result = try Self.run(["list", "--config", config] + arguments, environment.merging(["HOME": home.path]) { $1 })
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        #expect(try listed(["--vault", flag], ["FACETS_VAULT": variable]).hasPrefix("flag"))
        #expect(try listed([], ["FACETS_VAULT": variable]).hasPrefix("variable"))
        #expect(try listed([], [:]).hasPrefix("file"))
        let bundled = try Self.run(["list"], ["HOME": home.path])
        #expect(bundled.stdout.contains("Safe experimental spaces"))
    }

    @Test("keys lists the bindings in force; keys --markdown stays the defaults unless --config is given")
    func keysCommand() throws {
        let home = try Self.folder()
        let config = try Self.write("[keys]\nquit = [\"x\"]\n", to: home.appendingPathComponent("c.toml"))
        let plain = try Self.run(["keys"], ["HOME": home.path, "FACETS_CONFIG": config])
        #expect(plain.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("x ") && $0.hasSuffix("Quit") })
        let readme = try Self.run(["keys", "--markdown"], ["HOME": home.path, "FACETS_CONFIG": config])
        #expect(readme.stdout.contains("| `q` `Ctrl-C` | Quit |"))
        let given = try Self.run(["keys", "--markdown", "--config", config], ["HOME": home.path])
        #expect(given.stdout.contains("| `x` | Quit |"))
    }

    @Test("tmux: a config with quit = [\"x\"] — q does nothing, help and hints show x, x quits")
    func reboundQuitInTheExplorer() throws {
        let binary = try Facets.requireBinary()
        let home = try Self.folder()
        let config = try Self.write("[keys]\nquit = [\"x\"]\n", to: home.appendingPathComponent("c.toml"))
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(
            command: "env TERM=xterm-256color HOME=\(Facets.shellQuoted(home.path)) FACETS_CONFIG=\(Facets.shellQuoted(config)) "
                + Facets.shellQuoted(binary))
        let screen = try tmux.waitFor("Practices")
        #expect(screen.components(separatedBy: "\n").last(where: { !$0.isEmpty })?.contains("x quit") == true, "\(screen)")
        try tmux.press("q")
        try tmux.waitFor("q does nothing here")
        #expect(tmux.exitStatus == nil, "q no longer quits")
        try tmux.press("?")
        let help = try tmux.waitFor("Keys · Esc closes")
        // Scroll the help down to Quit, the last row of the keys that work everywhere.
        for _ in 0..<80 where !tmux.lines.contains(where: { $0.contains("Quit") }) {
            try tmux.press("j")
            usleep(20_000)
        }
        let end = try tmux.waitFor("Quit")
        let quitLine = end.components(separatedBy: "\n").first { $0.contains("Quit") } ?? ""
        #expect(quitLine.contains(" x "), "help lists quit on x: \(quitLine)\n\(help)")
        #expect(!quitLine.contains("Ctrl-C"))
        try tmux.press("Escape")
        try tmux.waitForAbsence(of: "Keys · Esc closes")
        try tmux.press("x")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("tmux: a broken config still starts the explorer on defaults and says where the error is")
    func brokenConfigStillStarts() throws {
        let binary = try Facets.requireBinary()
        let home = try Self.folder()
        let config = try Self.write("theme = \"light\"\n[keys]\nzoom = [\"q\"]\n", to: home.appendingPathComponent("broken.toml"))
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(
            command: "env TERM=xterm-256color HOME=\(Facets.shellQuoted(home.path)) "
                + "\(Facets.shellQuoted(binary)) --config \(Facets.shellQuoted(config))")
        let screen = try tmux.waitFor("Practices")
        #expect(screen.contains("Config file has 1 error: running on defaults"), "\(screen)")
        // Defaults: q still quits (the file wanted it for zoom).
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        // What was printed before the explorer took the screen is back once it has left.
        // (Long lines wrap at the pane's width: join them.)
        let after = tmux.screenWithHistory.replacingOccurrences(of: "\n", with: "")
        #expect(after.contains("\(config):3:9: error: key \"q\" is bound to both zoom and quit"), "\(after)")
    }
}
