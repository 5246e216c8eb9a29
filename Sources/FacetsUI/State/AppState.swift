import FacetsCore

/// Everything the explorer shows, as one value, in parts with one owner each: the views (each owns its
/// selection, scroll and filter), the layout (which views are on screen, focus, zoom), navigation
/// history, the workshop (presenter, tour, following), the search index, and the one-shot message.
/// Keys become actions (`handle(_:)`), actions change the parts, one reconcile step brings derived state
/// up to date, and `Renderer.render` draws it. Nothing here knows about terminals or starts a thread.
public struct AppState: Sendable {
    /// The vault shown; replaced when its files change (`vaultChanged(_:)`).
    public internal(set) var vault: Vault
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var settings: ExplorerSettings
    let registry: ViewRegistry

    /// Every view the explorer has made, by id; `panes` says which are on screen.
    public internal(set) var views: [ViewID: any ExplorerView] = [:]
    /// The views on screen in Tab order: a sidebar, then the main view.
    public internal(set) var panes: [ViewID] = [.tree, .list, .detail]
    public internal(set) var focus: ViewID = .tree
    public internal(set) var zoomed = false
    /// The view drawn over the panes (help, search everything), if any: it gets the keys while open.
    public internal(set) var overlay: ViewID?
    public internal(set) var mode: InputMode = .normal

    public internal(set) var history = NavigationHistory<Location>()
    public internal(set) var workshop = Workshop()
    /// A one-shot line for the status bar (cleared by the next key).
    public internal(set) var message: String?

    /// Built off the drawing thread once started (`startBackgroundWork`): every keystroke of a search
    /// asks it, never the notes.
    public internal(set) var searchIndexBuild: BackgroundSearchIndex
    /// The vault's tags, read in the background after the search index (for the tree's tag grouping).
    public internal(set) var tagIndexBuild: BackgroundTagIndex
    /// Queries confirmed in each prompt during this run, recalled by the history keys.
    var promptHistories = PromptHistories()
    /// A search typed but not yet run (keys typed ahead are applied first; `settle()` runs it once).
    var searchPending = false
    /// What the last keystroke's search left for the next one to narrow from (the query grew).
    var searchNarrowing = SearchNarrowing()

    public init(
        vault: Vault, width: Int, height: Int, settings: ExplorerSettings,
        registry: ViewRegistry = .standard
    ) {
        self.vault = vault
        self.width = max(0, width)
        self.height = max(0, height)
        self.registry = registry
        var settings = settings
        settings.keyMap = settings.keyMap.extended(with: registry.actionRows)
        self.settings = settings
        searchIndexBuild = BackgroundSearchIndex(vault: vault)
        tagIndexBuild = BackgroundTagIndex(vault: vault)
        for registration in registry.registrations { views[registration.id] = registration.make(vault) }
        selectTreeRow(0)
        history.visit(location)
    }

    public init(vault: Vault, width: Int, height: Int, theme: Theme = Theme(.dark), ascii: Bool = false) {
        self.init(vault: vault, width: width, height: height, settings: ExplorerSettings(theme: theme, ascii: ascii))
    }

    /// The help overlay's scroll, while it is open.
    public var helpScroll: Int? { overlay == .help ? (views[.help] as? HelpView)?.scroll : nil }

    /// Selects a row of the tree: the list shows its entries and the detail pane previews the first.
    mutating func selectTreeRow(_ row: Int) {
        _ = apply(update(.tree, as: TreeView.self) { $0.select(row) } ?? [], from: .tree)
        reconcile()
    }

    /// Follows numbered reference `ref` of the detail document.
    mutating func follow(_ ref: Int) -> [Effect] {
        defer { reconcile() }
        return apply(detail.follow(ref, vault: vault))
    }

    /// Starts what runs beside the explorer (the search index build): the terminal layer calls it once.
    public func startBackgroundWork() {
        let tags = tagIndexBuild
        searchIndexBuild.start(then: { tags.buildHere() })
    }

    /// What the tree's groupings are built from, with the tags from the background build.
    var browseInput: BrowseInput {
        let tags = tagIndexBuild
        return BrowseInput(notes: vault.notes, talks: vault.talks, attachments: vault.attachments, tagIndex: { tags.value })
    }

    // MARK: Views

    public var tree: TreeView { views[.tree] as? TreeView ?? TreeView(tree: vault.tree, grouping: vault.treeGrouping) }
    public var list: ListView { views[.list] as? ListView ?? ListView() }
    public var detail: DetailView { views[.detail] as? DetailView ?? DetailView() }

