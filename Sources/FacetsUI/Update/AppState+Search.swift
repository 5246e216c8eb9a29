import FacetsCore

extension AppState {
    static let maximumQueryLength = 4096

    /// `/`: filter the list (from the tree or list) or find in the entry (from the detail pane).
    mutating func startSearch() {
        if focus == .detail {
            detailFind = DetailFind(savedCursor: detailCursor, savedScroll: detailScroll)
            mode = .typing(.detailFind)
            return
        }
        // From the tree, whose rows are sections, search every entry; from the list, its entries.
        let scope = listFilter?.scope ?? (focus == .tree ? vault.treeOrder : listEntries)
        listFilter = ListFilter(savedEntries: listFilter?.savedEntries ?? listEntries, savedCursor: listCursor,
                                savedScroll: listScroll, scope: scope)
        focus = .list
        mode = .typing(.listFilter)
        searchPending = true
    }

    mutating func startGlobalSearch() {
        overlay = .search(GlobalSearch())
        mode = .typing(.global)
        searchPending = true
    }

    /// Keys while a query is being typed: text edits it, the prompt keys (`PromptKeys`) do the rest.
    mutating func handleTypingKey(_ key: Key, field: SearchField) -> [Effect] {
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
            if field == .global { moveGlobal(by: delta) } else if field == .listFilter { selectListRow(listCursor + delta) }
        case .page(let pages):
            if field == .global { moveGlobal(by: 10 * pages) }
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
        case .listFilter: listFilter?.query ?? ""
        case .detailFind: detailFind?.query ?? ""
        case .global: if case .search(let search) = overlay { search.query } else { "" }
        }
    }

    mutating func editQuery(_ field: SearchField, _ change: (inout String) -> Void) {
        switch field {
        case .listFilter:
            guard var filter = listFilter else { return }
            change(&filter.query)
            listFilter = filter
        case .detailFind:
            guard var find = detailFind else { return }
            change(&find.query)
            detailFind = find
        case .global:
            guard case .search(var search) = overlay else { return }
            change(&search.query)
            overlay = .search(search)
        }
        searchPending = true
    }

    /// Runs a search that keys asked for; called once after the keys typed ahead are applied.
    public mutating func settle() {
        guard searchPending else { return }
        searchPending = false
        if case .typing(let field) = mode {
            switch field {
            case .listFilter: runListFilter()
            case .detailFind: runDetailFind()
            case .global: runGlobalSearch()
            }
        }
        keepCursorsVisible()
    }

    mutating func runListFilter() {
        guard var filter = listFilter else { return }
        let query = SearchQuery(filter.query, smartCase: smartCase)
        filter.hits = searchIndex.search(query, vault: vault, within: filter.scope)
        listFilter = filter
        listEntries = filter.hits.map(\.note)
        listCursor = 0
        listScroll = 0
        previewListSelection()
    }

    mutating func runDetailFind() {
        guard var find = detailFind else { return }
        let query = SearchQuery(find.query, smartCase: smartCase)
        find.matches = []
        if !query.isEmpty {
            for (row, line) in document.lines.enumerated() {
                let folded = TextFolding.fold(line.text, caseSensitive: query.caseSensitive)
                var ranges: [Range<Int>] = []
                for word in query.matchWords {
                    var from = 0
                    while let start = SearchIndex.find(word, in: folded, from: from) {
                        ranges.append(start..<(start + word.count))
                        from = start + word.count
                    }
                }
                if !ranges.isEmpty { find.matches.append(FindMatch(row: row, ranges: ranges)) }
            }
        }
        detailFind = find
        // Jump to the first match at or after where the search started.
        if let first = find.matches.first(where: { $0.row >= find.savedCursor }) ?? find.matches.first {
            detailCursor = first.row
        } else {
            detailCursor = find.savedCursor
        }
    }

    mutating func runGlobalSearch() {
        guard case .search(var search) = overlay else { return }
        let query = SearchQuery(search.query, smartCase: smartCase)
        search.hits = query.isEmpty ? [] : searchIndex.search(query, vault: vault, limit: GlobalSearch.limit)
        search.cursor = 0
        search.scroll = 0
        search.lines = [:]
        overlay = .search(search)
        fillGlobalLines()
    }

    /// Matched lines for the hits around the cursor (computed only for what can be seen).
    mutating func fillGlobalLines() {
        guard case .search(var search) = overlay else { return }
        let query = SearchQuery(search.query, smartCase: smartCase)
        let window = max(0, search.scroll - 5)..<min(search.hits.count, search.scroll + max(40, height))
        for k in window {
            let note = search.hits[k].note
            if search.lines[note] == nil, let line = vault.notes[note].matchedLine(for: query) { search.lines[note] = line }
        }
        overlay = .search(search)
    }

    mutating func moveGlobal(by delta: Int) {
        guard case .search(var search) = overlay, !search.hits.isEmpty else { return }
        search.cursor = max(0, min(search.hits.count - 1, search.cursor + delta))
        let visible = max(1, (GlobalSearchView.listArea(width: width, height: height).height) / 2)
        search.scroll = Self.scroll(search.scroll, cursor: search.cursor, visible: visible, count: search.hits.count)
        overlay = .search(search)
        fillGlobalLines()
    }

    mutating func confirmSearch(_ field: SearchField) {
        mode = .normal
        switch field {
        case .listFilter:
            listFilter?.editing = false
            if listEntries.isEmpty {
                message = "No entry matches · Esc restores the list"
            }
            focus = .list
        case .detailFind:
            detailFind?.editing = false
            if detailFind?.matches.isEmpty ?? true { message = "Not found in this entry" }
        case .global:
            guard case .search(let search) = overlay else { return }
            overlay = nil
            guard search.hits.indices.contains(search.cursor) else { return }
            let hit = search.hits[search.cursor]
            let line = search.lines[hit.note]?.line ?? vault.notes[hit.note].matchedLine(for: SearchQuery(search.query, smartCase: smartCase))?.line
            jump { $0.openEntry(hit.note, line: line) }
        }
    }

    mutating func cancelSearch(_ field: SearchField) {
        mode = .normal
        switch field {
        case .listFilter: clearListFilter(restoreSelection: true)
        case .detailFind:
            if let find = detailFind {
                detailCursor = find.savedCursor
                detailScroll = find.savedScroll
            }
            detailFind = nil
        case .global:
            overlay = nil
        }
    }

    /// Back to the node's full list; keeps the selected entry when asked not to restore.
    mutating func clearListFilter(restoreSelection: Bool) {
        guard let filter = listFilter else { return }
        let selected = selectedEntry
        listFilter = nil
        listEntries = filter.savedEntries
        if restoreSelection {
            listCursor = filter.savedCursor
            listScroll = filter.savedScroll
        } else {
            listCursor = selected.flatMap { listEntries.firstIndex(of: $0) } ?? 0
        }
        previewListSelection()
    }

    /// `n` / `N`: the next or previous match of the active find or filter.
    mutating func stepMatch(_ delta: Int) {
        if focus == .detail, let find = detailFind, !find.matches.isEmpty {
            let rows = find.matches.map(\.row)
            let next = delta > 0 ? (rows.first { $0 > detailCursor } ?? rows[0]) : (rows.last { $0 < detailCursor } ?? rows[rows.count - 1])
            detailCursor = next
            refreshDocument()
            return
        }
        if listFilter != nil, !listEntries.isEmpty {
            focus = .list
            selectListRow((listCursor + delta + listEntries.count) % listEntries.count)
            return
        }
        message = "No search" + hint(.search, "starts one")
    }
}
