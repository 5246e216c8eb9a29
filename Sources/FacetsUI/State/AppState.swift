import FacetsCore

/// Everything the explorer shows, as one value. Keys become actions, actions change this state
/// (`handle(_:)`), and `Renderer.render` draws it; nothing here knows about terminals.
public struct AppState: Sendable {
    public let vault: Vault
    public private(set) var width: Int
    public private(set) var height: Int
    public var focus: Pane = .tree
    public var zoomed = false
    /// Presenter mode: the focused pane alone, centred at a readable width, high contrast, key captions.
    public private(set) var presenting = false
    private var themeBeforePresenting: Theme?
    /// The guided tour being walked, if any.
    public var tour: TourState?
    /// In a served workshop session: nil when there is no presenter to follow; true while following.
    public var following: Bool?
    public var theme: Theme
    public var glyphs: Glyphs
    /// Keys to actions: the action table's, or a config file's.
    public var keyMap = KeyMap.defaults
    /// The theme presenter mode switches to (when the terminal shows colours).
    public var presenterTheme = Theme.Name.highContrast
    /// A capital in a query makes the search case-sensitive; off, every search ignores case.
    public var smartCase = true

    /// Tree nodes shown open.
    public private(set) var expanded: Set<String>
    public private(set) var treeRows: [TreeRow] = []
    public var treeCursor = 0
    public var treeScroll = 0

    /// The entries (note indexes) of the selected tree node.
    public internal(set) var listEntries: [Int] = []
    public var listCursor = 0
    public var listScroll = 0

    public private(set) var subject: DetailSubject = .nothing
    /// The subject laid out for the detail pane's width; rebuilt when either changes.
    public private(set) var document = RenderedDocument()
    /// The talk moment whose neighbours the note's "said around" section lists.
    public private(set) var moment: Int?
    private var documentKey: DocumentKey?
    public var detailCursor = 0
    public var detailScroll = 0

    public var history = NavigationHistory<Location>()
    /// Built once, off the drawing thread: every keystroke of a search asks it, never the notes.
    public let searchIndexBuild: BackgroundSearchIndex
    /// The index (the first search of a session waits for the build when it is not done yet).
    public var searchIndex: SearchIndex { searchIndexBuild.index }
    public var listFilter: ListFilter?
    public var detailFind: DetailFind?
    /// A search typed but not yet run (keys typed ahead are applied first; `settle()` runs it once).
    var searchPending = false
    public var overlay: Overlay?
    public var mode: InputMode = .normal
    /// Queries confirmed in each prompt during this run, recalled by the history keys.
    var promptHistories = PromptHistories()
    /// A one-shot line for the status bar (cleared by the next key).
    public var message: String?
    /// The last keys and their actions, newest last (key captions in presenter mode).
    public private(set) var recentKeys: [(key: String, caption: String)] = []

    struct DocumentKey: Equatable, Sendable {
        var subject: DetailSubject
        var width: Int
        var ascii: Bool
        var moment: Int?
    }

    public init(vault: Vault, width: Int, height: Int, theme: Theme = Theme(.dark), ascii: Bool = false) {
        self.vault = vault
        self.width = max(0, width)
        self.height = max(0, height)
        self.theme = theme
        glyphs = ascii ? .ascii : .unicode
        searchIndexBuild = BackgroundSearchIndex(vault: vault)
        expanded = Set(vault.tree.flattened().filter { !$0.node.children.isEmpty }.map(\.node.id))
        treeRows = vault.tree.visibleRows(expanded: expanded)
        selectTreeRow(0)
        history.visit(location)
    }

    // MARK: Derived

    public var layout: Layout { Layout(width: width, height: height, focus: focus, zoomed: zoomed, presenting: presenting) }

    public var selectedNode: BrowseNode? {
        guard treeCursor >= 0, treeCursor < treeRows.count else { return nil }
        return vault.tree.find(id: treeRows[treeCursor].id)
    }

    public var selectedEntry: Int? {
        listCursor >= 0 && listCursor < listEntries.count ? listEntries[listCursor] : nil
    }

