import ArgumentParser
import FacetsServe
import Foundation

/// `facets serve`: one read-only explorer per workshop attendee, over SSH.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the explorer over SSH: every attendee gets their own read-only session.",
        discussion: """
            Attendees connect with `ssh -p PORT workshop@HOST` (any user name works)
            and each gets a private explorer, `facets [--vault DIR] [--follow FILE]`,
            in a pseudo-terminal of their window's size. Nothing else is offered:
            no shell, no commands (exec), no sftp, no port, agent or X11
            forwarding (refused requests are logged; the session carries on).
            An explorer that crashes ends its own session only.

            ACCESS (keys, a password, or both; or --open)
              --authorized-keys FILE  authorized_keys lines: ssh-ed25519 or ECDSA
                                      (options are ignored). Re-read when it
                                      changes, so keys can be added on the day.
              --password-file FILE    one shared password: the first line of FILE.
              --open                  no key, no password: anyone who can reach
                                      the port gets in.
            Failed attempts from one address: the first 3 are answered at once,
            later ones slower and slower (0.5 s, 1 s, 2 s, ... up to 30 s); after
            --max-auth-failures (default 10) the address is refused outright for
            --penalty-time seconds (default 60). Public-key logins whose signature
            does not verify count as failures. Other addresses are not affected.

            BEFORE LOGIN (as sshd's LoginGraceTime, MaxStartups, PerSourceMaxStartups)
              --login-grace-time SECONDS  time to log in (default 30), then closed.
              --max-startups START:RATE:FULL  connections not logged in yet: past
                                      START new ones are dropped with RATE percent
                                      chance, rising to all at FULL (default
                                      100:30:200).
              --per-source-max-startups N  not-logged-in connections one address
                                      may hold (default 64, a room behind one NAT;
                                      keep it below START so one address cannot
                                      make others be dropped).
            One session per connection; terminals are cut to 500x200.

            HOST KEY
            An Ed25519 key made on first start in $XDG_STATE_HOME/facets/ (or
            ~/.local/state/facets/) as ssh_host_ed25519_key, mode 0600, and reused
            later; a key file that others can read, or a folder others can write
            to, is refused. Its fingerprint is
            printed at start (SHA256, as ssh-keygen -l shows it) for attendees to
            compare with what ssh shows them.

            FOLLOW THE PRESENTER
              presenter:  facets --present --publish default
              server:     facets serve --follow --authorized-keys attendees.keys
            With --follow every session starts as `facets --follow FILE`: it shows
            "Following the presenter" and opens each entry the presenter opens.
            Any key stops following; F follows again. FILE is `default`, meaning
            $XDG_STATE_HOME/facets/presenter.json (or ~/.local/state/facets/
            presenter.json), unless --presenter-file names the FILE the presenter
            gave to --publish. Presenter and server share this machine and user.

            LIMITS AND LOGS
            At most --max-sessions explorers run at once (default 64); the next
            attendee is told that all seats are taken, then disconnected. A
            session without input for --idle-timeout seconds (default 7200) is
            closed. SIGTERM or Ctrl-C closes every session cleanly (explorers
            restore their screens) and exits 0. Standard error logs each session:
            client address, key fingerprint or password/open, start, end and
            duration.
            """)

    @Option(name: .long, help: ArgumentHelp("Address to listen on (loopback by default; 0.0.0.0 for everyone).", valueName: "ADDRESS"))
    var host = "127.0.0.1"
    @Option(name: .long, help: ArgumentHelp("Port to listen on (0: any free port, printed at start).", valueName: "PORT"))
    var port = 2222
    @OptionGroup var vaultOptions: VaultOptions
    @Option(
        name: .customLong("authorized-keys"), help: ArgumentHelp("Let in the public keys listed in FILE (authorized_keys format).", valueName: "FILE")
    )
    var authorizedKeys: String?
    @Option(name: .customLong("password-file"), help: ArgumentHelp("Let in whoever types the password on the first line of FILE.", valueName: "FILE"))
    var passwordFile: String?
    @Flag(name: .long, help: "Let everyone in: no key, no password.")
    var open = false
    @Option(name: .customLong("max-sessions"), help: ArgumentHelp("Explorers running at once.", valueName: "N"))
    var maxSessions = 64
    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Close a session after this long without input (0: never).", valueName: "SECONDS"))
    var idleTimeout = 7200
    @Option(
        name: .customLong("login-grace-time"), help: ArgumentHelp("Close a connection that has not logged in after this long.", valueName: "SECONDS"))
    var loginGraceTime = 30.0
    @Option(
        name: .customLong("max-startups"),
        help: ArgumentHelp("Connections not logged in yet: random early drop past START, all past FULL.", valueName: "START:RATE:FULL"))
    var maxStartups = "100:30:200"
    @Option(name: .customLong("per-source-max-startups"), help: ArgumentHelp("Connections not logged in yet from one address.", valueName: "N"))
    var perSourceMaxStartups = 64
    @Option(name: .customLong("max-auth-failures"), help: ArgumentHelp("Failed logins from one address before it is shut out.", valueName: "N"))
    var maxAuthFailures = 10
    @Option(name: .customLong("penalty-time"), help: ArgumentHelp("How long an address is shut out after --max-auth-failures.", valueName: "SECONDS"))
    var penaltyTime = 60.0
    @Flag(name: .long, help: "Start every explorer following the presenter (see FOLLOW THE PRESENTER).")
    var follow = false
    @Option(
        name: .customLong("presenter-file"),
        help: ArgumentHelp("The file the presenter publishes to (default: `default`, see above).", valueName: "FILE"))
    var presenterFile: String?

    func validate() throws {
        if open && (authorizedKeys != nil || passwordFile != nil) {
            throw ValidationError("--open lets everyone in; leave out --authorized-keys and --password-file, or drop --open")
        }
        if !open && authorizedKeys == nil && passwordFile == nil {
            throw ValidationError("say who may connect: --authorized-keys FILE, --password-file FILE, or --open")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxSessions >= 1 else { throw ValidationError("--max-sessions must be at least 1") }
        guard idleTimeout >= 0 else { throw ValidationError("--idle-timeout must be 0 or more seconds") }
        guard loginGraceTime >= 1 else { throw ValidationError("--login-grace-time must be at least 1 second") }
        guard StartupLimits(maxStartups, perSource: perSourceMaxStartups) != nil else {
            throw ValidationError("--max-startups takes START:RATE:FULL (1 <= START <= FULL, RATE 0-100) or N; --per-source-max-startups at least 1")
        }
        guard maxAuthFailures >= 1 else { throw ValidationError("--max-auth-failures must be at least 1") }
        guard penaltyTime >= 0 else { throw ValidationError("--penalty-time must be 0 or more seconds") }
        if presenterFile != nil && !follow { throw ValidationError("--presenter-file goes with --follow") }
    }

    func run() throws {
        do {
            try serve()
        } catch let error as ServeError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }

    private func serve() throws {
        // The vault is read now so a broken one stops the server rather than every session.
        let (vault, config) = try vaultOptions.loadWithConfig()
        // The folder chosen here (flag, variable or config file) is the one every session opens.
        let vaultDirectory = vaultOptions.choice(config.configuration).directory

        var policy = AccessPolicy(open: open)
        var described: [String] = []
        if let authorizedKeys {
            let file = try AuthorizedKeysFile(path: Self.absolute(authorizedKeys))
            let keys = file.current
            for (line, reason) in keys.skipped { Output.error("facets serve: \(authorizedKeys):\(line): skipped: \(reason)") }
            if !keys.linesWithOptions.isEmpty {
                Output.error(
                    "facets serve: \(authorizedKeys): options on lines \(keys.linesWithOptions.map(String.init).joined(separator: ", ")) are ignored")
            }
            if keys.keys.isEmpty { Output.error("facets serve: warning: \(authorizedKeys) holds no usable key yet (it is re-read when it changes)") }
            policy.authorizedKeys = file
            described.append("\(keys.keys.count) public key(s) from \(file.path)")
        }
        if let passwordFile {
            policy.password = try Self.readPassword(passwordFile)
            described.append("the shared password in \(Self.absolute(passwordFile))")
        }
        if open { described.append("OPEN: no key or password asked") }

        var configuration = ServeConfiguration(
            executable: try Self.runningBinary(), access: policy,
            accessDescription: described.joined(separator: " or "))
        configuration.host = host
        configuration.port = port
        configuration.vaultDirectory = vaultDirectory.map(Self.absolute)
        if config.exists, let path = config.location?.path { configuration.configPath = Self.absolute(path) }
        if follow {
            let file = presenterFile ?? "default"
            configuration.followPath = file == "default" ? PresenterFile.defaultPath : Self.absolute(file)
        }
        configuration.maxSessions = maxSessions
        configuration.idleTimeout = Double(idleTimeout)
        configuration.loginGraceTime = loginGraceTime
        if let startups = StartupLimits(maxStartups, perSource: perSourceMaxStartups) { configuration.startups = startups }
        configuration.penalties.maxFailures = maxAuthFailures
        configuration.penalties.setPenaltyTime(seconds: penaltyTime)
        ServeLog.banner("facets serve: \(vault.notes.count) entries from \(vault.origin)")
        let code = try FacetsServer.run(configuration)
        if code != 0 { throw ExitCode(code) }
    }

    /// The first line of FILE; warns when others can read it.
    static func readPassword(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServeError("facets serve: cannot read the password file \(path)")
        }
        let password = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        guard !password.isEmpty else { throw ServeError("facets serve: the password file \(path) starts with an empty line") }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            Output.error("facets serve: warning: others can read the password file \(path) (chmod 600 it)")
        }
        return password
    }

    /// The path of this very binary, so sessions run the same build.
    static func runningBinary() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw ServeError("facets serve: cannot find the running binary through /proc/self/exe") }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }
}
