import FacetsCore

/// The entry (or a talk's timeline, or the "no note for X" page) with a line cursor; the links on the
/// cursor's line are lit and followable.
public struct DetailView: ExplorerView {
    public var id: ViewID { .detail }
    public var keyContext: KeyContext { .detail }
    /// A timeline brings its strip's keys, ahead of the detail pane's.
    public var keyContexts: [KeyContext] { strip == nil ? [.detail] : [.timeline, .detail] }
    /// Columns left of the text for the line cursor: moving it redraws two cells, not two lines.
    static let gutter = 1

    public private(set) var subject: DetailSubject = .nothing
    /// The subject laid out for the pane's width; the reconcile step keeps it current.
    public private(set) var document = RenderedDocument()
    /// The talk moment whose neighbours the note's "said around" section lists.
    public private(set) var moment: Int?
    public private(set) var cursor = 0
    public private(set) var scroll = 0
    /// `/` in this pane: the find in force, if any.
    public private(set) var find: DetailFind?
    /// A timeline's strip, laid out with its document (nil for other subjects).
    private(set) var strip: TimelineStripPanel?
    private var documentKey: DocumentKey?
    /// Where the cursor goes once the subject is laid out.
    private var placement: Placement?

    enum Placement: Equatable, Sendable {
        /// A line of the note's file (a search hit, a heading link).
        case sourceLine(Int)
        /// A timeline opens on its first marked statement.
        case firstMarked
        /// A row the cursor was moved towards: past the end of the document as laid out around the new
        /// cursor, it lands on the last line however long the document then becomes.
        case towards(Int)
        /// A saved cursor and scroll (history).
        case exactly(cursor: Int, scroll: Int)
    }

    struct DocumentKey: Equatable, Sendable {
        var subject: DetailSubject
        var width: Int
        var ascii: Bool
        var moment: Int?
        /// The preview's row limit the document was laid out to (nil: the whole subject).
        var rowLimit: Int?

        /// The same text, whatever row limit: a whole document needs no second layout for another limit.
        func sameText(as other: DocumentKey) -> Bool {
            subject == other.subject && width == other.width && ascii == other.ascii && moment == other.moment
        }
    }

    public init() {}

    /// The strip's cell of the statement at the line cursor: the strip's cursor.
    public var stripCell: Int? { strip?.cell(atRow: cursor) }

    /// Rows above the document that the strip takes in a content area `height` rows high.
    func stripRows(height: Int) -> Int { strip == nil ? 0 : TimelineStripPanel.rows(forHeight: height) }

    /// Rows of the document that show in the frame below the strip.
    func documentHeight(_ frame: Layout.Frame) -> Int { frame.content.height - stripRows(height: frame.content.height) }

    /// The references on the cursor's row.
    public var refsOnCursorRow: [Int] { document.refs(onRow: cursor) }

    public func title(in context: ViewContext) -> String {
        switch subject {
        case .nothing: return "Detail"
        case .note(let index): return TerminalSafeText.sanitize(context.vault.notes[index].title)
        case .missing: return "Missing note"
        case .removed(let title, _): return TerminalSafeText.sanitize(title) + " (removed)"
        case .timeline(_, let seconds?): return "Timeline at \(TimestampRef.format(seconds: seconds))"
        case .timeline: return "Timeline"
        }
    }

    // MARK: Actions

    public mutating func handle(_ action: Action, in context: ViewContext) -> [ViewRequest]? {
        switch action {
        case .moveDown: moveCursor(to: cursor + 1)
        case .moveUp: moveCursor(to: cursor - 1)
        case .pageDown: moveCursor(to: cursor + max(1, documentHeight(context.frame) - 1))
        case .pageUp: moveCursor(to: cursor - max(1, documentHeight(context.frame) - 1))
        case .timelineNext, .timelinePrevious:
            guard let strip else { return nil }
            return moveAlongStrip(strip, forward: action == .timelineNext)
        case .top: moveCursor(to: 0)
        case .bottom: moveCursor(to: Int.max / 2)
        case .open:
            guard let ref = refsOnCursorRow.first else {
                return [.message("No link on this line · type a link's number and Enter")]
            }
            return follow(ref, vault: context.vault)
        case .copyLink:
            guard let ref = refsOnCursorRow.first else { return nil }
            let text: String
            switch document.refs[ref].target {
            case .note(let index, _): text = "[[\(context.vault.notes[index].stem)]]"
            case .missing(let name): text = "[[\(name)]]"
            case .moment(let video, let seconds, _):
                text = (context.vault.talk(videoId: video) ?? Talk(videoId: video, title: "", url: "")).url(atSecond: seconds)
            case .url(let url): text = url
            }
            return [.message("Copied \(TerminalSafeText.sanitize(text))"), .effect(.copyToClipboard(text))]
        case .cancel:
            guard find != nil else { return nil }
            find = nil
        case .nextMatch, .previousMatch:
            guard let find, !find.matches.isEmpty else { return nil }
            let rows = find.matches.map(\.row)
            cursor = action == .nextMatch ? (rows.first { $0 > cursor } ?? rows[0]) : (rows.last { $0 < cursor } ?? rows[rows.count - 1])
        default: return nil
        }
        return []
    }

