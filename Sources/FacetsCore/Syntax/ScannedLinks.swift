/// A note's links as a loader thread resolves them, with no String made for the common ones: their
/// target bytes copied into one buffer the thread reuses from note to note. A vault's 330,000 links as
/// `WikiLink`s were two Strings each, kept for the whole session though only a shown note's are read,
/// and their memory was a third of the load's page faults. `Note.links` scans the note again when asked.
struct ScannedLinks {
    /// One link, in the note's order.
    struct Entry {
        /// Where its target is in `targetBytes` (`count` >= 0), or, with `count` -1, its place in `others`.
        var start: Int32
        var count: Int32
        var line: Int32
    }

    private(set) var entries: [Entry] = []
    /// The plain targets' bytes, end to end (see `WikiLinkSyntax.plainTarget`).
    private(set) var targetBytes: [UInt8] = []
    /// The links whose targets are not plain, made in full: few, and resolved the String way.
    private(set) var others: [WikiLink] = []

    var count: Int { entries.count }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        targetBytes.removeAll(keepingCapacity: true)
        others.removeAll(keepingCapacity: true)
    }

    /// Adds the link a span holds, if it holds one (as `WikiLinkSyntax.link` decides).
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ span: WikiLinkSyntax.Span, line: Int) {
        let storedLine = Int32(clamping: line)
        if let plain = WikiLinkSyntax.plainTarget(bytes, span) {
            entries.append(
                Entry(start: Int32(truncatingIfNeeded: targetBytes.count), count: Int32(truncatingIfNeeded: plain.count), line: storedLine))
            targetBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain]))
        } else if let link = WikiLinkSyntax.link(bytes, span, line: line) {
            entries.append(Entry(start: Int32(truncatingIfNeeded: others.count), count: -1, line: storedLine))
            others.append(link)
        }
    }

    /// A link's target: its plain bytes, or the whole link when it is not plain.
    enum Target {
        case plain(UnsafeBufferPointer<UInt8>)
        case other(WikiLink)
    }

    /// The plain targets' bytes, lent for the call as a count and a lookup by place.
    func withPlainTargets<R>(_ body: (Int, (Int) -> UnsafeBufferPointer<UInt8>) -> R) -> R {
        targetBytes.withUnsafeBufferPointer { stored in
            entries.withUnsafeBufferPointer { entries in
                // Plain targets are most links; the others, few, are skipped by `count` < 0 below.
                body(entries.count) { index in
                    let entry = entries[index]
                    guard entry.count >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
                    let start = Int(entry.start)
                    return UnsafeBufferPointer(rebasing: stored[start..<(start + Int(entry.count))])
                }
            }
        }
    }

    /// Calls `body` with each link's target and line, in order.
    func forEach(_ body: (Target, Int) -> Void) {
        targetBytes.withUnsafeBufferPointer { stored in
            for entry in entries {
                if entry.count < 0 {
                    body(.other(others[Int(entry.start)]), Int(entry.line))
                } else {
                    let start = Int(entry.start)
                    body(.plain(UnsafeBufferPointer(rebasing: stored[start..<(start + Int(entry.count))])), Int(entry.line))
                }
            }
        }
    }
}
