import FacetsCore

/// The bottom line: where you are, then the message or the keys that matter now.
enum StatusLineView {
    static func draw(_ state: AppState, rect: Rect, into screen: inout ScreenBuffer) {
        guard rect.height > 0, rect.width > 0 else { return }
        screen.fill(rect, style: CellStyle(.status))
        if case .typing(let field) = state.mode, field != .global {
            drawPrompt(state, field: field, rect: rect, into: &screen)
            return
        }
        let right: [(String, Role)]
        if case .linkNumber(let digits) = state.mode {
            right = [("Follow link \(digits)_", .statusKey), ("  Enter go · Esc cancel", .status)]
        } else if state.workshop.presenting {
            right = captions(state)
        } else if let message = state.message {
            right = [(TerminalSafeText.sanitize(message), .statusMessage)]
        } else {
            right = hints(state).flatMap { [($0.0, Role.statusKey), (" " + $0.1 + "  ", Role.status)] }
        }
        // In presenter mode the right side always captions the keys; a message then takes the left side.
        var left = breadcrumb(state)
        if state.presenting, case .normal = state.mode, let message = state.message { left = TerminalSafeText.sanitize(message) }
        let crumb = " " + left + " "
        let rightText = right.map(\.0).joined()
        // The last column stays empty: writing the bottom-right cell scrolls some terminals.
        let end = rect.maxX - 1
        let rightWidth = min(DisplayWidth.of(rightText), max(0, rect.width - 12))
        let crumbWidth = max(0, end - rightWidth - 1 - rect.x)
        screen.put(
            TextWrapper.truncate(crumb, width: crumbWidth), row: rect.y, column: rect.x,
            style: CellStyle(state.presenting && state.message != nil ? .statusMessage : .status), maxColumn: rect.x + crumbWidth)
        var column = end - rightWidth
        for (text, role) in right {
            column = screen.put(text, row: rect.y, column: column, style: CellStyle(role), maxColumn: end)
        }
    }

    /// `/query` with the cursor after it, and what the accept and cancel keys in force do.
    static func drawPrompt(_ state: AppState, field: SearchField, rect: Rect, into screen: inout ScreenBuffer) {
        let query = TerminalSafeText.sanitize(field == .listFilter ? state.list.filter?.query ?? "" : state.detail.find?.query ?? "")
        let entries = state.list.entries.count, lines = state.detail.find?.matches.count ?? 0
        let count = field == .listFilter ? "\(entries) match\(entries == 1 ? "" : "es")" : "\(lines) line\(lines == 1 ? "" : "s")"
        let help = "  " + ([count] + promptHints(state.keyMap, accept: "keep", cancel: "cancel")).joined(separator: " · ") + " "
        // Up to 3/5 of the line: "Ctrl-G cancel" and the count still fit at 80 columns.
        let helpWidth = min(DisplayWidth.of(help), max(0, rect.width * 3 / 5))
        let room = max(1, rect.width - helpWidth - 2)
        // Show the end of a long query, where the typing happens.
        var shown = query
        while DisplayWidth.of(shown) > room - 1, !shown.isEmpty { shown.removeFirst() }
        let end = screen.put("/" + shown, row: rect.y, column: rect.x, style: CellStyle(.statusKey), maxColumn: rect.x + room + 1)
        screen.cursor = (rect.y, min(end, rect.maxX - 1))
        screen.put(
            TextWrapper.truncate(help, width: helpWidth), row: rect.y, column: rect.maxX - helpWidth, style: CellStyle(.status), maxColumn: rect.maxX)
    }

    /// "Enter keep", "Esc cancel" as the key map binds them (rebound keys show; an unbound one is left out).
    static func promptHints(_ map: KeyMap, accept: String, cancel: String) -> [String] {
        [map.label(.promptAccept).map { "\($0) \(accept)" }, map.label(.cancel).map { "\($0) \(cancel)" }].compactMap { $0 }
    }

    /// Presenter mode: the last keys pressed and what they did, so a room can follow.
    static func captions(_ state: AppState) -> [(String, Role)] {
        var out: [(String, Role)] = []
        for entry in state.workshop.recentKeys.suffix(4) {
            out.append((entry.key, .statusKey))
            out.append((entry.caption.isEmpty ? "  " : " \(entry.caption)  ", .status))
        }
        return out
    }

    static func breadcrumb(_ state: AppState) -> String {
        var parts: [String] = []
        if state.following == true { parts.append("following the presenter") }
        if let tour = state.tour { parts.append("Tour \(tour.progress)") }
        if let node = state.selectedNode { parts.append(TerminalSafeText.sanitize(node.title)) }
        switch state.detail.subject {
        case .note(let index): parts.append(TerminalSafeText.sanitize(state.vault.notes[index].title))
        case .missing(let name): parts.append("no note for \(TerminalSafeText.sanitize(name))")
        case .removed(let title, _): parts.append("\(TerminalSafeText.sanitize(title)) (removed)")
        case .timeline(_, let seconds): parts.append(seconds.map { "timeline \(TimestampRef.format(seconds: $0))" } ?? "timeline")
        case .nothing: break
        }
        return parts.joined(separator: " › ")
    }

    /// The keys that matter now, named by the key map so rebound keys show as they are: the tour's during
    /// a tour, else those the focused view names.
    static func hints(_ state: AppState) -> [(String, String)] {
        let context = state.context(for: state.focus)
        let hints: [Hint]
        if state.tour != nil {
            hints = [
                context.hint(.tourNext, "next stop"), context.hint(.tourPrevious, "previous"), context.hint(.leaveTour, "leave tour"),
                context.hint(.help, "help"),
            ].compactMap { $0 }
        } else {
            hints = state.views[state.focus]?.hints(in: context) ?? []
        }
        return hints.map { ($0.key, $0.what) }
    }

    /// Key names short enough for the status line.
    static func shortName(_ key: Key) -> String {
        key == .backspace ? "Bksp" : key.displayName
    }
}