    /// The talk at the moment the cursor is on, as a link a browser opens: a timestamp on the cursor's
    /// line, else the note's moment at the cursor, else the moment a timeline was opened at.
    public func momentURL(vault: Vault) -> String? {
        for ref in refsOnCursorRow {
            guard case .moment(let video, let seconds, _) = document.refs[ref].target else { continue }
            return Self.url(video: video, seconds: seconds, vault: vault)
        }
        switch subject {
        case .note(let index):
            guard let video = vault.notes[index].videoId, let moment else { return nil }
            return Self.url(video: video, seconds: moment, vault: vault)
        case .timeline(let video, let seconds?): return Self.url(video: video, seconds: seconds, vault: vault)
        default: return nil
        }
    }

    static func url(video: String, seconds: Int, vault: Vault) -> String {
        (vault.talk(videoId: video) ?? Talk(videoId: video, title: "", url: "")).url(atSecond: seconds)
    }

    /// Moves the line cursor to the first statement of the next (or previous) cell of the strip that
    /// holds any, listing that cell's statements from the top of the pane.
    mutating func moveAlongStrip(_ strip: TimelineStripPanel, forward: Bool) -> [ViewRequest] {
        let current = strip.cell(atRow: cursor)
        let target =
            forward
            ? strip.strip.cellWithMoments(after: current ?? -1)
            : strip.strip.cellWithMoments(before: current ?? strip.strip.buckets.count)
        guard let target, let row = strip.firstRow(ofCell: target) else {
            return [.message(forward ? "No later moment in this talk" : "No earlier moment in this talk")]
        }
        cursor = row
        scroll = row
        return []
    }

    /// Follows numbered reference `ref` of the document.
    func follow(_ ref: Int, vault: Vault) -> [ViewRequest] {
        guard ref >= 0, ref < document.refs.count else { return [.message("No link number \(ref + 1) here")] }
        switch document.refs[ref].target {
        case .note(let index, let line):
            guard let anchor = document.refs[ref].missingAnchor else { return [.openEntry(index, line: line)] }
            let title = TerminalSafeText.sanitize(vault.notes[index].title)
            let missing = TerminalSafeText.sanitize(anchor)
            return [.openEntry(index, line: line), .message("\(title) has no heading or block “\(missing)”: opened at its top")]
        case .missing(let name): return [.open(.missing(name))]
        case .moment(let video, let seconds, _): return [.open(.timeline(videoId: video, seconds: seconds))]
        case .url(let url): return [.message("Copied \(url)"), .effect(.copyToClipboard(url))]
        }
    }

    public mutating func click(row: Int, double: Bool, in context: ViewContext) -> [ViewRequest] {
        let above = stripRows(height: context.frame.content.height)
        guard row >= above else { return [] }
        moveCursor(to: scroll + row - above)
        return double ? handle(.open, in: context) ?? [] : []
    }

    /// The wheel scrolls the text; the line cursor stays on a visible line.
    public mutating func scroll(by lines: Int, in context: ViewContext) -> [ViewRequest] {
        let visible = max(1, documentHeight(context.frame))
        scroll = max(0, min(scroll + lines, max(0, document.lines.count - visible)))
        cursor = max(scroll, min(cursor, scroll + visible - 1))
        return []
    }