    /// Where you are, as history records it.
    public var location: Location {
        Location(nodeID: treeRows.indices.contains(treeCursor) ? treeRows[treeCursor].id : "",
                 listEntry: selectedEntry, listScroll: listScroll, listFilter: listFilter, subject: subject, detailCursor: detailCursor,
                 detailScroll: detailScroll, focus: focus)
    }

    /// The references on the detail cursor's row.
    public var refsOnCursorRow: [Int] { document.refs(onRow: detailCursor) }

    // MARK: Tree and list

    mutating func setExpanded(_ id: String, _ open: Bool) {
        let current = treeRows.indices.contains(treeCursor) ? treeRows[treeCursor].id : nil
        if open { expanded.insert(id) } else { expanded.remove(id) }
        treeRows = vault.tree.visibleRows(expanded: expanded)
        if let current, let row = treeRows.firstIndex(where: { $0.id == current }) { treeCursor = row }
    }

    /// Selects a tree row: the list shows its entries and the detail pane previews the first.
    mutating func selectTreeRow(_ row: Int) {
        treeCursor = max(0, min(row, treeRows.count - 1))
        listFilter = nil
        listEntries = selectedNode?.entries ?? []
        listCursor = 0
        listScroll = 0
        previewListSelection()
    }

    mutating func selectListRow(_ row: Int) {
        listCursor = max(0, min(row, listEntries.count - 1))
        previewListSelection()
    }

    mutating func previewListSelection() {
        show(selectedEntry.map { .note($0) } ?? .nothing)
    }

    /// Makes the tree show the node with `id` (opening its ancestors) and selects it.
    mutating func revealNode(_ id: String) {
        for ancestor in vault.tree.path(to: id)?.dropLast() ?? [] where ancestor != vault.tree.id {
            expanded.insert(ancestor)
        }
        treeRows = vault.tree.visibleRows(expanded: expanded)
        if let row = treeRows.firstIndex(where: { $0.id == id }) {
            treeCursor = row
            listEntries = selectedNode?.entries ?? []
        }
    }

    // MARK: Detail

    /// Shows a subject in the detail pane from its top (or at a file line of a note).
    mutating func show(_ newSubject: DetailSubject, line: Int? = nil) {
        if newSubject != subject { detailFind = nil }
        subject = newSubject
        moment = nil
        documentKey = nil
        detailCursor = 0
        detailScroll = 0
        refreshDocument()
        if let line, let row = document.row(forSourceLine: line) {
            detailCursor = row
            detailScroll = max(0, row - 2)
        } else if case .timeline(_, _?) = newSubject,
                  let row = document.lines.firstIndex(where: { $0.spans.first?.text == glyphs.timestamp }) {
            // A moment's timeline opens on its first marked statement.
            detailCursor = row
            detailScroll = max(0, row - 2)
        }
        refreshDocument()
    }

    /// Lays the subject out again when the subject, the width or the selected moment changed.
    mutating func refreshDocument() {
        // Lay out for the detail pane as it will be seen: when narrow layouts hide it, as if it had focus.
        // One column is the gutter where the line cursor shows.
        let detailFrame = layout.detail.visible ? layout.detail
            : Layout(width: width, height: height, focus: .detail, zoomed: zoomed, presenting: presenting).detail
        let width = max(1, detailFrame.content.width - DetailPaneView.gutter)
        let ascii = glyphs == .ascii
        if case .note(let index) = subject {
            let chosen = currentMoment(in: document, key: documentKey, note: index)
            let key = DocumentKey(subject: subject, width: width, ascii: ascii, moment: chosen)
            if key != documentKey {
                // The first layout of a note tells where its timestamps are; pick the moment from it.
                if documentKey?.subject != subject || documentKey?.width != width {
                    let plain = DocumentLayout.note(index, vault: vault, width: width, glyphs: glyphs)
                    let firstChoice = currentMoment(in: plain, key: DocumentKey(subject: subject, width: width, ascii: ascii, moment: nil), note: index)
                    moment = firstChoice
                } else {
                    moment = chosen
                }
                document = DocumentLayout.note(index, vault: vault, width: width, glyphs: glyphs, moment: moment)
                documentKey = DocumentKey(subject: subject, width: width, ascii: ascii, moment: moment)
            }
            return
        }
        let key = DocumentKey(subject: subject, width: width, ascii: ascii, moment: nil)
        guard key != documentKey else { return }
        switch subject {
        case .nothing: document = RenderedDocument()
        case .note: break
        case .missing(let name): document = DocumentLayout.missing(name, vault: vault, width: width, glyphs: glyphs)
        case .timeline(let video, let seconds):
            document = DocumentLayout.timeline(videoId: video, seconds: seconds, vault: vault, width: width, glyphs: glyphs)
        }
        documentKey = key
    }

