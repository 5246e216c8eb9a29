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

/// Slows down guessing: each failed attempt from an address makes the next answer to that address wait
/// longer (0.5 s, 1 s, 2 s, … up to 30 s). Forgotten 15 minutes after the last failure, or on success.
public final class AuthThrottle: Sendable {
    struct Record {
        var failures: Int
        var last: NIODeadline
    }
    private let records = NIOLockedValueBox([String: Record]())
    let base: TimeAmount
    let cap: TimeAmount
    let memory: TimeAmount

    public init(base: TimeAmount = .milliseconds(500), cap: TimeAmount = .seconds(30), memory: TimeAmount = .minutes(15)) {
        self.base = base
        self.cap = cap
        self.memory = memory
    }

    /// How long to wait before answering `address` now.
    func delay(for address: String) -> TimeAmount {
        let failures = records.withLockedValue { records -> Int in
            guard let record = records[address] else { return 0 }
            if NIODeadline.now() - record.last > memory {
                records[address] = nil
                return 0
            }
            return record.failures
        }
        return Self.delay(afterFailures: failures, base: base, cap: cap)
    }

    static func delay(afterFailures failures: Int, base: TimeAmount, cap: TimeAmount) -> TimeAmount {
        guard failures > 0 else { return .zero }
        let factor = Int64(1) << Int64(min(failures - 1, 20))
        return .nanoseconds(min(base.nanoseconds * factor, cap.nanoseconds))
    }

    /// Counts a failure; returns how many there are now.
    func recordFailure(_ address: String) -> Int {
        records.withLockedValue { records in
            let now = NIODeadline.now()
            if records.count > 10_000 {
                records = records.filter { now - $0.value.last <= memory }
            }
            var record = records[address] ?? Record(failures: 0, last: now)
            if now - record.last > memory { record.failures = 0 }
            record.failures += 1
            record.last = now
            records[address] = record
            return record.failures
        }
    }

    func recordSuccess(_ address: String) {
        _ = records.withLockedValue { $0.removeValue(forKey: address) }
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
    }
    let address: String
    let host: String
    private let state = NIOLockedValueBox(State())

    init(remote: SocketAddress?) {
        host = remote?.ipAddress ?? "unknown"
        if let remote, let port = remote.port {
            address = remote.protocol == .inet6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        } else {
            address = host
        }
    }

    func authenticated(username: String, credential: String) {
        state.withLockedValue {
            $0.username = username
            $0.credential = credential
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

    /// No explorer runs and none has for `grace`: the connection only holds a slot (sshd's LoginGraceTime).
    func isUnused(for grace: TimeAmount) -> Bool {
        state.withLockedValue { $0.explorers == 0 && NIODeadline.now() - $0.lastActive >= grace }
    }

    var username: String { state.withLockedValue { $0.username } }
    /// "key SHA256:…", "password" or "open".
    var credential: String { state.withLockedValue { $0.credential } }
}

/// One per connection: checks keys against the authorized keys, passwords against the shared one, or
/// lets everyone in (`--open`); delays answers to addresses that failed before.
final class ServeAuthDelegate: NIOSSHServerUserAuthenticationDelegate {
    let policy: AccessPolicy
    let throttle: AuthThrottle
    let connection: ConnectionInfo

    init(policy: AccessPolicy, throttle: AuthThrottle, connection: ConnectionInfo) {
        self.policy = policy
        self.throttle = throttle
        self.connection = connection
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { policy.methods }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        // Clients ask "none" first to learn the methods: answered at once, and not a failed guess.
        var isProbe = false
        if case .none = request.request { isProbe = true }
        let delay = isProbe ? .zero : throttle.delay(for: connection.host)
        let user = ServeLog.inert(request.username, limit: 32)
        var credential: String?
        var attempt = ""
        switch request.request {
        case .none:
            if policy.open { credential = "open" }
        case .publicKey(let key):
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
            if !isProbe {
                let failures = throttle.recordFailure(connection.host)
                let next = AuthThrottle.delay(afterFailures: failures, base: throttle.base, cap: throttle.cap)
                ServeLog.event("auth refused: \(connection.address) user \"\(user)\" \(attempt) (failure \(failures) from \(connection.host); next answer waits \(ServeLog.duration(Double(next.nanoseconds) / 1e9)))")
            }
        }
        if delay > .zero {
            responsePromise.futureResult.eventLoop.scheduleTask(in: delay) { responsePromise.succeed(outcome) }
        } else {
            responsePromise.succeed(outcome)
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
