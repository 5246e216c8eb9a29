import FacetsCore

/// Lays out what the detail pane (and `facets show`) displays: a note with numbered links and timestamps,
/// its backlinks and the statements said around a moment; a talk's timeline; a missing note's page.
/// All note text is made terminal-safe here, before it reaches any screen.
public struct DocumentLayout {
    public let vault: Vault
    public let width: Int
    public let glyphs: Glyphs
    private var document = RenderedDocument()
    /// The notes (and anchors) whose text is being laid out, outermost first: an embed of one of them
    /// again is a cycle, shown as a marker instead.
    private var embedding: [EmbedKey] = []
    /// Notes' blocks read for heading links and embeds, each once per layout.
    private var blocksRead: [Int: [Block]] = [:]
    /// Embeds inside embeds deeper than this show a marker: bounded work whatever the vault.
    static let embedDepthLimit = 4
    /// Rows past which a note's layout stops (a preview shows its top only): a note with 3,000 backlinks
    /// or 200 KB of text then costs the rows shown, not its whole length, on each move through a list.
    private let rowLimit: Int?

    struct EmbedKey: Hashable {
        var note: Int
        var anchor: String?
    }

    public init(vault: Vault, width: Int, glyphs: Glyphs = .unicode, rowLimit: Int? = nil) {
        self.vault = vault
        self.width = max(1, width)
        self.glyphs = glyphs
        self.rowLimit = rowLimit.map { max(1, $0) }
    }

    /// Whether the layout reached its row limit: what follows is not laid out. It goes a few rows past
    /// the limit first, since closing a quote or a callout can trade its last blank row for another.
    var isFull: Bool { rowLimit.map { document.lines.count >= $0 + Self.settlingRows } ?? false }
    static let settlingRows = 4

    // MARK: Documents

    /// A note: title, facts line, body, backlinks, and (when `moment` is given) what is said around it.
    /// With `rowLimit`, only the rows up to it (the document says it is incomplete when cut).
    public static func note(
        _ index: Int, vault: Vault, width: Int, glyphs: Glyphs = .unicode, moment: Int? = nil, rowLimit: Int? = nil
    ) -> RenderedDocument {
        var layout = DocumentLayout(vault: vault, width: width, glyphs: glyphs, rowLimit: rowLimit)
        layout.layoutNote(index, moment: moment)
        return layout.finished()
    }

    /// A talk's timeline, every statement followable; entries within 30 s of `seconds` are marked.
    /// `statements` are the talk's (`Vault.timelineStatements`) when the caller has them already.
    public static func timeline(
        videoId: String, seconds: Int?, vault: Vault, width: Int, glyphs: Glyphs = .unicode, statements: [TimelineStatement]? = nil
    ) -> RenderedDocument {
        var layout = DocumentLayout(vault: vault, width: width, glyphs: glyphs)
        layout.layoutTimeline(videoId: videoId, seconds: seconds, statements: statements ?? vault.timelineStatements(videoId: videoId))
        return layout.finished()
    }

    /// The page for a link target with no note: what it is, and who links to it.
    public static func missing(_ name: String, vault: Vault, width: Int, glyphs: Glyphs = .unicode) -> RenderedDocument {
        var layout = DocumentLayout(vault: vault, width: width, glyphs: glyphs)
        layout.layoutMissing(name)
        return layout.finished()
    }

    /// The document, every reference placed on a row (one never shown, e.g. cut from a table cell,
    /// stays at the end).
    func finished() -> RenderedDocument {
        var result = document
        if isFull {
            // Cut short: the rows past the limit and the references only they held are not there.
            result.isComplete = false
            result.lines.removeSubrange(min(result.lines.count, rowLimit ?? result.lines.count)...)
            while let last = result.refs.last, last.row >= result.lines.count { result.refs.removeLast() }
        }
        for k in result.refs.indices where result.refs[k].row == Int.max { result.refs[k].row = max(0, result.lines.count - 1) }
        return result
    }

