import Foundation

/// The hostile vault of `Tests/Fixtures/HostileVault`, copied into a fresh temporary folder and completed
/// with what is not committed: notes whose file names carry escapes, bidi overrides, zero-width characters,
/// C0, C1 and DEL, and symbolic links (a note and a folder) leading outside the vault to a secret.
struct HostileVault {
    static let fixture = Facets.packageRoot.appendingPathComponent("Tests/Fixtures/HostileVault")

    /// File names made at test time (the committed notes link to the first three by name).
    static let hostileNames = [
        "esc_\u{1B}[2J_name.md", "bidi_\u{202E}name.md", "zero\u{200B}width_name.md", "c1_\u{9B}31m_name.md",
        "del_\u{7F}_name.md", "osc_\u{1B}]52;c;cHduZWQ=\u{07}_name.md", "bell_\u{07}\u{08}_name.md",
    ]
    /// Text only the files outside the vault hold: it must never be shown.
    static let secret = "SECRET-OUTSIDE-THE-VAULT"

    /// The temporary folder holding `vault/` and `outside/`.
    let root: URL
    let vault: URL
    let outside: URL

    init() throws {
        let manager = FileManager.default
        root = manager.temporaryDirectory.appendingPathComponent("facets-hostile-\(UUID().uuidString)")
        vault = root.appendingPathComponent("vault")
        outside = root.appendingPathComponent("outside")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.fixture, to: vault)
        try manager.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try "---\ntitle: Outside secret\n---\n\(Self.secret)\n".write(
            to: outside.appendingPathComponent("secret.md"),
            atomically: false, encoding: .utf8)
        try "---\ntitle: Outside folder secret\n---\n\(Self.secret)\n"
            .write(to: outside.appendingPathComponent("folder/secret.md"), atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: vault.appendingPathComponent("outside_link.md").path,
            withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try manager.createSymbolicLink(
            atPath: vault.appendingPathComponent("outside_folder").path,
            withDestinationPath: "../outside/folder")
        for (n, name) in Self.hostileNames.enumerated() {
            // Half carry a title; the others are titled by their file name, escapes and all.
            let text =
                n % 2 == 0
                ? "---\ntitle: Hostile name \(n)\nkind: concept\n---\nA note named with control characters. [[clean_note]]\n"
                : "A note without front matter: its title is its file name. [[cycle_a]]\n"
            try text.write(to: vault.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every note's path relative to the vault, as the reader finds them (symbolic links to outside left out).
    var notePaths: [String] {
        let enumerator = FileManager.default.enumerator(atPath: vault.path)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md"), !relative.hasPrefix("outside") else { continue }
            paths.append(relative)
        }
        return paths.sorted()
    }
}

/// What must never reach a terminal from a note: ESC and every other C0 control but newline and tab, DEL, C1
/// controls, bidi overrides and isolates. Returns a description of each one found in the bytes (empty: clean).
func terminalHazards(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    guard let text = String(validating: bytes, as: UTF8.self) else {
        return ["not valid UTF-8 (a stray byte such as 0x9B is a C1 control to some terminals)"]
    }
    var offset = 0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let hazard =
            (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
        if hazard {
            let context = String(text.unicodeScalars.dropFirst(max(0, offset - 20)).prefix(40))
            found.append("U+\(String(v, radix: 16, uppercase: true)) at scalar \(offset) in \(context.debugDescription)")
            if found.count >= 10 { break }
        }
        offset += 1
    }
    return found
}