    /// The timestamp at or above the cursor (else the note's first): the moment "said around" lists.
    private func currentMoment(in document: RenderedDocument, key: DocumentKey?, note: Int) -> Int? {
        var best: Int?
        var first: Int?
        var onCursorRow: Int?
        for ref in document.refs {
            guard case .moment(_, let seconds, let from) = ref.target, from == note else { continue }
            if first == nil { first = seconds }
            if ref.row < detailCursor { best = seconds }
            if ref.row == detailCursor, onCursorRow == nil { onCursorRow = seconds }
        }
        // The first moment on the cursor's line, else the last one above it, else the note's first.
        return onCursorRow ?? best ?? first
    }

    // MARK: Presenting

    public mutating func setPresenting(_ on: Bool) {
        guard on != presenting else { return }
        presenting = on
        if on {
            themeBeforePresenting = theme
            if theme.usesColor { theme = Theme(presenterTheme) }
            if focus != .detail { focus = .detail }
        } else {
            theme = themeBeforePresenting ?? theme
        }
        refreshDocument()
        keepCursorsVisible()
    }

    // MARK: Size

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        refreshDocument()
        keepCursorsVisible()
        // The tree and the list then scroll no further than their cursors need, so what they show after a
        // burst of resizes depends only on the final size, not on which sizes the terminal passed through.
        // (The detail pane keeps the reader's place.)
        let layout = self.layout
        treeScroll = Self.scroll(0, cursor: treeCursor, visible: layout.tree.content.height, count: treeRows.count)
        listScroll = Self.scroll(0, cursor: listCursor, visible: layout.list.content.height, count: listEntries.count)
    }

    /// Clamps cursors and scrolls each pane so its cursor stays in view.
    mutating func keepCursorsVisible() {
        // The "said around" section follows the cursor's moment, however the cursor got there.
        refreshDocument()
        let layout = self.layout
        let detailHeight = layout.detail.visible ? layout.detail.content.height
            : Layout(width: width, height: height, focus: .detail, zoomed: zoomed, presenting: presenting).detail.content.height
        treeCursor = max(0, min(treeCursor, treeRows.count - 1))
        treeScroll = Self.scroll(treeScroll, cursor: treeCursor, visible: layout.tree.content.height, count: treeRows.count)
        listCursor = max(0, min(listCursor, listEntries.count - 1))
        listScroll = Self.scroll(listScroll, cursor: listCursor, visible: layout.list.content.height, count: listEntries.count)
        detailCursor = max(0, min(detailCursor, document.lines.count - 1))
        detailScroll = Self.scroll(detailScroll, cursor: detailCursor, visible: detailHeight, count: document.lines.count)
    }

    static func scroll(_ scroll: Int, cursor: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return max(0, cursor) }
        var s = scroll
        if cursor < s { s = cursor }
        if cursor >= s + visible { s = cursor - visible + 1 }
        return max(0, min(s, max(0, count - visible)))
    }

    mutating func noteKey(_ key: Key, action: Action?) {
        let caption = action.flatMap { ActionTable.info($0)?.caption } ?? ""
        recentKeys.append((key.displayName, caption))
        if recentKeys.count > 5 { recentKeys.removeFirst(recentKeys.count - 5) }
    }
}
