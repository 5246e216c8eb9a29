import Crypto
import Foundation
import NIOSSH

/// The server's Ed25519 host key: made on first start, kept in the state folder with mode 0600 in
/// OpenSSH's private-key format (so `ssh-keygen -lf` shows the same fingerprint), reused afterwards.
public struct HostKey: Sendable {
    public static let fileName = "ssh_host_ed25519_key"

    public let path: String
    public let privateKey: Curve25519.Signing.PrivateKey
    /// True when this start made the key.
    public let created: Bool

    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }
    public var publicKeyBlob: [UInt8] { OpenSSHKeyFormat.publicBlob(Array(privateKey.publicKey.rawRepresentation)) }
    public var fingerprint: String { Fingerprint.sha256(blob: publicKeyBlob) }
    /// `ssh-ed25519 AAAA…`, for a known_hosts line.
    public var publicKeyLine: String { "ssh-ed25519 " + Data(publicKeyBlob).base64EncodedString() }

    /// `$XDG_STATE_HOME/facets` or `~/.local/state/facets`.
    public static var defaultDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/state")
        return base + "/facets"
    }

    /// Loads the key in `directory`, or makes it when there is none. Race-free: the new key is
    /// written to a private temporary file and linked into place; when another start won the race,
    /// its key is loaded instead.
    public static func loadOrCreate(directory: String = defaultDirectory) throws -> HostKey {
        let path = directory + "/" + fileName
        try checkFolder(directory)
        if let existing = try load(path: path) { return existing }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeError("facets serve: cannot create the state folder \(directory): \(error.localizedDescription)")
        }
        try checkFolder(directory)
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKeyFormat.encodePrivate(key, comment: "facets serve host key")
        let temporary = directory + "/.\(fileName).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ServeError("facets serve: cannot write a host key in \(directory): \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            throw ServeError("facets serve: cannot write the host key \(temporary): \(String(cString: strerror(errno)))")
        }
        if link(temporary, path) != 0 {
            let error = errno
            if error == EEXIST, let winner = try load(path: path) { return winner }
            throw ServeError("facets serve: cannot put the host key in place at \(path): \(String(cString: strerror(error)))")
        }
        writePublicKey(directory: directory, key: key)
        return HostKey(path: path, privateKey: key, created: true)
    }

    /// Like OpenSSH's StrictModes: someone who can write to the key's folder can swap the key (and
    /// impersonate the server), so a folder others can write to, or that another user owns, is refused.
    /// A folder that does not exist yet passes (it is made with mode 0700).
    static func checkFolder(_ directory: String) throws {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ServeError("facets serve: the host key folder \(directory) is not a folder")
        }
        guard info.st_uid == geteuid() || info.st_uid == 0 else {
            throw ServeError("facets serve: the host key folder \(directory) belongs to another user (uid \(info.st_uid)); refusing to use it")
        }
        guard info.st_mode & 0o022 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw ServeError(
                """
                facets serve: others can write to the host key folder \(directory) (mode \(mode)); refusing to use it.
                Fix it with: chmod go-w \(directory)
                """)
        }
    }

    /// The key at `path`, nil when there is no file. Refuses a key that is not a regular file owned by
    /// this user, or that others can read.
    static func load(path: String) throws -> HostKey? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ServeError("facets serve: cannot open the host key \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ServeError("facets serve: the host key \(path) is not a regular file")
        }
        guard info.st_uid == geteuid() else {
            throw ServeError("facets serve: the host key \(path) belongs to another user (uid \(info.st_uid)); refusing to use it")
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw ServeError(
                """
                facets serve: the host key \(path) can be read by others (mode \(mode)); refusing to use it.
                Fix it with: chmod 600 \(path)   (or delete it to make a new key; attendees will then see a new fingerprint)
                """)
        }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw ServeError("facets serve: cannot read the host key \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            data += chunk[0..<n]
            if data.count > 64 * 1024 { throw ServeError("facets serve: the host key \(path) is too large to be a key") }
        }
        guard let key = OpenSSHKeyFormat.decodePrivate(String(decoding: data, as: UTF8.self)) else {
            throw ServeError("facets serve: \(path) is not an unencrypted OpenSSH Ed25519 private key; move it away to make a new one")
        }
        return HostKey(path: path, privateKey: key, created: false)
    }

    private static func writePublicKey(directory: String, key: Curve25519.Signing.PrivateKey) {
        let line =
            "ssh-ed25519 " + Data(OpenSSHKeyFormat.publicBlob(Array(key.publicKey.rawRepresentation))).base64EncodedString()
            + " facets serve host key\n"
        let path = directory + "/" + fileName + ".pub"
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(line.utf8), attributes: [.posixPermissions: 0o644]) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}

/// OpenSSH's `openssh-key-v1` container, for one unencrypted Ed25519 key (what `ssh-keygen -t ed25519
/// -N ''` writes).
enum OpenSSHKeyFormat {
    static let magic = Array("openssh-key-v1".utf8) + [0]
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"

    static func publicBlob(_ raw: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        appendString(&out, Array("ssh-ed25519".utf8))
        appendString(&out, raw)
        return out
    }

    static func encodePrivate(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicRaw = Array(key.publicKey.rawRepresentation)
        let check = UInt32.random(in: 0...UInt32.max)
        var secret = [UInt8]()
        appendUInt32(&secret, check)
        appendUInt32(&secret, check)
        appendString(&secret, Array("ssh-ed25519".utf8))
        appendString(&secret, publicRaw)
        appendString(&secret, Array(key.rawRepresentation) + publicRaw)
        appendString(&secret, Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 {
            secret.append(pad)
            pad += 1
        }

        var out = magic
        appendString(&out, Array("none".utf8))
        appendString(&out, Array("none".utf8))
        appendString(&out, [])
        appendUInt32(&out, 1)
        appendString(&out, publicBlob(publicRaw))
        appendString(&out, secret)
        let base64 = Data(out).base64EncodedString()
        var lines = [begin]
        var index = base64.startIndex
        while index < base64.endIndex {
            let next = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<next]))
            index = next
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    static func decodePrivate(_ text: String) -> Curve25519.Signing.PrivateKey? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last,
            let data = Data(base64Encoded: lines[(first + 1)..<last].joined())
        else { return nil }
        var reader = Reader(bytes: Array(data))
        guard reader.take(magic.count) == magic,
            reader.string() == Array("none".utf8), reader.string() == Array("none".utf8),
            reader.string() == [], reader.uint32() == 1,
            reader.string() != nil, let secret = reader.string()
        else { return nil }
        var inner = Reader(bytes: secret)
        guard let check1 = inner.uint32(), let check2 = inner.uint32(), check1 == check2,
            inner.string() == Array("ssh-ed25519".utf8),
            let publicRaw = inner.string(), publicRaw.count == 32,
            let secretRaw = inner.string(), secretRaw.count == 64,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: secretRaw.prefix(32)),
            Array(key.publicKey.rawRepresentation) == publicRaw
        else { return nil }
        return key
    }

    private static func appendUInt32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func appendString(_ out: inout [UInt8], _ bytes: [UInt8]) {
        appendUInt32(&out, UInt32(bytes.count))
        out += bytes
    }

    struct Reader {
        var bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) -> [UInt8]? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func uint32() -> UInt32? {
            guard let b = take(4) else { return nil }
            return UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        }

        mutating func string() -> [UInt8]? {
            guard let length = uint32() else { return nil }
            return take(Int(length))
        }
    }
}
