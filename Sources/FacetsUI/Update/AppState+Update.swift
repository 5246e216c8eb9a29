import FacetsCore

extension AppState {
    /// Applies one key: the map from keys to actions depends on the mode and on overlays.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            resize(width: w, height: h)
            return [.redrawAll]
        }
        message = nil
        let keepsFollowing = key == .control("c") || [Action.followPresenter, .quit].contains { $0 == keyMap.action(for: key, in: activeKeyContexts) }
        if following == true, !keepsFollowing {
            following = false
            message = "Stopped following the presenter" + hint(.followPresenter, "follows again")
        }
        if case .mouse(let event) = key { return handleMouse(event) }
        if case .typing(let field) = mode {
            noteKey(key, action: nil)
            return handleTypingKey(key, field: field)
        }
        if overlay != nil { return handleOverlayKey(key) }
        if case .linkNumber(let digits) = mode { return handleLinkNumberKey(key, digits: digits) }
        if focus == .detail, case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII {
            mode = .linkNumber(String(digit))
            noteKey(key, action: .followNumber)
            return []
        }
        guard let action = keyMap.action(for: key, in: activeKeyContexts) else {
            message = "\(key.displayName) does nothing here" + hint(.help, "shows the keys")
            return []
        }
        noteKey(key, action: action)
        return perform(action)
    }

    /// The key contexts in force outside prompts and the help, most specific first.
    var activeKeyContexts: [KeyContext] {
        let view: KeyContext = switch focus {
        case .tree: .tree
        case .list: .list
        case .detail: .detail
        }
        return (tour != nil ? [.tour] : []) + [view, .everywhere]
    }

    /// Applies one action.
    public mutating func perform(_ action: Action) -> [Effect] {
        defer { keepCursorsVisible() }
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, pageSize - 1))
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .top: move(to: 0)
        case .bottom: move(to: Int.max / 2)
        case .nextPane: setFocus(Pane(rawValue: (focus.rawValue + 1) % 3) ?? .tree)
        case .previousPane: setFocus(Pane(rawValue: (focus.rawValue + 2) % 3) ?? .tree)
        case .paneLeft:
            if focus != .tree { setFocus(Pane(rawValue: focus.rawValue - 1) ?? .tree) }
        case .paneRight:
            if focus == .tree, let row = treeRows[safe: treeCursor], row.hasChildren, !row.isExpanded {
                setExpanded(row.id, true)
            } else if focus != .detail {
                setFocus(Pane(rawValue: focus.rawValue + 1) ?? .detail)
            }
        case .focusTree: setFocus(.tree)
        case .focusList: setFocus(.list)
        case .focusDetail: setFocus(.detail)
        case .open: return open()
        case .toggleExpand:
            if focus == .tree, let row = treeRows[safe: treeCursor], row.hasChildren { setExpanded(row.id, !row.isExpanded) }
        case .followNumber:
            mode = .linkNumber("")
        case .back: goBack()
        case .forward: goForward()
        case .timeline: openTimeline()
        case .copyLink: return copySelection()
        case .zoom:
            zoomed.toggle()
            refreshDocument()
        case .cycleTheme:
            let all = Theme.Name.allCases
            let next = all[((all.firstIndex(of: theme.name) ?? 0) + 1) % all.count]
            theme = Theme(next)
            message = "Theme: \(next.rawValue)"
            return [.redrawAll]
        case .help: overlay = .help(scroll: 0)
        case .redraw: return [.redrawAll]
        case .cancel:
            if detailFind != nil, focus == .detail { detailFind = nil }
            else if listFilter != nil { clearListFilter(restoreSelection: false) }
            else if zoomed { zoomed = false; refreshDocument() }
        case .togglePresenter:
            setPresenting(!presenting)
            message = presenting ? "Presenter mode" + hint(.togglePresenter, "leaves it") : "Presenter mode off"
            return [.redrawAll]
        case .followPresenter:
            if following == nil {
                message = "No presenter to follow in this session"
            } else {
                following = true
                message = "Following the presenter"
            }
        case .startTour: startDefaultTour()
        case .tourNext: moveTour(by: 1)
        case .tourPrevious: moveTour(by: -1)
        case .leaveTour: leaveTour()
        case .search: startSearch()
        case .globalSearch: startGlobalSearch()
        case .nextMatch: stepMatch(1)
        case .previousMatch: stepMatch(-1)
        case .quit: return [.quit]
        case .promptAccept, .promptDeleteChar, .promptDeleteWord, .promptClear, .promptNext, .promptPrevious,
             .promptPageDown, .promptPageUp, .promptHistoryPrevious, .promptHistoryNext:
            break  // prompt keys act only while a query is typed (`handleTypingKey`)
        }
        return []
    }

    var pageSize: Int { max(1, layout[focus].content.height) }

    mutating func setFocus(_ pane: Pane) {
        let wasNarrow = layout.arrangement == .onePane || layout.arrangement == .zoomed
        focus = pane
        if wasNarrow { refreshDocument() }
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .tree: selectTreeRow(treeCursor + delta)
        case .list: selectListRow(listCursor + delta)
        case .detail: moveDetailCursor(to: detailCursor + delta)
        }
    }

    mutating func move(to row: Int) {
        switch focus {
        case .tree: selectTreeRow(row)
        case .list: selectListRow(row)
        case .detail: moveDetailCursor(to: row)
        }
    }

    mutating func moveDetailCursor(to row: Int) {
        detailCursor = max(0, min(row, document.lines.count - 1))
        refreshDocument()
        // Moving to the end may change the moment and so the document's length: land on the end again.
        if row >= document.lines.count - 1 {
            detailCursor = max(0, document.lines.count - 1)
            refreshDocument()
            detailCursor = max(0, document.lines.count - 1)
        }
    }

    // MARK: Following

    mutating func open() -> [Effect] {
        switch focus {
        case .tree:
            if let row = treeRows[safe: treeCursor], row.hasChildren, !row.isExpanded { setExpanded(row.id, true) }
            setFocus(.list)
        case .list:
            guard let entry = selectedEntry else { return [] }
            jump { $0.show(.note(entry)); $0.focus = .detail }
        case .detail:
            guard let ref = refsOnCursorRow.first else {
                message = "No link on this line · type a link's number and Enter"
                return []
            }
            return follow(ref)
        }
        return []
    }

    /// Follows numbered reference `ref` of the detail document.
    mutating func follow(_ ref: Int) -> [Effect] {
        guard ref >= 0, ref < document.refs.count else {
            message = "No link number \(ref + 1) here"
            return []
        }
        switch document.refs[ref].target {
        case .note(let index, let line): jump { $0.openEntry(index, line: line) }
        case .missing(let name): jump { $0.show(.missing(name)); $0.focus = .detail }
        case .moment(let video, let seconds, _): jump { $0.show(.timeline(videoId: video, seconds: seconds)); $0.focus = .detail }
        case .url(let url):
            message = "Copied \(url)"
            return [.copyToClipboard(url)]
        }
        return []
    }

    /// Opens an entry: selects it in the tree and the list, shows it, focuses the detail pane.
    mutating func openEntry(_ index: Int, line: Int? = nil) {
        // Opening an entry through a link leaves any list filter behind: the list shows where you are.
        if listFilter != nil, !(listFilter?.hits.contains { $0.note == index } ?? false) { listFilter = nil }
        let currentHolds = listFilter != nil || (selectedNode?.entries.contains(index) ?? false)
        if !currentHolds {
            let section = vault.tree.flattened().first { $0.node.id != "all" && $0.node.id != vault.tree.id && $0.node.entries.contains(index) }
            revealNode(section?.node.id ?? "all")
        }
        if listFilter == nil { listEntries = selectedNode?.entries ?? [] }
        listCursor = listEntries.firstIndex(of: index) ?? 0
        show(.note(index), line: line)
        focus = .detail
    }

    mutating func openTimeline() {
        var video: String?
        var seconds: Int?
        switch subject {
        case .note(let index):
            video = vault.notes[index].videoId
            seconds = moment
        case .timeline:
            message = "This is the timeline · Enter on a statement opens it"
            return
        default: break
        }
        if video == nil, vault.videoIds.count == 1 { video = vault.videoIds.first }
        guard let video else {
            message = "This entry belongs to no talk"
            return
        }
        jump { $0.show(.timeline(videoId: video, seconds: seconds)); $0.focus = .detail }
    }

    /// Moves somewhere as one history step; the place left is saved as it is now.
    mutating func jump(_ change: (inout AppState) -> Void) {
        history.replaceCurrent(location)
        change(&self)
        keepCursorsVisible()
        history.visit(location)
    }

    mutating func goBack() {
        history.replaceCurrent(location)
        guard let previous = history.goBack() else {
            message = "Nothing further back"
            return
        }
        restore(previous)
    }

    mutating func goForward() {
        history.replaceCurrent(location)
        guard let next = history.goForward() else {
            message = "Nothing further forward"
            return
        }
        restore(next)
    }

    /// Returns to a saved place exactly: node, list selection, subject, cursor, scroll and focus.
    mutating func restore(_ place: Location) {
        listFilter = nil
        revealNode(place.nodeID)
        listEntries = selectedNode?.entries ?? []
        if var filter = place.listFilter {
            filter.editing = false
            listFilter = filter
            listEntries = filter.hits.map(\.note)
        }
        listCursor = place.listEntry.flatMap { listEntries.firstIndex(of: $0) } ?? 0
        listScroll = place.listScroll
        show(place.subject)
        detailCursor = place.detailCursor
        detailScroll = place.detailScroll
        focus = place.focus
        refreshDocument()
    }

    // MARK: Copy

    mutating func copySelection() -> [Effect] {
        var text: String?
        if focus == .detail, let ref = refsOnCursorRow.first {
            switch document.refs[ref].target {
            case .note(let index, _): text = "[[\(vault.notes[index].stem)]]"
            case .missing(let name): text = "[[\(name)]]"
            case .moment(let video, let seconds, _):
                text = (vault.talk(videoId: video) ?? Talk(videoId: video, title: "", url: "")).url(atSecond: seconds)
            case .url(let url): text = url
            }
        } else if let entry = selectedEntry {
            text = "[[\(vault.notes[entry].stem)]]"
        }
        guard let text else {
            message = "Nothing to copy here"
            return []
        }
        message = "Copied \(TerminalSafeText.sanitize(text))"
        return [.copyToClipboard(text)]
    }

    // MARK: Modes

    mutating func handleLinkNumberKey(_ key: Key, digits: String) -> [Effect] {
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            mode = .linkNumber(String((digits + String(c)).suffix(6)))
        case .backspace:
            mode = digits.isEmpty ? .normal : .linkNumber(String(digits.dropLast()))
        case .enter:
            mode = .normal
            guard let number = Int(digits) else { return [] }
            noteKey(key, action: .open)
            let effects = follow(number - 1)
            keepCursorsVisible()
            return effects
        case .escape:
            mode = .normal
        default:
            mode = .normal
            return handle(key)
        }
        return []
    }

    mutating func handleOverlayKey(_ key: Key) -> [Effect] {
        guard case .help(let scroll) = overlay else {
            overlay = nil
            return []
        }
        // Ctrl-C quits from here as from a prompt; other keys act as their bindings say.
        if key == .control("c") { return [.quit] }
        if key == .escape || key == .enter {
            overlay = nil
            return []
        }
        switch keyMap.action(for: key) {
        case .cancel, .quit, .help, .open: overlay = nil
        case .moveDown: overlay = .help(scroll: min(scroll + 1, HelpOverlayView.maximumScroll(height: height)))
        case .moveUp: overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown: overlay = .help(scroll: min(scroll + 10, HelpOverlayView.maximumScroll(height: height)))
        case .pageUp: overlay = .help(scroll: max(0, scroll - 10))
        default: break
        }
        return []
    }

    /// " · KEY does this" naming the action's current first key, or nothing when it has no key.
    func hint(_ action: Action, _ what: String) -> String {
        keyMap.label(action).map { " · \($0) \(what)" } ?? ""
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
