import Foundation

/// A loaded vault: its notes and every relation between them (links, backlinks, talks, timelines, tree).
/// Built once; a pure value the UI and the CLI read from.
public struct Vault: Sendable {
    /// Where the notes came from, for messages ("bundled content" or a folder).
    public let origin: String
    public let notes: [Note]
    /// The files that are not notes (images, PDFs, `.base`, `.canvas`), listed but never read.
    public let attachments: [Attachment]
    /// Per note, per link (same order as `Note.links`): where it leads.
    public let linkTargets: LinkTargets
    /// Per note: the links that lead to it, in vault order.
    public let backlinks: PerNote<Backlink>
    /// Per missing target name (as first written): the links that name it.
    public let missing: [String: [Backlink]]
    /// Talks by video id, in channel-index order.
    public let talks: [Talk]
    /// The browsing tree at start, by the first grouping that applies (`BrowseTree.groupings`).
    public var tree: BrowseNode { browse.value.tree }
    /// The id of the grouping `tree` was built by ("facets", "folders", "talks").
    public var treeGrouping: String { browse.value.grouping }
    /// Everything found while loading: per file, per line.
    public let diagnostics: [Diagnostic]
    /// Every note once, in browse-tree order (sections first, "All notes" last): how lists and search tie-break.
    public var treeOrder: [Int] { browse.value.order }

    let resolver: LinkResolver
    /// The links the path steps left to the name steps, for a reload (see `KeptLinks`).
    let unsettledLinks: [UnsettledLink]
    let notesByVideo: [String: [Int]]
    let readings: TimestampReading.Readings
    let timelines: TimelineCache
    /// The tree and its order, built with the vault or when first asked for (`TreeTiming`).
    let browse: OnDemand<BrowseLayout>
    /// Where the notes came from, for `reloading(changed:)`.
    let loadedFrom: LoadedFrom

    /// A vault's source, the cache its file-backed notes read through, and when its tree is built (a
    /// reload builds it as the load did).
    struct LoadedFrom: Sendable {
        let source: NoteSource
        let cache: NoteFileCache
        var tree: TreeTiming = .withLoad
    }

    /// Builds every relation between notes already parsed (the load pipeline's last step, see
    /// `VaultLoad`). The link graph (names, targets, backlinks) and the talks (timestamps, talks, tree)
    /// need nothing of each other, so they are built side by side; the tree maybe later (`TreeTiming`).
    init(
        origin: String, notes: [Note], attachments: [Attachment] = [], readDiagnostics: [Diagnostic], hints: Handoff<LoadHints>,
        loadedFrom: LoadedFrom, report: inout LoadReport
    ) {
        self.origin = origin
        self.notes = notes
        self.attachments = attachments
        self.loadedFrom = loadedFrom
        self.timelines = TimelineCache()
        let (links, talks) = Parallel.both(
            { LinkGraph(notes: notes, hints: hints, attachments: attachments) },
            { TalkIndex(notes: notes, attachments: attachments, tree: loadedFrom.tree) })
        self.resolver = links.resolver
        self.unsettledLinks = links.unsettled
        self.linkTargets = links.targets
        self.backlinks = links.backlinks
        self.missing = links.missing
        self.notesByVideo = talks.notesByVideo
        self.readings = talks.readings
        self.talks = talks.talks
        if let layout = talks.layout {
            self.browse = OnDemand(built: layout)
        } else {
            let input = BrowseInput(notes: notes, talks: talks.talks, attachments: attachments)
            self.browse = OnDemand { BrowseLayout(input) }
        }

        let clock = ContinuousClock()
        let start = clock.now
        var diagnostics = readDiagnostics
        for index in notes.indices { diagnostics += notes[index].diagnostics }
        diagnostics += links.diagnostics
        diagnostics += talks.diagnostics
        self.diagnostics = diagnostics.sorted(by: Diagnostic.reportOrder)
        report.phases += links.phases + talks.phases + [("diagnostics", PhaseTimer.seconds(clock.now - start))]
    }

