import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// An SSH client driven step by step (swift-nio-ssh), for what OpenSSH's client will not send: requests
/// in illegal orders, a key login whose signature does not match its key, odd user names.
final class ScriptedClient: Sendable {
    enum Login: Sendable {
        case none
        case password(String)
        /// Signs with `signer` but claims to be `claimed`: the signature cannot verify.
        case forgedKey(signer: Curve25519.Signing.PrivateKey, claimed: Curve25519.Signing.PrivateKey)
    }

    /// What came back on the session channel, in order.
    enum Event: Equatable, Sendable {
        case success
        case failure
        case exitStatus(Int)
        case eof
        case closed
    }

    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let connection: Channel
    private let events = NIOLockedValueBox([Event]())
    private let output = NIOLockedValueBox([UInt8]())
    private let session = NIOLockedValueBox<Channel?>(nil)

    /// Connects and logs in (or tries to; `loggedIn` says whether it worked).
    /// `packetSize` sets the largest packet the client takes, and so its window (64 packets).
    init(port: Int, user: String = "workshop", login: Login, bindTo source: String? = nil, packetSize: Int? = nil) throws {
        var bootstrap = ClientBootstrap(group: Self.group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    var configuration = SSHClientConfiguration(
                        userAuthDelegate: OneLogin(user: user, login: login),
                        serverAuthDelegate: AnyHostKey())
                    if let packetSize { configuration.maximumPacketSize = packetSize }
                    try channel.pipeline.syncOperations.addHandlers([
                        NIOSSHHandler(role: .client(configuration), allocator: channel.allocator, inboundChildChannelInitializer: nil),
                        CloseOnError(),
                    ])
                }
            }
            .connectTimeout(.seconds(10))
        if let source { bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: source, port: 0)) }
        connection = try bootstrap.connect(host: "127.0.0.1", port: port).wait()
    }

    deinit {
        connection.close(promise: nil)
    }

    /// Opens a session channel; throws when the server refuses it or the login failed.
    @discardableResult
    func openSession(timeout: TimeAmount = .seconds(15)) throws -> Channel {
        let promise = connection.eventLoop.makePromise(of: Channel.self)
        let events = self.events
        let output = self.output
        connection.eventLoop.scheduleTask(in: timeout) { promise.fail(ServeTestError("no session channel within the timeout")) }
        connection.closeFuture.whenComplete { _ in promise.fail(ServeTestError("the server closed the connection")) }
        connection.pipeline.handler(type: NIOSSHHandler.self).whenComplete { result in
            switch result {
            case .success(let handler):
                handler.createChannel(promise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(Recorder(events: events, output: output))
                    }
                }
            case .failure(let error):
                promise.fail(error)
            }
        }
        let channel = try promise.futureResult.wait()
        session.withLockedValue { $0 = channel }
        return channel
    }

    private var channel: Channel? { session.withLockedValue { $0 } }

    /// Sends a channel request; the future completes once it is written to the socket.
    @discardableResult
    func send(_ event: any Sendable) -> EventLoopFuture<Void>? {
        channel?.triggerUserOutboundEvent(event)
    }

    func pty(columns: Int = 80, rows: Int = 24, term: String = "xterm-256color") {
        send(
            SSHChannelRequestEvent.PseudoTerminalRequest(
                wantReply: true, term: term, terminalCharacterWidth: columns,
                terminalRowHeight: rows, terminalPixelWidth: 0, terminalPixelHeight: 0,
                terminalModes: SSHTerminalModes([:])))
    }

    func shell() { send(SSHChannelRequestEvent.ShellRequest(wantReply: true)) }

    @discardableResult
    func windowChange(columns: Int, rows: Int) -> EventLoopFuture<Void>? {
        send(
            SSHChannelRequestEvent.WindowChangeRequest(
                terminalCharacterWidth: columns, terminalRowHeight: rows,
                terminalPixelWidth: 0, terminalPixelHeight: 0))
    }

    /// Writes keys; completes (or fails, when the channel is gone) on the event loop.
    @discardableResult
    func type(_ text: String) -> EventLoopFuture<Void>? {
        guard let channel else { return nil }
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        return channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)))
    }

    var received: [Event] { events.withLockedValue { $0 } }
    var text: String { String(decoding: output.withLockedValue { $0 }, as: UTF8.self) }

    /// Waits until `condition` holds for the events so far.
    @discardableResult
    func waitFor(_ seconds: Double = 15, _ condition: ([Event]) -> Bool) -> Bool {
        Harness.waitUntil(seconds) { condition(received) }
    }

    var isConnected: Bool { connection.isActive }

    /// Stops reading the TCP socket: the server's writes pile up on its side.
    func stopReading() {
        try? connection.setOption(ChannelOptions.autoRead, value: false).wait()
    }

    func close() {
        try? connection.close().wait()
    }
}

/// Records replies, exit status, EOF and close of a session channel, and the bytes that came.
private final class Recorder: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    let events: NIOLockedValueBox<[ScriptedClient.Event]>
    let output: NIOLockedValueBox<[UInt8]>

    init(events: NIOLockedValueBox<[ScriptedClient.Event]>, output: NIOLockedValueBox<[UInt8]>) {
        self.events = events
        self.output = output
    }

    func handlerAdded(context: ChannelHandlerContext) {
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .byteBuffer(let bytes) = message.data else { return }
        output.withLockedValue { output in
            if output.count < 4_000_000 { output += bytes.readableBytesView }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        let recorded: ScriptedClient.Event?
        switch event {
        case is ChannelSuccessEvent: recorded = .success
        case is ChannelFailureEvent: recorded = .failure
        case let status as SSHChannelRequestEvent.ExitStatus: recorded = .exitStatus(status.exitStatus)
        case let event as ChannelEvent where event == .inputClosed: recorded = .eof
        default: recorded = nil
        }
        if let recorded { events.withLockedValue { $0.append(recorded) } }
    }

    func channelInactive(context: ChannelHandlerContext) {
        events.withLockedValue { $0.append(.closed) }
    }
}

/// Offers one login, then gives up.
private final class OneLogin: NIOSSHClientUserAuthenticationDelegate, @unchecked Sendable {
    let user: String
    let login: ScriptedClient.Login
    var offered = false

    init(user: String, login: ScriptedClient.Login) {
        self.user = user
        self.login = login
    }

    func nextAuthenticationType(
        availableMethods: NIOSSHAvailableUserAuthenticationMethods,
        nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>
    ) {
        guard !offered else { return nextChallengePromise.fail(ServeTestError("login refused")) }
        offered = true
        let offer: NIOSSHUserAuthenticationOffer.Offer
        switch login {
        case .none:
            offer = .none
        case .password(let password):
            offer = .password(.init(password: password))
        case .forgedKey(let signer, let claimed):
            var key = NIOSSHUserAuthenticationOffer.Offer.PrivateKey(privateKey: NIOSSHPrivateKey(ed25519Key: signer))
            key.publicKey = NIOSSHPrivateKey(ed25519Key: claimed).publicKey
            offer = .privateKey(key)
        }
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: user, serviceName: "ssh-connection", offer: offer))
    }
}

private final class AnyHostKey: NIOSSHClientServerAuthenticationDelegate, Sendable {
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        validationCompletePromise.succeed(())
    }
}

/// A refused login surfaces as an error on the connection: close it, so waiting callers learn at once.
private final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
