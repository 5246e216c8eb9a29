import Foundation

/// A loaded vault: its notes and every relation between them (links, backlinks, talks, timelines, tree).
/// Built once; a pure value the UI and the CLI read from.
public struct Vault: Sendable {
    /// Where the notes came from, for messages ("bundled content" or a folder).
    public let origin: String
    public let notes: [Note]
    /// Per note, per link (same order as `Note.links`): where it leads.
    public let linkTargets: [[LinkTarget]]
    /// Per note: the links that lead to it, in vault order.
    public let backlinks: [[Backlink]]
    /// Per missing target name (as first written): the links that name it.
    public let missing: [String: [Backlink]]
    /// Talks by video id, in channel-index order.
    public let talks: [Talk]
    /// The browsing tree.
    public let tree: BrowseNode
    /// Everything found while loading: per file, per line.
    public let diagnostics: [Diagnostic]
    /// Every note once, in browse-tree order (sections first, "All notes" last): how lists and search tie-break.
    public let treeOrder: [Int]

    /// How long each step of building took (seconds), for `facets bench load`.
    public private(set) var phases: [(name: String, seconds: Double)] = []

    let resolver: LinkResolver
    let notesByVideo: [String: [Int]]
    let readings: TimestampReading.Readings

    /// Builds a vault from files already read (a folder's or the bundle's).
    public init(origin: String, files: [SourceFile], readDiagnostics: [Diagnostic] = []) {
        var parsed = [Note?](repeating: nil, count: files.count)
        parsed.withUnsafeMutableBufferPointer { buffer in
            let slots = NoteSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots.buffer[index] = NoteParser.parse(path: files[index].path, bytes: files[index].bytes)
            }
        }
        self.init(origin: origin, notes: parsed.compactMap { $0 }, readDiagnostics: readDiagnostics)
    }

    /// Builds every relation between notes already parsed.
    init(origin: String, notes: [Note], readDiagnostics: [Diagnostic]) {
        self.origin = origin
        let clock = ContinuousClock()
        var mark = clock.now
        var phases: [(String, Double)] = []
        func lap(_ name: String) {
            let now = clock.now
            let d = now - mark
            phases.append((name, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            mark = now
        }
        self.notes = notes
        let resolver = LinkResolver(notes: notes)
        self.resolver = resolver
        lap("name index")

        var targets = [[LinkTarget]](repeating: [], count: notes.count)
        // A few interleaved shares, each remembering the targets it has resolved: a vault names the same
        // notes over and over, and working out a name's keys costs more than looking it up.
        let shares = max(1, min(notes.count, ProcessInfo.processInfo.activeProcessorCount * 2))
        targets.withUnsafeMutableBufferPointer { buffer in
            let slots = TargetSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                var known: [String: LinkTarget] = [:]
                for index in stride(from: share, to: notes.count, by: shares) {
                    slots.buffer[index] = notes[index].links.map { link in
                        if link.target.isEmpty { return resolver.resolve(link, from: index) }
                        if let target = known[link.target] { return target }
                        let target = resolver.resolve(link, from: index)
                        known[link.target] = target
                        return target
                    }
                }
            }
        }
        self.linkTargets = targets
        lap("resolve")

        var backlinks = [[Backlink]](repeating: [], count: notes.count)
        var missing: [String: [Backlink]] = [:]
        var missingSpelling: [String: String] = [:]
        var diagnostics = readDiagnostics
        for (source, note) in notes.enumerated() {
            diagnostics += note.diagnostics
            for (linkIndex, target) in targets[source].enumerated() {
                let link = note.links[linkIndex]
                let backlink = Backlink(source: source, linkIndex: linkIndex, line: link.line)
                switch target {
                case .note(let index):
                    if index != source || !link.target.isEmpty { backlinks[index].append(backlink) }
                case .missing(let name):
                    let key = NameKeys.loose(name)
                    let spelling = missingSpelling[key] ?? name
                    missingSpelling[key] = spelling
                    missing[spelling, default: []].append(backlink)
                    let why = NameKeys.leavesVault(name) ? "link leaves the vault; not followed" : "no note for"
                    diagnostics.append(Diagnostic(.warning, path: note.path, line: link.line, "\(why) [[\(name)]]"))
                }
            }
        }
        self.backlinks = backlinks
        self.missing = missing
        lap("backlinks")

        var byStem: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() { byStem[note.stem, default: []].append(index) }
        for (stem, indexes) in byStem where indexes.count > 1 {
            let paths = indexes.map { notes[$0].path }
            for index in indexes {
                diagnostics.append(Diagnostic(.warning, path: notes[index].path, line: 0,
                    "\(indexes.count) notes share the name \"\(stem)\" (\(paths.joined(separator: ", "))); links by name reach \(paths[0])"))
            }
        }

        var notesByVideo: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() {
            if let video = note.videoId { notesByVideo[video, default: []].append(index) }
        }
        self.notesByVideo = notesByVideo
        let readings = TimestampReading.readings(notes: notes, notesByVideo: notesByVideo)
        self.readings = readings
        diagnostics += TimestampReading.diagnostics(notes: notes, readings: readings)

        lap("timestamps")
        let talks = ChannelIndex.talks(notes: notes, notesByVideo: notesByVideo)
        self.talks = talks
        let tree = BrowseTree.build(notes: notes, talks: talks)
        self.tree = tree
        self.treeOrder = BrowseTree.order(tree, noteCount: notes.count)
        lap("talks and tree")
        self.diagnostics = diagnostics.sorted { ($0.severity, $0) < ($1.severity, $1) }
        lap("diagnostics")
        self.phases = phases
    }

    private struct NoteSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<Note?> }
    private struct TargetSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<[LinkTarget]> }

    /// Loads every `*.md` below a folder.
    public static func load(directory: String) throws(VaultError) -> Vault {
        let clock = ContinuousClock()
        let start = clock.now
        let read = try VaultReader.read(directory: directory) { file in
            NoteParser.parse(path: file.path, bytes: file.bytes)
        }
        let elapsed = clock.now - start
        var vault = Vault(origin: directory, notes: read.files, readDiagnostics: read.diagnostics)
        vault.phases.insert(("read and parse", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18), at: 0)
        return vault
    }

    // MARK: Questions the UI and CLI ask

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Where a link written in note `source` leads (for links met while rendering, not only scanned ones).
    public func resolve(_ link: WikiLink, from source: Int) -> LinkTarget {
        resolver.resolve(link, from: source)
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
        var entries: [TimelineEntry] = []
        for index in notesByVideo[videoId] ?? [] {
            for stamp in notes[index].timestamps {
                entries.append(TimelineEntry(note: index, seconds: seconds(of: stamp, inNote: index), line: stamp.line, stamp: stamp))
            }
        }
        return entries.sorted { ($0.seconds, $0.note, $0.line) < ($1.seconds, $1.note, $1.line) }
    }

    /// What other entries say within `window` seconds of a moment of a talk: "said around this moment".
    public func saidAround(videoId: String, seconds: Int, window: Int = 30, excludingNote: Int? = nil) -> [TimelineEntry] {
        timeline(videoId: videoId).filter { abs($0.seconds - seconds) <= window && $0.note != excludingNote }
    }

    /// The statement a timeline entry stands for: the words of its line that the timestamp closes
    /// (back to the previous timestamp), as plain text; the whole line when that is empty.
    public func statement(_ entry: TimelineEntry) -> String {
        guard let raw = notes[entry.note].bodyLine(entry.line) else { return "" }
        let occurrence = notes[entry.note].timestamps.prefix { $0 != entry.stamp || $0.line != entry.line }
            .filter { $0.line == entry.line }.count
        var segments: [[Inline]] = [[]]
        for inline in InlineParser.parse(BlockParser.stripLinePrefix(raw), line: entry.line) {
            if case .timestamp = inline { segments.append([]) } else { segments[segments.count - 1].append(inline) }
        }
        let texts = segments.map { Self.tidy(InlineParser.plainText($0)) }
        var index = min(occurrence, texts.count - 1)
        while index > 0, texts[index].count < 2 { index -= 1 }
        let chosen = texts[index].count < 2 ? Self.tidy(texts.joined(separator: " ")) : texts[index]
        return chosen
    }

    /// Collapses runs of white space and drops the space left before punctuation by removed anchors.
    static func tidy(_ text: String) -> String {
        var out = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for mark in [" .", " ,", " ;", " :", " )"] { out = out.replacingOccurrences(of: mark, with: String(mark.dropFirst())) }
        while let first = out.first, ".,;:)".contains(first) { out.removeFirst(); out = out.trimmed }
        return out.trimmed
    }

    public var videoIds: [String] { notesByVideo.keys.sorted() }
}