    /// The values present, in order, moved out rather than copied: copying 25,000 notes retained and
    /// released every one of their fields, on one core, after the parallel part of the load.
    static func takePresent<T>(_ values: inout [T?]) -> [T] {
        values.withUnsafeMutableBufferPointer { source in
            [T](unsafeUninitializedCapacity: source.count) { target, initialized in
                initialized = 0
                for index in source.indices {
                    guard let value = source[index].take() else { continue }
                    target.initializeElement(at: initialized, to: value)
                    initialized += 1
                }
            }
        }
    }

    // MARK: Questions the UI and CLI ask

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Where a link written in note `source` leads (for links met while rendering, not only scanned ones).
    public func resolve(_ link: WikiLink, from source: Int) -> LinkTarget {
        resolver.resolve(target: link.target, from: source)
    }

    /// Each backlink's line as a reader would say it (`Note.plainLine`), every source line read once:
    /// a note linked 100,000 times from one line otherwise parses that line 100,000 times.
    public func contexts(of backlinks: [Backlink]) -> [String] {
        var wanted: [Int: Set<Int>] = [:]
        for backlink in backlinks { wanted[backlink.source, default: []].insert(backlink.line) }
        var plain: [Int: [Int: String]] = [:]
        for (source, lines) in wanted { plain[source] = notes[source].plainLines(lines) }
        return backlinks.map { plain[$0.source]?[$0.line] ?? "" }
    }

    /// Seconds into the talk for a timestamp of a note, under the minutes-as-hours rule.
    public func seconds(of stamp: TimestampRef, inNote note: Int) -> Int {
        TimestampReading.seconds(stamp, minutesFirst: readings.minutesFirstNotes.contains(note))
    }

    public func talk(videoId: String) -> Talk? {
        talks.first { $0.videoId == videoId }
    }

    /// The talk a note belongs to (a placeholder title when no index names it).
    public func talk(ofNote note: Int) -> Talk? {
        guard let video = notes[note].videoId else { return nil }
        return talk(videoId: video) ?? Talk(videoId: video, title: "Talk \(video)", url: "https://www.youtube.com/watch?v=\(video)")
    }

    /// Every timestamped statement of every note of one talk, in time order (ties in vault order).
    public func timeline(videoId: String) -> [TimelineEntry] {
        timelines.timeline(videoId: videoId) {
            Self.timeline(notes: notes, indexes: notesByVideo[videoId] ?? [], readings: readings)
        }
    }

    /// How many entries `timeline(videoId:)` holds, from the counts the load kept: listing every talk
    /// this way reads no file.
    public func momentCount(videoId: String) -> Int {
        (notesByVideo[videoId] ?? []).reduce(0) { $0 + notes[$1].timestampCount }
    }