    /// Changes one view in place (taken out of the table meanwhile, so its storage is not copied).
    @discardableResult
    mutating func update<View: ExplorerView, Result>(
        _ id: ViewID, as type: View.Type,
        _ change: (inout View) -> Result
    ) -> Result? {
        guard var view = views.removeValue(forKey: id) as? View else { return nil }
        let result = change(&view)
        views[id] = view
        return result
    }

    /// Changes any view through the protocol.
    @discardableResult
    mutating func updateAny<Result>(_ id: ViewID, _ change: (inout any ExplorerView) -> Result) -> Result? {
        guard var view = views.removeValue(forKey: id) else { return nil }
        let result = change(&view)
        views[id] = view
        return result
    }

    // MARK: Derived

    public var theme: Theme { settings.theme }
    public var glyphs: Glyphs { settings.glyphs }
    public var keyMap: KeyMap { settings.keyMap }
    public var presenting: Bool { workshop.presenting }
    public var tour: TourState? { workshop.tour }
    public var following: Bool? { workshop.following }

    public var layout: Layout {
        Layout(width: width, height: height, panes: panes, focus: focus, zoomed: zoomed, presenting: workshop.presenting)
    }

    /// What a view reads while it acts or draws: its frame in the layout. A hidden view is laid out as it
    /// would be with focus (so the detail pane keeps its width while narrow layouts hide it).
    func context(for id: ViewID, layout: Layout? = nil) -> ViewContext {
        let layout = layout ?? self.layout
        var frame = layout[id]
        if id == overlay { frame = Layout.Frame(outer: Rect(x: 0, y: 0, width: width, height: height), visible: true) }
        let focusedFrame =
            frame.visible
            ? frame
            : Layout(width: width, height: height, panes: panes, focus: id, zoomed: zoomed, presenting: workshop.presenting)[id]
        return ViewContext(
            vault: vault, glyphs: glyphs, keyMap: keyMap, frame: frame, focusedFrame: focusedFrame,
            focused: id == (overlay ?? focus), smartCase: settings.smartCase, entry: currentEntry)
    }

    public var selectedNode: BrowseNode? { tree.selectedNode }
    public var selectedEntry: Int? { list.selectedEntry }
    public var subject: DetailSubject { detail.subject }

    /// Where you are, as history records it.
    public var location: Location {
        Location(
            nodeID: tree.selectedNodeID, listEntry: list.selectedEntry, listScroll: list.scroll, listFilter: list.filter,
            subject: detail.subject, detailCursor: detail.cursor, detailScroll: detail.scroll, focus: focus,
            neighbourhood: neighbourhoodPlace, mainView: panes.last ?? .detail)
    }

    /// The entry the detail pane shows, for a presenter to publish; on a timeline, the talk at the
    /// moment of the strip's marker (see `TimelinePlace`).
    public var shownEntryName: String? {
        // A view in the main slot (the matrix) is published by its id, so followers open it too; the
        // neighbourhood publishes its centre, which the detail pane behind it shows.
        if let main = panes.last, main != .detail, main != .neighbourhood { return AppState.viewPrefix + main.name }
        switch detail.subject {
        case .note(let index): return vault.notes[index].path
        case .timeline(let video, let seconds):
            let marked = detail.strip.flatMap { panel in panel.statement(atRow: detail.cursor).map { panel.seconds[$0] } }
            return TimelinePlace(videoId: video, seconds: marked ?? seconds).name
        default: return nil
        }
    }

    /// How a published name names a view rather than an entry.
    static let viewPrefix = "view:"

    // MARK: Settings that change while running

    mutating func setTheme(_ theme: Theme) { settings.theme = theme }

    /// The one-shot status line message.
    public mutating func say(_ text: String?) { message = text }

    public mutating func setPresenting(_ on: Bool) {
        guard on != workshop.presenting else { return }
        workshop.presenting = on
        if on {
            workshop.themeBeforePresenting = settings.theme
            if settings.theme.usesColor { settings.theme = Theme(settings.presenterTheme) }
            if focus != panes.last { focus = panes.last ?? focus }
        } else {
            settings.theme = workshop.themeBeforePresenting ?? settings.theme
        }
        reconcile()
    }

    /// A served session with a presenter: follow them from the start.
    public mutating func startFollowing() {
        workshop.following = true
        message = "Following the presenter · any key stops" + (keyMap.label(.followPresenter).map { ", \($0) follows again" } ?? "")
    }

    // MARK: Size

    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        reconcile()
        // The tree and the list then scroll no further than their cursors need, so what they show after a
        // burst of resizes depends only on the final size, not on which sizes the terminal passed through.
        // (The detail pane keeps the reader's place.)
        let treeContext = context(for: .tree), listContext = context(for: .list)
        update(.tree, as: TreeView.self) { $0.resetScroll(in: treeContext) }
        update(.list, as: ListView.self) { $0.resetScroll(in: listContext) }
    }
}
