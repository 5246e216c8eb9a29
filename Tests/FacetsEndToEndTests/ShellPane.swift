import Foundation
import Testing

/// An interactive bash in a tmux pane, for what only a shell shows: job control (Ctrl-Z, `fg`) and the
/// terminal's modes before and after the explorer, measured with `stty -g` in the same pane.
///
///     let shell = try ShellPane()
///     try shell.run("stty -g > before")
///     try shell.startExplorer()
///     ...
///     #expect(try shell.exitStatusOfLastCommand() == 0)
final class ShellPane {
    let tmux: TmuxSession
    /// The shell's working folder, where `stty -g > NAME` files land.
    let folder: URL
    private var commands = 0

    init(width: Int = 80, height: Int = 24, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is needed for job control", sourceLocation: sourceLocation)
        tmux = try TmuxSession(width: width, height: height, sourceLocation: sourceLocation)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try tmux.start(command: "cd \(Facets.shellQuoted(folder.path)) && env HISTFILE=/dev/null PS1='$ ' bash --norc --noprofile -i")
        try run("true")
    }

    deinit { close() }

    func close() {
        tmux.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Types a command line and waits until it has run: a marker the shell computes (so the echoed
    /// command line itself cannot match) appears on the screen.
    @discardableResult
    func run(_ command: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        commands += 1
        let marker = "ran-\(commands)-ok"
        try tmux.type("\(command); echo ran-$((\(commands)))-ok")
        try tmux.press("Enter")
        return try tmux.waitUntil("\(command) to finish", timeout: timeout, sourceLocation: sourceLocation) {
            $0.components(separatedBy: "\n").contains(marker)
        }
    }

    /// Starts the explorer from the shell and waits for its first screen.
    func startExplorer(_ arguments: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let binary = try Facets.requireBinary(sourceLocation: sourceLocation)
        try tmux.type("env TERM=xterm-256color \(Facets.shellQuoted(binary)) \(arguments)")
        try tmux.press("Enter")
        try tmux.waitFor("Practices", sourceLocation: sourceLocation)
    }

    /// Waits until no facets process runs under the shell any more.
    func waitForExplorerToEnd(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try tmux.pid(of: "facets") == nil { return }
            usleep(50_000)
        }
        Issue.record("the explorer is still running after \(timeout) s; the screen:\n\(tmux.screen)", sourceLocation: sourceLocation)
        throw TmuxError(description: "the explorer did not end")
    }

    /// `$?` of the command line before this call, as the shell saw it.
    func exitStatusOfLastCommand(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
        let screen = try run("echo \"status=$?\"", sourceLocation: sourceLocation)
        let found = screen.components(separatedBy: "\n").compactMap { $0.firstMatch(of: /^status=(\d+)$/).map { Int($0.1) } }
        return found.last ?? nil
    }

    /// A file the shell wrote in its folder (e.g. the output of `stty -g > before`).
    func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "(no \(name))"
    }

    /// Whether the pane shows the alternate screen (the explorer's) rather than the shell's.
    var alternateScreen: Bool { (try? tmux.display("#{alternate_on}")) == "1" }
}

extension TmuxSession {
    /// Polls until the screen has stayed the same for `quiet` seconds (every key applied and drawn);
    /// returns it.
    @discardableResult
    func waitForStableScreen(
        quiet: TimeInterval = 0.3, timeout: TimeInterval = 10,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var last = screen
        var since = Date()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(50_000)
            let now = screen
            if now != last {
                last = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= quiet {
                return now
            }
        }
        Issue.record("the screen kept changing for \(timeout) s", sourceLocation: sourceLocation)
        throw TmuxError(description: "no stable screen")
    }
}