    /// One talk's timeline, sorted (see `TimelineCache`).
    static func timeline(notes: [Note], indexes: [Int], readings: TimestampReading.Readings) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        for index in indexes {
            let minutesFirst = readings.minutesFirstNotes.contains(index)
            for stamp in notes[index].timestamps {
                entries.append(
                    TimelineEntry(
                        note: index, seconds: TimestampReading.seconds(stamp, minutesFirst: minutesFirst),
                        line: stamp.line, stamp: stamp))
            }
        }
        return entries.sorted { ($0.seconds, $0.note, $0.line) < ($1.seconds, $1.note, $1.line) }
    }

    /// What other entries say within `window` seconds of a moment of a talk: "said around this moment".
    public func saidAround(videoId: String, seconds: Int, window: Int = 30, excludingNote: Int? = nil) -> [TimelineEntry] {
        let timeline = timeline(videoId: videoId)
        // The first entry at or after the window's start, by binary search on the sorted seconds.
        var low = 0, high = timeline.count
        while low < high {
            let middle = (low + high) / 2
            if timeline[middle].seconds < seconds - window { low = middle + 1 } else { high = middle }
        }
        var around: [TimelineEntry] = []
        var i = low
        while i < timeline.count, timeline[i].seconds <= seconds + window {
            if timeline[i].note != excludingNote { around.append(timeline[i]) }
            i += 1
        }
        return around
    }

    /// The statement a timeline entry stands for: the words of its line that the timestamp closes
    /// (back to the previous timestamp), as plain text; the whole line when that is empty.
    public func statement(_ entry: TimelineEntry) -> String {
        statements([entry])[0]
    }

    /// `statement` for many entries, each note's body read once and each line parsed once: entry by entry,
    /// a timeline of a note with thousands of timestamps on one line parsed that line once per timestamp.
    public func statements(_ entries: [TimelineEntry]) -> [String] {
        var wanted: [Int: Set<Int>] = [:]
        for entry in entries { wanted[entry.note, default: []].insert(entry.line) }
        // Per note and line: its statements. Per note: each stamp's place on its line.
        var lines: [Int: [Int: LineStatements]] = [:]
        var places: [Int: [TimestampRef: Int]] = [:]
        for (note, numbers) in wanted {
            lines[note] = notes[note].bodyLines(numbers).reduce(into: [:]) { found, line in
                found[line.key] = LineStatements(raw: line.value, line: line.key)
            }
            var countOnLine: [Int: Int] = [:]
            var first: [TimestampRef: Int] = [:]
            for stamp in notes[note].timestamps {
                let place = countOnLine[stamp.line, default: 0]
                countOnLine[stamp.line] = place + 1
                if first[stamp] == nil { first[stamp] = place }
            }
            places[note] = first
        }
        return entries.map { entry in
            lines[entry.note]?[entry.line]?.statement(at: places[entry.note]?[entry.stamp] ?? 0) ?? ""
        }
    }

    /// A line's texts between its timestamps, worked out once for all of its timestamps.
    struct LineStatements {
        /// The plain texts before, between and after the timestamps.
        let texts: [String]
        /// Per text: the nearest text at or before it with two characters or more (-1: none), so a line of
        /// many bare timestamps is not walked back once per timestamp.
        let nearestWorded: [Int]
        /// The whole line, for stamps with no words before them.
        let whole: String

        init(raw: String, line: Int) {
            var segments: [[Inline]] = [[]]
            for inline in InlineParser.parse(BlockParser.stripLinePrefix(raw), line: line) {
                if case .timestamp = inline { segments.append([]) } else { segments[segments.count - 1].append(inline) }
            }
            texts = segments.map { Vault.tidy(InlineParser.plainText($0)) }
            var nearest: [Int] = []
            nearest.reserveCapacity(texts.count)
            for (index, text) in texts.enumerated() {
                let worded = !text.isEmpty && text.index(after: text.startIndex) != text.endIndex
                nearest.append(worded ? index : (nearest.last ?? -1))
            }
            nearestWorded = nearest
            // Needed only when the first text has no words (then some stamps have none before them).
            whole = nearest.first == -1 ? Vault.tidy(texts.joined(separator: " ")) : ""
        }

        /// The statement of the stamp at `place` on the line: the words it closes, else the nearest words
        /// before, else the whole line.
        func statement(at place: Int) -> String {
            let index = nearestWorded[min(place, texts.count - 1)]
            return index >= 0 ? texts[index] : whole
        }
    }

    /// Collapses runs of spaces and tabs, drops the space left before punctuation by removed anchors and
    /// the punctuation left at the start. One pass in Swift (it runs for every backlink and statement shown;
    /// five Foundation replacements per line made notes with many backlinks slow to lay out).
    static func tidy(_ text: String) -> String {
        enum State { case start, afterMark, body }
        var state = State.start
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            let isSpace = character == " " || character == "\t"
            let isMark = character == "." || character == "," || character == ";" || character == ":" || character == ")"
            switch state {
            case .start:
                if isSpace { continue }
                if isMark {
                    state = .afterMark
                    continue
                }
            case .afterMark:
                if isMark || character.isWhitespace { continue }
            case .body:
                if isSpace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !isMark { out.append(" ") }
                pendingSpace = false
            }
            state = .body
            out.append(character)
        }
        return out.trimmed
    }

    public var videoIds: [String] { notesByVideo.keys.sorted() }
}