    // MARK: Notes

    mutating func layoutNote(_ index: Int, moment: Int?) {
        let note = vault.notes[index]
        emit(wrap([Span(safe(note.title), .title)]))
        var facts: [String] = []
        if let kind = note.kind { facts.append(kind) }
        if let group = note.group { facts.append(group) }
        if let talk = vault.talk(ofNote: index), note.kind != "talk" { facts.append(talk.title) }
        if facts.isEmpty { facts.append(note.path) }
        emit(wrap([Span(safe(facts.joined(separator: " · ")), .dim)]))
        blank()
        embedding = [EmbedKey(note: index, anchor: nil)]
        layoutBody(of: index)
        if isFull { return }
        embedding = []
        layoutBacklinks(index)
        if isFull { return }
        if let moment, let video = note.videoId { layoutSaidAround(video: video, seconds: moment, note: index) }
        trimTrailingBlanks()
    }

    /// The note's blocks; a preview first tries its leading kilobytes and keeps that layout when it filled
    /// the rows before the last blocks read (those may read differently once the rest of the note follows).
    mutating func layoutBody(of index: Int) {
        if let rowLimit {
            let leading = vault.notes[index].readLeadingBlocks(bytes: rowLimit * max(width, 20) * 3)
            if !leading.whole {
                let before = document
                for block in leading.blocks.dropLast(2) {
                    layoutBlock(block, note: index, indent: 0)
                    if isFull { return }
                }
                document = before
            }
        }
        for block in blocks(of: index) {
            if isFull { return }
            layoutBlock(block, note: index, indent: 0)
        }
    }

    mutating func layoutBacklinks(_ index: Int) {
        let backlinks = vault.backlinks[index]
        blank()
        emit([DocLine([Span("Backlinks (\(backlinks.count))", .heading2)])])
        if backlinks.isEmpty {
            emit(wrap([Span("No note links here.", .dim)]))
            return
        }
        // A preview cut at its limit reads the backlinks' lines a chunk at a time and stops; a whole
        // layout reads them at once, each source line once however often it links here.
        let chunkSize = rowLimit == nil ? backlinks.count : Self.backlinkChunk
        var start = 0
        while start < backlinks.count, !isFull {
            let chunk = Array(backlinks[start..<min(backlinks.count, start + chunkSize)])
            start += chunk.count
            layoutBacklinkLines(chunk)
        }
    }

    /// Backlinks read per chunk while laying out a preview.
    static let backlinkChunk = 8

    mutating func layoutBacklinkLines(_ backlinks: [Backlink]) {
        for (backlink, context) in zip(backlinks, vault.contexts(of: backlinks)) {
            let source = vault.notes[backlink.source]
            let ref = addRef(.note(backlink.source, line: backlink.line), label: source.title)
            let pieces = [
                Span(safe(source.title), .link, ref: ref), Span("[\(ref + 1)]", .linkNumber, ref: ref),
                Span(context.isEmpty ? "" : ": " + safe(TextWrapper.truncate(context, width: 160)), .dim),
            ]
            emit(wrap(pieces, first: [Span(glyphs.bullet + " ")], rest: [Span("  ")]))
        }
    }

    mutating func layoutSaidAround(video: String, seconds: Int, note: Int) {
        let around = vault.saidAround(videoId: video, seconds: seconds, excludingNote: note)
        blank()
        emit([DocLine([Span("Said around \(TimestampRef.format(seconds: seconds)) (\(around.count))", .heading2)])])
        if around.isEmpty {
            emit(wrap([Span("Nothing else in the vault cites the 30 seconds around this moment.", .dim)]))
            return
        }
        for (entry, text) in zip(around, vault.statements(around)) { emitStatement(entry, text: text, marked: false) }
    }

