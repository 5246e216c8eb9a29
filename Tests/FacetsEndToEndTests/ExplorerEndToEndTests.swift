import Foundation
import Testing

/// The real `facets` binary in tmux, driven by keys as a person would, read back from the screen.
@Suite("Explorer end to end (tmux)", .serialized)
struct ExplorerEndToEndTests {
    /// A shell script that runs facets, then reports its exit status and the terminal's modes, so the
    /// screen shows whether the terminal was given back.
    static func wrapper() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("run.sh")
        try """
        #!/bin/sh
        "$@"
        status=$?
        echo "DONE status=$status"
        echo "MODES $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo -e icrnl -e -icrnl | tr '\\n' ' ')"
        """.write(to: script, atomically: true, encoding: .utf8)
        return script.path
    }

    /// The detail pane's part of each row: from the second frame corner of the top row to the right edge.
    static func detailRegion(_ lines: [String]) -> [String] {
        guard let top = lines.first else { return [] }
        let characters = Array(top)
        let corners = characters.indices.filter { characters[$0] == "┌" }
        guard corners.count >= 2 else { return lines }
        let x = corners[1]
        return lines.dropLast().map { line in
            let row = Array(line)
            return row.count > x ? String(row[x...]) : ""
        }
    }

    /// Display columns of a captured line (the explorer draws no wide characters here).
    static func columns(_ line: String) -> Int { line.unicodeScalars.count }

    @Test("Start: the tree and Start here show; q quits with status 0")
    func startAndQuit() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        let screen = try tmux.waitFor("Practices")
        #expect(screen.contains("─ Facets ─"), "the tree pane's title")
        #expect(screen.contains("─ Start here ─"), "the detail pane shows Start here")
        #expect(screen.contains("This knowledge base unpacks"))
        let lines = tmux.lines
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { Self.columns($0) <= 80 })
        #expect(lines.last?.contains("? help") == true, "the status line")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("Open a practice, follow a link, go back, open a timestamp, resize, quit")
    func browseAndResize() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        try tmux.waitFor("Practices")
        try tmux.press("j", "j", "j", "j", "j")
        try tmux.waitFor("─ Practices (12) ─")
        try tmux.press("Enter", "j", "j", "j", "j", "j", "j")
        try tmux.waitFor("─ Safe experimental spaces ─")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("Enter follow")
        #expect(screen.contains("▸00:48:01[1]"), "timestamps are numbered")

        // Page down to the example's link and follow it by its number.
        try tmux.press("PageDown", "PageDown")
        screen = try tmux.waitUntil("the link to Denmark's free municipalities") { $0.contains("free municipalities[") }
        let number = try #require(screen.firstMatch(of: /free municipalities\[(\d+)\]/).map { String($0.1) })
        try tmux.type(number)
        try tmux.waitFor("Follow link \(number)_")
        try tmux.press("Enter")
        try tmux.waitFor("─ Denmark's free municipalities ─")

        // Back, to the page that was left.
        try tmux.press("BSpace")
        screen = try tmux.waitFor("─ Safe experimental spaces ─")
        #expect(!screen.contains("─ Denmark's free municipalities ─"))
        #expect(screen.contains("free municipalities[\(number)]"), "back where the link was")

        // A timestamp, by its number: the talk's timeline at that moment.
        try tmux.type("1")
        try tmux.press("Enter")
        screen = try tmux.waitFor("Timeline at 00:48:01")
        #expect(screen.contains("▸00:48:01"))

        // Narrow: one pane, still the timeline, a status line, nothing wider than the window.
        try tmux.resize(50, 20)
        screen = try tmux.waitUntil("a 50x20 screen") { screen in
            let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
            // Every row drawn, the status line too: a loaded machine can show a frame half painted.
            return lines.count == 20 && lines.first.map { Self.columns($0) == 50 && $0.hasSuffix("┐") } == true
                && screen.contains("Timeline at")
        }
        var lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { Self.columns($0) <= 50 }, "\(screen)")
        #expect(lines.last?.contains("Enter follow") == true, "the status line at 50x20: \(lines.last ?? "")")

        // And back to 80x24.
        try tmux.resize(80, 24)
        screen = try tmux.waitUntil("an 80x24 screen") { screen in
            let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
            return lines.count == 24 && lines.first.map { Self.columns($0) == 80 && $0.hasSuffix("┐") } == true
                && screen.contains("Timeline at 00:48:01")
        }
        lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { Self.columns($0) <= 80 })
        #expect(screen.contains("─ Facets ─"), "two columns again: the tree is back")
        #expect(lines.last?.contains("? help") == true, "the status line at 80x24: \(lines.last ?? "")")

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("The newcomer journey: practice, challenge, example, the moment of the talk, and back")
    func newcomerJourney() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        try tmux.waitFor("Practices")

        // Practices in the tree, Safe experimental spaces in the list, opened.
        try tmux.press("j", "j", "j", "j", "j")
        try tmux.waitFor("─ Practices (12) ─")
        try tmux.press("Enter", "j", "j", "j", "j", "j", "j")
        try tmux.waitFor("─ Safe experimental spaces ─")
        try tmux.press("Enter")
        try tmux.waitFor("Enter follow")

        // Find the challenge it answers in the entry and follow it from its line (a capital makes the find
        // case-sensitive: the note also mentions procurement in running text, above the list of challenges).
        try tmux.type("/Procurement")
        try tmux.waitFor("/Procurement")
        try tmux.press("Enter")
        try tmux.waitUntil("the find to end") { !($0.components(separatedBy: "\n").last(where: { !$0.isEmpty }) ?? "").hasPrefix("/") }
        var screen = tmux.screen
        #expect(screen.contains("▌• Procurement rules and internal"), "the cursor is on the challenge's line:\n\(screen)")
        try tmux.press("Enter")
        try tmux.waitFor("─ Procurement rules and internal regulations ─")

        // Down the challenge to the line linking the example; remember how the pane looks.
        try tmux.type("/denmark")
        try tmux.waitFor("/denmark")
        try tmux.press("Enter")
        screen = try tmux.waitUntil("the cursor on the Denmark line") {
            $0.contains("▌") && $0.range(of: #"▌.*Denmark's"#, options: .regularExpression) != nil
        }
        let challenge = Self.detailRegion(tmux.lines)
        #expect(!challenge.contains { $0.contains("The Belgian panellist") }, "the challenge is scrolled down:\n\(screen)")
        try tmux.press("Enter")
        screen = try tmux.waitFor("─ Denmark's free municipalities ─")
        #expect(screen.contains("Examples"), "the example is selected under Examples")

        // The moment 01:17:23, by its number.
        let stamp = try #require(screen.firstMatch(of: /▸01:17:23\[(\d+)\]/).map { String($0.1) }, "no 01:17:23 on:\n\(screen)")
        try tmux.type(stamp)
        try tmux.press("Enter")
        screen = try tmux.waitFor("Timeline at 01:17:23")
        #expect(screen.contains("▸01:17:23"))

        // Back twice: the challenge, exactly as it was left.
        try tmux.press("BSpace")
        try tmux.waitFor("─ Denmark's free municipalities ─")
        try tmux.press("BSpace")
        try tmux.waitFor("─ Procurement rules and internal regulations ─")
        // The same rows, the cursor on the same line (the scroll indicator in the border aside: it
        // moves with the length of the "Said around" section below).
        let unmarked = { (rows: [String]) in rows.map { $0.replacingOccurrences(of: "┃", with: "│") } }
        #expect(unmarked(Self.detailRegion(tmux.lines)) == unmarked(challenge), "the challenge's cursor and scroll are restored")

        // A third back: the practice.
        try tmux.press("BSpace")
        try tmux.waitFor("─ Safe experimental spaces ─")

        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("/silo then Enter: Collaboration across silos is first and shows in the detail pane")
    func search() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        try tmux.waitFor("Practices")
        try tmux.type("/silo")
        try tmux.waitFor("/silo (")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("─ Collaboration across silos ─")
        #expect(screen.contains("Learning to work across silos"), "the practice's text is previewed")
        #expect(screen.contains("/silo ("), "the list keeps the filter")
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test("Ctrl-C quits with status 0 and gives the terminal back")
    func controlC() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        let wrapper = try Self.wrapper()
        defer { try? FileManager.default.removeItem(atPath: (wrapper as NSString).deletingLastPathComponent) }
        try tmux.start(command: "sh \(Facets.shellQuoted(wrapper)) \(Facets.shellQuoted(binary))")
        try tmux.waitFor("Practices")
        #expect(try tmux.display("#{alternate_on}") == "1", "the explorer draws on the alternate screen")
        try tmux.press("C-c")
        try tmux.waitFor("MODES")
        let screen = tmux.screenWithHistory
        #expect(screen.contains("DONE status=0"), "\(screen)")
        let modes = screen.components(separatedBy: "\n").first { $0.hasPrefix("MODES") } ?? ""
        #expect(modes.contains(" icanon") && modes.contains(" echo"), "cooked mode and echo are back: \(modes)")
        #expect(!modes.contains("-icanon") && !modes.contains("-echo"), "\(modes)")
        #expect(!screen.contains("Facets") && !screen.contains("Practices") && !screen.contains("┌"), "no UI is left:\n\(screen)")
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen is left")
    }

    @Test("SIGTERM ends the explorer and gives the terminal back")
    func sigterm() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        let wrapper = try Self.wrapper()
        defer { try? FileManager.default.removeItem(atPath: (wrapper as NSString).deletingLastPathComponent) }
        try tmux.start(command: "sh \(Facets.shellQuoted(wrapper)) \(Facets.shellQuoted(binary))")
        try tmux.waitFor("Practices")
        let pid = try #require(try tmux.pid(of: "facets"), "no facets process under the pane")
        #expect(kill(pid, SIGTERM) == 0)
        try tmux.waitFor("MODES")
        let screen = tmux.screenWithHistory
        #expect(screen.contains("DONE status=143"), "128 + SIGTERM:\n\(screen)")
        let modes = screen.components(separatedBy: "\n").first { $0.hasPrefix("MODES") } ?? ""
        #expect(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-icanon") && !modes.contains("-echo"), "\(modes)")
        #expect(!screen.contains("Practices") && !screen.contains("┌"), "no UI is left:\n\(screen)")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM to facets as the pane's own process: it exits 143")
    func sigtermStatus() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary))
        try tmux.waitFor("Practices")
        let pid = try #require(try tmux.pid(of: "facets"))
        #expect(kill(pid, SIGTERM) == 0)
        #expect(try tmux.waitForExit() == 143)
    }

    @Test("With standard output not a terminal the explorer exits 2 and points to the subcommands")
    func notATerminal() throws {
        let binary = try Facets.requireBinary()
        for arguments in [[], ["explore"]] {
            // Standard input /dev/null, standard output a file: neither is a terminal.
            let result = try runProcess(binary, arguments, timeout: 10)
            #expect(result.status == 2, "facets \(arguments) exited \(result.status)")
            #expect(result.stdout.isEmpty, "nothing on standard output: \(result.stdout.debugDescription)")
            for word in ["list", "show", "search", "timeline", "facets --help"] {
                #expect(result.stderr.contains(word), "stderr should mention \(word): \(result.stderr)")
            }
            #expect(result.stderr.contains("terminal"))
        }
    }

    @Test("TERM=dumb: exit 2 with a message, the terminal untouched")
    func dumbTerminal() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        let wrapper = try Self.wrapper()
        defer { try? FileManager.default.removeItem(atPath: (wrapper as NSString).deletingLastPathComponent) }
        try tmux.start(command: "sh \(Facets.shellQuoted(wrapper)) env TERM=dumb \(Facets.shellQuoted(binary))")
        try tmux.waitFor("MODES")
        let screen = tmux.screenWithHistory
        #expect(screen.contains("DONE status=2"))
        #expect(screen.contains("TERM is \"dumb\""), "\(screen)")
        let modes = screen.components(separatedBy: "\n").first { $0.hasPrefix("MODES") } ?? ""
        #expect(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-icanon"), "\(modes)")
    }

    @Test("In a C locale the explorer draws with ASCII and says why")
    func cLocale() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: Facets.shellQuoted(binary), environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor("Practices")
        #expect(screen.contains("+- Facets -"), "ASCII borders:\n\(screen)")
        #expect(screen.contains("not UTF-8"))
        #expect(!screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) })
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
