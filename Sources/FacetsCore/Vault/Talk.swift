/// A talk of the vault: from a channel index page heading `### [Title](url)` or a `kind: talk` note.
public struct Talk: Sendable, Hashable {
    public var videoId: String
    public var title: String
    public var url: String

    public init(videoId: String, title: String, url: String) {
        self.videoId = videoId
        self.title = title
        self.url = url
    }

    /// The talk at a moment, as a link a browser opens.
    public func url(atSecond second: Int) -> String {
        "https://www.youtube.com/watch?v=\(videoId)&t=\(second)s"
    }
}
