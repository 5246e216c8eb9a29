import FacetsBundledContent
import FacetsCore
import FacetsUI
import Foundation
import Testing

@testable import FacetsTerminal

/// The frame encoder's bytes fed to a terminal emulator (pyte): the screen it ends with must be the
/// frame, cell for cell (text, colours, bold, reverse), whether rows were scrolled or sent again; and a
/// scroll is used where a pane's rows moved and sends fewer bytes than sending them.
@Suite("Frame encoder against a terminal emulator", .serialized)
struct FrameEncoderEmulatorTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Emulated: Decodable {
        var cells: [[String]]
        var looks: [[String]]
        var tabstops: [Int]
        var margins: [Int]?
        var autowrap: Bool
    }

    /// What pyte shows after `bytes` on a terminal of the frame's size.
    static func emulate(_ bytes: String, width: Int, height: Int) throws -> Emulated {
        let data = try runEmulator(input: Data(bytes.utf8), arguments: [String(width), String(height)])
        return try JSONDecoder().decode(Emulated.self, from: data)
    }

    /// What pyte shows after each of `steps`, fed one after the other (one emulator for all of them).
    static func emulate(steps: [String], width: Int, height: Int) throws -> [Emulated] {
        let input = try JSONSerialization.data(withJSONObject: steps)
        let data = try runEmulator(input: input, arguments: [String(width), String(height), "--steps"])
        return try JSONDecoder().decode([Emulated].self, from: data)
    }

    static func runEmulator(input: Data, arguments: [String]) throws -> Data {
        let script = packageRoot.appending(path: "Tests/FacetsEndToEndTests/Support/emulate.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Written from another thread: a large input would otherwise fill the pipe while the emulator's
        // output fills the other one.
        let writer = stdin.fileHandleForWriting
        let feeding = Thread {
            writer.write(input)
            try? writer.close()
        }
        feeding.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// pyte's name of a colour number.
    static func colorName(_ number: Int16) -> String {
        let names = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]
        if number < 0 { return "default" }
        if number < 8 { return names[Int(number)] }
        return "bright" + names[Int(number) - 8]
    }

    /// Every cell but the bottom-right one (never written) as the emulator shows it: the first
    /// difference of each row.
    static func differences(_ emulated: Emulated, _ frame: TerminalFrame) -> [String] {
        var found: [String] = []
        for row in 0..<frame.height {
            for column in 0..<frame.width where !(row == frame.height - 1 && column == frame.width - 1) {
                let cell = frame[row, column]
                let look = cell.look
                let expected = "\(colorName(look.foreground)),\(colorName(look.background)),\(look.bold ? 1 : 0),\(look.reverse ? 1 : 0)"
                if emulated.cells[row][column] != cell.text || emulated.looks[row][column] != expected {
                    let shown = emulated.cells[row].joined()
                    let text = (0..<frame.width).map { frame[row, $0].text }.joined()
                    found.append(
                        "row \(row) column \(column): \"\(emulated.cells[row][column])\" \(emulated.looks[row][column]) instead of \"\(cell.text)\" \(expected)\n  \(shown)\n  \(text)"
                    )
                    break
                }
            }
        }
        return found
    }

    static let encoder = FrameEncoder(moves: CursorMoves(lineFeedMovesDown: true), autowrapOff: true, eraseCharacters: true, scrollRegion: true)

    /// Encodes each frame (all of one size) after the one before (the first from a cleared screen), checks the emulator's
    /// screen after every step, and returns each step's bytes and whether it scrolled.
    static func check(_ frames: [TerminalFrame], encoder: FrameEncoder = encoder) throws -> [(bytes: Int, scrolled: Bool)] {
        guard let first = frames.first else { return [] }
        var state = FrameEncoder.CursorState(position: nil, visible: nil)
        var sent: [String] = []
        var steps: [(bytes: Int, scrolled: Bool)] = []
        var previous: TerminalFrame?
        for frame in frames {
            let bytes = encoder.encode(from: previous, to: frame, cursor: nil, state: &state)
            sent.append(bytes)
            steps.append((bytes.utf8.count, state.scrolled))
            previous = frame
        }
        let screens = try emulate(steps: sent, width: first.width, height: first.height)
        try #require(screens.count == frames.count)
        for (index, (emulated, frame)) in zip(screens, frames).enumerated() {
            let differences = Self.differences(emulated, frame)
            #expect(differences.isEmpty, "frame \(index) (\(frame.width)x\(frame.height)): \(differences.prefix(3).joined(separator: "\n"))")
        }
        return steps
    }

    /// The explorer's frames at a size, one after each key (the first before any key).
    static func explorerFrames(width: Int, height: Int, keys: [Key]) -> [TerminalFrame] {
        let vault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })
        var state = AppState(vault: vault, width: width, height: height)
        state.settle()
        let theme = Theme(.dark)
        func frame() -> TerminalFrame {
            TerminalFrame(Renderer.render(state), width: width, height: height, utf8: true) {
                TerminalLook(theme.appearance($0), colorsEnabled: true, colorCount: 256)
            }
        }
        var frames = [frame()]
        for key in keys {
            _ = state.handle(key)
            state.settle()
            frames.append(frame())
        }
        return frames
    }

    static let hasPyte = RedrawCostTests.hasPyte

    @Test(
        "scrolling the detail pane line by line and by pages: the emulator shows every frame, and scrolls are used",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"),
        arguments: [(80, 24), (120, 40), (60, 20)])
    func detailScroll(width: Int, height: Int) throws {
        let keys: [Key] =
            [.character("3")] + Array(repeating: .character("j"), count: height + 6) + [.pageDown, .pageDown, .pageUp]
            + Array(repeating: .character("k"), count: 4)
        let frames = Self.explorerFrames(width: width, height: height, keys: keys)
        let steps = try Self.check(frames)
        #expect(steps.contains { $0.scrolled }, "no frame used a scroll at \(width)x\(height)")
        // The same frames without a scroll region cost more bytes.
        let plain = FrameEncoder(moves: CursorMoves(lineFeedMovesDown: true), autowrapOff: true, eraseCharacters: true, scrollRegion: false)
        let withoutScrolls = try Self.check(frames, encoder: plain)
        let scrolledBytes = steps.dropFirst().map(\.bytes).reduce(0, +)
        let plainBytes = withoutScrolls.dropFirst().map(\.bytes).reduce(0, +)
        #expect(scrolledBytes < plainBytes, "scrolls sent \(scrolledBytes) bytes, rows sent again \(plainBytes)")
        print("encoder: \(width)x\(height) detail scroll \(scrolledBytes) bytes with scrolls, \(plainBytes) without")
    }

    @Test(
        "where erasing takes the background colour, a selection bar's blanks are erased, not sent: the emulator shows every frame",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func blanksErasedInTheirColour() throws {
        // pyte erases in the colour set, as xterm does (terminfo bce).
        let keys: [Key] =
            [.character("j"), .character("j"), .character("k"), .tab, .character("j"), .character("j"), .tab]
            + Array(repeating: .character("j"), count: 3) + [.character("h"), .character("h")] + Array(repeating: .character("j"), count: 4)
        var coloured = Self.encoder
        coloured.eraseInBackgroundColour = true
        for (width, height) in [(80, 24), (120, 40)] {
            let frames = Self.explorerFrames(width: width, height: height, keys: keys)
            let erased = try Self.check(frames, encoder: coloured).dropFirst().map(\.bytes).reduce(0, +)
            let sent = try Self.check(frames).dropFirst().map(\.bytes).reduce(0, +)
            #expect(erased < sent, "\(width)x\(height): \(erased) bytes erasing coloured blanks, \(sent) sending them")
            print("encoder: \(width)x\(height) selection bars \(erased) bytes erasing coloured blanks, \(sent) sending them")
        }
    }

    @Test(
        "the runs' order improved (chains moved where they cost less) sends fewer bytes than the greedy order: the emulator shows every frame",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func improvedOrder() throws {
        let keys: [Key] =
            [.character("j"), .character("j"), .character("k"), .tab, .character("j"), .character("j"), .tab, .character("j"), .character("k")]
            + [.character("3"), .control("d"), .character("j"), .character("j")]
        var improving = Self.encoder
        improving.tabStops = true
        var greedy = improving
        greedy.improvesOrder = false
        for (width, height) in [(80, 24), (120, 40)] {
            let frames = Self.explorerFrames(width: width, height: height, keys: keys)
            let improved = try Self.check(frames, encoder: improving).dropFirst().map(\.bytes)
            let plain = try Self.check(frames, encoder: greedy).dropFirst().map(\.bytes)
            // Frame by frame either may win (each starts from the look the one before left set); over
            // the keys the improved order sends less.
            #expect(improved.reduce(0, +) < plain.reduce(0, +), "\(width)x\(height): \(improved) against \(plain)")
            print("encoder: \(width)x\(height) \(improved.reduce(0, +)) bytes in the improved order, \(plain.reduce(0, +)) greedy")
        }
    }

    @Test(
        "the look the last frame left set is where the next starts; one not known is reset first",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func lookCarriedBetweenFrames() throws {
        var bold = TerminalLook.plain
        bold.bold = true
        bold.foreground = 3
        func frame(_ text: String) -> TerminalFrame {
            var cells = Array(repeating: TerminalCell.blank, count: 20 * 4)
            for (index, character) in text.enumerated() { cells[20 + index] = TerminalCell(text: String(character), look: bold) }
            return TerminalFrame(width: 20, height: 4, cells: cells)
        }
        let frames = [frame("ab"), frame("cd"), frame("ef")]
        var state = FrameEncoder.CursorState(position: nil, visible: nil)
        let first = Self.encoder.encode(from: nil, to: frames[0], cursor: nil, state: &state)
        #expect(state.look == bold)
        let second = Self.encoder.encode(from: frames[0], to: frames[1], cursor: nil, state: &state)
        let sgr = try Regex("\u{1B}\\[[0-9;]*m")
        #expect(!second.contains(sgr), "the look set again: \(second.debugDescription)")
        state.look = nil
        let third = Self.encoder.encode(from: frames[1], to: frames[2], cursor: nil, state: &state)
        #expect(third.hasPrefix("\u{1B}[m"), "a look not known is not reset first: \(third.debugDescription)")
        let screens = try Self.emulate(steps: [first, second, third], width: 20, height: 4)
        for (emulated, expected) in zip(screens, frames) {
            #expect(Self.differences(emulated, expected).isEmpty, "\(Self.differences(emulated, expected).prefix(3))")
        }
    }

    @Test(
        "presenter mode, help and a list that scrolls: the emulator shows every frame",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func presenterAndLists() throws {
        let keys: [Key] =
            [.character("P"), .character("j"), .character("j"), .tab, .character("j"), .character("P")]
            + Array(repeating: .character("j"), count: 6) + [.tab] + Array(repeating: .character("j"), count: 14) + [
                .character("?"), .character("j"), .escape,
            ]
        for (width, height) in [(80, 24), (100, 30)] {
            _ = try Self.check(Self.explorerFrames(width: width, height: height, keys: keys))
        }
    }

    @Test(
        "a line that changed after its first letters is reached by a tab and those letters, not a long move left; resets are ESC [ m",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func tabAndLettersBeforeAChange() throws {
        let width = 50, height = 6, pane = 12
        var bold = TerminalLook.plain
        bold.bold = true
        // A left pane of ten columns, a border, a blank, then the text: a tab stop at column 12.
        func frame(_ lines: [String]) -> TerminalFrame {
            var cells: [TerminalCell] = []
            for row in 0..<height {
                let text = Array(row < lines.count ? lines[row] : "")
                cells += Array(repeating: .blank, count: pane - 2)
                cells.append(TerminalCell(text: "│", look: .plain))
                cells.append(.blank)
                for column in 0..<(width - pane) {
                    let character = column < text.count ? String(text[column]) : " "
                    cells.append(TerminalCell(text: character, look: row == 0 ? bold : .plain))
                }
            }
            return TerminalFrame(width: width, height: height, cells: cells)
        }
        let before = frame(["Title", "The webinar starts its journey here", "with one definition of it"])
        let after = frame(["Title", "The webinar starts its back to basics", "wi a definition, and a test"])
        var state = FrameEncoder.CursorState(position: nil, visible: nil)
        var encoder = Self.encoder
        encoder.tabStops = true
        let first = encoder.encode(from: nil, to: before, cursor: nil, state: &state)
        let second = encoder.encode(from: before, to: after, cursor: nil, state: &state)
        #expect(first.contains("\u{1B}[m") && !first.contains("\u{1B}[0m"), "a reset after the bold title: \(first.debugDescription)")
        #expect(second.contains("\r\twi"), "the third line's change reached by CR, tab and its first letters: \(second.debugDescription)")
        #expect(second.range(of: #"\x1B\[\d*D"#, options: .regularExpression) == nil, "no move left: \(second.debugDescription)")
        let screens = try Self.emulate(steps: [first, second], width: width, height: height)
        for (emulated, expected) in zip(screens, [before, after]) {
            #expect(Self.differences(emulated, expected).isEmpty, "\(Self.differences(emulated, expected).prefix(3))")
        }
        // Letters inside a hyperlink are never written again unasked: that would drop their link.
        func linkingFirstLetters(_ frame: TerminalFrame) -> TerminalFrame {
            var cells = frame.cells
            for column in pane..<(pane + 2) { cells[2 * width + column].linked = true }
            return TerminalFrame(width: width, height: height, cells: cells)
        }
        var linkedState = FrameEncoder.CursorState(position: nil, visible: nil)
        _ = encoder.encode(from: nil, to: linkingFirstLetters(before), cursor: nil, state: &linkedState)
        let linked = encoder.encode(from: linkingFirstLetters(before), to: linkingFirstLetters(after), cursor: nil, state: &linkedState)
        #expect(!linked.contains("wi"), "linked letters sent again: \(linked.debugDescription)")
    }

    /// A frame of random text in two panes side by side (one with wide characters), and the same with
    /// the right pane's rows moved by `distance` (new rows at the edge), as a pane that scrolls.
    static func panes(width: Int, height: Int, seed: UInt64, shift: Int) -> (TerminalFrame, TerminalFrame) {
        var generator = SeededGenerator(seed: seed)
        let words = ["facets", "innovation", "public", "sector", "議論", "価値", "→", "résumé", "│", "test", "ok"]
        func look(_ change: (inout TerminalLook) -> Void) -> TerminalLook {
            var look = TerminalLook.plain
            change(&look)
            return look
        }
        let looks = [
            TerminalLook.plain,
            look {
                $0.foreground = 3
                $0.bold = true
            }, look { $0.background = 4 }, look { $0.reverse = true },
            look { $0.foreground = 9 },
        ]
        func randomLine(_ length: Int) -> [TerminalCell] {
            var cells: [TerminalCell] = []
            while cells.count < length {
                let word = words[Int(generator.next() % UInt64(words.count))]
                let look = looks[Int(generator.next() % UInt64(looks.count))]
                for character in word + " " {
                    let text = String(character)
                    let wide = text.unicodeScalars.first.map { $0.value >= 0x3000 } ?? false
                    guard cells.count + (wide ? 2 : 1) <= length else { break }
                    cells.append(TerminalCell(text: text, look: look))
                    if wide { cells.append(TerminalCell(text: "", look: look)) }
                }
                if cells.count == length - 1 { cells.append(.blank) }
            }
            return cells
        }
        let split = width / 3
        let left = (0..<height).map { _ in randomLine(split) }
        let rightRows = (0..<(height + abs(shift))).map { _ in randomLine(width - split) }
        func frame(offset: Int) -> TerminalFrame {
            var cells: [TerminalCell] = []
            for row in 0..<height {
                cells += left[row]
                cells += row == height - 1 ? randomLine(width - split) : rightRows[row + offset]
            }
            return TerminalFrame(width: width, height: height, cells: cells)
        }
        return shift >= 0 ? (frame(offset: 0), frame(offset: shift)) : (frame(offset: -shift), frame(offset: 0))
    }

    @Test(
        "a pane beside another scrolled by random distances at random sizes, wide characters included: the emulator shows the frame",
        .enabled(if: hasPyte, "pyte is not installed (pip install pyte)"))
    func randomShifts() throws {
        var scrolls = 0
        for seed in 1...12 {
            let width = 20 + seed * 7 % 70
            let height = 6 + seed * 5 % 30
            let distance = (seed % 2 == 0 ? 1 : -1) * (1 + seed % max(1, height / 2))
            let (before, after) = Self.panes(width: width, height: height, seed: UInt64(seed), shift: distance)
            let steps = try Self.check([before, after])
            if steps[1].scrolled { scrolls += 1 }
        }
        #expect(scrolls >= 6, "only \(scrolls) of 12 shifted frames were sent as a scroll")
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
