import Foundation
import NIOCore
import NIOPosix
import NIOSSH

/// How every session's explorer is started and kept.
struct SessionSettings: Sendable {
    /// The running `facets` binary.
    var executable: String
    /// `[--vault DIR] [--follow FILE]`.
    var arguments: [String]
    /// The explorer's environment, less TERM (which comes from the client).
    var environment: [String: String]
    var idleTimeout: TimeAmount
    var maxSessions: Int
    /// For the message to a client that asked for no terminal.
    var connectHint: String
    /// Where each explorer starts: the vault, or `/` (never the server's own working directory).
    var workingDirectory = "/"
}

/// One SSH session channel: answers its requests, runs one explorer in a pseudo-terminal of the client's
/// size, moves bytes both ways with back-pressure, and ends in the order clients expect (last output,
/// exit status, EOF, close). Everything runs on the connection's event loop.
final class SessionHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let settings: SessionSettings
    private let connection: ConnectionInfo
    private let registry: SessionRegistry

    private var context: ChannelHandlerContext?
    private var loop: EventLoop?
    /// Which requests are allowed now (SessionPhase.decide).
    private(set) var phase = SessionPhase.awaitingTerminal
    private var id: Int?
    private var process: PtyProcess?
    private var bridge: PtyBridge?
    private var ptyOpen = false
    private var sshOpen = true
    private var pendingRead = false
    private var lastWrite: EventLoopFuture<Void>?
    private var lastInput = NIODeadline.now()
    private var started = NIODeadline.now()
    private var idleTask: Scheduled<Void>?
    /// Asking the explorer to end, escalating, and reaping it.
    private var ending = ExplorerEnding()
    private var farewell: String?

    init(settings: SessionSettings, connection: ConnectionInfo, registry: SessionRegistry) {
        self.settings = settings
        self.connection = connection
        self.registry = registry
    }

    // MARK: The SSH side

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.loop = context.eventLoop
        // A client's EOF arrives as an event rather than closing the channel under the explorer.
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        clientLeft()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        clientLeft()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        let request: SessionRequest
        let wantReply: Bool
        switch event {
        case let event as SSHChannelRequestEvent.PseudoTerminalRequest:
            request = .pty(Terminal(term: Self.usableTerm(event.term), columns: event.terminalCharacterWidth, rows: event.terminalRowHeight))
            wantReply = event.wantReply
        case let event as SSHChannelRequestEvent.ShellRequest:
            (request, wantReply) = (.shell, event.wantReply)
        case let event as SSHChannelRequestEvent.ExecRequest:
            (request, wantReply) = (.exec(event.command), event.wantReply)
        case let event as SSHChannelRequestEvent.SubsystemRequest:
            (request, wantReply) = (.subsystem(event.subsystem), event.wantReply)
        case let event as SSHChannelRequestEvent.EnvironmentRequest:
            // The transport rewrites requests NIOSSH cannot parse into this marked env (InspectingTransport).
            request = event.name == PacketInspection.refusedRequestMarker ? .unsupported(event.value) : .environment(event.name)
            wantReply = event.wantReply
        case let event as SSHChannelRequestEvent.WindowChangeRequest:
            (request, wantReply) = (.windowChange(columns: event.terminalCharacterWidth, rows: event.terminalRowHeight), false)
        case let event as ChannelEvent where event == .inputClosed:
            (request, wantReply) = (.endOfInput, false)
        default:
            return context.fireUserInboundEventTriggered(event)
        }
        handle(request, wantReply: wantReply)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard message.type == .channel, case .byteBuffer(let bytes) = message.data, bytes.readableBytes > 0 else { return }
        guard case .deliver = decide(.data), let bridge, ptyOpen, !ending.isOver else { return }
        lastInput = .now()
        bridge.write(bytes)
    }

    /// Moves to the phase `decide` gives and returns what to do.
    private func decide(_ request: SessionRequest) -> SessionAction {
        let (next, action) = phase.decide(request)
        phase = next
        return action
    }

    private func handle(_ request: SessionRequest, wantReply: Bool) {
        switch decide(request) {
        case .accept:
            reply(true, wantReply)
        case .startExplorer(let terminal):
            startShell(terminal, wantReply: wantReply)
        case .explainTerminalNeeded:
            reply(true, wantReply)
            ServeLog.event("refused a session without a terminal from \(connection.address) (\(connection.credential))")
            sendAndClose(
                "facets serve shows the facets explorer, which needs a terminal: connect with\n  \(settings.connectHint)\n",
                stream: .stdErr, status: 1)
        case .resize(let terminal):
            if let process, ptyOpen, bridge != nil, !ending.isOver {
                PtyProcess.resize(master: process.master, rows: terminal.rows, columns: terminal.columns)
            }
        case .deliver, .ignore:
            break
        case .refuse(let reason, let log, let close):
            if log {
                ServeLog.event("refused \(reason) from \(connection.address) (\(connection.credential)): only the explorer is offered")
            }
            reply(false, wantReply)
            if close { context?.close(promise: nil) }
        case .hangUp:
            endGently(farewell: nil)
        case .close:
            context?.close(promise: nil)
        }
    }

    func read(context: ChannelHandlerContext) {
        if let bridge, !bridge.isWritable {
            pendingRead = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if acceptsOutput { bridge?.resumeReading() }
        context.fireChannelWritabilityChanged()
    }

    /// The TCP connection's writability changed (ConnectionWritabilityWatch).
    func connectionWritabilityChanged() {
        if acceptsOutput { bridge?.resumeReading() }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func reply(_ success: Bool, _ wantReply: Bool) {
        guard wantReply, let context else { return }
        if success {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    // MARK: Starting the explorer

    private func startShell(_ terminal: Terminal, wantReply: Bool) {
        guard let context else { return reply(false, wantReply) }
        guard let id = registry.reserveSeat() else {
            phase = .closing
            reply(true, wantReply)
            ServeLog.event("turned away \(connection.address) (\(connection.credential)): all \(settings.maxSessions) sessions in use")
            sendAndClose(
                "\r\nfacets serve: all \(settings.maxSessions) seats are taken right now. Please try again in a few minutes.\r\n",
                stream: .channel, status: 1)
            return
        }
        var environment = settings.environment
        environment["TERM"] = terminal.term
        let process: PtyProcess
        do {
            process = try PtyProcess.spawn(
                executable: settings.executable, arguments: settings.arguments,
                environment: environment, directory: settings.workingDirectory,
                rows: terminal.rows, columns: terminal.columns)
        } catch {
            phase = .closing
            registry.release(id)
            registry.finished(id: id)
            reply(true, wantReply)
            ServeLog.event("could not start an explorer for \(connection.address): \(error)")
            sendAndClose("\r\nfacets serve could not start the explorer. Please tell the presenter.\r\n", stream: .channel, status: 1)
            return
        }
        reply(true, wantReply)
        self.id = id
        self.process = process
        connection.explorerStarted()
        ptyOpen = true
        started = .now()
        lastInput = .now()
        ServeLog.event(
            "session \(id) started: \(connection.address) user \"\(ServeLog.inert(connection.username, limit: 32))\" \(connection.credential), pid \(process.pid), \(terminal.columns)x\(terminal.rows) \(terminal.term)"
        )

        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        registry.register(id: id) { message in
            loop.execute { bound.value.endGently(farewell: message) }
        }
        scheduleIdleCheck()
        if let parent = context.channel.parent {
            try? parent.pipeline.syncOperations.addHandler(ConnectionWritabilityWatch(session: bound), position: .first)
        }
        NIOPipeBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PtyBridge(session: bound.value))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: process.master)
            .whenFailure { error in
                loop.execute { bound.value.ptyFailed(error) }
            }
    }

    /// Writes a last message, then exit status, EOF and close (a session that gets no explorer).
    private func sendAndClose(_ message: String, stream: SSHChannelData.DataType, status: Int) {
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: message.utf8.count)
        buffer.writeString(message)
        let written = context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: stream, data: .byteBuffer(buffer))))
        let channel = context.channel
        written.whenComplete { _ in
            Self.finishChannel(channel, exit: SSHChannelRequestEvent.ExitStatus(exitStatus: status))
        }
    }

    private static func finishChannel(_ channel: Channel, exit: any Sendable) {
        channel.triggerUserOutboundEvent(exit).whenComplete { _ in
            channel.close(mode: .output).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    // MARK: The pseudo-terminal side (called by PtyBridge)

    func ptyAttached(_ bridge: PtyBridge) {
        self.bridge = bridge
        if !sshOpen || ending.isOver { bridge.close() }
    }

    func ptyFailed(_ error: Error) {
        ServeLog.event("session \(id ?? 0): cannot read the explorer's terminal: \(error)")
        ptyOpen = false
        bridge = nil
        if let process { kill(process.pid, SIGKILL) }
        startReaping()
    }

    func ptyOutput(_ buffer: ByteBuffer) {
        guard sshOpen, let context else { return }
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: promise)
        lastWrite = promise.futureResult
    }

    func ptyFlush() {
        if sshOpen { context?.flush() }
    }

    /// Whether to keep reading the explorer's output (no: the client is not taking it yet). Both the
    /// session channel (the client's window) and the TCP connection must take more: NIOSSH does not
    /// pass the connection's writability to its channels, and a client that opens a huge window and
    /// then stops reading its socket made the server buffer the explorer's output without bound.
    var acceptsOutput: Bool {
        guard sshOpen, let context else { return true }
        return context.channel.isWritable && (context.channel.parent?.isWritable ?? true)
    }

    func ptyBecameWritable() {
        if pendingRead, let context {
            pendingRead = false
            context.read()
        }
    }

    /// The master saw EIO or was closed: the explorer is gone (or going).
    func ptyClosed() {
        ptyOpen = false
        bridge = nil
        startReaping()
        finishIfDone()
    }

    // MARK: Ending

    /// The client went away: close the terminal (SIGHUP) and reap.
    private func clientLeft() {
        guard sshOpen else { return }
        sshOpen = false
        idleTask?.cancel()
        if pendingRead { pendingRead = false }
        guard let process else { return }
        if !ending.isOver {
            // Sent even when asked before: the terminal is gone now whatever the explorer was doing.
            kill(process.pid, SIGHUP)
            _ = ending.ask()
        }
        bridge?.close()
        startReaping()
    }

    /// Ends the session from this side (idle, shutdown, client EOF): SIGHUP lets the explorer restore the
    /// client's screen; `farewell` is written after its last output.
    func endGently(farewell: String?) {
        guard let process, ending.ask() else { return }
        if case .running = phase { phase = .closing }
        self.farewell = farewell
        kill(process.pid, SIGHUP)
        startReaping()
    }

    private func scheduleIdleCheck() {
        idleTask?.cancel()
        guard settings.idleTimeout > .zero, let context, sshOpen else { return }
        idleTask = context.eventLoop.assumeIsolated().scheduleTask(deadline: lastInput + settings.idleTimeout) { [self] in
            guard ending.isUndisturbed else { return }
            if NIODeadline.now() >= lastInput + settings.idleTimeout {
                let seconds = Double(settings.idleTimeout.nanoseconds) / 1e9
                ServeLog.event("session \(id ?? 0): no input for \(ServeLog.duration(seconds)); closing it")
                endGently(farewell: "facets serve: closed after \(ServeLog.duration(seconds)) without input. Reconnect any time.")
            } else {
                scheduleIdleCheck()
            }
        }
    }

    private func startReaping() {
        guard let process, ending.startPolling() else { return }
        poll(process)
    }

    private func poll(_ process: PtyProcess) {
        if !ending.isOver, let result = PtyProcess.reap(process.pid) {
            ending.reaped(result)
            if case .running = phase { phase = .closing }
            // The terminal drains and closes by itself now; if something holds it open, close it.
            if ptyOpen, let loop {
                loop.assumeIsolated().scheduleTask(in: .seconds(1)) { [self] in bridge?.close() }
            }
            finishIfDone()
            return
        }
        guard !ending.isOver, let loop else { return }
        switch ending.escalate() {
        case .terminate:
            kill(process.pid, SIGTERM)
        case .kill:
            kill(process.pid, SIGKILL)
            bridge?.close()
        case nil:
            break
        }
        loop.assumeIsolated().scheduleTask(in: ending.pollInterval()) { [self] in poll(process) }
    }

    /// Once the explorer is reaped and its terminal drained: report, free the seat, end the channel.
    private func finishIfDone() {
        guard let ending = ending.result, !ptyOpen, phase != .closed, let id, let process else { return }
        phase = .closed
        idleTask?.cancel()
        registry.release(id)
        connection.explorerEnded()
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        let how: String
        switch ending {
        case .exited(let code): how = "exit \(code)"
        case .signalled(let signal): how = "killed by SIG\(PtyProcess.signalName(signal))"
        }
        let why = sshOpen ? "" : ", client disconnected"
        ServeLog.event(
            "session \(id) ended: \(connection.address) \(connection.credential), pid \(process.pid) \(how)\(why), after \(ServeLog.duration(seconds))"
        )
        guard sshOpen, let context else {
            registry.finished(id: id)
            return
        }
        let channel = context.channel
        if let farewell {
            var buffer = channel.allocator.buffer(capacity: farewell.utf8.count + 4)
            buffer.writeString("\r\n" + farewell + "\r\n")
            let promise = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: promise)
            lastWrite = promise.futureResult
        } else {
            context.flush()
        }
        let exit: any Sendable
        switch ending {
        case .exited(let code): exit = SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code))
        case .signalled(let signal):
            exit = SSHChannelRequestEvent.ExitSignal(signalName: PtyProcess.signalName(signal), errorMessage: "", language: "", dumpedCore: false)
        }
        let registry = self.registry
        (lastWrite ?? context.eventLoop.makeSucceededVoidFuture()).whenComplete { _ in
            Self.finishChannel(channel, exit: exit)
        }
        channel.closeFuture.whenComplete { _ in registry.finished(id: id) }
    }

    /// TERM as the client sent it when it names a terminfo entry file on this machine; else
    /// xterm-256color. A name such as `..` or `.` names a terminfo folder, not an entry: refused.
    static func usableTerm(_ requested: String) -> String {
        let fallback = "xterm-256color"
        let allowed = requested.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x2B || byte == 0x5F
        }
        guard allowed, requested.utf8.count <= 64, let first = requested.utf8.first, first != UInt8(ascii: ".") else {
            return fallback
        }
        let letter = String(UnicodeScalar(first))
        let hex = String(first, radix: 16)
        for directory in ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"] {
            for sub in [letter, hex] {
                var info = stat()
                let path = "\(directory)/\(sub)/\(requested)"
                if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(path, R_OK) == 0 {
                    return requested
                }
            }
        }
        return fallback
    }
}

