import FacetsCore

extension AppState {
    static let maximumQueryLength = 4096

    /// The index (the first search of a session waits for the build when it is not done yet).
    public var searchIndex: SearchIndex { searchIndexBuild.index }

    /// The search everything overlay, while open.
    public var globalSearch: GlobalSearch? {
        overlay == .globalSearch ? (views[.globalSearch] as? GlobalSearchView)?.search : nil
    }

    /// `/`: filter the list (from the tree or list) or find in the entry (from the detail pane).
    mutating func startSearch() {
        if focus == .detail {
            update(.detail, as: DetailView.self) { $0.startFind() }
            mode = .typing(.detailFind)
            return
        }
        // From the tree, whose rows are sections, search every entry; from the list, its entries.
        let scope = focus == .tree ? vault.treeOrder : list.entries
        update(.list, as: ListView.self) { $0.startFilter(scope: scope) }
        focus = .list
        mode = .typing(.listFilter)
        searchPending = true
    }

    mutating func startGlobalSearch() {
        openOverlay(.globalSearch)
        mode = .typing(.global)
        searchPending = true
    }

    /// Keys while a query is being typed: text edits it, the prompt keys (`PromptKeys`) do the rest.
    mutating func handleTypingKey(_ key: Key, field: SearchField) -> [Effect] {
        defer { reconcile() }
        switch PromptKeys.edit(for: key, keyMap: keyMap) {
        case .insert(let c):
            var tooLong = false
            editQuery(field) { query in
                if query.count < Self.maximumQueryLength { query.append(c) } else { tooLong = true }
            }
            if tooLong { message = "The query is as long as it can be" }
        case .deleteChar:
            editQuery(field) { query in if !query.isEmpty { query.removeLast() } }
        case .deleteWord:
            editQuery(field) { $0 = PromptKeys.deletingWord($0) }
        case .clear:
            editQuery(field) { $0 = "" }
        case .cancel:
            promptHistories[field].reset()
            cancelSearch(field)
        case .accept:
            promptHistories[field].record(query(field))
            settle()
            confirmSearch(field)
        case .move(let delta):
            moveSelection(field, by: delta)
        case .page(let pages):
            if field == .global { moveSelection(field, by: 10 * pages) }
        case .historyPrevious:
            if let recalled = promptHistories[field].previous(current: query(field)) { editQuery(field) { $0 = recalled } }
        case .historyNext:
            if let recalled = promptHistories[field].next() { editQuery(field) { $0 = recalled } }
        case .quit:
            return [.quit]
        case .none:
            break
        }
        return []
    }

    /// The query typed into a field.
    func query(_ field: SearchField) -> String {
        switch field {
        case .listFilter: list.filter?.query ?? ""
        case .detailFind: detail.find?.query ?? ""
        case .global: globalSearch?.query ?? ""
        }
    }

    /// Moves the selection among a prompt's results: the hits of search everything, the filtered list.
    mutating func moveSelection(_ field: SearchField, by delta: Int) {
        switch field {
        case .global:
            let query = SearchQuery(globalSearch?.query ?? "", smartCase: settings.smartCase)
            let (vault, width, height) = (vault, width, height)
            update(.globalSearch, as: GlobalSearchView.self) { $0.move(by: delta, query: query, vault: vault, width: width, height: height) }
        case .listFilter:
            let cursor = list.cursor
            let requests = update(.list, as: ListView.self) { $0.select(cursor + delta) } ?? []
            _ = apply(requests, from: .list)
        case .detailFind: break
        }
    }

    mutating func editQuery(_ field: SearchField, _ change: (inout String) -> Void) {
        switch field {
        case .listFilter: update(.list, as: ListView.self) { $0.editFilter(change) }
        case .detailFind: update(.detail, as: DetailView.self) { $0.editFind(change) }
        case .global: update(.globalSearch, as: GlobalSearchView.self) { $0.edit(change) }
        }
        searchPending = true
    }

    /// Runs a search that keys asked for; called once after the keys typed ahead are applied.
    public mutating func settle() {
        guard searchPending else { return }
        searchPending = false
        if case .typing(let field) = mode {
            switch field {
            case .listFilter:
                guard let filter = list.filter else { break }
                let query = SearchQuery(filter.query, smartCase: settings.smartCase)
                let hits = searchNarrowing.search(query, index: searchIndex, vault: vault, within: filter.scope)
                update(.list, as: ListView.self) { $0.showHits(hits) }
                preview(list.selectedEntry)
            case .detailFind:
                let query = SearchQuery(detail.find?.query ?? "", smartCase: settings.smartCase)
                update(.detail, as: DetailView.self) { $0.runFind(query) }
            case .global:
                let query = SearchQuery(globalSearch?.query ?? "", smartCase: settings.smartCase)
                let (index, vault, height) = (searchIndex, vault, height)
                var narrowing = searchNarrowing
                update(.globalSearch, as: GlobalSearchView.self) {
                    $0.run(query, index: index, narrowing: &narrowing, vault: vault, screenHeight: height)
                }
                searchNarrowing = narrowing
            }
        }
        reconcile()
    }

    mutating func confirmSearch(_ field: SearchField) {
        mode = .normal
        switch field {
        case .listFilter:
            update(.list, as: ListView.self) { $0.keepFilter() }
            if list.entries.isEmpty { message = "No entry matches · Esc restores the list" }
            focus = .list
        case .detailFind:
            update(.detail, as: DetailView.self) { $0.keepFind() }
            if detail.find?.matches.isEmpty ?? true { message = "Not found in this entry" }
        case .global:
            let query = SearchQuery(globalSearch?.query ?? "", smartCase: settings.smartCase)
            let chosen = (views[.globalSearch] as? GlobalSearchView)?.chosen(query, vault: vault)
            overlay = nil
            guard let chosen else { return }
            jump { $0.openEntry(chosen.note, line: chosen.line) }
        }
    }

    mutating func cancelSearch(_ field: SearchField) {
        mode = .normal
        switch field {
        case .listFilter:
            update(.list, as: ListView.self) { $0.clearFilter(restoreSelection: true) }
            preview(list.selectedEntry)
        case .detailFind: update(.detail, as: DetailView.self) { $0.cancelFind() }
        case .global: overlay = nil
        }
    }

    /// `n` / `N` outside the detail pane's find: the next or previous entry of the list filter.
    mutating func stepListMatch(_ delta: Int) {
        guard list.filter != nil, !list.entries.isEmpty else {
            message = "No search" + hint(.search, "starts one")
            return
        }
        focus = .list
        let count = list.entries.count, cursor = list.cursor
        let requests = update(.list, as: ListView.self) { $0.select((cursor + delta + count) % count) } ?? []
        _ = apply(requests, from: .list)
    }
}
