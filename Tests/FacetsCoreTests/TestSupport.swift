import Foundation
import Testing
@testable import FacetsCore

// Shared helpers for the FacetsCore tests: notes from strings, vaults from strings, temporary folders,
// and the read-only `shared/` folder that sits beside the package root.

enum Fixture {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        // Tests/FacetsCoreTests/TestSupport.swift → package root, two levels up.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `../shared` beside the package root (read-only: never written by a test).
    static var sharedFolder: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL
    }

    /// A path inside `../shared`; fails the test with a clear message when it is not there.
    static func shared(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let url = sharedFolder.appendingPathComponent(relative)
        try #require(
            FileManager.default.fileExists(atPath: url.path),
            "missing \(url.path): the shared/ folder must sit beside the package root (\(packageRoot.path))",
            sourceLocation: sourceLocation)
        return url
    }

    static var seedNotePath: String { "seed/government-innovation-strategies.md" }
    static var oecdVaultPath: String { "vaults/oecd-opsi" }
}

/// A note parsed from text, as if read from `path`.
func note(_ text: String, path: String = "note.md") -> Note {
    NoteParser.parse(path: path, bytes: Array(text.utf8))
}

/// A vault built from `(path, text)` pairs, in that order.
func vault(_ files: [(String, String)], origin: String = "test") -> Vault {
    Vault(origin: origin, files: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
}

/// The index of the note at `path` in a vault.
func index(of path: String, in vault: Vault, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    try #require(vault.notes.firstIndex { $0.path == path }, "no note \(path) in the vault", sourceLocation: sourceLocation)
}

/// Front matter with a title and video id, then the body.
func noteText(title: String, videoId: String? = nil, extra: String = "", body: String) -> String {
    var lines = ["---", "title: \(title)"]
    if let videoId { lines.append("videoId: \(videoId)") }
    if !extra.isEmpty { lines.append(extra) }
    lines.append("---")
    return lines.joined(separator: "\n") + "\n" + body
}

/// `<a class="yt-timestamp" data-t="T">[T]</a>`, the anchor the vaults use.
func anchor(_ time: String) -> String {
    "<a class=\"yt-timestamp\" data-t=\"\(time)\">[\(time)]</a>"
}

/// Runs `body` with a fresh empty folder under the temporary directory, removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("facets-core-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

extension URL {
    /// Writes text to a path below this folder, creating folders on the way.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let file = appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }
}

/// Every inline of a tree, depth first (emphasis and link contents included).
func flatten(_ inlines: [Inline]) -> [Inline] {
    inlines.flatMap { inline -> [Inline] in
        switch inline {
        case .strong(let inner), .emphasis(let inner): return [inline] + flatten(inner)
        case .link(let text, _): return [inline] + flatten(text)
        default: return [inline]
        }
    }
}

func plain(_ inlines: [Inline]) -> String { InlineParser.plainText(inlines) }

/// The wiki links among inlines (nested ones included).
func wikiLinks(in inlines: [Inline]) -> [WikiLink] {
    flatten(inlines).compactMap { if case .wikiLink(let link) = $0 { return link } else { return nil } }
}

func timestamps(in inlines: [Inline]) -> [TimestampRef] {
    flatten(inlines).compactMap { if case .timestamp(let stamp) = $0 { return stamp } else { return nil } }
}

/// Every block of a tree, depth first (quote, callout and list contents included).
func allBlocks(_ blocks: [Block]) -> [Block] {
    blocks.flatMap { block -> [Block] in
        switch block {
        case .quote(let content, _), .callout(_, _, _, let content, _): return [block] + allBlocks(content)
        case .list(_, let items, _): return [block] + items.flatMap { allBlocks($0.children) }
        default: return [block]
        }
    }
}

/// Every inline a block tree shows (headings, paragraphs, list items, callout titles, table cells), top level
/// only: use `wikiLinks(in:)`/`timestamps(in:)` to look inside emphasis and links.
func allInlines(_ blocks: [Block]) -> [Inline] {
    blocks.flatMap { block -> [Inline] in
        switch block {
        case .heading(_, let content, _), .paragraph(let content, _): return content
        case .list(_, let items, _): return items.flatMap { $0.content + allInlines($0.children) }
        case .quote(let content, _): return allInlines(content)
        case .callout(_, let title, _, let content, _): return title + allInlines(content)
        case .table(let header, let rows, _): return (header + rows.flatMap { $0 }).flatMap { $0 }
        case .code, .rule, .math: return []
        }
    }
}

/// A checksum (FNV-1a, 64-bit) of bytes, for "the vault was never written" checks.
func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

/// Path → (checksum, size, modification date) for every file below a folder, hidden ones included.
func snapshot(of folder: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
        return result
    }
    for case let url as URL in enumerator {
        let values = try url.resourceValues(forKeys: Set(keys))
        let relative = String(url.path.dropFirst(folder.path.count))
        if values.isRegularFile == true {
            let data = try Data(contentsOf: url)
            let date = values.contentModificationDate?.timeIntervalSince1970 ?? 0
            result[relative] = "\(fnv1a(data)) \(data.count) \(date)"
        } else {
            result[relative] = "folder-or-link"
        }
    }
    return result
}