    mutating func emitStatement(_ entry: TimelineEntry, text: String, marked: Bool) {
        let source = vault.notes[entry.note]
        let ref = addRef(.note(entry.note, line: entry.line), label: source.title)
        let time = TimestampRef.format(seconds: entry.seconds)
        let pieces = [
            Span(safe(source.title), .link, ref: ref), Span("[\(ref + 1)]", .linkNumber, ref: ref),
            Span(": " + safe(text)),
        ]
        let url = vault.talk(ofNote: entry.note)?.url(atSecond: entry.seconds)
        let lead = [Span(marked ? glyphs.timestamp : " ", .timestamp), Span(time, .timestamp, hyperlink: url), Span(" ", .timestamp)]
        emit(wrap(pieces, first: lead, rest: [Span(String(repeating: " ", count: DisplayWidth.of(time) + 2))]))
    }

    // MARK: Timeline and missing pages

    mutating func layoutTimeline(videoId: String, seconds: Int?, statements: [TimelineStatement]) {
        let talk = vault.talk(videoId: videoId) ?? Talk(videoId: videoId, title: "Talk \(videoId)", url: "https://www.youtube.com/watch?v=\(videoId)")
        emit(wrap([Span(safe(talk.title), .title)]))
        let url = seconds.map { talk.url(atSecond: $0) } ?? talk.url
        let urlRef = addRef(.url(url), label: url)
        emit(wrap([Span(safe(url), .link, ref: urlRef, hyperlink: url), Span("[\(urlRef + 1)]", .linkNumber, ref: urlRef)]))
        let heading =
            seconds.map { "Timeline at \(TimestampRef.format(seconds: $0)) (\(statements.count) statements)" }
            ?? "Timeline (\(statements.count) statements)"
        blank()
        emit(wrap([Span(heading, .heading2)]))
        document.statementRows.reserveCapacity(statements.count)
        for statement in statements {
            let marked = seconds.map { abs(statement.entry.seconds - $0) <= 30 } ?? false
            document.statementRows.append(document.lines.count)
            emitStatement(statement.entry, text: statement.text, marked: marked)
        }
    }

    mutating func layoutMissing(_ name: String) {
        emit(wrap([Span("No note for “\(safe(name))”", .title)]))
        emit(wrap([Span("The vault has no entry with this name, title or alias. These notes link to it:", .dim)]))
        blank()
        let key = NameKeys.loose(name)
        let links = vault.missing.first { NameKeys.loose($0.key) == key }?.value ?? []
        for (backlink, context) in zip(links, vault.contexts(of: links)) {
            let source = vault.notes[backlink.source]
            let ref = addRef(.note(backlink.source, line: backlink.line), label: source.title)
            emit(
                wrap(
                    [
                        Span(safe(source.title), .link, ref: ref), Span("[\(ref + 1)]", .linkNumber, ref: ref),
                        Span(": " + safe(TextWrapper.truncate(context, width: 160)), .dim),
                    ],
                    first: [Span(glyphs.bullet + " ")], rest: [Span("  ")]))
        }
        if links.isEmpty { emit(wrap([Span("(no links found)", .dim)])) }
    }

    // MARK: Blocks

