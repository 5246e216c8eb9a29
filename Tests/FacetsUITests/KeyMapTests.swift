import FacetsCore
import Testing
@testable import FacetsUI

/// The key map is what key handling reads: rebinding it changes what keys do, what help lists and what
/// the status line hints, with nothing else touched.
@Suite("Key map")
struct KeyMapTests {
    /// An explorer whose state uses `keyMap`.
    static func explorer(_ keyMap: KeyMap) -> Explorer {
        let e = Explorer()
        e.state.settings.keyMap = keyMap
        return e
    }

    @Test("The defaults are the action table's keys, without conflicts")
    func defaults() {
        for row in ActionTable.rows { #expect(KeyMap.defaults.keys(for: row.action) == row.keys) }
        #expect(KeyMap.defaults.conflicts.isEmpty)
        #expect(KeyMap.defaults.action(for: .escape) == .cancel)
        #expect(KeyMap.defaults.action(for: .escape, in: [.tour, .everywhere]) == .leaveTour, "tour keys win during a tour")
        #expect(KeyMap.defaults.markdown == ActionTable.markdown)
    }

    @Test("quit on x: x quits, q and Ctrl-C no longer do")
    func rebindQuit() {
        let map = KeyMap.defaults.rebinding(.quit, to: [.character("x")])
        #expect(Self.explorer(map).press(.character("x")).lastEffects == [.quit])
        let q = Self.explorer(map).press(.character("q"))
        #expect(q.lastEffects.isEmpty)
        #expect(q.statusLine.contains("q does nothing here"))
        #expect(Self.explorer(map).press(.control("c")).lastEffects.isEmpty)
        // With the defaults x is unbound.
        #expect(Explorer().press(.character("x")).lastEffects.isEmpty)
    }

    @Test("move_down on x moves exactly as j did; j is free again")
    func rebindMove() {
        let map = KeyMap.defaults.rebinding(.moveDown, to: [.character("x")])
        let byJ = Explorer().press(.character("j"), .character("j"))
        let byX = Self.explorer(map).press(.character("x"), .character("x"))
        #expect(byX.state.tree.cursor == 2)
        #expect(byX.state.location == byJ.state.location)
        #expect(Self.explorer(map).press(.character("j")).state.tree.cursor == 0)
    }

    @Test("Help and the status line name the keys in force")
    func helpAndHints() {
        let map = KeyMap.defaults.rebinding(.quit, to: [.character("x")]).rebinding(.help, to: [.function(2)])
        let e = Self.explorer(map)
        #expect(e.statusLine.contains("x quit"))
        #expect(e.statusLine.contains("F2 help"))
        #expect(!e.statusLine.contains("q quit"))
        e.press(.function(2))
        #expect(e.state.helpScroll == 0)
        var seen = Set(e.lines)
        for _ in 0..<(ActionTable.rows.count + 5) {
            e.press(.character("j"))
            seen.formUnion(e.lines)
        }
        let quitLine = seen.first { $0.contains("Quit") }
        #expect(quitLine?.contains(" x ") == true, "help lists quit on x: \(quitLine ?? "no Quit line")")
        #expect(quitLine?.contains("Ctrl-C") == false)
        #expect(seen.contains { $0.contains("F2") && $0.contains("Show or hide this help") })
        // The rebound help key closes the help again; ? does not any more.
        #expect(e.copy().press(.character("?")).state.overlay != nil)
        #expect(e.copy().press(.function(2)).state.overlay == nil)
    }

    @Test("Rebound movement scrolls the help")
    func helpScrollFollowsBindings() {
        let map = KeyMap.defaults.rebinding(.moveDown, to: [.character("x")])
        let e = Self.explorer(map).press(.character("?"), .character("x"))
        #expect(e.state.helpScroll == 1)
        #expect(e.copy().press(.character("j")).state.helpScroll == 1, "j no longer scrolls")
    }

    @Test("Conflicts: two actions of one context on a key; tour keys only clash with tour keys")
    func conflicts() {
        let clash = KeyMap.defaults.rebinding(.zoom, to: [.character("q")])
        #expect(clash.conflicts == [KeyMap.Conflict(key: .character("q"), context: .everywhere, actions: [.zoom, .quit])])
        let three = clash.rebinding(.timeline, to: [.character("q")])
        #expect(three.conflicts.first?.actions == [.timeline, .zoom, .quit])
        let tour = KeyMap.defaults.rebinding(.leaveTour, to: [.right])
        #expect(tour.conflicts == [KeyMap.Conflict(key: .right, context: .tour, actions: [.tourNext, .leaveTour])])
        #expect(
            KeyMap.defaults.rebinding(.tourPrevious, to: [.character("o")]).conflicts.isEmpty,
            "o is toggle_expand's outside tours only")
    }

