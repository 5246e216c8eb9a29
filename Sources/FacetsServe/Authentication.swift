import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOSSH

/// Who may come in.
public struct AccessPolicy: Sendable {
    public var authorizedKeys: AuthorizedKeysFile?
    /// The shared password (from `--password-file`).
    public var password: String?
    /// `--open`: everyone, no questions.
    public var open: Bool

    public init(authorizedKeys: AuthorizedKeysFile? = nil, password: String? = nil, open: Bool = false) {
        self.authorizedKeys = authorizedKeys
        self.password = password
        self.open = open
    }

    var methods: NIOSSHAvailableUserAuthenticationMethods {
        var methods: NIOSSHAvailableUserAuthenticationMethods = []
        if authorizedKeys != nil || open { methods.insert(.publicKey) }
        if password != nil || open { methods.insert(.password) }
        return methods
    }
}

/// What a source address may do wrong before it is slowed down and then shut out.
public struct PenaltyLimits: Sendable, Equatable {
    /// Failures from one address answered at once: a room behind one NAT is not slowed for a typo.
    public var freeFailures = 3
    /// Failures from one address (within `memory`) after which it is shut out for `penaltyTime`:
    /// OpenSSH 9.8's PerSourcePenalties. Parallel connections do not help a guesser past this count.
    public var maxFailures = 10
    public var penaltyTime: TimeAmount = .seconds(60)
    /// Logins from one address whose answer is still pending (slowed down): more are closed at once.
    public var concurrentLogins = 3
    /// Delays double from `base` up to `cap`.
    public var base: TimeAmount = .milliseconds(500)
    public var cap: TimeAmount = .seconds(30)
    /// Failures are forgotten this long after the last one, or on a success.
    public var memory: TimeAmount = .minutes(15)

    public init() {}

    public mutating func setPenaltyTime(seconds: Double) {
        penaltyTime = .nanoseconds(Int64(max(0, seconds) * 1e9))
    }
}

/// Slows down and shuts out guessing, per source address: the first `freeFailures` failures are
/// answered at once, each later one makes the next answer wait longer (0.5 s, 1 s, 2 s, ... up to
/// 30 s), and after `maxFailures` the address is refused outright for `penaltyTime`. At most
/// `concurrentLogins` slowed answers per address are pending at once.
public final class AuthThrottle: Sendable {
    struct Record {
        var failures = 0
        var last: NIODeadline
        var penalizedUntil: NIODeadline?
        var pending = 0
    }
    private let records = NIOLockedValueBox([String: Record]())
    let limits: PenaltyLimits

    public init(limits: PenaltyLimits = PenaltyLimits()) {
        self.limits = limits
    }

    /// How long to wait before answering `address` now.
    func delay(for address: String) -> TimeAmount {
        let failures = records.withLockedValue { records -> Int in
            guard let record = records[address] else { return 0 }
            if NIODeadline.now() - record.last > limits.memory, record.pending == 0, record.penalizedUntil == nil {
                records[address] = nil
                return 0
            }
            return record.failures
        }
        return Self.delay(afterFailures: failures, limits: limits)
    }

    static func delay(afterFailures failures: Int, limits: PenaltyLimits) -> TimeAmount {
        let slowed = failures - limits.freeFailures
        guard slowed > 0 else { return .zero }
        let factor = Int64(1) << Int64(min(slowed - 1, 20))
        return .nanoseconds(min(limits.base.nanoseconds * factor, limits.cap.nanoseconds))
    }

    /// Seconds of penalty left for `address`; nil when it is not shut out.
    func penalty(for address: String) -> TimeAmount? {
        records.withLockedValue { records in
            guard let until = records[address]?.penalizedUntil else { return nil }
            let now = NIODeadline.now()
            if now >= until {
                records[address]?.penalizedUntil = nil
                records[address]?.failures = 0
                return nil
            }
            return until - now
        }
    }

    /// Counts a failure; returns how many there are now, and whether this one shut the address out.
    func recordFailure(_ address: String) -> (failures: Int, penalized: Bool) {
        records.withLockedValue { records in
            let now = NIODeadline.now()
            if records.count > 10_000 {
                records = records.filter { now - $0.value.last <= limits.memory || $0.value.pending > 0 }
            }
            var record = records[address] ?? Record(last: now)
            if now - record.last > limits.memory { record.failures = 0 }
            record.failures += 1
            record.last = now
            var penalized = false
            if record.failures >= limits.maxFailures, record.penalizedUntil == nil {
                record.penalizedUntil = now + limits.penaltyTime
                penalized = true
            }
            records[address] = record
            return (record.failures, penalized)
        }
    }

