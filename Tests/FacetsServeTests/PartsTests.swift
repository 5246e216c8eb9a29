import Foundation
import Testing
@testable import FacetsServe

/// The server's pure parts, without sockets: key files, authorized_keys lines, the failure delays.
@Suite("facets serve parts")
struct PartsTests {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGnBzMlH5bS4ZxP6Us2AUdd8CVzHV5Ky6dC/HsWmR0dS"

    @Test("authorized_keys: comments, options and unsupported types")
    func authorizedKeys() {
        let text = """
        # attendees
        \(Self.ed25519) alice@laptop

        from="10.0.0.0/8",command="echo \\"hi there\\"" \(Self.ed25519) bob
        ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 carol
        not a key at all
        """
        let parsed = AuthorizedKeys.parse(text)
        #expect(parsed.keys.count == 1, "the same key twice counts once")
        #expect(parsed.linesWithOptions == [4])
        #expect(parsed.skipped.map(\.line) == [5, 6])
        #expect(parsed.skipped.first?.reason.contains("ssh-rsa") == true)
    }

    @Test("the host key file round-trips in OpenSSH's format; a damaged one is refused")
    func keyFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "facets-serve-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = try HostKey.loadOrCreate(directory: directory).privateKey
        let text = OpenSSHKeyFormat.encodePrivate(key, comment: "test")
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        let decoded = try #require(OpenSSHKeyFormat.decodePrivate(text))
        #expect(decoded.rawRepresentation == key.rawRepresentation)
        var damaged = Array(text.utf8)
        damaged[60] = damaged[60] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(OpenSSHKeyFormat.decodePrivate(String(decoding: damaged, as: UTF8.self)) == nil)
        #expect(OpenSSHKeyFormat.decodePrivate("hello") == nil)
    }

    @Test("two starts racing for the host key end up with the same key")
    func hostKeyRace() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "facets-serve-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = NIOLockedResults()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let key = try? HostKey.loadOrCreate(directory: directory) { results.append(key.fingerprint) }
        }
        #expect(results.values.count == 8)
        #expect(Set(results.values).count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("failed attempts make the next answer wait longer, up to the cap")
    func throttle() {
        let delays = (0...8).map { AuthThrottle.delay(afterFailures: $0, base: .milliseconds(500), cap: .seconds(30)) }
        #expect(delays.map { $0.nanoseconds / 1_000_000 } == [0, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000])
        let throttle = AuthThrottle()
        #expect(throttle.delay(for: "192.0.2.1") == .zero)
        _ = throttle.recordFailure("192.0.2.1")
        _ = throttle.recordFailure("192.0.2.1")
        #expect(throttle.delay(for: "192.0.2.1") == .seconds(1))
        #expect(throttle.delay(for: "192.0.2.2") == .zero, "other addresses are not slowed")
        throttle.recordSuccess("192.0.2.1")
        #expect(throttle.delay(for: "192.0.2.1") == .zero)
    }

    @Test("TERM is kept when this machine knows it, else xterm-256color")
    func term() {
        #expect(SessionHandler.usableTerm("xterm-256color") == "xterm-256color")
        #expect(SessionHandler.usableTerm("screen") == "screen")
        #expect(SessionHandler.usableTerm("no-such-terminal-here") == "xterm-256color")
        #expect(SessionHandler.usableTerm("../../etc/passwd") == "xterm-256color")
        #expect(SessionHandler.usableTerm("") == "xterm-256color")
    }
}

/// Collects strings from concurrent work.
final class NIOLockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ value: String) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
