import FacetsBundledContent
import FacetsCore
import FacetsUI
import Foundation
import Testing

/// What the explorer sends over the wire: the real binary in a pseudo-terminal, every byte counted
/// (the pty recorder is a small Python script beside these tests).
@Suite("Redraw cost over a slow link", .serialized)
struct RedrawCostTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Step: Decodable {
        var bytes: Int
        var clears: Int
        var hex: String
    }

    struct Report: Decodable {
        var startup: Step
        var steps: [Step]
        var exit: Int?
    }

    /// Runs `facets` at 80x24 in a pty, typing each step's keys and recording what comes back.
    func record(_ steps: [[String: Any]], term: String = "xterm-256color", arguments: [String] = []) throws -> Report {
        let binary = Self.packageRoot.appending(path: ".build/debug/facets").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build facets first (swift build): \(binary)")
        let script = Self.packageRoot.appending(path: "Tests/FacetsEndToEndTests/Support/pty_record.py").path
        let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "80", "24", stepsJSON, "--", "env", "LANG=C.UTF-8", "TERM=\(term)", binary] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Report.self, from: data)
    }

    /// The same keys applied in-process: which cells change, and what a minimal update would send
    /// (each changed cell's UTF-8 plus one cursor move per run of changed cells).
    static func minimalUpdateBytes(keys: [Key], then last: Key) -> Int {
        let vault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })
        var state = AppState(vault: vault, width: 80, height: 24)
        for key in keys {
            _ = state.handle(key)
            state.settle()
        }
        let before = Renderer.render(state)
        _ = state.handle(last)
        state.settle()
        let after = Renderer.render(state)
        var total = 0
        for row in 0..<after.height {
            var inRun = false
            for column in 0..<after.width {
                let changed = before[row, column] != after[row, column]
                if changed {
                    total += max(1, after[row, column].text.utf8.count)
                    if !inRun { total += "\u{1B}[\(row + 1);\(column + 1)H".utf8.count }
                }
                inRun = changed
            }
        }
        return total
    }

    @Test("moving the line cursor one row writes at most 120 bytes; no full repaint")
    func moveOneRow() throws {
        let report = try record([["keys": "3"], ["keys": "j"], ["keys": "j"], ["keys": "k"]])
        #expect(report.exit == 0)
        for step in report.steps.dropFirst() {
            #expect(step.bytes > 0, "the move drew nothing")
            #expect(step.bytes <= 120, "moving one row wrote \(step.bytes) bytes")
            #expect(step.clears == 0)
        }
        print("redraw: one-row moves wrote \(report.steps.dropFirst().map(\.bytes)) bytes")
    }

    @Test("switching the entry shown writes at most 1.3 times the changed cells plus cursor moves")
    func switchEntry() throws {
        // Tree down to Practices, focus the list, then one step down: the detail pane shows another practice.
        let report = try record([["keys": "jjjjj"], ["keys": "2"], ["keys": "j"]])
        #expect(report.exit == 0)
        let measured = try #require(report.steps.last).bytes
        let keys: [Key] = Array(repeating: .character("j"), count: 5) + [.character("2")]
        let minimal = Self.minimalUpdateBytes(keys: keys, then: .character("j"))
        #expect(minimal > 200, "the entry switch should change much of the screen")
        #expect(Double(measured) <= 1.3 * Double(minimal), "wrote \(measured) bytes for \(minimal) bytes of changed cells and moves")
        #expect(report.steps.last?.clears == 0)
        print(
            "redraw: entry switch wrote \(measured) bytes; changed cells plus moves \(minimal) (ratio \(String(format: "%.2f", Double(measured) / Double(minimal))))"
        )
    }

    @Test("a full repaint happens on Ctrl-L and on resize, not on navigation")
    func fullRepaintOnlyWhenAsked() throws {
        let report = try record([["keys": "j"], ["keys": "\t"], ["keys": "\u{0C}"], ["resize": [60, 20]], ["keys": "k"]])
        #expect(report.exit == 0)
        #expect(report.steps[0].clears == 0 && report.steps[1].clears == 0)
        #expect(report.steps[2].clears >= 1, "Ctrl-L should repaint the whole screen")
        #expect(report.steps[2].bytes > 1000)
        // On a loaded machine the resize's repaint may straddle the next step; count both.
        #expect(report.steps[3].clears + report.steps[4].clears >= 1, "a resize redraws everything")
    }

    @Test("the talk URL is sent as an OSC 8 hyperlink; --lofi sends no OSC sequence")
    func hyperlinks() throws {
        // Focus the detail pane, open the talk's timeline: its URL line is a hyperlink.
        let rich = try record([["keys": "3"], ["keys": "t"]])
        let data = Data(try #require(rich.steps.last).hex.hexBytes)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\u{1B}]8;;https://www.youtube.com/watch?v=G53g9-_0dMU"), "no OSC 8 link in what was sent")
        #expect(text.contains("\u{1B}]8;;\u{1B}\\"), "the link is not closed")
        let lofi = try record([["keys": "3"], ["keys": "t"]], arguments: ["--lofi"])
        let all = ([lofi.startup] + lofi.steps).map { String(decoding: $0.hex.hexBytes, as: UTF8.self) }.joined()
        #expect(!all.contains("\u{1B}]"), "--lofi sent an OSC sequence")
        #expect(lofi.exit == 0 && rich.exit == 0)
    }
}

extension String {
    /// Bytes from hex text.
    var hexBytes: [UInt8] {
        var bytes: [UInt8] = []
        var index = startIndex
        while index < endIndex, let next = self.index(index, offsetBy: 2, limitedBy: endIndex) {
            if let byte = UInt8(self[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        return bytes
    }
}