    mutating func moveCursor(to row: Int) {
        cursor = max(0, min(row, document.lines.count - 1))
        // Moving may change the moment and so the document's length: the reconcile step lands on the end
        // when the move reached past it.
        placement = .towards(row)
    }

    /// Shows a subject from its top, or at a line of a note's file.
    mutating func show(_ newSubject: DetailSubject, line: Int? = nil) {
        if newSubject != subject { find = nil }
        subject = newSubject
        moment = nil
        strip = nil
        documentKey = nil
        cursor = 0
        scroll = 0
        if let line {
            placement = .sourceLine(line)
        } else if case .timeline(_, _?) = newSubject {
            placement = .firstMarked
        } else {
            placement = nil
        }
    }

    /// Puts back a place from history: its subject at its cursor and scroll.
    mutating func restore(_ savedSubject: DetailSubject, cursor savedCursor: Int, scroll savedScroll: Int) {
        show(savedSubject)
        placement = .exactly(cursor: savedCursor, scroll: savedScroll)
    }

    /// Puts the cursor and scroll somewhere without laying out again (tests page through a document).
    mutating func place(cursor newCursor: Int, scroll newScroll: Int) {
        cursor = newCursor
        scroll = newScroll
    }

    // MARK: Vault changes

    /// The same subject in the new vault at the same cursor and scroll, laid out again; a note whose
    /// file went is shown as removed (and comes back should its file return).
    public mutating func vaultChanged(_ change: VaultChange, in context: ViewContext) {
        switch subject {
        case .note(let index):
            if let now = change.note(index) {
                subject = .note(now)
            } else if index < change.old.notes.count {
                let note = change.old.notes[index]
                subject = .removed(title: note.title, path: note.path)
            }
        case .removed(_, let path):
            if let now = change.note(path: path) { subject = .note(now) }
        case .nothing, .missing, .timeline: break
        }
        documentKey = nil
        placement = .exactly(cursor: cursor, scroll: scroll)
    }

    // MARK: Find

    mutating func startFind() { find = DetailFind(savedCursor: cursor, savedScroll: scroll) }

    mutating func editFind(_ change: (inout String) -> Void) {
        guard var current = find else { return }
        change(&current.query)
        find = current
    }

    mutating func runFind(_ query: SearchQuery) {
        guard var current = find else { return }
        current.matches = []
        if !query.isEmpty {
            for (row, line) in document.lines.enumerated() {
                let folded = TextFolding.fold(line.text, caseSensitive: query.caseSensitive)
                let ranges = SearchIndex.ranges(of: query.matchWords, in: folded)
                if !ranges.isEmpty { current.matches.append(FindMatch(row: row, ranges: ranges)) }
            }
        }
        find = current
        // Jump to the first match at or after where the search started.
        cursor = (current.matches.first { $0.row >= current.savedCursor } ?? current.matches.first)?.row ?? current.savedCursor
    }

    mutating func keepFind() { find?.editing = false }

    /// Esc: the find goes and the cursor returns to where it started.
    mutating func cancelFind() {
        if let current = find {
            cursor = current.savedCursor
            scroll = current.savedScroll
        }
        find = nil
    }

    mutating func dropFind() { find = nil }

    // MARK: Reconcile

    /// Lays the subject out for the frame, picks the moment at the cursor, places and clamps the cursor.
    public mutating func reconcile(in context: ViewContext) {
        // Laid out for the pane as it will be seen: when narrow layouts hide it, as if it had focus.
        // One column is the gutter where the line cursor shows.
        let frame = context.frame.visible ? context.frame : context.focusedFrame
        let width = max(1, frame.content.width - Self.gutter)
        let ascii = context.glyphs == .ascii
        layOut(width: width, ascii: ascii, context: context)
        if let placement {
            self.placement = nil
            switch placement {
            case .sourceLine(let line):
                if let row = document.row(forSourceLine: line) {
                    cursor = row
                    scroll = max(0, row - 2)
                }
            case .firstMarked:
                if let row = document.lines.firstIndex(where: { $0.spans.first?.text == context.glyphs.timestamp }) {
                    cursor = row
                    scroll = max(0, row - 2)
                }
            case .towards(let row):
                if row >= document.lines.count - 1 {
                    cursor = max(0, document.lines.count - 1)
                    layOut(width: width, ascii: ascii, context: context)
                    cursor = max(0, document.lines.count - 1)
                }
            case .exactly(let savedCursor, let savedScroll):
                cursor = savedCursor
                scroll = savedScroll
            }
            layOut(width: width, ascii: ascii, context: context)
        }
        cursor = max(0, min(cursor, document.lines.count - 1))
        scroll = ScrollPosition.keeping(scroll, cursor: cursor, visible: documentHeight(frame), count: document.lines.count)
    }