    func recordSuccess(_ address: String) {
        records.withLockedValue { records in
            guard var record = records[address] else { return }
            record.failures = 0
            record.penalizedUntil = nil
            records[address] = record.pending > 0 ? record : nil
        }
    }

    /// A login from `address` waits for its answer; false when too many already do.
    func beginPending(_ address: String) -> Bool {
        records.withLockedValue { records in
            var record = records[address] ?? Record(last: .now())
            guard record.pending < limits.concurrentLogins else { return false }
            record.pending += 1
            records[address] = record
            return true
        }
    }

    func endPending(_ address: String) {
        records.withLockedValue { records in
            guard var record = records[address] else { return }
            record.pending = max(0, record.pending - 1)
            records[address] = record
        }
    }
}

/// What one TCP connection learned: where it comes from, who it is. Shared by its auth delegate and its
/// session channels (the user name does not reach child channels otherwise).
final class ConnectionInfo: Sendable {
    struct State {
        var username = ""
        var credential = ""
        var explorers = 0
        var lastActive = NIODeadline.now()
        var countsAsStartup = true
        var sessionChannels = 0
        /// Signed key logins the transport saw that the delegate has not (yet): user and fingerprint.
        var unchecked: [(user: String, fingerprint: String)] = []
    }
    let address: String
    let host: String
    private let state = NIOLockedValueBox(State())
    private let channel: Channel?
    private let startups: StartupGate?

    /// `startups` counts this connection as unauthenticated until it logs in or closes.
    init(remote: SocketAddress?, channel: Channel? = nil, startups: StartupGate? = nil) {
        host = remote?.ipAddress ?? "unknown"
        address = Self.describe(remote)
        self.channel = channel
        self.startups = startups
    }

    /// `host:port` (`[host]:port` for IPv6), as the log writes a client's address.
    static func describe(_ remote: SocketAddress?) -> String {
        let host = remote?.ipAddress ?? "unknown"
        guard let remote, let port = remote.port else { return host }
        return remote.protocol == .inet6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    func authenticated(username: String, credential: String) {
        state.withLockedValue {
            $0.username = username
            $0.credential = credential
            $0.lastActive = .now()
        }
        leaveStartups()
    }

    /// No longer an unauthenticated connection (logged in, or closed): frees its startup slot once.
    func leaveStartups() {
        let leave = state.withLockedValue { state -> Bool in
            defer { state.countsAsStartup = false }
            return state.countsAsStartup
        }
        if leave { startups?.leave(source: host) }
    }

    var isAuthenticated: Bool { state.withLockedValue { !$0.credential.isEmpty } }

    func close() {
        channel?.close(promise: nil)
    }

    /// One session channel per connection: a second one would take a second seat (or many).
    func claimSessionChannel() -> Bool {
        state.withLockedValue { state in
            guard state.sessionChannels == 0 else { return false }
            state.sessionChannels += 1
            return true
        }
    }

    /// A signed public-key login arrived (seen by the transport, before NIOSSH checks the signature).
    func signedKeyRequestSeen(user: String, fingerprint: String) {
        state.withLockedValue { state in
            if state.unchecked.count < 64 { state.unchecked.append((user, fingerprint)) }
        }
    }

    /// A public-key login reached the auth delegate: its signature was good.
    func keyRequestChecked() {
        state.withLockedValue { state in
            if !state.unchecked.isEmpty { state.unchecked.removeFirst() }
        }
    }

    /// Signed key logins NIOSSH refused without asking the delegate (their signatures did not verify).
    /// Called once NIOSSH has handled the bytes that brought them, which it does without waiting.
    func takeForgedKeyRequests() -> [(user: String, fingerprint: String)] {
        state.withLockedValue { state in
            defer { state.unchecked = [] }
            return state.unchecked
        }
    }

    /// An explorer started or ended on this connection.
    func explorerStarted() {
        state.withLockedValue {
            $0.explorers += 1
            $0.lastActive = .now()
        }
    }

    func explorerEnded() {
        state.withLockedValue {
            $0.explorers -= 1
            $0.lastActive = .now()
        }
    }

    /// No explorer runs and none has for `grace`: the connection only holds a slot.
    func isUnused(for grace: TimeAmount) -> Bool {
        state.withLockedValue { $0.explorers == 0 && NIODeadline.now() - $0.lastActive >= grace }
    }

    var username: String { state.withLockedValue { $0.username } }
    /// "key SHA256:…", "password" or "open".
    var credential: String { state.withLockedValue { $0.credential } }
}

/// One per connection: checks keys against the authorized keys, passwords against the shared one, or
/// lets everyone in (`--open`); slows down and shuts out addresses that failed before (AuthThrottle).
final class ServeAuthDelegate: NIOSSHServerUserAuthenticationDelegate, Sendable {
    let policy: AccessPolicy
    let throttle: AuthThrottle
    let connection: ConnectionInfo
    let limiter: LogLimiter

