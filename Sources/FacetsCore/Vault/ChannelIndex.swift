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
            let named = notes[index].headingTalks ?? headingTalks(of: notes[index])
            for talk in named where !seen.contains(talk.videoId) {
                seen.insert(talk.videoId)
                talks.append(talk)
            }
        }
        // A talk no heading or talk note names: a note of it may say its title in front matter.
        for index in notes.indices {
            guard let video = notes[index].videoId, !seen.contains(video),
                let title = titleKeys.lazy.compactMap({ notes[index].frontMatter.string($0) }).first(where: { !$0.isEmpty })
            else { continue }
            seen.insert(video)
            talks.append(Talk(videoId: video, title: title, url: "https://www.youtube.com/watch?v=\(video)"))
        }
        return talks
    }

    /// Front-matter keys a note of a talk may give the talk's title in.
    static let titleKeys = ["talkTitle", "talk_title", "videoTitle", "video_title"]

    /// The talks a note's headings name (`### [Title](url)`), in order.
    /// A note's heading talks from its bytes, read once.
    static func headingTalks(of note: Note) -> [Talk] {
        let (bytes, bodyOffset) = note.content.current
        return headingTalks(of: bytes, bodyOffset: bodyOffset)
    }

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
        if let ascii = asciiTalk(fromHeading: line) { return ascii }
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

    /// `talk(fromHeading:)` on the bytes of an ASCII line, where characters are bytes (`.none`: not ASCII).
    /// A channel index of thousands of talks spent milliseconds in character-by-character searches.
    private static func asciiTalk(fromHeading line: Substring) -> Talk?? {
        var line = line
        return line.withUTF8 { b -> Talk?? in
            for byte in b where byte >= 0x80 { return nil }
            var i = 0
            while i < b.count, b[i] == Byte.hash || b[i] == Byte.space { i += 1 }
            guard i < b.count, b[i] == Byte.openBracket else { return .some(nil) }
            var close = b.count - 1
            while b[close] != Byte.closeBracket {
                guard close > i else { return .some(nil) }
                close -= 1
            }
            guard close + 1 < b.count, b[close + 1] == 0x28 else { return .some(nil) }  // (
            var end = close + 2
            while end < b.count, b[end] != 0x29 { end += 1 }  // )
            guard end < b.count else { return .some(nil) }
            let text = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
            guard let video = asciiVideoId(in: UnsafeBufferPointer(rebasing: b[(close + 2)..<end])) else { return .some(nil) }
            return Talk(videoId: video, title: text((i + 1)..<close).trimmed, url: text((close + 2)..<end))
        }
    }

    /// `videoId(in:)` for an ASCII URL's bytes.
    private static func asciiVideoId(in url: UnsafeBufferPointer<UInt8>) -> String? {
        for marker in [Array("v=".utf8), Array("youtu.be/".utf8)] {
            guard let at = firstOffset(of: marker, in: url) else { continue }
            let start = at + marker.count
            var end = start
            while end < url.count, Byte.isLetter(url[end]) || Byte.isDigit(url[end]) || url[end] == 0x2D || url[end] == 0x5F { end += 1 }
            return end > start ? String(decoding: UnsafeBufferPointer(rebasing: url[start..<end]), as: UTF8.self) : nil
        }
        return nil
    }

    private static func firstOffset(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if marker.indices.allSatisfy({ bytes[start + $0] == marker[$0] }) { return start }
        }
        return nil
    }
}
