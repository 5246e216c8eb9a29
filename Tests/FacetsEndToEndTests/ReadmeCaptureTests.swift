import Foundation
import Testing

/// The README's 100x30 captures ("What you see", the timeline's strip) are the real explorer's screens:
/// the test presses the keys the README names above each capture, in tmux at 100x30, and compares the
/// pane with the block.
/// `FACETS_UPDATE_README=1 swift test --filter ReadmeCapture` rewrites the block instead of failing.
@Suite("README capture")
struct ReadmeCaptureTests {
    static let heading = "## What you see (100x30)"
    /// Every section holding a capture: the explorer's first screen, the neighbourhood view, the timeline's strip.
    static let headings = [heading, "## The neighbourhood of an entry (100x30)", "### The timeline's strip (100x30)"]
    static var readmeURL: URL { Facets.packageRoot.appendingPathComponent("README.md") }

    /// The section's key sequence (the first `keys `…`` span) and its first fenced block.
    struct Capture {
        var keys: [String]
        var lines: [String]
        /// The README's lines before and after the block's content, to write a new one between.
        var before: [String]
        var after: [String]
    }

    static func parse(_ readme: String, heading: String = heading) throws -> Capture {
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading), "README.md has no \(heading.debugDescription) section")
        let open = try #require(lines[start...].firstIndex(of: "```"), "no fenced capture under \(heading)")
        let close = try #require(lines[(open + 1)...].firstIndex(of: "```"), "the capture's fence is not closed")
        let prose = lines[start..<open].joined(separator: " ")
        let keys = try #require(
            prose.firstMatch(of: /keys `([^`]+)`/).map { String($0.1) },
            "the README does not say which keys lead to the capture (\"keys `j Enter`\")")
        return Capture(
            keys: keys.split(separator: " ").map(String.init), lines: Array(lines[(open + 1)..<close]),
            before: Array(lines[...open]), after: Array(lines[close...]))
    }

    /// Lines as capture-pane gives them: trailing spaces trimmed, no trailing empty lines.
    static func normalized(_ lines: [String]) -> [String] {
        var result = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while result.last == "" { result.removeLast() }
        return result
    }

    @Test("the README's 100x30 captures are what the explorer shows after the keys they name", arguments: headings)
    func captureIsCurrent(heading: String) throws { try Self.check(heading: heading) }

    /// Compares (or, asked to, rewrites) the capture under a heading of the README.
    static func check(heading: String) throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let capture = try Self.parse(readme, heading: heading)
        let expected = Self.normalized(capture.lines)
        #expect(expected.count == 30, "the README's capture has \(expected.count) rows, not 30")

        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color " + Facets.shellQuoted(binary))
        try tmux.waitFor("? help")
        try tmux.tmux(["send-keys", "-t", tmux.name] + capture.keys)

        // The screen the keys lead to: the README's as soon as it shows, else the one that stays put
        // (3 s: a loaded machine can take a while to lay out a talk's timeline in a debug build).
        var screen = Self.normalized(tmux.lines)
        var unchangedSince = Date()
        let deadline = Date().addingTimeInterval(10)
        while screen != expected, Date() < deadline, Date().timeIntervalSince(unchangedSince) < 3 {
            usleep(50_000)
            let now = Self.normalized(tmux.lines)
            if now != screen {
                screen = now
                unchangedSince = Date()
            }
        }
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
        if screen == expected { return }

        let block = screen.joined(separator: "\n")
        if ProcessInfo.processInfo.environment["FACETS_UPDATE_README"] == "1" {
            let updated = (capture.before + screen + capture.after).joined(separator: "\n")
            try updated.write(to: Self.readmeURL, atomically: true, encoding: .utf8)
            print("README.md: the capture under \(heading) was rewritten")
            return
        }
        let changed = zip(expected + Array(repeating: "", count: max(0, screen.count - expected.count)), screen)
            .enumerated().filter { $0.element.0 != $0.element.1 }.map { "row \($0.offset + 1)" }
        Issue.record(
            """
            README.md's capture differs from the explorer after `\(capture.keys.joined(separator: " "))` at 100x30 \
            (\(changed.isEmpty ? "rows missing" : changed.joined(separator: ", "))). Paste this block into the README, \
            or run FACETS_UPDATE_README=1 swift test --filter ReadmeCapture:
            ```
            \(block)
            ```
            """)
    }
}
