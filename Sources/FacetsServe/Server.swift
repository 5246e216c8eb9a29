import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// Everything `facets serve` was told.
public struct ServeConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (printed at start).
    public var port = 2222
    /// The running `facets` binary, started once per session.
    public var executable: String
    /// Absolute; passed to each explorer as `--vault DIR`.
    public var vaultDirectory: String?
    /// Absolute; passed to each explorer as `--follow FILE`.
    public var followPath: String?
    /// Absolute; the config file the server read, passed to each explorer as `--config FILE` so every
    /// session has the presenter's keys and theme even where the explorer's own lookup would differ
    /// (sessions get a minimal environment: no XDG_CONFIG_HOME, no FACETS_CONFIG).
    public var configPath: String?
    public var access: AccessPolicy
    /// For the banner: where keys or the password come from.
    public var accessDescription: String
    public var maxSessions = 64
    /// Seconds without input before a session is closed; 0 never.
    public var idleTimeout: Double = 7200
    /// Seconds a connection has to log in (sshd's LoginGraceTime).
    public var loginGraceTime: Double = 30
    /// Unauthenticated connections: sshd's MaxStartups and PerSourceMaxStartups.
    public var startups = StartupLimits()
    /// Failed logins per source: free ones, slowing down, shutting out (PerSourcePenalties).
    public var penalties = PenaltyLimits()
    /// Where the host key lives.
    public var stateDirectory = HostKey.defaultDirectory
    /// The user name shown in the connect hint (any name is accepted).
    public var user = "workshop"

    public init(executable: String, access: AccessPolicy, accessDescription: String) {
        self.executable = executable
        self.access = access
        self.accessDescription = accessDescription
    }

    /// `[--vault DIR] [--follow FILE] [--config FILE]`, what each session's explorer gets.
    public var explorerArguments: [String] {
        var arguments: [String] = []
        if let vaultDirectory { arguments += ["--vault", vaultDirectory] }
        if let followPath { arguments += ["--follow", followPath] }
        if let configPath { arguments += ["--config", configPath] }
        return arguments
    }
}

/// `facets serve`: an SSH server whose only offer is a private explorer per attendee.
public enum FacetsServer {
    /// Serves until SIGTERM or SIGINT, then ends every session cleanly. Returns the exit code.
    public static func run(_ configuration: ServeConfiguration) throws -> Int32 {
        let hostKey = try HostKey.loadOrCreate(directory: configuration.stateDirectory)
        let sshKey = hostKey.sshKey
        let registry = SessionRegistry(maxSessions: configuration.maxSessions, unauthenticated: configuration.startups.full)
        let throttle = AuthThrottle(limits: configuration.penalties)
        let startups = StartupGate(limits: configuration.startups)
        let limiter = LogLimiter()
        let doorkeeper = Doorkeeper(
            throttle: throttle, startups: startups, registry: registry, limiter: limiter,
            loginGraceTime: configuration.loginGraceTime)
        let policy = configuration.access

        // The explorer's environment: nothing of the server's own beyond what a terminal program needs.
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["LANG": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin", "FACETS_SERVE": "1"]
        for name in ["HOME", "XDG_STATE_HOME", "TZ"] {
            if let value = inherited[name], !value.isEmpty { environment[name] = value }
        }

        signal(SIGPIPE, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let stopRequested = DispatchSemaphore(value: 0)
        var signalSources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            signalSources.append(source)
        }
        defer { signalSources.forEach { $0.cancel() } }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, min(2, System.coreCount)))
        var hintHost = configuration.host
        if ["127.0.0.1", "::1", "localhost"].contains(hintHost) { hintHost = "localhost" }
        if ["0.0.0.0", "::", ""].contains(hintHost) { hintHost = ProcessInfo.processInfo.hostName }

