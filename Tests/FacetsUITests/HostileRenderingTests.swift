import FacetsCore
import Foundation
import Testing
@testable import FacetsUI

/// The hostile vault (`Tests/Fixtures/HostileVault`) drawn as the explorer draws it: every note, every
/// page it links to, every tree node, at several sizes. No cell may hold a control character, a bidi
/// override or an invisible format character, and no hyperlink may hold anything but printable ASCII
/// (an escape in a video id once reached the OSC 8 sequence that wraps a timestamp).
@Suite("Hostile vault on screen")
struct HostileRenderingTests {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/HostileVault").path
    }

    /// What is wrong with a screen: unsafe scalars in cells, unsafe bytes in hyperlinks.
    static func hazards(_ screen: ScreenBuffer) -> [String] {
        var found: [String] = []
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                let text = screen[row, column].text
                if text.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) {
                    found.append("cell \(row),\(column): \(text.debugDescription) in \(screen.line(row).debugDescription)")
                }
            }
        }
        for url in screen.hyperlinks where url.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            found.append("hyperlink \(url.debugDescription)")
        }
        return found
    }

    /// Renders the state at each page of its document, and with the cursor on each row carrying a
    /// hyperlink (drawn for the cursor's line only); returns every hazard and hyperlink.
    static func pages(_ state: AppState) -> (hazards: [String], hyperlinks: Set<String>) {
        var state = state
        var hazards: [String] = []
        var hyperlinks: Set<String> = []
        func render() {
            let screen = Renderer.render(state)
            hazards += Self.hazards(screen)
            hyperlinks.formUnion(screen.hyperlinks)
        }
        var scroll = 0
        repeat {
            state.update(.detail, as: DetailView.self) { $0.place(cursor: scroll, scroll: scroll) }
            render()
            scroll += max(1, state.height - 4)
        } while scroll < state.detail.document.lines.count
        for (row, line) in state.detail.document.lines.enumerated() where line.spans.contains(where: { $0.hyperlink != nil }) {
            state.update(.detail, as: DetailView.self) { $0.place(cursor: row, scroll: max(0, row - 1)) }
            render()
        }
        return (hazards, hyperlinks)
    }

    @Test("every note and every page it links to, at 80x24, 120x40 and 40x12")
    func notesAndLinks() throws {
        let vault = try Vault.load(directory: Self.folder)
        var hazards: [String] = []
        var hyperlinks: Set<String> = []
        for size in [(80, 24), (120, 40), (40, 12)] {
            var state = AppState(vault: vault, width: size.0, height: size.1)
            for index in vault.notes.indices {
                state.openEntry(index)
                state.focus = .detail
                state.reconcile()
                let page = Self.pages(state)
                hazards += page.hazards.map { "\(vault.notes[index].path) at \(size): \($0)" }
                hyperlinks.formUnion(page.hyperlinks)
                for ref in state.detail.document.refs.indices {
                    var followed = state
                    _ = followed.follow(ref)
                    hazards += Self.pages(followed).hazards.map { "\(vault.notes[index].path) link \(ref + 1): \($0)" }
                }
            }
        }
        #expect(hazards.isEmpty, "\(hazards.count) hazards, first: \(hazards.prefix(5))")
        #expect(
            hyperlinks.contains { $0.contains("HOSTILE01%1B]8;;http://evil.example/%1B") },
            "the escaped video id reaches the hyperlink percent-encoded: \(hyperlinks)")
    }

    @Test("the whole tree expanded, each node selected: titles from kinds, groups and talks are inert")
    func tree() throws {
        let vault = try Vault.load(directory: Self.folder)
        var state = AppState(vault: vault, width: 100, height: 30)
        for (node, _) in vault.tree.flattened() { state.update(.tree, as: TreeView.self) { $0.setExpanded(node.id, true) } }
        var hazards: [String] = []
        var screens = ""
        for row in state.tree.rows.indices {
            state.selectTreeRow(row)
            for focus in [ViewID.tree, .list] {
                state.focus = focus
                let screen = Renderer.render(state)
                hazards += Self.hazards(screen)
                screens += screen.text
            }
        }
        #expect(hazards.isEmpty, "\(hazards.prefix(5))")
        #expect(screens.contains("vil␛[2"), "the kind holding an escape is a visible section title")
        #expect(screens.contains("Hostile <U+202E>group<U+200B>"), "the group with a bidi override and a zero-width space")
    }

    @Test(
        "a URL carried in an OSC 8 hyperlink is printable ASCII, whatever it held",
        arguments: [
            ("https://www.youtube.com/watch?v=ID&t=5s", "https://www.youtube.com/watch?v=ID&t=5s"),
            ("https://x/?v=a\u{1B}]8;;http://evil/\u{1B}\\", "https://x/?v=a%1B]8;;http://evil/%1B\\"),
            ("http://x/\u{07}\u{9B} é\u{202E}", "http://x/%07%C2%9B%20%C3%A9%E2%80%AE"),
        ])
    func hyperlinkURLs(url: String, expected: String) {
        #expect(ScreenBuffer.terminalSafeURL(url) == expected)
    }

    @Test("the screen buffer drops what would drive the terminal, even from text not sanitized first")
    func lastLineOfDefence() {
        var screen = ScreenBuffer(width: 30, height: 1)
        screen.put("a\u{1B}[2Jb\u{202E}c\u{200B}d\u{9B}e\u{7F}f", row: 0, column: 0)
        #expect(screen.line(0) == "a[2Jbcdef")
        #expect(Self.hazards(screen).isEmpty)
    }
}
