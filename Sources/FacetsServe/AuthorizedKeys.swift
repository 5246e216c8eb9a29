import Foundation
import NIOConcurrencyHelpers
import NIOSSH

/// The keys of an OpenSSH `authorized_keys` file. Options before a key (`from=`, `command=`, …) are
/// skipped and not honoured; key types this SSH implementation cannot verify (RSA, DSA, security keys)
/// are reported and left out.
public struct AuthorizedKeys: Sendable {
    public var keys: Set<NIOSSHPublicKey> = []
    /// Lines that were left out, with why (1-based line numbers).
    public var skipped: [(line: Int, reason: String)] = []
    /// Lines whose options were ignored.
    public var linesWithOptions: [Int] = []

    static let supportedTypes: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
    static let knownTypes: Set<String> = supportedTypes.union([
        "ssh-rsa", "ssh-dss", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    ])

    public init() {}

    public static func parse(_ text: String) -> AuthorizedKeys {
        var result = AuthorizedKeys()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var fields = splitFields(line)
            guard let first = fields.first else { continue }
            let hasOptions = !knownTypes.contains(first)
            // Options come first; they are one field (quoted parts may hold spaces).
            if hasOptions { fields.removeFirst() }
            guard fields.count >= 2, knownTypes.contains(fields[0]) else {
                result.skipped.append((index + 1, "not a public key line"))
                continue
            }
            if hasOptions { result.linesWithOptions.append(index + 1) }
            guard supportedTypes.contains(fields[0]) else {
                result.skipped.append((index + 1, "\(fields[0]) keys are not supported here; use ssh-ed25519 or ECDSA"))
                continue
            }
            do {
                result.keys.insert(try NIOSSHPublicKey(openSSHPublicKey: fields[0] + " " + fields[1]))
            } catch {
                result.skipped.append((index + 1, "the key does not decode"))
            }
        }
        return result
    }

    /// Fields separated by unquoted blanks.
    static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quoted {
                current.append(character)
                escaped = true
                continue
            }
            if character == "\"" {
                quoted.toggle()
                current.append(character)
                continue
            }
            if (character == " " || character == "\t") && !quoted {
                if !current.isEmpty {
                    fields.append(current)
                    current = ""
                }
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }
}

/// An authorized_keys file, read again whenever it changes (so keys can be added during a workshop).
public final class AuthorizedKeysFile: Sendable {
    public let path: String
    private struct Snapshot {
        var keys = AuthorizedKeys()
        var stamp: [Int] = []
    }
    private let snapshot = NIOLockedValueBox(Snapshot())

    /// Reads the file now; a missing or unreadable file is an error at start.
    public init(path: String) throws {
        self.path = path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServeError("facets serve: cannot read the authorized keys file \(path)")
        }
        let keys = AuthorizedKeys.parse(text)
        let stamp = Self.stamp(path)
        snapshot.withLockedValue { $0 = Snapshot(keys: keys, stamp: stamp) }
    }

    public var current: AuthorizedKeys {
        let stamp = Self.stamp(path)
        if let keys = snapshot.withLockedValue({ $0.stamp == stamp ? $0.keys : nil }) { return keys }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            // Mid-edit or gone: keep what we had.
            return snapshot.withLockedValue { $0.keys }
        }
        let keys = AuthorizedKeys.parse(text)
        snapshot.withLockedValue { $0 = Snapshot(keys: keys, stamp: stamp) }
        ServeLog.event("authorized keys reloaded from \(path): \(keys.keys.count) usable")
        return keys
    }

    private static func stamp(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_size), Int(info.st_ino)]
    }
}
