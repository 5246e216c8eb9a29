import Foundation
import Testing

/// The vault is read, never written: every file's bytes, size, mode and times, every folder's listing and
/// every symbolic link (and the files outside it leads to) are the same after every command and a session
/// in the explorer.
@Suite("The vault is never written", .serialized)
struct VaultReadOnlyTests {
    @Test("every command, plain and JSON, then an explorer session in tmux: the hostile vault is unchanged")
    func unchanged() throws {
        let binary = try Facets.requireBinary()
        let vault = try HostileVault()
        defer { vault.remove() }
        let before = folderSnapshot(vault.root)
        #expect(before.count > 30, "the snapshot sees the files: \(before.count) entries")

        for arguments in HostileCLITests.invocations(vault) {
            _ = try HostileCLITests.run(binary, arguments, vault: vault)
        }

        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(binary)) --vault \(Facets.shellQuoted(vault.vault.path))")
        try tmux.waitFor("─ Facets ─")
        try tmux.press("G", "Enter")
        try tmux.waitFor("─ All notes")
        for _ in 0..<8 { try tmux.press("j") }
        try tmux.press("3")
        try tmux.waitFor("Enter follow")
        try tmux.type("1")
        try tmux.press("Enter", "y", "BSpace", "t", "BSpace", "C-f")
        try tmux.type("cycle")
        try tmux.press("Enter")
        try tmux.waitFor("─ Cycle")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)

        let after = folderSnapshot(vault.root)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        #expect(changed.isEmpty, "changed: \(changed.map { "\($0): \(before[$0] ?? "(none)") → \(after[$0] ?? "(gone)")" })")
    }

    @Test("the snapshot notices a change: one byte, one new file, one touched date")
    func snapshotSeesChanges() throws {
        let vault = try HostileVault()
        defer { vault.remove() }
        let before = folderSnapshot(vault.root)
        let file = vault.vault.appendingPathComponent("clean_note.md")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 2] ^= 0x20
        try bytes.write(to: file)
        #expect(folderSnapshot(vault.root) != before)

        let second = folderSnapshot(vault.root)
        try Data().write(to: vault.vault.appendingPathComponent(".hidden-new-file"))
        #expect(folderSnapshot(vault.root) != second, "a new hidden file changes the folder's listing")

        let third = folderSnapshot(vault.root)
        var times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2) /* UTIME_OMIT: keep the access time */, timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, vault.outside.appendingPathComponent("secret.md").path, &times, 0) == 0)
        #expect(folderSnapshot(vault.root) != third, "a file outside the vault, behind its symbolic link, is watched too")
    }
}