    /// Lays the subject out again when the subject, the width or the moment at the cursor changed.
    private mutating func layOut(width: Int, ascii: Bool, context: ViewContext) {
        let vault = context.vault
        if case .note(let index) = subject {
            let chosen = currentMoment(in: document, note: index)
            let limit = previewRowLimit(context)
            let key = DocumentKey(subject: subject, width: width, ascii: ascii, moment: chosen, rowLimit: limit)
            guard key != documentKey else { return }
            // A whole document serves a preview as it is.
            if document.isComplete, let laidOut = documentKey, laidOut.sameText(as: key) { return }
            let laidOutAfresh = documentKey?.subject != subject || documentKey?.width != width || !document.isComplete
            if laidOutAfresh && cursor == 0 {
                // At the top, the moment is the note's first timestamp (the title row holds none): one layout.
                moment = Self.firstMoment(of: index, vault: vault)
            } else if laidOutAfresh {
                // Elsewhere the first layout tells where the timestamps are; pick the moment from it. It is
                // the document itself when no "said around" section follows (no moment, or cut before it).
                let plain = DocumentLayout.note(index, vault: vault, width: width, glyphs: context.glyphs, rowLimit: limit)
                moment = currentMoment(in: plain, note: index) ?? (plain.isComplete ? nil : Self.firstMoment(of: index, vault: vault))
                if moment == nil || !plain.isComplete {
                    document = plain
                    documentKey = DocumentKey(subject: subject, width: width, ascii: ascii, moment: moment, rowLimit: limit)
                    return
                }
            } else {
                moment = chosen
            }
            document = DocumentLayout.note(index, vault: vault, width: width, glyphs: context.glyphs, moment: moment, rowLimit: limit)
            documentKey = DocumentKey(subject: subject, width: width, ascii: ascii, moment: moment, rowLimit: limit)
            return
        }
        let key = DocumentKey(subject: subject, width: width, ascii: ascii, moment: nil, rowLimit: nil)
        guard key != documentKey else { return }
        strip = nil
        switch subject {
        case .nothing, .note: document = RenderedDocument()
        case .missing(let name): document = DocumentLayout.missing(name, vault: vault, width: width, glyphs: context.glyphs)
        case .removed(let title, let path):
            document = DocumentLayout.removed(title: title, path: path, vault: vault, width: width, glyphs: context.glyphs)
        case .timeline(let video, let seconds):
            let statements = vault.timelineStatements(videoId: video)
            document = DocumentLayout.timeline(
                videoId: video, seconds: seconds, vault: vault, width: width, glyphs: context.glyphs, statements: statements)
            let moments = statements.map(\.entry.seconds)
            // The talk's known length; moments cited past it are drawn in the last cell.
            let length = vault.talkLength(videoId: video) ?? moments.max() ?? 0
            strip = TimelineStripPanel(seconds: moments, statementRows: document.statementRows, length: length, cells: width)
        }
        documentKey = key
    }

    /// Rows a note is laid out to when the pane previews it from its top, unfocused (moving through the
    /// tree or the list): two panes' worth. Nil (the whole note) once it is read, scrolled or placed.
    private func previewRowLimit(_ context: ViewContext) -> Int? {
        guard !context.focused, placement == nil, cursor == 0, scroll == 0, find == nil else { return nil }
        let frame = context.frame.visible ? context.frame : context.focusedFrame
        return 2 * max(1, frame.content.height) + 2
    }

    /// The note's first timestamp in its text: the moment at the top of its document, where the
    /// layout places the note's timestamps in the order they are written (PreviewLayoutTests).
    static func firstMoment(of note: Int, vault: Vault) -> Int? {
        guard vault.notes[note].videoId != nil, let stamp = vault.notes[note].firstTimestamp else { return nil }
        return vault.seconds(of: stamp, inNote: note)
    }

