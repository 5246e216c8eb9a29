import FacetsBundledContent
import FacetsCore
import FacetsUI  // not @testable: a view of one's own needs only the public API
import Testing

/// A view a test brings: counts presses of its own action and says which entry it was opened from.
/// Nothing in the library knows it; it joins through one registration.
private struct CounterView: ExplorerView {
    static let id = ViewID("counter")
    static let open = Action("openCounter"), increment = Action("incrementCounter")
    /// Its own key context: `+` means something only while the counter has focus.
    static let keys = KeyContext(name: "counter")
    static let registration = ViewRegistration(
        id: id,
        actions: [
            ActionInfo(action: open, keys: [.character("C")], description: "Open the counter", caption: "counter"),
            ActionInfo(action: increment, keys: [.character("+")], description: "Count one more", caption: "count", context: keys),
        ],
        opener: open,
        make: { vault in CounterView(notes: vault.notes.count) })

    var id: ViewID { Self.id }
    var keyContext: KeyContext { Self.keys }
    let notes: Int
    private(set) var count = 0

    func title(in context: ViewContext) -> String { "Counter of \(notes) notes" }

    mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        switch action {
        case Self.increment:
            count += 1
            return count == 3 ? [.message("Three!")] : []
        case .moveDown: return [.message("Counters do not move")]
        default: return nil
        }
    }

    func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let area = context.frame.content
        guard area.height > 0 else { return }
        screen.put("Count: \(count)", row: area.y, column: area.x, maxColumn: area.maxX)
    }

    func hints(in context: ViewContext) -> [Hint] {
        [context.hint(Self.increment, "count one"), context.hint(.cancel, "close")].compactMap { $0 }
    }
}

@Suite("A view of one's own")
struct CustomViewTests {
    static let vault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })

    @Test("Registered from outside the library, it opens on its key, handles its action, draws at 80x24 and closes")
    func counterView() {
        var state = AppState(
            vault: Self.vault, width: 80, height: 24, settings: ExplorerSettings(),
            registry: .standard.registering(CounterView.registration))
        func press(_ keys: Key...) { for key in keys { _ = state.handle(key) } }
        func screen() -> [String] { Renderer.render(state).lines }

        #expect(!screen().joined().contains("Counter of"))
        press(.character("C"))
        #expect(state.focus == CounterView.id)
        #expect(state.panes.contains(CounterView.id) && !state.panes.contains(.detail), "it takes the detail pane's place")
        let lines = screen()
        #expect(lines.count == 24 && lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines[0].contains("Counter of \(Self.vault.notes.count) notes"), "its title heads its frame: \(lines[0])")
        #expect(lines.contains { $0.contains("Count: 0") })
        #expect(lines[23].contains("+ count one") && lines[23].contains("Esc close"), "its hints: \(lines[23])")

        press(.character("+"), .character("+"))
        #expect(screen().contains { $0.contains("Count: 2") })
        press(.character("+"))
        #expect(screen()[23].contains("Three!"), "a request from the view reaches the status line")
        press(.character("j"))
        #expect(screen()[23].contains("Counters do not move"), "moves reach the focused view first")

        // Focus walks whatever is on screen: the tree, the list, the counter.
        press(.tab)
        #expect(state.focus == .tree)
        press(.character("+"))
        #expect(screen()[23].contains("does nothing here"), "its key belongs to its own context: \(screen()[23])")
        press(.tab, .tab)
        #expect(state.focus == CounterView.id)
        press(.character("+"))
        #expect(screen().contains { $0.contains("Count: 4") }, "the view kept its own state while focus moved")

        press(.escape)
        #expect(state.focus == .detail)
        #expect(state.panes == [.tree, .list, .detail])
        #expect(!screen().joined().contains("Count:"))
    }

    @Test("Its actions join the key map: help and the key table list them, and they can be rebound")
    func actionsInKeyMap() {
        let state = AppState(
            vault: Self.vault, width: 80, height: 24, settings: ExplorerSettings(),
            registry: .standard.registering(CounterView.registration))
        #expect(state.keyMap.keys(for: CounterView.increment) == [.character("+")])
        #expect(state.keyMap.markdown.contains("| (counter) `+` | Count one more |"))
        #expect(state.keyMap.contexts.contains(CounterView.keys))
        #expect(state.keyMap.conflicts.isEmpty, "+ in its own context clashes with nothing")
        let rebound = ExplorerSettings(keyMap: KeyMap.defaults.rebinding(.quit, to: [.character("x")]))
        var other = AppState(
            vault: Self.vault, width: 80, height: 24, settings: rebound,
            registry: .standard.registering(CounterView.registration))
        #expect(other.keyMap.keys(for: .quit) == [.character("x")], "the settings' own bindings stay")
        _ = other.handle(.character("C"))
        #expect(other.focus == CounterView.id)
    }
}
