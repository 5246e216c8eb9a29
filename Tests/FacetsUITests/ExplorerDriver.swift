import FacetsBundledContent
import FacetsCore
import Testing
@testable import FacetsUI

// A session-like driver over the pure UI (ARCHITECTURE.md, "Tests"):
//
//     let e = Explorer(80, 24).press(.character("j"), .enter)
//     #expect(e.detail.contains { $0.contains("Start here") })
//
// Every key goes through `AppState.handle(_:)` followed by `settle()`, as the terminal loop does once
// per batch of typed-ahead keys. Nothing here touches a terminal.

/// The bundled vault, built once like the CLI builds it.
let bundledVault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })

/// Fresh states at 80x24, dark theme, copied for each test: building one builds a search index, which
/// takes tens of milliseconds, so tests start from copies (a struct copy) and resize them.
let baseState = AppState(vault: bundledVault, width: 80, height: 24)
let baseASCIIState = AppState(vault: bundledVault, width: 80, height: 24, ascii: true)

/// Box-drawing characters: none may appear on an `--ascii` screen.
let boxDrawing: ClosedRange<UInt32> = 0x2500...0x257F

/// The index of the note with this file stem (`safe_experimental_spaces`).
func noteIndex(_ stem: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    guard let index = bundledVault.notes.firstIndex(where: { $0.stem == stem }) else {
        Issue.record("no note \(stem) in the bundled vault", sourceLocation: sourceLocation)
        return 0
    }
    return index
}

final class Explorer {
    var state: AppState
    /// Effects returned by every key since the driver was made, in order.
    private(set) var effects: [Effect] = []
    /// Effects of the last key pressed.
    private(set) var lastEffects: [Effect] = []

    /// A new explorer as the CLI starts it. `fresh` builds the state at this size from scratch (as the
    /// terminal loop does); otherwise a copy of the 80x24 start state is resized, which is much faster.
    init(_ width: Int = 80, _ height: Int = 24, theme: Theme.Name = .dark, ascii: Bool = false, fresh: Bool = false) {
        if fresh {
            state = AppState(vault: bundledVault, width: width, height: height, theme: Theme(theme), ascii: ascii)
            return
        }
        state = ascii ? baseASCIIState : baseState
        state.settings.theme = Theme(theme)
        if width != 80 || height != 24 { state.resize(width: width, height: height) }
    }

    /// Continues from a state (a copy: the original is not changed).
    init(state: AppState) {
        self.state = state
    }

    /// A copy of this explorer to explore from without moving this one.
    func copy() -> Explorer { Explorer(state: state) }

    /// Presses keys one at a time: handle, then settle (a search runs once its keys are in).
    @discardableResult
    func press(_ keys: Key...) -> Explorer { press(keys) }

    @discardableResult
    func press(_ keys: [Key]) -> Explorer {
        for key in keys {
            lastEffects = state.handle(key)
            effects += lastEffects
            state.settle()
        }
        return self
    }

    /// Types the characters of a text (each a `.character` key).
    @discardableResult
    func type(_ text: String) -> Explorer { press(text.map { Key.character($0) }) }

    /// Presses keys without settling in between (typed ahead), then settles once.
    @discardableResult
    func typeAhead(_ keys: [Key]) -> Explorer {
        for key in keys {
            lastEffects = state.handle(key)
            effects += lastEffects
        }
        state.settle()
        return self
    }

    @discardableResult
    func resize(_ width: Int, _ height: Int) -> Explorer { press(.resize(width: width, height: height)) }

    @discardableResult
    func click(row: Int, column: Int) -> Explorer { press(.mouse(MouseEvent(kind: .click, row: row, column: column))) }

    @discardableResult
    func doubleClick(row: Int, column: Int) -> Explorer { press(.mouse(MouseEvent(kind: .doubleClick, row: row, column: column))) }

    @discardableResult
    func wheel(down: Bool, row: Int, column: Int) -> Explorer {
        press(.mouse(MouseEvent(kind: down ? .wheelDown : .wheelUp, row: row, column: column)))
    }

    // MARK: Reading the screen

    var screen: ScreenBuffer { Renderer.render(state) }
    var lines: [String] { screen.lines }
    var text: String { screen.text }
    var layout: Layout { state.layout }
    var statusLine: String { lines.last ?? "" }

    /// The text of a pane's content area, row by row (trailing spaces trimmed).
    func content(_ pane: ViewID) -> [String] {
        let frame = layout[pane]
        guard frame.visible else { return [] }
        return Self.text(of: frame.content, in: screen)
    }