    /// The first moment on the cursor's line, else the last one above it, else the note's first.
    private func currentMoment(in document: RenderedDocument, note: Int) -> Int? {
        var best: Int?
        var first: Int?
        var onCursorRow: Int?
        for ref in document.refs {
            guard case .moment(_, let seconds, let from) = ref.target, from == note else { continue }
            if first == nil { first = seconds }
            if ref.row < cursor { best = seconds }
            if ref.row == cursor, onCursorRow == nil { onCursorRow = seconds }
        }
        return onCursorRow ?? best ?? first
    }

    // MARK: Drawing

    public func render(into screen: inout ScreenBuffer, in context: ViewContext) {
        let frame = context.frame
        let full = frame.content
        guard full.width > Self.gutter else { return }
        let above = stripRows(height: full.height)
        let focused = context.focused
        let stripCell = self.stripCell
        if let strip, above > 0 {
            let stripArea = Rect(x: full.x + Self.gutter, y: full.y, width: full.width - Self.gutter, height: full.height)
            strip.render(into: &screen, area: stripArea, cursorCell: stripCell, focused: focused, context: context)
        }
        let area = Rect(x: full.x + Self.gutter, y: full.y + above, width: full.width - Self.gutter, height: full.height - above)
        guard area.width > 0, area.height > 0 else { return }
        let lines = document.lines
        let highlighted = focused ? refsOnCursorRow.first : nil
        var hyperlinks: [String: Int] = [:]
        let findMatches = Dictionary((find?.matches ?? []).map { ($0.row, $0) }, uniquingKeysWith: { a, _ in a })
        for offset in 0..<area.height {
            let index = scroll + offset
            guard index < lines.count else { break }
            if focused && index == cursor {
                screen.put(context.glyphs.cursor, row: area.y + offset, column: full.x, style: CellStyle(.borderFocused))
            } else if let strip, above > 0, let stripCell, strip.cell(atRow: index) == stripCell {
                // The other statements of the strip's cell, marked beside the cursor's.
                screen.put(context.glyphs == .ascii ? ":" : "┆", row: area.y + offset, column: full.x, style: CellStyle(.timestamp))
            }
            // OSC 8 links only where they are wanted (the cursor's line, a talk URL): each costs bytes to send.
            let spans =
                focused && index == cursor
                ? lines[index].spans
                : lines[index].spans.map { span in
                    var plain = span
                    if span.role != .link { plain.hyperlink = nil }
                    return plain
                }
            Renderer.drawSpans(
                spans, row: area.y + offset, in: area, selected: false,
                highlightRef: highlighted, into: &screen, hyperlinks: &hyperlinks)
            if let match = findMatches[index] {
                Self.markMatches(match.ranges, line: lines[index], row: area.y + offset, in: area, into: &screen)
            }
        }
        // A scroll indicator in the right border when the document is longer than the pane.
        if lines.count > area.height, frame.outer.width > 2 {
            let position = Double(scroll) / Double(max(1, lines.count - area.height))
            let row = area.y + Int((Double(area.height - 1) * position).rounded())
            screen.put(
                context.glyphs == .ascii ? "#" : "┃", row: row, column: frame.outer.maxX - 1,
                style: CellStyle(focused ? .borderFocused : .border))
        }
    }

    /// Highlights the characters of a row that a find matched.
    static func markMatches(_ ranges: [Range<Int>], line: DocLine, row: Int, in area: Rect, into screen: inout ScreenBuffer) {
        var column = area.x
        for (offset, character) in line.text.enumerated() {
            let w = DisplayWidth.of(String(character))
            guard column + w <= area.maxX else { break }
            if w > 0, ranges.contains(where: { $0.contains(offset) }) {
                for c in column..<(column + w) { screen[row, c].style = CellStyle(.match) }
            }
            column += w
        }
    }

    public func hints(in context: ViewContext) -> [Hint] {
        let along =
            strip == nil
            ? nil
            : [context.keyMap.label(.timelinePrevious), context.keyMap.label(.timelineNext)].compactMap { $0 }.joined(separator: "/")
        return [
            along.flatMap { $0.isEmpty ? nil : Hint($0, "moments") },
            context.hint(.open, "follow"), Hint("N⏎", "link #"), context.hint(.back, "back"), context.hint(.timeline, "timeline"),
            context.hint(.help, "help"),
        ].compactMap { $0 }
    }
}