        let serverChannel: Channel
        var settings = SessionSettings(
            executable: configuration.executable, arguments: configuration.explorerArguments,
            environment: environment,
            idleTimeout: configuration.idleTimeout > 0 ? .nanoseconds(Int64(configuration.idleTimeout * 1e9)) : .zero,
            maxSessions: configuration.maxSessions,
            connectHint: "", workingDirectory: configuration.vaultDirectory ?? "/")
        let holder = SettingsHolder(settings)
        do {
            serverChannel = try ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    guard let connection = doorkeeper.admit(channel) else { return channel.close() }
                    let delegate = ServeAuthDelegate(policy: policy, throttle: throttle, connection: connection, limiter: limiter)
                    let sessionSettings = holder.value
                    var serverConfiguration = SSHServerConfiguration(
                        hostKeys: [sshKey], userAuthDelegate: delegate,
                        globalRequestDelegate: RefuseForwarding(connection: connection),
                        banner: nil, transportProtectionSchemes: InspectingTransport.schemes)
                    serverConfiguration.maxAuthAttempts = 10
                    // The smallest packet size SSH allows: a channel's receive window (64 packets) is then
                    // 2 MiB, the most a client can make the server hold for a session that reads nothing.
                    serverConfiguration.maximumPacketSize = 32768
                    return channel.eventLoop.makeCompletedFuture {
                        let ssh = NIOSSHHandler(
                            role: .server(serverConfiguration),
                            allocator: channel.allocator,
                            inboundChildChannelInitializer: { child, type in
                                switch type {
                                case .session:
                                    guard connection.claimSessionChannel() else {
                                        limiter.event(
                                            key: "channels \(connection.address)",
                                            "refused a second session channel from \(connection.address) (\(connection.credential)): one session per connection"
                                        )
                                        return child.eventLoop.makeFailedFuture(ServeError("one session per connection"))
                                    }
                                    return child.eventLoop.makeCompletedFuture {
                                        try child.pipeline.syncOperations.addHandler(
                                            SessionHandler(settings: sessionSettings, connection: connection, registry: registry))
                                    }
                                case .directTCPIP(let target):
                                    ServeLog.event(
                                        "refused port forwarding to \(ServeLog.inert(target.targetHost)):\(target.targetPort) from \(connection.address) (\(connection.credential))"
                                    )
                                    return child.eventLoop.makeFailedFuture(ServeError("port forwarding is not offered"))
                                case .forwardedTCPIP:
                                    ServeLog.event("refused a forwarded channel from \(connection.address)")
                                    return child.eventLoop.makeFailedFuture(ServeError("port forwarding is not offered"))
                                }
                            })
                        try channel.pipeline.syncOperations.addHandlers([
                            PacketWatch(connection: connection, delegate: delegate), ssh,
                            CloseOnErrorHandler(),
                        ])
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw ServeError("facets serve: cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let port = serverChannel.localAddress?.port ?? configuration.port
        let connect = "ssh -p \(port) \(configuration.user)@\(hintHost)"
        settings.connectHint = connect
        holder.value = settings

        printBanner(configuration: configuration, hostKey: hostKey, port: port, connect: connect)

        stopRequested.wait()
        ServeLog.event("stopping: ending \(registry.liveSessions) session(s)")
        serverChannel.close(promise: nil)
        let asked = registry.stopAll()
        // Explorers restore their screens and exit on SIGHUP; escalation inside each session ends stragglers.
        let deadline = Date().addingTimeInterval(8)
        while registry.liveSessions > 0 && Date() < deadline {
            usleep(20_000)
        }
        for channel in registry.openConnections { channel.close(promise: nil) }
        usleep(100_000)
        try? group.syncShutdownGracefully()
        ServeLog.event("stopped (\(asked) session(s) were open)")
        return 0
    }

    private static func printBanner(configuration: ServeConfiguration, hostKey: HostKey, port: Int, connect: String) {
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(configuration.host)
        ServeLog.banner(
            "facets serve: listening on \(configuration.host):\(port)\(loopback ? " (this machine only; --host 0.0.0.0 to let others in)" : "")")
        ServeLog.banner("  host key  256 \(hostKey.fingerprint) (ED25519)  \(hostKey.path)\(hostKey.created ? " (new)" : "")")
        ServeLog.banner("  connect   \(connect)")
        ServeLog.banner("  access    \(configuration.accessDescription)")
        ServeLog.banner("  explorer  \(([configuration.executable] + configuration.explorerArguments).joined(separator: " "))")
        let idle = configuration.idleTimeout > 0 ? "idle sessions closed after \(ServeLog.duration(configuration.idleTimeout))" : "no idle timeout"
        ServeLog.banner("  limits    \(configuration.maxSessions) sessions, \(idle)")
        let penalties = configuration.penalties
        ServeLog.banner(
            "  logins    \(ServeLog.duration(configuration.loginGraceTime)) to log in; not logged in: max-startups \(configuration.startups.description), \(configuration.startups.perSource) per address; \(penalties.maxFailures) failures shut an address out for \(ServeLog.duration(Double(penalties.penaltyTime.nanoseconds) / 1e9))"
        )
        if configuration.access.open {
            let warning = "WARNING: --open: no key or password is asked. Anyone who can reach \(configuration.host):\(port) gets a session."
            ServeLog.banner(warning)
            ServeLog.warning(warning)
        }
        ServeLog.banner("Stop with Ctrl-C (every session is closed cleanly). Sessions are logged below.")
    }
}

/// Session settings shared with connection initializers: the connect hint is known only once bound.
final class SettingsHolder: Sendable {
    private let box: NIOLockedValueBox<SessionSettings>
    init(_ settings: SessionSettings) { box = NIOLockedValueBox(settings) }
    var value: SessionSettings {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

/// Refuses `tcpip-forward` (ssh -R) and says so in the log.
struct RefuseForwarding: GlobalRequestDelegate {
    let connection: ConnectionInfo

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        if case .listen(let host, let port) = request {
            ServeLog.event("refused remote port forwarding of \(ServeLog.inert(host)):\(port) from \(connection.address) (\(connection.credential))")
        }
        promise.fail(ServeError("port forwarding is not offered"))
    }
}

/// Closes a connection on any pipeline error (protocol errors, failed handshakes).
final class CloseOnErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