    init(policy: AccessPolicy, throttle: AuthThrottle, connection: ConnectionInfo, limiter: LogLimiter) {
        self.policy = policy
        self.throttle = throttle
        self.connection = connection
        self.limiter = limiter
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { policy.methods }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest,
        responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        // Clients ask "none" first to learn the methods: answered at once, and not a failed guess.
        var isProbe = false
        if case .none = request.request { isProbe = true }
        if let left = throttle.penalty(for: connection.host) {
            limiter.event(
                key: "penalty \(connection.host)",
                "refused a login from \(connection.address): \(connection.host) is shut out for \(ServeLog.duration(Double(left.nanoseconds) / 1e9)) more after \(throttle.limits.maxFailures) failed logins"
            )
            responsePromise.succeed(.failure)
            connection.close()
            return
        }
        let delay = isProbe ? .zero : throttle.delay(for: connection.host)
        var credential: String?
        var attempt = ""
        switch request.request {
        case .none:
            if policy.open { credential = "open" }
        case .publicKey(let key):
            connection.keyRequestChecked()
            let fingerprint = Fingerprint.sha256(key.publicKey)
            attempt = "key \(fingerprint)"
            if policy.open {
                credential = "open (key \(fingerprint))"
            } else if let file = policy.authorizedKeys, file.current.keys.contains(key.publicKey) {
                credential = "key \(fingerprint)"
            }
        case .password(let offered):
            attempt = "password"
            if policy.open {
                credential = "open"
            } else if let expected = policy.password, Self.same(offered.password, expected) {
                credential = "password"
            }
        case .hostBased:
            attempt = "host-based"
        }
        let outcome: NIOSSHUserAuthenticationOutcome
        if let credential {
            throttle.recordSuccess(connection.host)
            connection.authenticated(username: request.username, credential: credential)
            outcome = .success
        } else {
            outcome = .failure
            if !isProbe { recordFailure(user: request.username, attempt: attempt) }
        }
        guard delay > .zero else { return responsePromise.succeed(outcome) }
        guard throttle.beginPending(connection.host) else {
            limiter.event(
                key: "pending \(connection.host)",
                "closed \(connection.address): \(throttle.limits.concurrentLogins) logins from \(connection.host) already wait for their answer")
            responsePromise.succeed(.failure)
            connection.close()
            return
        }
        let throttle = self.throttle
        let host = connection.host
        responsePromise.futureResult.eventLoop.scheduleTask(in: delay) {
            throttle.endPending(host)
            responsePromise.succeed(outcome)
        }
    }

    /// A failed login (a wrong password or key, or a key whose signature did not verify): logged,
    /// counted against the address, and the address shut out when it reaches the limit.
    func recordFailure(user: String, attempt: String) {
        let (failures, penalized) = throttle.recordFailure(connection.host)
        let next = AuthThrottle.delay(afterFailures: failures, limits: throttle.limits)
        let wait = next > .zero ? "; next answer waits \(ServeLog.duration(Double(next.nanoseconds) / 1e9))" : ""
        ServeLog.event(
            "auth refused: \(connection.address) user \"\(ServeLog.inert(user, limit: 32))\" \(attempt) (failure \(failures) from \(connection.host)\(wait))"
        )
        if penalized {
            let seconds = Double(throttle.limits.penaltyTime.nanoseconds) / 1e9
            ServeLog.event("shutting out \(connection.host) for \(ServeLog.duration(seconds)): \(failures) failed logins")
            connection.close()
        }
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = SHA256.hash(data: Data(a.utf8))
        let right = SHA256.hash(data: Data(b.utf8))
        var difference: UInt8 = 0
        for (x, y) in zip(left, right) { difference |= x ^ y }
        return difference == 0
    }
}
