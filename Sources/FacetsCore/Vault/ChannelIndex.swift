import Foundation

/// Names talks from channel index pages (headings `### [Talk title](https://www.youtube.com/watch?v=ID)`)
/// and from `kind: talk` notes.
enum ChannelIndex {
    static func talks(notes: [Note], notesByVideo: [String: [Int]]) -> [Talk] {
        var talks: [Talk] = []
        var seen: Set<String> = []
        for index in notes.indices {
            let video = notes[index].videoId, kind = notes[index].kind
            guard video == nil || kind == "talk" else { continue }
            if kind == "talk", let video, !seen.contains(video) {
                seen.insert(video)
                talks.append(Talk(videoId: video, title: notes[index].title, url: "https://www.youtube.com/watch?v=\(video)"))
                continue
            }
            // A vault note found its headings' talks while it was parsed; its file is not read again.
            let named = notes[index].headingTalks ?? headingTalks(of: notes[index].bytes, bodyOffset: notes[index].bodyOffset)
            for talk in named where !seen.contains(talk.videoId) {
                seen.insert(talk.videoId)
                talks.append(talk)
            }
        }
        return talks
    }

    /// The talks a note's headings name (`### [Title](url)`), in order.
    static func headingTalks(of bytes: NoteBytes, bodyOffset: Int) -> [Talk] {
        bytes.withUnsafeBufferPointer { headingTalks(of: $0, bodyOffset: bodyOffset) }
    }

    static func headingTalks(of buffer: UnsafeBufferPointer<UInt8>, bodyOffset: Int) -> [Talk] {
        headingLines(of: buffer, bodyOffset: bodyOffset).compactMap { talk(fromHeading: $0[...]) }
    }

    /// The body's lines that start with `#`, found with memchr on the bytes: most notes have none worth decoding.
    static func headingLines(of buffer: UnsafeBufferPointer<UInt8>, bodyOffset: Int) -> [String] {
        guard let base = buffer.baseAddress else { return [] }
        var lines: [String] = []
        var i = bodyOffset
        while i < buffer.count, let found = memchr(base + i, Int32(Byte.hash), buffer.count - i) {
            let hash = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if hash == bodyOffset || buffer[hash - 1] == Byte.newline {
                var end = hash
                while end < buffer.count, buffer[end] != Byte.newline { end += 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[hash..<end]), as: UTF8.self))
                i = end
            } else {
                i = hash + 1
            }
        }
        return lines
    }

    /// `### [Title](https://www.youtube.com/watch?v=ID)` → a talk.
    static func talk(fromHeading line: Substring) -> Talk? {
        let text = line.drop { $0 == "#" || $0 == " " }
        guard text.first == "[", let close = text.lastIndex(of: "]") else { return nil }
        let after = text[text.index(after: close)...]
        guard after.hasPrefix("("), let end = after.firstIndex(of: ")") else { return nil }
        let url = String(after[after.index(after: after.startIndex)..<end])
        guard let video = videoId(in: url) else { return nil }
        let title = String(text[text.index(after: text.startIndex)..<close]).trimmed
        return Talk(videoId: video, title: title, url: url)
    }

    static func videoId(in url: String) -> String? {
        if let range = url.range(of: "v=") {
            let id = url[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return id.isEmpty ? nil : String(id)
        }
        if let range = url.range(of: "youtu.be/") {
            let id = url[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return id.isEmpty ? nil : String(id)
        }
        return nil
    }
}
