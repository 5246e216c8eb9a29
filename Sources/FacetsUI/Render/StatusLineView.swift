import FacetsCore

/// The bottom line: where you are, then the message or the keys that matter now.
enum StatusLineView {
    static func draw(_ state: AppState, rect: Rect, into screen: inout ScreenBuffer) {
        guard rect.height > 0, rect.width > 0 else { return }
        screen.fill(rect, style: CellStyle(.status))
        let right: [(String, Role)]
        if case .linkNumber(let digits) = state.mode {
            right = [("Follow link \(digits)_", .statusKey), ("  Enter go · Esc cancel", .status)]
        } else if let message = state.message {
            right = [(TerminalSafeText.sanitize(message), .statusMessage)]
        } else {
            right = hints(state).flatMap { [($0.0, Role.statusKey), (" " + $0.1 + "  ", Role.status)] }
        }
        let crumb = " " + breadcrumb(state) + " "
        let rightText = right.map(\.0).joined()
        let rightWidth = min(DisplayWidth.of(rightText), max(0, rect.width - 12))
        let crumbWidth = max(0, rect.width - rightWidth - 1)
        screen.put(TextWrapper.truncate(crumb, width: crumbWidth), row: rect.y, column: rect.x, style: CellStyle(.status, selected: false), maxColumn: rect.x + crumbWidth)
        var column = rect.maxX - rightWidth
        for (text, role) in right {
            column = screen.put(text, row: rect.y, column: column, style: CellStyle(role), maxColumn: rect.maxX)
        }
    }

    static func breadcrumb(_ state: AppState) -> String {
        var parts: [String] = []
        if let node = state.selectedNode { parts.append(node.title) }
        switch state.subject {
        case .note(let index): parts.append(TerminalSafeText.sanitize(state.vault.notes[index].title))
        case .missing(let name): parts.append("no note for \(TerminalSafeText.sanitize(name))")
        case .timeline(_, let seconds): parts.append(seconds.map { "timeline \(TimestampRef.format(seconds: $0))" } ?? "timeline")
        case .nothing: break
        }
        return parts.joined(separator: " › ")
    }

    static func hints(_ state: AppState) -> [(String, String)] {
        switch state.focus {
        case .tree: return [("j/k", "move"), ("Enter", "entries"), ("Tab", "pane"), ("?", "help"), ("q", "quit")]
        case .list: return [("j/k", "move"), ("Enter", "open"), ("Tab", "pane"), ("?", "help"), ("q", "quit")]
        case .detail:
            return [("Enter", "follow"), ("N⏎", "link #"), ("Bksp", "back"), ("t", "timeline"), ("?", "help")]
        }
    }
}
