import Foundation
import Testing

/// Issue 19, point 4, in a served session: the server's `--config` rebinds the prompt's cancel key, and an
/// attendee's real `ssh` client in tmux gets that binding. (Uses `Harness.swift` as it is.)
@Suite("facets serve: prompt keys from the server's config", .serialized)
struct PromptKeysServeTests {
    @Test("cancel = [\"ctrl-g\"] in --config FILE: Ctrl-G cancels the / prompt over ssh, Esc does not", .timeLimit(.minutes(3)))
    func ctrlGCancelsOverSSH() throws {
        let workspace = try Workspace()
        let identity = try workspace.clientKey("attendee")
        let keys = try workspace.write("authorized_keys", try String(contentsOfFile: identity + ".pub", encoding: .utf8))
        let vault = try workspace.vault()
        // No action keeps Esc: cancel and leave_tour move to Ctrl-G.
        let config = try workspace.write("prompt-keys.toml", "[keys]\ncancel = [\"ctrl-g\"]\nleave_tour = [\"ctrl-g\"]\n")
        let server = try ServeProcess(workspace, ["--vault", vault, "--config", config, "--authorized-keys", keys])
        defer { server.stop() }
        let tmux = try Tmux(environment: workspace.environment)

        try tmux.start("a", width: 100, height: 30, try server.interactiveSSH(identity: identity))
        let (shown, first) = tmux.waitForScreen("a") { $0.contains("Facets") && $0.contains("Start here") }
        #expect(shown, "the explorer did not appear:\n\(first)\n\(server.log)")

        try tmux.keys("a", "/")
        try tmux.keys("a", "-l", "silo")
        let (prompting, prompt) = tmux.waitForScreen("a") { Self.statusLine($0).hasPrefix("/silo") }
        #expect(prompting, "no /silo prompt:\n\(prompt)")
        #expect(Self.statusLine(prompt).contains("Ctrl-G cancel"), "the prompt names the cancel key in force:\n\(prompt)")

        try tmux.keys("a", "Escape")
        // Esc is nobody's key: after a pause the prompt is still there (and says nothing about Esc).
        Thread.sleep(forTimeInterval: 1)
        let afterEscape = tmux.screen("a")
        #expect(Self.statusLine(afterEscape).hasPrefix("/silo"), "Esc cancelled the prompt:\n\(afterEscape)")

        try tmux.keys("a", "C-g")
        let (cancelled, after) = tmux.waitForScreen("a") { !Self.statusLine($0).hasPrefix("/silo") && Self.statusLine($0).contains("quit") }
        #expect(cancelled, "Ctrl-G did not cancel the / prompt:\n\(after)")
        #expect(!after.contains("/silo ("), "the list is no longer filtered:\n\(after)")

        try tmux.keys("a", "q")
        let (quit, last) = tmux.waitForScreen("a") { $0.contains("SSH-EXIT=") }
        #expect(quit && last.contains("SSH-EXIT=0"), "ssh did not end with 0:\n\(last)")
        #expect(server.stop() == 0)
    }

    /// The explorer's bottom line (the last line with text, trimmed).
    static func statusLine(_ screen: String) -> String {
        let line = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }
}
