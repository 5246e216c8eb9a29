import FacetsBundledContent
import FacetsCore
import Testing
@testable import FacetsUI

/// Live reload in the explorer's state: `AppState.vaultChanged(_:)` with the bundled vault as it would
/// be read again after an edit, an added note or a deleted one.
@Suite("Vault changed while exploring")
struct VaultChangedTests {
    /// The bundled files, changed: `edit` maps each (path, text) to its new text, nil to remove it; `added`
    /// come first, so every later note's index shifts.
    static func bundled(edit: (String, String) -> String? = { $1 }, added: [(String, String)] = []) -> Vault {
        let files = added + BundledContent.files.compactMap { file in edit(file.path, file.text).map { (file.path, $0) } }
        return Vault(origin: "bundled", files: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    /// An explorer with the list focused on its second entry, the detail previewing it.
    static func onSecondEntry() -> Explorer {
        Explorer().press(.tab, .character("j"))
    }

    static func path(_ e: Explorer) -> String? { e.state.selectedEntry.map { e.state.vault.notes[$0].path } }

    @Test("an edited title shows at once; the tree node, list entry and detail cursor stay")
    func editedTitle() throws {
        let e = Self.onSecondEntry().press(.tab).press(.character("j"), .character("j"))
        let before = try #require(Self.path(e))
        let oldTitle = try #require(e.selectedTitle)
        let node = e.state.tree.selectedNodeID, cursor = e.state.detail.cursor, focus = e.state.focus
        e.state.vaultChanged(
            Self.bundled(edit: { path, text in
                path == before ? text.replacingOccurrences(of: "title: \(oldTitle)", with: "title: Renamed on disk") : text
            }))
        #expect(Self.path(e) == before)
        #expect(e.selectedTitle == "Renamed on disk")
        #expect(e.list.contains { $0.contains("Renamed on disk") })
        #expect(e.detail.first?.contains("Renamed on disk") == true, "\(e.detail.prefix(2))")
        #expect(e.state.tree.selectedNodeID == node)
        #expect(e.state.detail.cursor == cursor)
        #expect(e.state.focus == focus)
    }

    @Test("a note added before the selected one: the selection follows its note, not its index")
    func shiftedIndexes() throws {
        let e = Self.onSecondEntry()
        let before = try #require(Self.path(e))
        let oldIndex = try #require(e.state.selectedEntry)
        e.state.vaultChanged(Self.bundled(added: [("000-new.md", "---\ntitle: Brand new\n---\nHello\n")]))
        #expect(e.state.selectedEntry == oldIndex + 1, "the indexes moved by one")
        #expect(Self.path(e) == before)
        if case .note(let shown) = e.state.subject {
            #expect(e.state.vault.notes[shown].path == before)
        } else {
            Issue.record("the detail pane lost its note: \(e.state.subject)")
        }
        #expect(e.state.vault.notes.contains { $0.title == "Brand new" })
    }

    @Test("the note shown is deleted: the detail says it was removed; it comes back with its file")
    func deletedNote() throws {
        let e = Self.onSecondEntry()
        let gone = try #require(Self.path(e))
        let title = try #require(e.selectedTitle)
        e.state.vaultChanged(Self.bundled(edit: { path, text in path == gone ? nil : text }))
        #expect(e.state.subject == .removed(title: title, path: gone))
        #expect(e.detail.contains { $0.contains("This note was removed") }, "\(e.detail.prefix(4))")
        #expect(e.titleRow(.detail).contains("(removed)"))
        #expect(!e.state.vault.notes.contains { $0.path == gone })
        #expect(e.state.list.entries.allSatisfy { e.state.vault.notes[$0].path != gone })

        e.state.vaultChanged(Self.bundled())
        #expect(e.subjectTitle == title, "the file came back, and so did the note")
    }

    @Test("history keeps its places by path; a place whose note went shows it removed")
    func historyRenumbered() throws {
        let e = Explorer().press(.tab, .enter)
        let first = try #require(e.subjectTitle)
        let firstPath = try #require(Self.path(e))
        e.press(.character("1"), .enter)  // follow the first link: a new place in history
        let second = try #require(e.subjectTitle)
        #expect(second != first)
        e.state.vaultChanged(
            Self.bundled(
                edit: { path, text in path == firstPath ? nil : text },
                added: [("000-new.md", "---\ntitle: Brand new\n---\nHello\n")]))
        #expect(e.subjectTitle == second, "where you are is kept")
        e.press(.backspace)
        #expect(e.state.subject == .removed(title: first, path: firstPath), "back to a place whose note went")
        e.press(.character("U"))
        #expect(e.subjectTitle == second, "and forward again, to the renumbered note")
    }

    @Test("the search index is the new vault's")
    func searchIndexRebuilt() {
        let e = Explorer()
        e.state.vaultChanged(Self.bundled(added: [("000-new.md", "---\ntitle: Zyzzyva quokka\n---\nHello\n")]))
        let hits = e.state.searchIndexBuild.index.search(SearchQuery("zyzzyva"), vault: e.state.vault, limit: 5)
        #expect(hits.map { e.state.vault.notes[$0.note].title } == ["Zyzzyva quokka"])
    }
}
