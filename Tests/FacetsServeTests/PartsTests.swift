import Foundation
import NIOCore
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

    @Test("failed attempts: a few free, then each makes the next answer wait longer, up to the cap")
    func throttle() {
        let limits = PenaltyLimits()
        let delays = (0...10).map { AuthThrottle.delay(afterFailures: $0, limits: limits) }
        #expect(delays.map { $0.nanoseconds / 1_000_000 } == [0, 0, 0, 0, 500, 1000, 2000, 4000, 8000, 16000, 30000])
        let throttle = AuthThrottle()
        for _ in 0..<5 { _ = throttle.recordFailure("192.0.2.1") }
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
        // Issue 25 item 7: these name terminfo folders, not entries; the explorer exited at once with them.
        #expect(SessionHandler.usableTerm("..") == "xterm-256color")
        #expect(SessionHandler.usableTerm(".") == "xterm-256color")
    }
}

/// Collects strings from concurrent work.
final class NIOLockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ value: String) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }
    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Issue 25's parts that need no socket: the startup gate, penalties, log escaping, the request table.
@Suite("facets serve limits")
struct LimitsTests {
    @Test("max-startups parses as sshd writes it and drops more as unauthenticated connections pile up")
    func startupLimits() throws {
        #expect(StartupLimits() == StartupLimits("100:30:200", perSource: 64), "the defaults")
        let limits = try #require(StartupLimits("10:30:100"))
        #expect([0, 9, 10, 55, 99, 100, 150].map { limits.dropPercent(open: $0) } == [0, 0, 30, 65, 99, 100, 100])
        #expect(StartupLimits("5")?.dropPercent(open: 5) == 100)
        #expect(StartupLimits("10:30") == nil)
        #expect(StartupLimits("10:130:100") == nil)
        #expect(StartupLimits("20:30:10") == nil)
        #expect(StartupLimits("a:b:c") == nil)
    }

    @Test("one source cannot hold more than its share of unauthenticated slots; others still get in")
    func startupGate() throws {
        let gate = StartupGate(limits: try #require(StartupLimits("10:30:100", perSource: 8)))
        let flood = (0..<200).map { _ in gate.admit(source: "127.0.0.1", roll: 0) }
        #expect(flood.filter { $0 == .admitted }.count == 8)
        #expect(flood.filter { $0 == .sourceFull }.count == 192)
        // Below START nothing is dropped at random, whatever the roll.
        #expect(gate.admit(source: "127.0.0.2", roll: 0) == .admitted)
        #expect(gate.admit(source: "127.0.0.3", roll: 0) == .admitted)
        #expect(gate.admit(source: "127.0.0.4", roll: 0) == .dropped(percent: 30), "10 open: 30 % chance")
        #expect(gate.admit(source: "127.0.0.4", roll: 30) == .admitted)
        gate.leave(source: "127.0.0.1")
        #expect(gate.admit(source: "127.0.0.1", roll: 99) == .admitted, "a freed slot is usable again")
        #expect(gate.unauthenticated == 11)
    }

    @Test("failures past the limit shut one address out; a pending-answer cap per address")
    func penalties() {
        var limits = PenaltyLimits()
        limits.maxFailures = 4
        let throttle = AuthThrottle(limits: limits)
        let results = (0..<4).map { _ in throttle.recordFailure("198.51.100.7") }
        #expect(results.map(\.penalized) == [false, false, false, true])
        #expect(throttle.penalty(for: "198.51.100.7") != nil)
        #expect(throttle.penalty(for: "198.51.100.8") == nil, "the penalty is per address")
        #expect(throttle.beginPending("203.0.113.1") && throttle.beginPending("203.0.113.1") && throttle.beginPending("203.0.113.1"))
        #expect(!throttle.beginPending("203.0.113.1"), "a fourth slowed login from one address is not waited on")
        throttle.endPending("203.0.113.1")
        #expect(throttle.beginPending("203.0.113.1"))
    }

    @Test("format and separator characters (Cf, Zl, Zp) are escaped in the log, as controls are")
    func logEscaping() {
        #expect(ServeLog.inert("evil\u{202E}txt.exe") == "evil?txt.exe")
        #expect(ServeLog.inert("one\u{2028}two\u{2029}three") == "one?two?three")
        #expect(ServeLog.inert("zero\u{200B}width\u{FEFF}") == "zero?width?")
        #expect(ServeLog.inert("bell\u{7}\u{9B}") == "bell??")
        #expect(ServeLog.inert("Zoë 日本 ok") == "Zoë 日本 ok", "letters of any script stay")
    }

    @Test("terminal sizes past 500x200 are cut; 0 means 80x24")
    func terminalSize() {
        let huge = Terminal(term: "xterm", columns: 1000, rows: 1000)
        #expect(huge.columns == 500 && huge.rows == 200)
        #expect(Terminal(term: "xterm", columns: 0, rows: 0).columns == 80)
        #expect(huge.resized(columns: 4000, rows: 3).columns == 500)
    }

    @Test("requests NIOSSH cannot parse (x11-req, break) are rewritten into a marked env request")
    func rewrite() throws {
        var packet = ByteBufferAllocator().buffer(capacity: 64)
        packet.writeInteger(UInt8(98))
        packet.writeInteger(UInt32(7))
        packet.writeInteger(UInt32(7))
        packet.writeString("x11-req")
        packet.writeInteger(UInt8(1))
        packet.writeInteger(UInt8(0))  // single connection
        packet.writeInteger(UInt32(18))
        packet.writeString("MIT-MAGIC-COOKIE-1")
        let rewritten = try #require(PacketInspection.rewriteUnknownRequest(packet))
        var reader = rewritten
        #expect(reader.readInteger(as: UInt8.self) == 98)
        #expect(reader.readInteger(as: UInt32.self) == 7)
        #expect(reader.readInteger(as: UInt32.self) == 3)
        #expect(reader.readString(length: 3) == "env")
        #expect(reader.readInteger(as: UInt8.self) == 1, "want-reply is kept")
        let nameLength = Int(reader.readInteger(as: UInt32.self) ?? 0)
        #expect(reader.readString(length: nameLength) == PacketInspection.refusedRequestMarker)
        let valueLength = Int(reader.readInteger(as: UInt32.self) ?? 0)
        #expect(reader.readString(length: valueLength) == "x11-req")
        #expect(reader.readableBytes == 0)

        var shell = ByteBufferAllocator().buffer(capacity: 32)
        shell.writeInteger(UInt8(98))
        shell.writeInteger(UInt32(7))
        shell.writeInteger(UInt32(5))
        shell.writeString("shell")
        shell.writeInteger(UInt8(1))
        #expect(PacketInspection.rewriteUnknownRequest(shell) == nil, "requests NIOSSH parses are left alone")

        func bare(_ name: String) -> ByteBuffer {
            var packet = ByteBufferAllocator().buffer(capacity: 64)
            packet.writeInteger(UInt8(98))
            packet.writeInteger(UInt32(7))
            packet.writeInteger(UInt32(name.utf8.count))
            packet.writeString(name)
            packet.writeInteger(UInt8(1))
            return packet
        }
        #expect(PacketInspection.rewriteUnknownRequest(bare("auth-agent-req@openssh.com")) != nil, "agent forwarding is logged")
        #expect(PacketInspection.rewriteUnknownRequest(bare("keepalive@openssh.com")) == nil, "keepalives are left to NIOSSH")
    }
}
