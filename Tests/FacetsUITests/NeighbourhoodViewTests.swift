import FacetsCore
import Testing

@testable import FacetsUI

@Suite("The neighbourhood view")
struct NeighbourhoodViewTests {
    /// An explorer at a size with the bundled practice open in the detail pane, then `v` pressed.
    static func practice(_ width: Int = 80, _ height: Int = 24, ascii: Bool = false, theme: Theme.Name = .dark) -> Explorer {
        let e = Explorer(width, height, theme: theme, ascii: ascii)
        let entry = noteIndex("safe_experimental_spaces")
        e.state.jump { $0.openEntry(entry) }
        return e.press(.character("v"))
    }

    static func view(_ e: Explorer) -> NeighbourhoodView? { e.state.views[.neighbourhood] as? NeighbourhoodView }

    @Test("v shows the open entry in the centre, its kinds in boxes with connectors, in place of the detail pane")
    func opens() throws {
        let e = Self.practice()
        #expect(e.state.focus == .neighbourhood)
        #expect(e.state.panes.last == .neighbourhood)
        let content = e.content(.neighbourhood)
        let text = content.joined(separator: "\n")
        #expect(e.titleRow(.neighbourhood).contains("Neighbourhood of Safe experimental spaces"), "\(e.text)")
        #expect(text.contains("╔") || text.contains("┌"), "boxes: \(text)")
        #expect(text.contains("challenge (4)"), "the challenges it answers in their own box: \(text)")
        #expect(text.contains("Risk avoidance"), "\(text)")
        #expect(text.contains("╤") && text.contains("├"), "connectors from the centre to the boxes: \(text)")
        #expect(e.lines.count == 24 && e.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(e.statusLine.contains("centre") && e.statusLine.contains("depth 2"), "\(e.statusLine)")
    }

    @Test("Moving to a challenge and Enter re-centres there; Backspace comes back to the practice's neighbourhood")
    func recentreAndBack() throws {
        let e = Self.practice()
        let risk = noteIndex("risk_avoidance")
        var steps = 0
        while Self.view(e)?.selectedNote != risk, steps < 40 {
            e.press(.character("j"))
            steps += 1
        }
        #expect(Self.view(e)?.selectedNote == risk, "j reaches Risk avoidance: \(e.text)")
        e.press(.enter)
        #expect(Self.view(e)?.picture?.centre == risk)
        #expect(e.titleRow(.neighbourhood).contains("Risk avoidance"))
        #expect(e.state.subject == .note(risk), "the detail behind it follows the centre (what a presenter publishes)")
        e.press(.backspace)
        #expect(e.state.panes.last == .neighbourhood, "Back returns to the neighbourhood, not the detail")
        #expect(Self.view(e)?.picture?.centre == noteIndex("safe_experimental_spaces"))
        #expect(Self.view(e)?.selectedNote == risk, "with the cursor where it was")
        e.press(.character("U"))
        #expect(Self.view(e)?.picture?.centre == risk, "and Forward goes there again")
    }

    @Test("+ goes two links deep and - back; d opens the note under the cursor; Esc closes")
    func depthDetailClose() throws {
        let e = Self.practice()
        let oneDeep = e.content(.neighbourhood).joined().count
        e.press(.character("+"))
        #expect(Self.view(e)?.picture?.depth == 2)
        #expect(e.content(.neighbourhood).joined().contains("depth 2"))
        let texts = Self.view(e)?.layout(in: e.state.context(for: .neighbourhood))?.texts.map(\.text) ?? []
        #expect(texts.contains { $0.hasPrefix("+") && $0.hasSuffix(" more") }, "long groups collapse into +N more")
        #expect(oneDeep > 0)
        e.press(.character("-"))
        #expect(Self.view(e)?.picture?.depth == 1)
        e.press(.character("j"))
        let selected = try #require(Self.view(e)?.selectedNote)
        e.press(.character("d"))
        #expect(e.state.panes.last == .detail && e.state.subject == .note(selected))
        e.press(.backspace)
        #expect(e.state.panes.last == .neighbourhood)
        e.press(.escape)
        #expect(e.state.panes.last == .detail && e.state.focus == .detail)
    }