    @Test("The first context in the list that binds a key wins")
    func contextLookup() {
        let map = KeyMap.defaults
        #expect(map.action(for: .character("o"), in: [.tree, .everywhere]) == .toggleExpand)
        #expect(map.action(for: .character("o"), in: [.list, .everywhere]) == nil, "o expands only in the tree")
        #expect(map.action(for: .enter, in: [.prompt, .everywhere]) == .promptAccept)
        #expect(map.action(for: .enter) == .open)
        #expect(map.action(for: .escape, in: [.prompt, .everywhere]) == .cancel, "a prompt cancels with cancel's keys")
        #expect(map.action(for: .character(" "), in: [.tour, .tree, .everywhere]) == .tourNext)
        #expect(map.action(for: .control("w"), in: [.everywhere]) == nil, "prompt keys stay in prompts")
        #expect(KeyMap.defaults.contexts == [.everywhere, .tree, .timeline, .tour, .prompt, .neighbourhood, MatrixView.keys])
        #expect(KeyMap.defaults.contexts.allSatisfy { ctx in map.rows.contains { $0.context == ctx } })
    }

    @Test("A view's own context is a value: it clashes with everywhere, a modal one does not")
    func openContexts() {
        let matrix = KeyContext(name: "matrix")
        #expect(matrix.clashes(with: .everywhere) && KeyContext.everywhere.clashes(with: matrix))
        #expect(!matrix.clashes(with: .tree), "two views are never focused at once")
        #expect(!KeyContext.prompt.clashes(with: .everywhere) && !KeyContext.tour.clashes(with: .tree))
        #expect(KeyContext.prompt.clashes(with: .prompt))
        #expect(KeyContext.everywhere.title == "Everywhere" && KeyContext.prompt.title == "Prompt")
    }

    @Test("Conflicts per context: a view's key against everywhere, modal keys only among themselves")
    func contextConflicts() {
        let tree = KeyMap.defaults.rebinding(.toggleExpand, to: [.character("q")])
        #expect(tree.conflicts == [KeyMap.Conflict(key: .character("q"), context: .tree, actions: [.toggleExpand, .quit])])
        #expect(KeyMap.defaults.rebinding(.promptClear, to: [.character("q")]).conflicts.isEmpty, "prompt keys win in prompts")
        #expect(KeyMap.defaults.rebinding(.promptDeleteWord, to: [.escape]).conflicts.isEmpty, "shadows cancel, but only in a prompt")
        let prompt = KeyMap.defaults.rebinding(.promptClear, to: [.control("w")])
        #expect(prompt.conflicts == [KeyMap.Conflict(key: .control("w"), context: .prompt, actions: [.promptDeleteWord, .promptClear])])
        #expect(KeyMap.defaults.rebinding(.cancel, to: [.control("g")]).conflicts.isEmpty)
    }

    @Test("Smart case off: a capital no longer makes the search case-sensitive")
    func smartCaseSetting() {
        let silo = noteIndex("silo_mentality")
        let smart = Explorer().type("/SILO").press(.enter)
        #expect(!smart.state.list.entries.contains(silo), "SILO is case-sensitive with smart case")
        let e = Explorer()
        e.state.settings.smartCase = false
        e.type("/SILO").press(.enter)
        #expect(e.state.list.entries.contains(silo))
    }

    @Test("The presenter theme setting is the theme P switches to")
    func presenterTheme() {
        #expect(Explorer().press(.character("P")).state.theme.name == .highContrast)
        let e = Explorer()
        e.state.settings.presenterTheme = .light
        e.press(.character("P"))
        #expect(e.state.theme.name == .light)
        e.press(.character("P"))
        #expect(e.state.theme.name == .dark, "leaving presenter mode restores the theme")
    }
}
