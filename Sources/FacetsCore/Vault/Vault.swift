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

    /// Builds every relation between notes already parsed. The link graph (names, targets, backlinks) and
    /// the talks (timestamps, talks, tree) need nothing of each other, so they are built side by side.
    init(origin: String, notes: [Note], readDiagnostics: [Diagnostic]) {
        self.origin = origin
        self.notes = notes
        let halves = HalfSlots()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves.links = LinkGraph(notes: notes)
            } else {
                halves.talks = TalkIndex(notes: notes)
            }
        }
        let links = halves.links ?? LinkGraph(notes: notes)
        let talks = halves.talks ?? TalkIndex(notes: notes)
        self.resolver = links.resolver
        self.linkTargets = links.targets
        self.backlinks = links.backlinks
        self.missing = links.missing
        self.notesByVideo = talks.notesByVideo
        self.readings = talks.readings
        self.talks = talks.talks
        self.tree = talks.tree
        self.treeOrder = talks.treeOrder

        let clock = ContinuousClock()
        let start = clock.now
        var diagnostics = readDiagnostics
        for index in notes.indices { diagnostics += notes[index].diagnostics }
        diagnostics += links.diagnostics
        diagnostics += talks.diagnostics
        self.diagnostics = diagnostics.sorted { ($0.severity, $0) < ($1.severity, $1) }
        self.phases = links.phases + talks.phases + [("diagnostics", Self.seconds(clock.now - start))]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The two halves' results, written from `concurrentPerform`'s threads at distinct fields.
    private final class HalfSlots: @unchecked Sendable {
        var links: LinkGraph?
        var talks: TalkIndex?
    }

    private struct NoteSlots: @unchecked Sendable { let buffer: UnsafeMutableBufferPointer<Note?> }

    /// Loads every `*.md` below a folder.
    public static func load(directory: String) throws(VaultError) -> Vault {
        let clock = ContinuousClock()
        let start = clock.now
        let read = try VaultReader.read(directory: directory) { file in
            NoteParser.parse(path: file.path, bytes: file.bytes)
        }
        let elapsed = clock.now - start
        var vault = Vault(origin: directory, notes: read.files, readDiagnostics: read.diagnostics)
        vault.phases.insert(("read and parse", seconds(elapsed)), at: 0)
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
