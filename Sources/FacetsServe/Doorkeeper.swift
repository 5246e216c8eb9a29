import NIOCore

/// Decides at the door, before a single SSH byte: an address serving a penalty, one holding its share
/// of not-yet-logged-in connections, a random early drop when too many are waiting, or no room at all
/// is turned away at once (and logged in summary). An admitted connection is given its login grace time.
struct Doorkeeper: Sendable {
    let throttle: AuthThrottle
    let startups: StartupGate
    let registry: SessionRegistry
    let limiter: LogLimiter
    /// sshd's LoginGraceTime, in seconds.
    let loginGraceTime: Double

    /// The new connection's record when it may proceed; nil when the caller is to close it.
    func admit(_ channel: Channel) -> ConnectionInfo? {
        let address = ConnectionInfo.describe(channel.remoteAddress)
        let source = channel.remoteAddress?.ipAddress ?? "unknown"
        if let left = throttle.penalty(for: source) {
            limiter.event(
                key: "penalty \(source)",
                "refused a connection from \(address): \(source) is shut out for \(ServeLog.duration(Double(left.nanoseconds) / 1e9)) more after failed logins"
            )
            return nil
        }
        switch startups.admit(source: source) {
        case .admitted:
            break
        case .sourceFull:
            limiter.event(
                key: "source \(source)",
                "refused a connection from \(address): \(startups.limits.perSource) connections from \(source) have not logged in yet")
            return nil
        case .dropped(let percent):
            limiter.event(
                key: "startups",
                "dropped a connection from \(address): \(startups.unauthenticated) connections have not logged in yet (max-startups \(startups.limits.description): \(percent)% dropped)"
            )
            return nil
        }
        let connection = ConnectionInfo(remote: channel.remoteAddress, channel: channel, startups: startups)
        guard registry.addConnection(channel) else {
            connection.leaveStartups()
            limiter.event(key: "connections", "refused a connection from \(address): too many open connections")
            return nil
        }
        let registry = self.registry
        let limiter = self.limiter
        let seconds = loginGraceTime
        let login = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(max(1, seconds) * 1e9))) {
            guard !connection.isAuthenticated else { return }
            limiter.event(key: "grace \(source)", "closed \(address): not logged in within \(ServeLog.duration(seconds))")
            channel.close(promise: nil)
        }
        // A logged-in connection without an explorer for two minutes only holds a slot: closed.
        let unused = channel.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(120), delay: .seconds(20)) { _ in
            if connection.isUnused(for: .seconds(120)) { channel.close(promise: nil) }
        }
        channel.closeFuture.whenComplete { _ in
            login.cancel()
            unused.cancel()
            connection.leaveStartups()
            registry.removeConnection(channel)
        }
        return connection
    }
}
