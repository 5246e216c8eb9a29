import Foundation

/// Follow-the-presenter through a small file: the presenter's explorer writes the entry it shows
/// (atomically, with a sequence number); followers poll it on every input tick (100 ms).
public struct PresenterChannel {
    public let path: String
    private var lastPublished: String?
    private var sequence = 0
    private var lastSeen: Int?

    public init(path: String) {
        self.path = path
    }

    struct Message: Codable {
        var entry: String
        var sequence: Int
    }

    /// Publishes the entry shown, when it changed.
    public mutating func publish(_ entry: String?) {
        guard let entry, entry != lastPublished else { return }
        lastPublished = entry
        sequence += 1
        guard let data = try? JSONEncoder().encode(Message(entry: entry, sequence: sequence)) else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The entry the presenter opened since the last call, if any.
    public mutating func poll() -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let message = try? JSONDecoder().decode(Message.self, from: data)
        else { return nil }
        defer { lastSeen = message.sequence }
        // The first read tells where the presenter is; later reads only when it moved on.
        if let lastSeen, lastSeen == message.sequence { return nil }
        return message.entry
    }
}
