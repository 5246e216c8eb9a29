/// A line of a note that links to another entry, as a reader would say it, with the moments it cites:
/// what a marked matrix cell stands on.
public struct LinkSentence: Sendable, Equatable {
    public let note: Int
    /// 1-based file line, where the entry opens to show it.
    public let line: Int
    public let text: String
    /// The line's timestamps, in seconds into the talk, in the order written.
    public let seconds: [Int]
}

extension Vault {
    /// The lines of `source` that link to `target`, each once, with their timestamps: the backlinks'
    /// lines (`contexts(of:)`, as the detail pane's backlinks say them), so no second link rule is needed.
    public func linkSentences(from source: Int, to target: Int) -> [LinkSentence] {
        guard notes.indices.contains(source), notes.indices.contains(target), source != target else { return [] }
        var seenLines: Set<Int> = []
        let links = backlinks[target].filter { $0.source == source && seenLines.insert($0.line).inserted }
        let texts = contexts(of: links)
        let sourceStamps = notes[source].timestamps  // a vault note scans its file for them: once
        return zip(links, texts).map { link, text in
            let stamps = sourceStamps.filter { $0.line == link.line }
            return LinkSentence(note: source, line: link.line, text: text, seconds: stamps.map { seconds(of: $0, inNote: source) })
        }
    }
}
