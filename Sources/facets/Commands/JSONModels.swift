import FacetsCore

/// The shapes `--json` prints; kept apart from the core's types so the JSON stays stable.
struct EntrySummary: Encodable {
    var stem: String
    var path: String
    var title: String
    var kind: String?
    var group: String?
    var order: Int?
    var videoId: String?
    var aliases: [String]
    var links: Int
    var backlinks: Int
    var timestamps: Int

    init(vault: Vault, index: Int) {
        let note = vault.notes[index]
        stem = note.stem
        path = note.path
        title = note.title
        kind = note.kind
        group = note.group
        order = note.order
        videoId = note.videoId
        aliases = note.aliases
        links = note.linkCount
        backlinks = vault.backlinks.count(of: index)
        timestamps = note.timestampCount
    }
}

struct LinkJSON: Encodable {
    var target: String
    var heading: String?
    var label: String
    var line: Int
    var resolved: String?
    var missing: Bool
}

struct BacklinkJSON: Encodable {
    var from: String
    var title: String
    var line: Int
    var text: String
}

struct MomentJSON: Encodable {
    var time: String
    var seconds: Int
    var line: Int
    var url: String?
    var saidAround: [StatementJSON]
}

struct StatementJSON: Encodable {
    var time: String
    var seconds: Int
    var entry: String
    var title: String
    var line: Int
    var text: String

    init(vault: Vault, entry: TimelineEntry, text: String) {
        time = TimestampRef.format(seconds: entry.seconds)
        seconds = entry.seconds
        self.entry = vault.notes[entry.note].stem
        title = vault.notes[entry.note].title
        line = entry.line
        self.text = text
    }

    /// Many at once: each line their statements come from is read once (see `Vault.statements`).
    static func all(_ entries: [TimelineEntry], in vault: Vault) -> [StatementJSON] {
        zip(entries, vault.statements(entries)).map { StatementJSON(vault: vault, entry: $0, text: $1) }
    }
}

struct DiagnosticJSON: Encodable {
    var severity: String
    var path: String
    var line: Int
    var message: String

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        path = diagnostic.path
        line = diagnostic.line
        message = diagnostic.message
    }
}

extension Vault {
    func linkJSON(_ note: Int) -> [LinkJSON] {
        let targets = linkTargets[note]
        return notes[note].readLinks().enumerated().map { offset, link in
            // The file is read again for its links: one edited since the load may have more of them.
            let target = offset < targets.count ? targets[offset] : resolve(link, from: note)
            var resolved: String?
            if case .note(let index) = target { resolved = notes[index].stem }
            return LinkJSON(
                target: link.target, heading: link.heading, label: link.label, line: link.line,
                resolved: resolved, missing: resolved == nil)
        }
    }

    /// Each backlink with its line's text, every source line worked out once and cut to 500 characters
    /// (a note linked 100,000 times from one long line would otherwise print that line 100,000 times).
    func backlinkJSON(_ note: Int) -> [BacklinkJSON] {
        let links = backlinks[note]
        var texts: [Int: [Int: String]] = [:]
        var result: [BacklinkJSON] = []
        for (backlink, context) in zip(links, contexts(of: links)) {
            let text: String
            if let known = texts[backlink.source]?[backlink.line] {
                text = known
            } else {
                let stripped = BlockParser.stripLinePrefix(context)
                text = stripped.count > 500 ? String(stripped.prefix(499)) + "…" : stripped
                texts[backlink.source, default: [:]][backlink.line] = text
            }
            result.append(
                BacklinkJSON(
                    from: notes[backlink.source].stem, title: notes[backlink.source].title,
                    line: backlink.line, text: text))
        }
        return result
    }
}
