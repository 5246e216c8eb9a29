import NIOCore
import NIOPosix
import NIOSSH

/// NIOSSH's own AES-GCM transport, with one look at each decrypted packet before NIOSSH parses it.
///
/// Why: NIOSSH 0.15.1 parses channel requests it does not know (`x11-req`, `break`) without reading
/// their payload, then finds bytes left over and drops the whole connection (`ssh -X` or `~B` ends
/// the session with no log line). Here such a request is rewritten into an `env` request named
/// `refusedRequestMarker` whose value is the request's type, which NIOSSH parses and SessionHandler
/// refuses, logs and carries on from. The same look notes signed public-key logins, so a signature
/// NIOSSH rejects without asking the auth delegate is still counted as a failed login (see PacketWatch).
class InspectingTransport: NIOSSHTransportProtection {
    /// The NIOSSH scheme doing the cryptography.
    class var innerType: NIOSSHTransportProtection.Type { fatalError("subclass") }

    static var cipherName: String { innerType.cipherName }
    static var macName: String? { innerType.macName }
    static var cipherBlockSize: Int { innerType.cipherBlockSize }
    static var keySizes: ExpectedKeySizes { innerType.keySizes }

    private let inner: NIOSSHTransportProtection

    required init(initialKeys: NIOSSHSessionKeys) throws {
        inner = try Self.innerType.init(initialKeys: initialKeys)
    }

    var macBytes: Int { inner.macBytes }
    var lengthEncrypted: Bool { inner.lengthEncrypted }

    func updateKeys(_ newKeys: NIOSSHSessionKeys) throws { try inner.updateKeys(newKeys) }
    func decryptFirstBlock(_ source: inout ByteBuffer) throws { try inner.decryptFirstBlock(&source) }
    func encryptPacket(_ destination: inout ByteBuffer, sequenceNumber: UInt32) throws {
        try inner.encryptPacket(&destination, sequenceNumber: sequenceNumber)
    }

    func decryptAndVerifyRemainingPacket(_ source: inout ByteBuffer, sequenceNumber: UInt32) throws -> ByteBuffer {
        let packet = try inner.decryptAndVerifyRemainingPacket(&source, sequenceNumber: sequenceNumber)
        return PacketInspection.inspect(packet, connection: PacketWatch.current.currentValue)
    }

    /// The schemes offered to clients: AES-256-GCM and AES-128-GCM, as NIOSSH offers by default.
    static var schemes: [NIOSSHTransportProtection.Type] {
        Constants.bundledTransportProtectionSchemes.indices.compactMap { index -> NIOSSHTransportProtection.Type? in
            switch index {
            case 0: return InspectingScheme0.self
            case 1: return InspectingScheme1.self
            default: return nil
            }
        }
    }
}

final class InspectingScheme0: InspectingTransport {
    override class var innerType: NIOSSHTransportProtection.Type { Constants.bundledTransportProtectionSchemes[0] }
}

final class InspectingScheme1: InspectingTransport {
    override class var innerType: NIOSSHTransportProtection.Type { Constants.bundledTransportProtectionSchemes[1] }
}

/// What the transport looks for in a decrypted packet (message id first, RFC 4253 §6).
enum PacketInspection {
    static let refusedRequestMarker = "facets-serve-refused-request"
    /// Channel requests NIOSSH reads completely (SSHMessages.swift, readChannelRequestMessage).
    static let parsedRequests: Set<String> = [
        "exec", "exit-status", "env", "exit-signal", "pty-req", "shell", "subsystem",
        "window-change", "xon-xoff", "signal",
    ]

    /// Requests worth a log line even without a payload (NIOSSH would refuse them silently). Others
    /// without one (keepalive@openssh.com) are left to NIOSSH, which answers failure as OpenSSH expects.
    static let loggedRequests: Set<String> = ["x11-req", "break", "auth-agent-req@openssh.com"]

    static func inspect(_ packet: ByteBuffer, connection: ConnectionInfo?) -> ByteBuffer {
        var reader = packet
        guard let id = reader.readInteger(as: UInt8.self) else { return packet }
        switch id {
        case 98:  // SSH_MSG_CHANNEL_REQUEST
            return rewriteUnknownRequest(packet) ?? packet
        case 50:  // SSH_MSG_USERAUTH_REQUEST
            if let connection, let attempt = signedKeyAttempt(packet) {
                connection.signedKeyRequestSeen(user: attempt.user, fingerprint: attempt.fingerprint)
            }
            return packet
        default:
            return packet
        }
    }

    /// An unknown request with a payload becomes `env <marker>=<type>` (same channel, same want-reply).
    static func rewriteUnknownRequest(_ packet: ByteBuffer) -> ByteBuffer? {
        var reader = packet
        guard reader.readInteger(as: UInt8.self) == 98,
            let channel = reader.readInteger(as: UInt32.self),
            let type = readString(&reader),
            let wantReply = reader.readInteger(as: UInt8.self)
        else { return nil }
        let name = String(decoding: type.readableBytesView, as: UTF8.self)
        guard !parsedRequests.contains(name), reader.readableBytes > 0 || loggedRequests.contains(name) else { return nil }
        var out = ByteBufferAllocator().buffer(capacity: 64 + type.readableBytes)
        out.writeInteger(UInt8(98))
        out.writeInteger(channel)
        writeString(&out, Array("env".utf8))
        out.writeInteger(wantReply)
        writeString(&out, Array(refusedRequestMarker.utf8))
        writeString(&out, Array(ServeLog.inert(name, limit: 40).utf8))
        return out
    }

    /// The user and key fingerprint of a `publickey` login that carries a signature.
    static func signedKeyAttempt(_ packet: ByteBuffer) -> (user: String, fingerprint: String)? {
        var reader = packet
        guard reader.readInteger(as: UInt8.self) == 50,
            let user = readString(&reader), readString(&reader) != nil,
            let method = readString(&reader), method.readableBytesView.elementsEqual("publickey".utf8),
            let hasSignature = reader.readInteger(as: UInt8.self), hasSignature != 0,
            readString(&reader) != nil, let blob = readString(&reader)
        else { return nil }
        return (String(decoding: user.readableBytesView, as: UTF8.self), Fingerprint.sha256(blob: Array(blob.readableBytesView)))
    }

    private static func readString(_ buffer: inout ByteBuffer) -> ByteBuffer? {
        guard let length = buffer.readInteger(as: UInt32.self), length <= 256 * 1024 else { return nil }
        return buffer.readSlice(length: Int(length))
    }

    private static func writeString(_ buffer: inout ByteBuffer, _ bytes: [UInt8]) {
        buffer.writeInteger(UInt32(bytes.count))
        buffer.writeBytes(bytes)
    }
}

/// First in each connection's pipeline: tells the transport which connection it is decrypting for
/// (NIOSSH creates the transport itself, with no way to pass it along), and after NIOSSH has handled
/// the bytes, counts signed key logins that never reached the auth delegate as failed logins.
final class PacketWatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    static let current = ThreadSpecificVariable<ConnectionInfo>()

    private let connection: ConnectionInfo
    private let delegate: ServeAuthDelegate

    init(connection: ConnectionInfo, delegate: ServeAuthDelegate) {
        self.connection = connection
        self.delegate = delegate
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        Self.current.currentValue = connection
        context.fireChannelRead(data)
        Self.current.currentValue = nil
        for attempt in connection.takeForgedKeyRequests() {
            delegate.recordFailure(user: attempt.user, attempt: "key \(attempt.fingerprint) with a signature that does not verify")
        }
    }
}