    /// A pane's top border row (holds its title).
    func titleRow(_ pane: ViewID) -> String {
        let frame = layout[pane]
        guard frame.visible else { return "" }
        return Self.text(of: Rect(x: frame.outer.x, y: frame.outer.y, width: frame.outer.width, height: 1), in: screen)[0]
    }

    var tree: [String] { content(.tree) }
    var list: [String] { content(.list) }
    var detail: [String] { content(.detail) }

    static func text(of rect: Rect, in screen: ScreenBuffer) -> [String] {
        var out: [String] = []
        for row in max(0, rect.y)..<min(screen.height, rect.maxY) {
            var line = ""
            for column in max(0, rect.x)..<min(screen.width, rect.maxX) where !screen[row, column].isContinuation {
                line += screen[row, column].text
            }
            while line.last == " " { line.removeLast() }
            out.append(line)
        }
        return out
    }

    // MARK: Reading the state

    var selectedTitle: String? { state.selectedEntry.map { state.vault.notes[$0].title } }
    var subjectTitle: String? {
        if case .note(let index) = state.subject { return state.vault.notes[index].title }
        return nil
    }
    var selectedNodeTitle: String? { state.selectedNode?.title }

    /// The document row whose text contains `needle`, first at or after `from`.
    func documentRow(containing needle: String, from: Int = 0) -> Int? {
        let lines = state.detail.document.lines
        guard from < lines.count else { return nil }
        return (from..<lines.count).first { lines[$0].text.contains(needle) }
    }

    /// The 1-based number of the first ref whose label or target matches.
    func refNumber(where matches: (DocRef) -> Bool) -> Int? {
        state.detail.document.refs.firstIndex(where: matches).map { $0 + 1 }
    }

    func refNumber(toNote stem: String) -> Int? {
        guard let index = state.vault.notes.firstIndex(where: { $0.stem == stem }) else { return nil }
        return refNumber { if case .note(index, _) = $0.target { return true } else { return false } }
    }

    /// Moves the detail cursor down with `j` until it sits on `row` (fails after too many steps).
    @discardableResult
    func moveDetailCursor(to row: Int, sourceLocation: SourceLocation = #_sourceLocation) -> Explorer {
        var steps = 0
        while state.detail.cursor != row, steps < 2000 {
            press(state.detail.cursor < row ? .character("j") : .character("k"))
            steps += 1
        }
        #expect(state.detail.cursor == row, "detail cursor did not reach row \(row)", sourceLocation: sourceLocation)
        return self
    }

    /// Moves the tree cursor to the row titled `title` with j/k.
    @discardableResult
    func selectTreeRow(titled title: String, sourceLocation: SourceLocation = #_sourceLocation) -> Explorer {
        guard let target = state.tree.rows.firstIndex(where: { $0.title == title }) else {
            Issue.record("no tree row titled \(title)", sourceLocation: sourceLocation)
            return self
        }
        var steps = 0
        while state.tree.cursor != target, steps < 500 {
            press(state.tree.cursor < target ? .character("j") : .character("k"))
            steps += 1
        }
        return self
    }

    /// Moves the list cursor to the entry titled `title` with j/k.
    @discardableResult
    func selectListEntry(titled title: String, sourceLocation: SourceLocation = #_sourceLocation) -> Explorer {
        guard let target = state.list.entries.firstIndex(where: { state.vault.notes[$0].title == title }) else {
            Issue.record("no list entry titled \(title)", sourceLocation: sourceLocation)
            return self
        }
        var steps = 0
        while state.list.cursor != target, steps < 500 {
            press(state.list.cursor < target ? .character("j") : .character("k"))
            steps += 1
        }
        return self
    }

    /// Every row of the detail document as the pane shows it, page by page (on a copy: this explorer
    /// does not move).
    func detailPages() -> [String] {
        let probe = copy()
        if probe.state.focus != .detail { probe.press(.character("3")) }
        probe.press(.character("g"))
        var seen: [String] = probe.detail
        var lastCursor = -1
        var steps = 0
        while probe.state.detail.cursor != lastCursor, steps < 500 {
            lastCursor = probe.state.detail.cursor
            probe.press(.pageDown)
            seen += probe.detail
            steps += 1
        }
        return seen
    }

    /// Types a link's number and Enter (in the detail pane digits start "follow link N").
    @discardableResult
    func follow(_ number: Int) -> Explorer {
        type(String(number))
        return press(.enter)
    }
}

extension Array where Element == String {
    func anyContains(_ needle: String) -> Bool { contains { $0.contains(needle) } }
}
