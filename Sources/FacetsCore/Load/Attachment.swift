/// A file of the vault that is not a note (an image, a PDF, an Obsidian `.base` or `.canvas`): listed
/// with its size, never read or parsed. The tree shows it as a leaf; the opener opens it.
public struct Attachment: Sendable, Hashable {
    /// Path relative to the vault root, with `/` separators.
    public let path: String
    public let byteCount: Int

    public init(path: String, byteCount: Int) {
        self.path = path
        self.byteCount = byteCount
    }

    /// The file name.
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The extension, lower case ("" when there is none).
    public var fileExtension: String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// What kind of file it is, in words, from its extension.
    public var typeDescription: String {
        let ext = fileExtension
        if let known = Self.types[ext] { return known }
        return ext.isEmpty ? "file" : "\(ext.uppercased()) file"
    }

    static let types: [String: String] = [
        "png": "PNG image", "jpg": "JPEG image", "jpeg": "JPEG image", "gif": "GIF image", "webp": "WebP image",
        "svg": "SVG image", "bmp": "BMP image", "avif": "AVIF image", "pdf": "PDF document",
        "base": "Obsidian base", "canvas": "Obsidian canvas", "mp3": "MP3 audio", "wav": "WAV audio",
        "m4a": "M4A audio", "ogg": "Ogg audio", "mp4": "MP4 video", "webm": "WebM video", "mov": "QuickTime video",
        "txt": "text file", "csv": "CSV table", "json": "JSON file",
    ]

    /// "12.3 KB": the size as a person reads it.
    public var sizeDescription: String {
        let units = ["bytes", "KB", "MB", "GB"]
        var size = Double(byteCount)
        var unit = 0
        while size >= 1000, unit < units.count - 1 {
            size /= 1000
            unit += 1
        }
        if unit == 0 { return byteCount == 1 ? "1 byte" : "\(byteCount) bytes" }
        let tenths = Int((size * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
