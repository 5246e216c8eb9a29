import Crypto
import Foundation
import NIOSSH

/// SHA256 fingerprints as `ssh-keygen -l` prints them: `SHA256:` and the unpadded base64 of the
/// digest of the key's wire encoding.
public enum Fingerprint {
    public static func sha256(blob: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The wire encoding of a public key (the base64 part of its OpenSSH line, decoded).
    public static func blob(of key: NIOSSHPublicKey) -> [UInt8] {
        let line = String(openSSHPublicKey: key)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let data = Data(base64Encoded: String(parts[1])) else { return Array(line.utf8) }
        return Array(data)
    }

    public static func sha256(_ key: NIOSSHPublicKey) -> String {
        sha256(blob: blob(of: key))
    }
}