    mutating func layoutBlock(_ block: Block, note: Int, indent: Int, prefix: [Span] = []) {
        let available = width - indent
        let pad = [Span(String(repeating: " ", count: indent))] + prefix
        switch block {
        case .heading(let level, let content, let line):
            // Within a quote, a callout or an embed, the blank line above a heading keeps their bar.
            if !(document.lines.last?.spans.isEmpty ?? true) { blank(within: prefix) }
            let role: Role = level == 1 ? .heading1 : level == 2 ? .heading2 : .heading3
            let pieces = self.pieces(content, note: note, role: role)
            let lines = wrap(pieces, first: pad, rest: pad, sourceLine: line)
            emit(lines)
            if level <= 2 {
                let w = min(available, lines.map(\.width).max() ?? 0)
                emit([
                    DocLine(
                        pad + [Span(String(repeating: level == 1 ? glyphs.doubleRule : glyphs.rule, count: max(0, w - indent)), .dim)],
                        sourceLine: line)
                ])
            }
        case .paragraph(let content, let line):
            // `^id` alone names the block above; like Obsidian's reading view, it is not shown.
            if LinkAnchor.isBlockIDLine(content) { return }
            layoutFlow(content, note: note, first: pad, rest: pad, sourceLine: line)
            blank(within: prefix)
        case .list(_, let items, _):
            for item in items where !isFull {
                let marker = item.marker == "•" ? glyphs.bullet : item.marker
                let hang = String(repeating: " ", count: DisplayWidth.of(marker) + 1)
                layoutFlow(item.content, note: note, first: pad + [Span(marker + " ", .dim)], rest: pad + [Span(hang)], sourceLine: item.line)
                for child in item.children {
                    layoutBlock(child, note: note, indent: indent + DisplayWidth.of(marker) + 1, prefix: prefix)
                }
            }
            if indent == 0 || !prefix.isEmpty { blank(within: prefix) }
        case .quote(let content, _):
            for inner in content where !isFull {
                layoutBlock(inner, note: note, indent: 0, prefix: pad + [Span(glyphs.quote + " ", .quote)])
            }
            trimTrailingBlank(prefix: pad + [Span(glyphs.quote + " ", .quote)])
            blank(within: prefix)
        case .callout(let kind, let title, let folded, let content, let line):
            let bar = Span(glyphs.callout + " ", .callout)
            var heading = pieces(title, note: note, role: .callout)
            if heading.isEmpty { heading = [Span(safe(kind.prefix(1).uppercased() + kind.dropFirst()), .callout)] }
            if folded { heading.append(Span(" (folded)", .dim)) }
            emit(wrap(heading, first: pad + [bar], rest: pad + [bar], sourceLine: line))
            for inner in content where !isFull { layoutBlock(inner, note: note, indent: 0, prefix: pad + [bar]) }
            trimTrailingBlank(prefix: pad + [bar])
            blank(within: prefix)
        case .code(_, let text, let line), .math(let text, let line):
            var offset = 0
            for codeLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if isFull { break }
                emit(
                    wrap(
                        [Span(safe(String(codeLine)), .code)], first: pad + [Span("  ")], rest: pad + [Span("  ")],
                        sourceLine: line + 1 + offset))
                offset += 1
            }
            blank(within: prefix)
        case .rule(let line):
            emit([DocLine(pad + [Span(String(repeating: glyphs.rule, count: max(0, available - prefixWidth(prefix))), .dim)], sourceLine: line)])
            blank(within: prefix)
        case .table(let header, let rows, let line):
            layoutTable(header: header, rows: rows, note: note, pad: pad, line: line)
            blank(within: prefix)
        }
    }

    mutating func layoutTable(header: [[Inline]], rows: [[[Inline]]], note: Int, pad: [Span], line: Int) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let all = [header] + rows
        let cellPieces: [[[Span]]] = all.map { row in
            (0..<columns).map { c in c < row.count ? pieces(row[c], note: note) : [] }
        }
        var widths = (0..<columns).map { c in cellPieces.map { $0[c].reduce(0) { $0 + $1.width } }.max() ?? 0 }
        let available = width - prefixWidth(pad) - (columns - 1) * 3
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }
        for (r, row) in cellPieces.enumerated() where !isFull {
            var spans = pad
            for c in 0..<columns {
                if c > 0 { spans.append(Span(" \(glyphs.vertical) ", .dim)) }
                spans += clip(row[c], width: widths[c], role: r == 0 ? .strong : nil)
            }
            emit([DocLine(spans, sourceLine: line + (r == 0 ? 0 : r + 1))])
            if r == 0 {
                let rule = widths.map { String(repeating: glyphs.horizontal, count: $0) }
                    .joined(separator: glyphs.horizontal + glyphs.cross + glyphs.horizontal)
                emit([DocLine(pad + [Span(rule, .dim)], sourceLine: line + 1)])
            }
        }
    }

    /// Pieces cut to a width (with `…`) and padded to it.
    func clip(_ pieces: [Span], width: Int, role: Role?) -> [Span] {
        var out: [Span] = []
        var used = 0
        for piece in pieces {
            let text = piece.text.replacingNewlines()
            let w = DisplayWidth.of(text)
            if used + w <= width {
                out.append(Span(text, role ?? piece.role, ref: piece.ref, hyperlink: piece.hyperlink))
                used += w
            } else {
                let cut = TextWrapper.truncate(text, width: width - used)
                out.append(Span(cut, role ?? piece.role, ref: piece.ref))
                used += DisplayWidth.of(cut)
                break
            }
        }
        if used < width { out.append(Span(String(repeating: " ", count: width - used))) }
        return out
    }

    // MARK: Inlines

    /// Inline content as styled pieces, links and timestamps numbered as they are met.
    mutating func pieces(_ inlines: [Inline], note: Int, role: Role = .normal) -> [Span] {
        var out: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let s): out.append(Span(safe(s), role))
            case .strong(let inner): out += pieces(inner, note: note, role: role == .normal ? .strong : role)
            case .emphasis(let inner): out += pieces(inner, note: note, role: role == .normal ? .emphasis : role)
            case .code(let s): out.append(Span(safe(s), .code))
            case .lineBreak: out.append(Span("\n"))
            case .link(let text, let url):
                let safeURL = safe(url)
                let ref = addRef(.url(safeURL), label: safeURL)
                let label = pieces(text, note: note, role: .link).map { Span($0.text, .link, ref: ref, hyperlink: safeURL) }
                out += label + [Span("[\(ref + 1)]", .linkNumber, ref: ref)]
            case .tag(let name): out.append(Span("#" + safe(name), .tag))
            case .wikiLink(let link):
                let target = vault.resolve(link, from: note)
                let refTarget: RefTarget
                let linkRole: Role
                switch target {
                case .note(let index):
                    // `[[Note#Heading]]`, `[[#Heading]]`, `[[Note#^block]]`: opened at that line.
                    refTarget = .note(index, line: link.heading.flatMap { LinkAnchor.line(of: $0, in: blocks(of: index)) })
                    linkRole = .link
                case .missing(let name):
                    refTarget = .missing(name)
                    // An embedded attachment (`![[chart.png]]`) is a file, not a missing note: shown by its name.
                    linkRole = link.isEmbed && Self.isAttachment(name) ? .link : .missingLink
                }
                let ref = addRef(refTarget, label: link.label)
                if case .note(_, line: nil) = refTarget, let anchor = link.heading, !anchor.isEmpty {
                    document.refs[ref].missingAnchor = anchor
                }
                out.append(Span(safe(link.label), linkRole, ref: ref))
                out.append(Span("[\(ref + 1)]", .linkNumber, ref: ref))
            case .timestamp(let stamp):
                let seconds = vault.seconds(of: stamp, inNote: note)
                let video = vault.notes[note].videoId
                let ref = addRef(
                    video.map { .moment(videoId: $0, seconds: seconds, note: note) } ?? .missing("talk of \(vault.notes[note].stem)"),
                    label: TimestampRef.format(seconds: seconds))
                let url = video == nil ? nil : vault.talk(ofNote: note)?.url(atSecond: seconds)
                out.append(Span(glyphs.timestamp + TimestampRef.format(seconds: seconds), .timestamp, ref: ref, hyperlink: url))
                // Numbered in the timestamp's own colour: "▸00:07:27[1]" reads as one thing to follow, and
                // a note with a moment on every line sends two colour changes a moment fewer.
                out.append(Span("[\(ref + 1)]", .timestamp, ref: ref))
            }
        }
        return out
    }

    // MARK: Embeds

    /// The blocks of note `index`, read once per layout.
    mutating func blocks(of index: Int) -> [Block] {
        if let read = blocksRead[index] { return read }
        let read = vault.notes[index].readBlocks()
        blocksRead[index] = read
        return read
    }

    /// A target naming a file other than a note: it has an extension, and it is not `.md`.
    static func isAttachment(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex else { return false }
        let ext = name[name.index(after: dot)...]
        return !ext.contains("/") && !ext.contains(" ") && ext.lowercased() != "md"
    }

    /// A paragraph's or list item's text with its embeds in place, as Obsidian shows them: the text up to
    /// each `![[Note]]` (its name a followable link), the embedded part behind a bar, then the text after
    /// it. Embeds inside emphasis show below the text. The block id at the end is not shown.
    mutating func layoutFlow(_ content: [Inline], note: Int, first: [Span], rest: [Span], sourceLine: Int?) {
        var segment: [Inline] = []
        var metEmbed = false
        var nested: [WikiLink] = []
        for inline in LinkAnchor.strippingBlockID(content) {
            switch inline {
            case .strong(let inner), .emphasis(let inner): nested += Self.embeds(in: inner)
            default: break
            }
            segment.append(inline)
            guard case .wikiLink(let link) = inline, link.isEmbed, case .note = vault.resolve(link, from: note) else { continue }
            emit(wrap(pieces(segment, note: note), first: metEmbed ? rest : first, rest: rest, sourceLine: sourceLine))
            layoutEmbed(link, note: note, prefix: rest)
            segment = []
            metEmbed = true
        }
        if !metEmbed {
            emit(wrap(pieces(segment, note: note), first: first, rest: rest, sourceLine: sourceLine))
        } else if let after = Self.droppingLeadingSpace(segment) {
            emit(wrap(pieces(after, note: note), first: rest, rest: rest, sourceLine: sourceLine))
        }
        for link in nested { layoutEmbed(link, note: note, prefix: rest) }
    }

    /// The text after an embed, its leading spaces gone; nil when nothing but spaces is left.
    static func droppingLeadingSpace(_ inlines: [Inline]) -> [Inline]? {
        var out = inlines
        while case .text(let text)? = out.first {
            let trimmed = String(text.drop { $0.isWhitespace })
            if trimmed.isEmpty {
                out.removeFirst()
            } else {
                out[0] = .text(trimmed)
                break
            }
        }
        return out.isEmpty ? nil : out
    }

    /// What an `![[Note]]` or `![[Note#Heading]]` embed names, behind a bar: the note's text, or the
    /// heading's section, or the block. An embed of a note already being shown above it (a cycle) and
    /// embeds nested too deep show a marker instead.
    mutating func layoutEmbed(_ link: WikiLink, note: Int, prefix: [Span]) {
        guard !isFull, case .note(let index) = vault.resolve(link, from: note) else { return }
        let bar = prefix + [Span(glyphs.quote + " ", .dim)]
        let key = EmbedKey(note: index, anchor: link.heading.map(NameKeys.loose))
        let title = safe(vault.notes[index].title) + (link.heading.map { " › " + safe($0) } ?? "")
        if embedding.contains(key) {
            emit(wrap([Span("embed cycle: \(title) is already shown above", .dim)], first: bar, rest: bar))
            return
        }
        if embedding.count > Self.embedDepthLimit {
            emit(
                wrap(
                    [Span(glyphs.ellipsis + " \(title): embeds nested deeper than \(Self.embedDepthLimit) are not shown", .dim)], first: bar,
                    rest: bar))
            return
        }
        let all = blocks(of: index)
        let shown: [Block]
        if let anchor = link.heading {
            guard let section = LinkAnchor.section(anchor, in: all) else {
                emit(wrap([Span("\(title): no such heading or block", .dim)], first: bar, rest: bar))
                return
            }
            shown = section
        } else {
            shown = all
        }
        embedding.append(key)
        emit(wrap([Span(title, .strong)], first: bar, rest: bar))
        for block in shown where !isFull { layoutBlock(block, note: index, indent: 0, prefix: bar) }
        trimTrailingBlank(prefix: bar)
        embedding.removeLast()
    }

    /// The embeds among inlines, in order (also inside emphasis).
    static func embeds(in inlines: [Inline]) -> [WikiLink] {
        var found: [WikiLink] = []
        for inline in inlines {
            switch inline {
            case .wikiLink(let link) where link.isEmbed: found.append(link)
            case .strong(let inner), .emphasis(let inner): found += embeds(in: inner)
            default: continue
            }
        }
        return found
    }

    // MARK: Lines

    mutating func addRef(_ target: RefTarget, label: String) -> Int {
        // The row is known once the wrapped line holding it is emitted (see `emit`).
        document.refs.append(DocRef(target: target, row: Int.max, label: label))
        return document.refs.count - 1
    }

    mutating func emit(_ lines: [DocLine]) {
        // Refs are numbered before their row is known; fix their rows as lines land.
        for wide in lines {
            let line = fitted(wide)
            let row = document.lines.count
            for span in line.spans {
                if let ref = span.ref, document.refs[ref].row > row { document.refs[ref].row = row }
            }
            document.lines.append(line)
        }
    }

    /// A line cut to the width (rules, table rows and deep prefixes can ask for more than there is).
    func clipped(_ line: DocLine) -> DocLine {
        var out = DocLine(sourceLine: line.sourceLine)
        var used = 0
        for span in line.spans {
            var text = ""
            for character in span.text {
                let w = DisplayWidth.of(String(character))
                if used + w > width { break }
                text.append(character)
                used += w
            }
            if !text.isEmpty { out.spans.append(Span(text, span.role, ref: span.ref, hyperlink: span.hyperlink)) }
            if used >= width { break }
        }
        return out
    }

    func wrap(_ pieces: [Span], first: [Span] = [], rest: [Span] = [], sourceLine: Int? = nil) -> [DocLine] {
        TextWrapper.wrap(pieces, width: width, first: first, rest: rest, sourceLine: sourceLine)
    }

    /// A blank line inside quotes and callouts: their bars, cut to the width like every line (deeply nested
    /// quotes have bars wider than a narrow pane; the fuzzer found them drawn past its edge).
    mutating func blank(within prefix: [Span] = []) {
        let line = fitted(DocLine(prefix))
        if let last = document.lines.last, isBlank(last, prefix: prefix, fitted: line) || (prefix.isEmpty && last.spans.isEmpty) { return }
        if document.lines.isEmpty { return }
        document.lines.append(line)
    }

    mutating func trimTrailingBlank(prefix: [Span]) {
        if let last = document.lines.last, isBlank(last, prefix: prefix, fitted: fitted(DocLine(prefix))) { document.lines.removeLast() }
    }

    /// Whether a line is a blank line within `prefix`. Once cut to the width, a line of text can look like
    /// its bars alone; a blank line has no source line, so the two are told apart.
    func isBlank(_ line: DocLine, prefix: [Span], fitted: DocLine) -> Bool {
        line.spans == fitted.spans && (fitted.spans == prefix || line.sourceLine == nil)
    }

    func fitted(_ line: DocLine) -> DocLine { line.width > width ? clipped(line) : line }

    mutating func trimTrailingBlanks() {
        while let last = document.lines.last, last.spans.allSatisfy({ $0.text.trimmed().isEmpty }) { document.lines.removeLast() }
    }

    func prefixWidth(_ prefix: [Span]) -> Int { prefix.reduce(0) { $0 + $1.width } }

    func safe(_ text: String) -> String { TerminalSafeText.sanitize(text) }
}

extension String {
    func trimmed() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }

    func replacingNewlines() -> String { contains("\n") ? split(separator: "\n").joined(separator: " ") : self }
}
