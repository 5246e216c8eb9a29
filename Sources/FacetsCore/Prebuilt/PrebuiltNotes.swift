/// Parsed notes written down at build time and read back at start, so the bundled content is not
/// parsed on every run (its YAML front matter was most of `facets list`'s time). What is written is
/// exactly what `NoteParser` made: front matter, title, where the body starts, links, timestamps and
/// diagnostics; the bytes themselves are not in the form, they come from the files it was made from.
enum PrebuiltNotes {
    /// Changes whenever the layout below does, so a form from another version is not misread.
    static let header = "facets-prebuilt-notes 1;"

    /// One note as read back: the note and its links as written, for the link graph's hints.
    struct Entry {
        var note: Note
        var links: [WikiLink]
    }

    /// The form of notes parsed from memory (as the load parses files held in memory).
    static func encode(_ notes: [Note]) -> [UInt8] {
        var writer = PrebuiltWriter()
        var out = Array(header.utf8)
        writer.int(notes.count)
        for note in notes {
            writer.text(note.path)
            writer.text(note.title)
            writer.int(note.byteCount)
            writer.int(note.readBodyOffset())
            writer.int(note.bodyFirstLine)
            writer.int(note.linkCount)
            write(note.frontMatter.entries, into: &writer)
            writer.int(note.timestamps.count)
            for stamp in note.timestamps {
                writer.text(stamp.written)
                writer.int(stamp.line)
            }
            let links = note.readLinks()
            writer.int(links.count)
            for link in links {
                writer.text(link.target)
                writer.flag(link.heading != nil)
                writer.text(link.heading ?? "")
                writer.text(link.label)
                writer.flag(link.isEmbed)
                writer.int(link.line)
            }
            writer.int(note.diagnostics.count)
            for diagnostic in note.diagnostics {
                writer.flag(diagnostic.severity == .error)
                writer.text(diagnostic.path)
                writer.int(diagnostic.line)
                writer.text(diagnostic.message)
            }
        }
        out += writer.bytes
        return out
    }

    /// The notes back, their bytes taken from `files` (the files the form was made from, in the same
    /// order); nil when the form does not fit them (another version, other files, damaged).
    static func decode(_ form: UnsafeBufferPointer<UInt8>, files: [SourceFile]) -> [Entry]? {
        let header = Array(Self.header.utf8)
        guard form.count >= header.count, form.prefix(header.count).elementsEqual(header) else { return nil }
        var reader = PrebuiltReader(UnsafeBufferPointer(rebasing: form[header.count...]))
        guard let count = reader.int(), count == files.count else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for file in files {
            guard let entry = readNote(&reader, file: file) else { return nil }
            entries.append(entry)
        }
        return reader.isAtEnd ? entries : nil
    }

    private static func readNote(_ reader: inout PrebuiltReader, file: SourceFile) -> Entry? {
        let bytes = NoteParser.normalized(file.bytes)
        guard let path = reader.text(), path == file.path, let title = reader.text(),
            let byteCount = reader.int(), byteCount == bytes.count,
            let bodyOffset = reader.int(), (0...byteCount).contains(bodyOffset),
            let bodyFirstLine = reader.int(), let linkCount = reader.int(),
            let entries = readEntries(&reader, depth: 0),
            let stampCount = reader.int(), stampCount >= 0
        else { return nil }
        var timestamps: [TimestampRef] = []
        timestamps.reserveCapacity(stampCount)
        for _ in 0..<stampCount {
            guard let written = reader.text(), let line = reader.int() else { return nil }
            timestamps.append(TimestampRef(written: written, line: line))
        }
        guard let storedLinks = reader.int(), storedLinks == linkCount else { return nil }
        var links: [WikiLink] = []
        links.reserveCapacity(linkCount)
        for _ in 0..<linkCount {
            guard let target = reader.text(), let hasHeading = reader.flag(), let heading = reader.text(),
                let label = reader.text(), let isEmbed = reader.flag(), let line = reader.int()
            else { return nil }
            links.append(WikiLink(target: target, heading: hasHeading ? heading : nil, label: label, isEmbed: isEmbed, line: line))
        }
        guard let diagnosticCount = reader.int(), diagnosticCount >= 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount {
            guard let isError = reader.flag(), let diagnosticPath = reader.text(), let line = reader.int(), let message = reader.text()
            else { return nil }
            diagnostics.append(Diagnostic(isError ? .error : .warning, path: diagnosticPath, line: line, message))
        }
        // As `NoteParser` makes a note held in memory: its links are scanned again when asked for.
        let note = Note(
            path: path, stem: NoteParser.stem(of: path), title: title, frontMatter: FrontMatter(entries: entries),
            content: .resident(bytes: bytes, bodyOffset: bodyOffset), byteCount: byteCount, bodyFirstLine: bodyFirstLine,
            links: nil, linkCount: linkCount,
            timestamps: LinkScanner.LoadedTimestamps(stamps: timestamps, count: timestamps.count, summary: TimestampSummary(timestamps)),
            diagnostics: diagnostics)
        return Entry(note: note, links: links)
    }

    // MARK: Front matter

    private static func write(_ entries: [FrontMatterEntry], into writer: inout PrebuiltWriter) {
        writer.int(entries.count)
        for entry in entries {
            writer.text(entry.key)
            write(entry.value, into: &writer)
        }
    }

    private static func write(_ value: FrontMatterValue, into writer: inout PrebuiltWriter) {
        switch value {
        case .scalar(let text):
            writer.tag(0x73)  // s
            writer.text(text)
        case .list(let items):
            writer.tag(0x6C)  // l
            writer.int(items.count)
            for item in items { write(item, into: &writer) }
        case .map(let entries):
            writer.tag(0x6D)  // m
            write(entries, into: &writer)
        case .null:
            writer.tag(0x6E)  // n
        }
    }

    /// Nesting deeper than YAML's own node budget allows is a damaged form.
    private static let maximumDepth = 64

    private static func readEntries(_ reader: inout PrebuiltReader, depth: Int) -> [FrontMatterEntry]? {
        guard depth < maximumDepth, let count = reader.int(), count >= 0 else { return nil }
        var entries: [FrontMatterEntry] = []
        for _ in 0..<count {
            guard let key = reader.text(), let value = readValue(&reader, depth: depth + 1) else { return nil }
            entries.append(FrontMatterEntry(key: key, value: value))
        }
        return entries
    }

    private static func readValue(_ reader: inout PrebuiltReader, depth: Int) -> FrontMatterValue? {
        guard depth < maximumDepth else { return nil }
        switch reader.tag() {
        case 0x73: return reader.text().map { .scalar($0) }
        case 0x6C:
            guard let count = reader.int(), count >= 0 else { return nil }
            var items: [FrontMatterValue] = []
            for _ in 0..<count {
                guard let item = readValue(&reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        case 0x6D: return readEntries(&reader, depth: depth + 1).map { .map($0) }
        case 0x6E: return .null
        default: return nil
        }
    }
}