    @Test("+N more opens with Enter and closes again")
    func moreExpands() throws {
        let e = Self.practice(120, 40).press(.character("+"))
        let view = try #require(Self.view(e))
        let more = try #require(view.layout(in: e.state.context(for: .neighbourhood))?.texts.first { $0.text.hasPrefix("+") })
        guard case .more(let group) = more.slot else {
            Issue.record("a +N more line is a slot")
            return
        }
        var steps = 0
        while Self.view(e)?.cursorSlot != more.slot, steps < 80 {
            e.press(.character("j"))
            steps += 1
        }
        e.press(.enter)
        #expect(Self.view(e)?.expanded.contains(group) == true)
        #expect(e.content(.neighbourhood).joined().contains("fewer"))
        e.press(.enter)
        #expect(Self.view(e)?.expanded.contains(group) == false)
    }

    @Test("Following: a re-centred presenter publishes the new centre; a follower in the view jumps there intact")
    func following() throws {
        let presenter = Self.practice()
        presenter.press(.character("j"), .enter)
        let centre = try #require(Self.view(presenter)?.picture?.centre)
        #expect(presenter.state.shownEntryName == bundledVault.notes[centre].path, "what the channel publishes")
        let follower = Self.practice()
        follower.state.startFollowing()
        follower.state.presenterOpened(bundledVault.notes[centre].path)
        #expect(follower.state.subject == .note(centre) && follower.state.panes.last == .detail)
        #expect(follower.lines.count == 24)
        follower.press(.backspace)
        #expect(follower.state.panes.last == .neighbourhood, "Back returns the follower to the neighbourhood")
    }

    @Test("A click selects a node, a double click re-centres on it")
    func mouse() throws {
        let e = Self.practice()
        let frame = e.layout[.neighbourhood].content
        let lines = e.content(.neighbourhood)
        let row = try #require(lines.firstIndex { $0.contains("Risk avoidance") })
        let column = try #require(lines[row].range(of: "Risk avoidance")).lowerBound.utf16Offset(in: lines[row])
        e.click(row: frame.y + row, column: frame.x + column)
        #expect(Self.view(e)?.selectedNote == noteIndex("risk_avoidance"))
        e.doubleClick(row: frame.y + row, column: frame.x + column)
        #expect(Self.view(e)?.picture?.centre == noteIndex("risk_avoidance"))
    }

    @Test("ASCII and monochrome: no box drawing, kinds still told apart by their box titles and arrows")
    func asciiMonochrome() {
        let e = Self.practice(ascii: true, theme: .monochrome)
        let text = e.text
        #expect(!text.unicodeScalars.contains { boxDrawing.contains($0.value) }, "\(text)")
        #expect(text.contains("challenge (4)") && text.contains("<>"), "\(text)")
    }

    @Test("The key is in the table, help and the key map's Markdown, and can be rebound")
    func keyTable() {
        #expect(KeyMap.defaults.keys(for: .neighbourhood) == [.character("v")])
        #expect(ActionTable.markdown.contains("Show the entry's neighbourhood of links"))
        #expect(KeyMap.defaults.conflicts.isEmpty)
        let settings = ExplorerSettings(keyMap: KeyMap.defaults.rebinding(.neighbourhood, to: [.character("V")]))
        var state = AppState(vault: bundledVault, width: 80, height: 24, settings: settings)
        _ = state.handle(.character("V"))
        #expect(state.panes.last == .neighbourhood)
    }

    @Test("Every size from 1x1 up: no crash, nothing wider than the screen; presenter mode fills the screen")
    func sizes() {
        let e = Self.practice()
        for (width, height) in [(80, 24), (120, 40), (300, 80), (1, 1), (2, 2), (20, 5), (21, 6), (30, 8), (45, 12)] {
            e.resize(width, height)
            e.press(.character("+"), .character("j"), .character("l"), .character("-"))
            let lines = e.lines
            #expect(lines.count == height && lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width)x\(height)")
        }
        e.resize(120, 40).press(.character("P"))
        #expect(e.state.presenting)
        #expect(e.layout[.neighbourhood].visible && e.content(.neighbourhood).joined().contains("Risk avoidance"), "\(e.text)")
    }
}

extension NeighbourhoodView {
    var cursorSlot: NeighbourhoodLayout.Slot { cursor }
}
