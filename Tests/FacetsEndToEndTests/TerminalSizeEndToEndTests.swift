import Foundation
import Testing

/// The real binary at real sizes in tmux: tiny windows get the "too small" message, big ones fill
/// every column, and a storm of resizes leaves it drawing what a fresh start at the final size draws.
@Suite("Terminal sizes end to end (tmux)", .serialized)
struct TerminalSizeEndToEndTests {
    static let tooSmallMessage = "Terminal too small: need 20x5 (q quits)"

    /// The pane cell by cell as a person sees it: each character with its background and, unless it is
    /// a blank, its colour and attributes. (Read from `capture-pane -e`. A blank's foreground is left
    /// out: it cannot be seen, and ncurses may erase a run of blanks rather than write it, which gives
    /// the same picture with another foreground.)
    static func styledScreen(_ tmux: TmuxSession) throws -> [[String]] {
        let capture = try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.name])
        var rows: [[String]] = []
        for line in capture.components(separatedBy: "\n") {
            var cells: [String] = []
            var foreground = "", background = "", attributes = Set<Int>()
            var scalars = line.unicodeScalars[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                guard scalar == "\u{1B}" else {
                    let look =
                        scalar == " "
                        ? "bg\(background)\(attributes.contains(7) ? "r" : "")"
                        : "fg\(foreground)bg\(background)a\(attributes.sorted())"
                    cells.append("\(scalar)|\(look)")
                    continue
                }
                // An SGR sequence: ESC [ params m.
                guard scalars.first == "[" else { continue }
                let body = scalars.dropFirst().prefix { $0 != "m" }
                scalars = scalars.dropFirst(body.count + 2)
                var codes = String(String.UnicodeScalarView(body)).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
                while let code = codes.first {
                    codes = codes.dropFirst()
                    switch code {
                    case 0:
                        foreground = ""
                        background = ""
                        attributes = []
                    case 1...9: attributes.insert(code)
                    case 22:
                        attributes.remove(1)
                        attributes.remove(2)
                    case 23...29: attributes.remove(code - 20)
                    case 30...37, 90...97: foreground = String(code)
                    case 39: foreground = ""
                    case 40...47, 100...107: background = String(code)
                    case 49: background = ""
                    case 38, 48:
                        // 38;5;N or 38;2;R;G;B
                        let count = codes.first == 5 ? 2 : 4
                        let value = codes.prefix(count).map(String.init).joined(separator: ":")
                        codes = codes.dropFirst(count)
                        if code == 38 { foreground = value } else { background = value }
                    default: break
                    }
                }
            }
            rows.append(cells)
        }
        return rows
    }

    @Test("Tiny windows show only the too-small message, and q still quits", arguments: [(1, 1), (5, 2), (12, 3), (19, 24), (80, 4)])
    func tiny(_ width: Int, _ height: Int) throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession(width: width, height: height)
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(binary))")
        try tmux.waitUntil("the explorer to start") { _ in (try? tmux.display("#{alternate_on}")) == "1" }
        let screen = try tmux.waitForStableScreen()
        let lines = tmux.lines
        #expect(lines.count == height)
        for line in lines where !line.isEmpty {
            #expect(
                line.unicodeScalars.count <= width && Self.tooSmallMessage.contains(line),
                "\(width)x\(height): \(line.debugDescription) is not part of the message:\n\(screen)")
        }
        if width >= 9 && height >= 2 {
            #expect(screen.replacingOccurrences(of: "\n", with: " ").contains("too small"), "\(width)x\(height):\n\(screen)")
        }
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("80x24 and 300x80: borders at the edges, every row within the width, a status line", arguments: [(80, 24, 2), (300, 80, 3)])
    func fullSizes(_ width: Int, _ height: Int, _ columns: Int) throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession(width: width, height: height)
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color \(Facets.shellQuoted(binary))")
        try tmux.waitFor("Practices")
        let screen = try tmux.waitForStableScreen()
        let lines = tmux.lines
        #expect(lines.count == height)
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= width })
        let top = lines.first ?? ""
        #expect(top.unicodeScalars.count == width && top.hasPrefix("┌") && top.hasSuffix("┐"), "the top border spans the width:\n\(screen)")
        #expect(top.filter { $0 == "┌" }.count == columns, "\(columns) columns at \(width)x\(height)")
        let bottom = lines[height - 2]
        #expect(bottom.unicodeScalars.count == width && bottom.hasPrefix("└") && bottom.hasSuffix("┘"), "the bottom border:\n\(screen)")
        // Every row between holds the right edge of the rightmost pane in the last column.
        for line in lines.dropFirst().dropLast(2) {
            #expect(line.unicodeScalars.count == width && (line.hasSuffix("│") || line.hasSuffix("┃")), "\(line.debugDescription)")
        }
        #expect(lines.last?.contains("? help") == true)
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("200 resizes in about two seconds: alive, drawn as a fresh start at the final size, still answering")
    func resizeStorm() throws {
        let binary = try Facets.requireBinary()
        let command = "env TERM=xterm-256color \(Facets.shellQuoted(binary))"
        let storm = try TmuxSession()
        defer { storm.close() }
        try storm.start(command: command)
        try storm.waitFor("Practices")
        try storm.press("j", "j", "j", "Tab", "j")
        try storm.waitFor("─ Facets (4) ─")

        // Widths 10-209 and heights 3-62, in and out of every arrangement, too small included.
        let start = Date()
        for i in 0..<200 {
            try storm.resize(10 + (i * 37) % 200, 3 + (i * 13) % 60)
            let due = start.addingTimeInterval(Double(i + 1) * 0.01)
            if due > Date() { usleep(UInt32(due.timeIntervalSinceNow * 1_000_000)) }
        }
        let elapsed = Date().timeIntervalSince(start)
        print("resize storm: 200 resizes in \(String(format: "%.2f", elapsed)) s")
        #expect(elapsed < 10, "the storm took \(elapsed) s: not much of a storm")
        try storm.resize(97, 31)
        try storm.waitUntil("a 97-column screen") { $0.components(separatedBy: "\n").first?.unicodeScalars.count == 97 }
        try storm.waitForStableScreen()
        #expect(storm.exitStatus == nil, "the explorer is alive")
        let afterStorm = try Self.styledScreen(storm)
        try storm.press("C-l")
        try storm.waitForStableScreen()
        let afterRedraw = try Self.styledScreen(storm)

        let fresh = try TmuxSession(width: 97, height: 31)
        defer { fresh.close() }
        try fresh.start(command: command)
        try fresh.waitFor("Practices")
        try fresh.press("j", "j", "j", "Tab", "j")
        try fresh.waitFor("─ Facets (4) ─")
        try fresh.waitForStableScreen()
        let expected = try Self.styledScreen(fresh)
        #expect(Set(expected.joined()).count > 20, "the capture has colours and attributes to compare")
        #expect(storm.screen == fresh.screen, "after the storm:\n\(storm.screen)\nfresh:\n\(fresh.screen)")
        for (name, cells) in [("after the storm", afterStorm), ("after Ctrl-L", afterRedraw)] {
            #expect(cells.count == expected.count)
            for (row, (got, wanted)) in zip(cells, expected).enumerated() where got != wanted {
                let column = zip(got, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, wanted.count)
                Issue.record(
                    "\(name): row \(row) differs from a fresh start from column \(column): \(got.dropFirst(column).prefix(3)) vs \(wanted.dropFirst(column).prefix(3))"
                )
            }
        }

        // Still answering keys.
        let before = storm.screen
        try storm.press("j")
        try storm.waitUntil("the cursor to move") { $0 != before }
        try storm.press("q")
        #expect(try storm.waitForExit() == 0)
    }
}
