import FacetsCore

extension AppState {
    /// Applies one key: the map from keys to actions depends on the mode, the overlay and the focused view.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            resize(width: w, height: h)
            return [.redrawAll]
        }
        message = nil
        let keepsFollowing = key == .control("c") || [Action.followPresenter, .quit].contains { $0 == action(for: key) }
        if workshop.following == true, !keepsFollowing {
            workshop.following = false
            message = "Stopped following the presenter" + hint(.followPresenter, "follows again")
        }
        if case .mouse(let event) = key { return handleMouse(event) }
        if case .typing(let field) = mode {
            workshop.noteKey(key, caption: "")
            return handleTypingKey(key, field: field)
        }
        if let overlay { return handleOverlayKey(key, overlay: overlay) }
        if case .linkNumber(let digits) = mode { return handleLinkNumberKey(key, digits: digits) }
        if focus == .detail, case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII {
            mode = .linkNumber(String(digit))
            noteKey(key, action: .followNumber)
            return []
        }
        guard let action = action(for: key) else {
            message = "\(key.displayName) does nothing here" + hint(.help, "shows the keys")
            return []
        }
        noteKey(key, action: action)
        return perform(action)
    }

    /// The action a key triggers here: the tour's keys during a tour, then the focused view's, then everywhere's.
    func action(for key: Key) -> Action? {
        keyMap.action(for: key, in: activeKeyContexts)
    }

    /// The key contexts in force outside prompts and overlays, most specific first.
    var activeKeyContexts: [KeyContext] {
        (workshop.tour != nil ? [.tour] : []) + (views[focus]?.keyContexts ?? []) + [.everywhere]
    }

    /// Applies one action: the focused view first, then what the explorer itself does; then one reconcile.
    public mutating func perform(_ action: Action) -> [Effect] {
        defer { reconcile() }
        let viewContext = context(for: focus)
        if let requests = updateAny(focus, { $0.handle(action, in: viewContext) }) ?? nil {
            return apply(requests, from: focus)
        }
        switch action {
        case .nextPane: focusNeighbour(1, wrapping: true)
        case .previousPane: focusNeighbour(-1, wrapping: true)
        case .paneLeft: focusNeighbour(-1, wrapping: false)
        case .paneRight: focusNeighbour(1, wrapping: false)
        case .focusTree: setFocus(.tree)
        case .focusList: setFocus(.list)
        case .focusDetail: setFocus(.detail)
        case .followNumber: mode = .linkNumber("")
        case .back: goBack()
        case .forward: goForward()
        case .timeline: openTimeline()
        case .copyLink: return copySelectedEntry()
        case .zoom: zoomed.toggle()
        case .cycleTheme:
            let all = Theme.Name.allCases
            let next = all[((all.firstIndex(of: theme.name) ?? 0) + 1) % all.count]
            setTheme(Theme(next))
            message = "Theme: \(next.rawValue)"
            return [.redrawAll]
        case .help: openOverlay(.help)
        case .redraw: return [.redrawAll]
        case .cancel:
            if list.filter != nil {
                update(.list, as: ListView.self) { $0.clearFilter(restoreSelection: false) }
                preview(list.selectedEntry)
            } else if zoomed {
                zoomed = false
            } else if panes.last != .detail {
                closeMainView()
            }
        case .togglePresenter:
            setPresenting(!workshop.presenting)
            message = workshop.presenting ? "Presenter mode" + hint(.togglePresenter, "leaves it") : "Presenter mode off"
            return [.redrawAll]
        case .followPresenter:
            if workshop.following == nil {
                message = "No presenter to follow in this session"
            } else {
                workshop.following = true
                message = "Following the presenter"
            }
        case .startTour: startDefaultTour()
        case .tourNext: moveTour(by: 1)
        case .tourPrevious: moveTour(by: -1)
        case .leaveTour: leaveTour()
        case .search: startSearch()
        case .globalSearch: startGlobalSearch()
        case .nextMatch: stepListMatch(1)
        case .previousMatch: stepListMatch(-1)
        case .quit: return [.quit]
        case .treeGrouping: return nextTreeGrouping()
        case .openMoment: return openMoment()
        case .openFile: return openFile()
        default:
            if let id = registry.view(openedBy: action) { openMainView(id) }
        }
        return []
    }

    /// Carries out what a view asked for.
    mutating func apply(_ requests: [ViewRequest], from source: ViewID = .detail) -> [Effect] {
        var effects: [Effect] = []
        for request in requests {
            switch request {
            case .selectNode:
                let node = tree.selectedNode
                update(.list, as: ListView.self) { $0.show(node: node) }
                preview(list.selectedEntry)
            case .preview(let subject): update(.detail, as: DetailView.self) { $0.show(subject) }
            case .open(let subject): jump { $0.showInDetail(subject) }
            case .recentre(let place): jump { $0.showNeighbourhood(place) }
            case .openEntry(let index, let line): jump { $0.openEntry(index, line: line) }
            case .focus(let id): setFocus(id)
            case .focusNeighbour(let delta): focusNeighbour(delta, wrapping: false)
            case .message(let text): message = text
            case .effect(let effect): effects.append(effect)
            case .close:
                if source == overlay { overlay = nil } else if source == panes.last { closeMainView() }
            }
        }
        return effects
    }

    // MARK: Focus and views

    mutating func setFocus(_ id: ViewID) {
        if panes.contains(id) { focus = id }
    }

    /// The view before or after the focused one in Tab order.
    mutating func focusNeighbour(_ delta: Int, wrapping: Bool) {
        guard let index = panes.firstIndex(of: focus), !panes.isEmpty else { return }
        let next = wrapping ? (index + delta + panes.count) % panes.count : max(0, min(panes.count - 1, index + delta))
        focus = panes[next]
    }

    mutating func openOverlay(_ id: ViewID) {
        guard let registration = registry.registrations.first(where: { $0.id == id }) else { return }
        views[id] = registration.make(vault)
        overlay = id
    }

    /// Shows a registered view in place of the main view, focused; Esc (cancel) brings the detail back.
    mutating func openMainView(_ id: ViewID) {
        guard views[id] != nil, !panes.isEmpty else { return }
        panes[panes.count - 1] = id
        focus = id
        let viewContext = context(for: id)
        updateAny(id) { $0.opened(in: viewContext) }
    }

    mutating func closeMainView() {
        guard !panes.isEmpty else { return }
        let closing = panes[panes.count - 1]
        panes[panes.count - 1] = .detail
        if focus == closing { focus = .detail }
    }

    /// The detail pane previews an entry (or nothing) in place.
    mutating func preview(_ entry: Int?) {
        update(.detail, as: DetailView.self) { $0.show(entry.map { .note($0) } ?? .nothing) }
    }

    /// Shows a subject in the detail pane and focuses it (bringing it back if another view took its place).
    mutating func showInDetail(_ subject: DetailSubject, line: Int? = nil) {
        if !panes.contains(.detail) { closeMainView() }
        update(.detail, as: DetailView.self) { $0.show(subject, line: line) }
        focus = .detail
    }

    // MARK: Following

    /// Opens an entry: selects it in the tree and the list, shows it, focuses the detail pane.
    mutating func openEntry(_ index: Int, line: Int? = nil) {
        // Opening an entry through a link leaves any list filter behind: the list shows where you are.
        if list.filter != nil, !list.holds(index) { update(.list, as: ListView.self) { $0.dropFilter() } }
        let currentHolds = list.filter != nil || (tree.selectedNode?.entries.contains(index) ?? false)
        if !currentHolds { update(.tree, as: TreeView.self) { $0.reveal(entry: index) } }
        let node = tree.selectedNode
        update(.list, as: ListView.self) { $0.select(entry: index, node: node) }
        showInDetail(.note(index), line: line)
    }

    mutating func openTimeline() {
        var video: String?
        var seconds: Int?
        switch detail.subject {
        case .note(let index):
            video = vault.notes[index].videoId
            seconds = detail.moment
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
        jump { $0.showInDetail(.timeline(videoId: video, seconds: seconds)) }
    }

    /// Moves somewhere as one history step; the place left is saved as it is now.
    mutating func jump(_ change: (inout AppState) -> Void) {
        history.replaceCurrent(location)
        change(&self)
        reconcile()
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
        update(.tree, as: TreeView.self) { $0.reveal(place.nodeID) }
        let node = tree.selectedNode
        update(.list, as: ListView.self) {
            $0.restore(node: node, filter: place.listFilter, entry: place.listEntry, scroll: place.listScroll)
        }
        if !panes.contains(.detail) { closeMainView() }
        update(.detail, as: DetailView.self) { $0.restore(place.subject, cursor: place.detailCursor, scroll: place.detailScroll) }
        if let neighbourhood = place.neighbourhood {
            showNeighbourhood(neighbourhood)
        } else if place.mainView != .detail, place.mainView != .neighbourhood {
            openMainView(place.mainView)
        }
        focus = panes.contains(place.focus) ? place.focus : .detail
        reconcile()
    }

    // MARK: Copy

    mutating func copySelectedEntry() -> [Effect] {
        guard let entry = list.selectedEntry else {
            message = "Nothing to copy here"
            return []
        }
        let text = "[[\(vault.notes[entry].stem)]]"
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
            return follow(number - 1)
        case .escape:
            mode = .normal
        default:
            mode = .normal
            return handle(key)
        }
        return []
    }

    mutating func handleOverlayKey(_ key: Key, overlay id: ViewID) -> [Effect] {
        // Ctrl-C quits from here as from a prompt; Esc and Enter close whatever the bindings say.
        if key == .control("c") { return [.quit] }
        let contexts = [views[id]?.keyContext, .everywhere].compactMap { $0 }
        guard let action = key == .escape || key == .enter ? .cancel : keyMap.action(for: key, in: contexts) else { return [] }
        let viewContext = context(for: id)
        let requests = updateAny(id) { $0.handle(action, in: viewContext) } ?? nil
        defer { reconcile() }
        return apply(requests ?? [], from: id)
    }

    mutating func noteKey(_ key: Key, action: Action?) {
        let caption = action.flatMap { action in keyMap.table.first { $0.action == action }?.caption } ?? ""
        workshop.noteKey(key, caption: caption)
    }

    /// " · KEY does this" naming the action's current first key, or nothing when it has no key.
    func hint(_ action: Action, _ what: String) -> String {
        keyMap.label(action).map { " · \($0) \(what)" } ?? ""
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
