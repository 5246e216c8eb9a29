import FacetsCore
import Testing
@testable import FacetsUI

/// Issue 19, point 4: prompt keys are actions of the prompt context, rebindable like the rest.
@Suite("Prompt keys")
struct PromptKeysTests {
    static let ctrlG = KeyMap.defaults.rebinding(.cancel, to: [.control("g")]).rebinding(.leaveTour, to: [.control("g")])

    static func explorer(_ keyMap: KeyMap) -> Explorer {
        let e = Explorer()
        e.state.settings.keyMap = keyMap
        return e
    }

    @Test("The default keys edit as they always did")
    func defaults() {
        let map = KeyMap.defaults
        let expected: [(Key, PromptEdit)] = [
            (.character("q"), .insert("q")), (.character(" "), .insert(" ")), (.enter, .accept), (.escape, .cancel),
            (.backspace, .deleteChar), (.control("w"), .deleteWord), (.control("u"), .clear),
            (.down, .move(1)), (.tab, .move(1)), (.up, .move(-1)), (.backTab, .move(-1)),
            (.pageDown, .page(1)), (.pageUp, .page(-1)), (.control("p"), .historyPrevious), (.control("n"), .historyNext),
            (.control("c"), .quit), (.control("g"), .none), (.function(1), .none),
        ]
        for (key, edit) in expected { #expect(PromptKeys.edit(for: key, keyMap: map) == edit, "\(key)") }
    }

    @Test("Rebound: cancel on Ctrl-G cancels, Esc does nothing; characters type and Ctrl-C quits whatever the map")
    func rebound() {
        #expect(PromptKeys.edit(for: .control("g"), keyMap: Self.ctrlG) == .cancel)
        #expect(PromptKeys.edit(for: .escape, keyMap: Self.ctrlG) == .none)
        let odd = KeyMap.defaults.rebinding(.promptClear, to: [.character("x")]).rebinding(.quit, to: [.character("Q")])
        #expect(PromptKeys.edit(for: .character("x"), keyMap: odd) == .insert("x"))
        #expect(PromptKeys.edit(for: .control("c"), keyMap: odd) == .quit)
        let accept = KeyMap.defaults.rebinding(.promptAccept, to: [.control("y")])
        #expect(PromptKeys.edit(for: .control("y"), keyMap: accept) == .accept)
        #expect(PromptKeys.edit(for: .enter, keyMap: accept) == .none, "Enter opens only outside prompts now")
    }

    @Test("Ctrl-W deletes the last word and the spaces after it")
    func deleteWord() {
        #expect(PromptKeys.deletingWord("silo mentality") == "silo ")
        #expect(PromptKeys.deletingWord("silo  ") == "")
        #expect(PromptKeys.deletingWord("silo") == "")
        #expect(PromptKeys.deletingWord("") == "")
        #expect(PromptKeys.deletingWord("a b  c ") == "a b  ")
        #expect(Explorer().type("/silo ment").press(.control("w")).state.list.filter?.query == "silo ")
    }

    @Test("History: earlier queries newest first, then back to what was typed")
    func history() {
        var h = PromptHistory()
        #expect(h.previous(current: "x") == nil)
        h.record("silo")
        h.record("")
        h.record("trust")
        h.record("trust")
        #expect(h.entries == ["silo", "trust"], "no empty query, no repeat of the newest")
        #expect(h.previous(current: "dra") == "trust")
        #expect(h.previous(current: "trust") == "silo")
        #expect(h.previous(current: "silo") == nil, "nothing older")
        #expect(h.next() == "trust")
        #expect(h.next() == "dra", "past the newest: the query typed before recalling")
        #expect(h.next() == nil)
        _ = h.previous(current: "")
        h.reset()
        #expect(h.next() == nil, "a cancelled prompt ends the recall")
    }

    @Test("Ctrl-P recalls the same prompt's earlier query; other prompts keep their own")
    func historyInTheExplorer() {
        let e = Explorer().type("/silo").press(.enter, .escape)
        e.type("/").press(.control("p"))
        #expect(e.state.list.filter?.query == "silo")
        let typed = Explorer().type("/silo").press(.enter, .escape).type("/silo")
        #expect(!e.state.list.entries.isEmpty && e.state.list.entries == typed.state.list.entries, "the recalled query is searched")
        e.press(.control("n"))
        #expect(e.state.list.filter?.query == "")
        e.press(.escape).press(.character(":"), .control("p"))
        if let search = e.state.globalSearch { #expect(search.query.isEmpty, "search-all has no history yet") } else { Issue.record("no search-all") }
    }

    @Test("cancel on Ctrl-G: it cancels /, : and the find in an entry; Esc no longer does")
    func ctrlGCancels() {
        let list = Self.explorer(Self.ctrlG).type("/silo")
        #expect(list.statusLine.contains("Ctrl-G cancel"), "\(list.statusLine)")
        #expect(!list.statusLine.contains("Esc"))
        list.press(.escape)
        #expect(list.state.mode == .typing(.listFilter), "Esc is nobody's key now")
        list.press(.control("g"))
        #expect(list.state.mode == .normal)
        #expect(list.state.list.filter == nil)

        let global = Self.explorer(Self.ctrlG).type(":silo")
        #expect(global.text.contains("Ctrl-G closes"))
        global.press(.escape)
        #expect(global.state.overlay != nil)
        global.press(.control("g"))
        #expect(global.state.overlay == nil)
        #expect(global.state.mode == .normal)

        let find = Self.explorer(Self.ctrlG).press(.character("3")).type("/the")
        #expect(find.state.mode == .typing(.detailFind))
        find.press(.escape)
        #expect(find.state.detail.find != nil)
        find.press(.control("g"))
        #expect(find.state.detail.find == nil)
        #expect(find.state.mode == .normal)
    }

    @Test("With the default keys Esc cancels and the status line says so")
    func escapeByDefault() {
        let e = Explorer().type("/silo")
        #expect(e.statusLine.contains("Enter keep · Esc cancel"), "\(e.statusLine)")
        e.press(.escape)
        #expect(e.state.list.filter == nil)
    }

    @Test("The help groups the keys under their contexts, the prompt's with the keys in force")
    func helpShowsContexts() {
        let lines = HelpView.lines(Self.ctrlG)
        let headings = lines.filter { $0.description.isEmpty }.map(\.keys)
        #expect(headings == ["Everywhere", "Tree", "Timeline", "Tour", "Prompt", "Neighbourhood", "Matrix"])
        let prompt = lines.firstIndex { $0.keys == "Prompt" && $0.description.isEmpty } ?? lines.count
        #expect(lines[prompt...].contains { $0.keys == "Ctrl-W" && $0.description == "In a prompt: delete the last word" })
        #expect(lines.contains { $0.keys == "Ctrl-G" && $0.description.hasPrefix("Cancel, close") })
        #expect(!lines.contains { $0.keys.contains("Esc") }, "Esc is nobody's key in this map")
    }
}
