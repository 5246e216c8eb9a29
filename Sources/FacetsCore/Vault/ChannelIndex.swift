import Foundation

/// Names talks from channel index pages (headings `### [Talk title](https://www.youtube.com/watch?v=ID)`)
/// and from `kind: talk` notes.
enum ChannelIndex {
    static func talks(notes: [Note], notesByVideo: [String: [Int]]) -> [Talk] {
        var talks: [Talk] = []
        var seen: Set<String> = []
        for note in notes where note.videoId == nil || note.kind == "talk" {
            if note.kind == "talk", let video = note.videoId, !seen.contains(video) {
                seen.insert(video)
                talks.append(Talk(videoId: video, title: note.title, url: "https://www.youtube.com/watch?v=\(video)"))
                continue
            }
            for line in note.body.split(separator: "\n") where line.hasPrefix("#") {
                guard let talk = talk(fromHeading: line), !seen.contains(talk.videoId) else { continue }
                seen.insert(talk.videoId)
                talks.append(talk)
            }
        }
        return talks
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