/// The pipe channel's end of a session: bytes from the pty master go to the SSH channel and back.
final class PtyBridge: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var session: SessionHandler?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    init(session: SessionHandler) {
        self.session = session
    }

    var isWritable: Bool { context?.channel.isWritable ?? false }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        session?.ptyAttached(self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session?.ptyOutput(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        session?.ptyFlush()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO: the explorer has exited and the terminal is drained.
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let session = self.session
        self.session = nil
        session?.ptyClosed()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { session?.ptyBecameWritable() }
    }

    func read(context: ChannelHandlerContext) {
        if session?.acceptsOutput ?? true {
            context.read()
        } else {
            pendingRead = true
        }
    }

    func resumeReading() {
        if pendingRead, let context {
            pendingRead = false
            context.read()
        }
    }

    func write(_ buffer: ByteBuffer) {
        context?.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    func close() {
        context?.close(promise: nil)
    }
}

/// First in the TCP connection's pipeline while an explorer runs: tells the session when the socket
/// can take more, so it reads the explorer's output again.
final class ConnectionWritabilityWatch: ChannelInboundHandler {
    typealias InboundIn = Any

    private let session: NIOLoopBound<SessionHandler>

    init(session: NIOLoopBound<SessionHandler>) {
        self.session = session
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session.value.connectionWritabilityChanged()
        context.fireChannelWritabilityChanged()
    }
}
