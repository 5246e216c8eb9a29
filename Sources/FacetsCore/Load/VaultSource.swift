import Foundation

/// Why a vault could not be opened at all (a bad note never stops a load; these do).
public struct VaultError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// One file read from disk or from the bundle, before parsing: its bytes as read.
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: NoteBytes

    public init(path: String, bytes: NoteBytes) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: NoteBytes(bytes))
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: NoteBytes(text.utf8))
    }

    /// The bytes as text, invalid UTF-8 shown as U+FFFD.
    public var text: String { bytes.decoded() }
}

/// Reads the `*.md` files of a folder: hidden folders skipped, links leading outside not followed,
/// binary and oversized files skipped with a warning. Only ever reads.
public enum VaultReader {
    public static let maximumFileSize = 8 * 1024 * 1024

    public static func read(directory: String) throws(VaultError) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        try read(directory: directory) { file, _ in
            SourceFile(path: file.path, bytes: file.bytes.withUnsafeBufferPointer { NoteBytes($0) })
        }
    }

    /// The notes of a folder, found but not yet read: what reading needs, and what a loader can prepare
    /// from the paths alone (every stem is known before any file is opened).
    public struct Listing: Sendable {
        /// The folder, resolved.
        public let root: String
        /// Relative paths of the `*.md` files, in byte order: the vault's order.
        public let paths: [String]
        /// Folders that could not be read, links not followed, folders nested too deeply.
        public let diagnostics: [Diagnostic]
        /// The other files (images, PDFs, `.base`, `.canvas`), in byte order of their paths: listed, not read.
        public var attachments: [Attachment] = []
    }

    /// Walks a folder for its notes without reading them.
    public static func list(directory: String) throws(VaultError) -> Listing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw VaultError(description: "no such folder: \(directory)")
        }
        guard isDirectory.boolValue else {
            throw VaultError(description: "not a folder: \(directory) (a vault is a folder of .md notes)")
        }
        guard let root = realPath(directory) else {
            throw VaultError(description: "cannot resolve folder: \(directory)")
        }
        guard access(root, R_OK | X_OK) == 0 else {
            throw VaultError(description: "cannot read folder: \(directory) (permission denied)")
        }
        // The top folder first, then its folders side by side (a vault of 41 channel folders lists each
        // on its own core, as rg walks); their findings are sorted below, so the order they end in does not matter.
        var found = Found()
        var deferred: [String]? = []
        walk(root: root, relative: "", into: &found, depth: 0, deferring: &deferred)
        let subfolders = deferred ?? []
        let below = Parallel.map(count: subfolders.count) { index -> Found in
            var found = Found()
            var none: [String]? = nil
            walk(root: root, relative: subfolders[index], into: &found, depth: 1, deferring: &none)
            // Sorted on the thread that walked it: every path found starts with the folder's name and "/".
            found.paths = TextOrder.sortedByBytes(found.paths, after: subfolders[index].utf8.count + 1)
            return found
        }
        // Byte order: the same for every run and locale, and far cheaper than String's Unicode comparison.
        // A folder's paths share their start ("name/", which no other folder's name or top file begins
        // with), so they lie together in that order, placed by that start: sorted by folder, merged here.
        var parts: [(start: String, paths: [String])] = found.paths.map { ($0, [$0]) }
        for (folder, part) in zip(subfolders, below) {
            parts.append((folder + "/", part.paths))
            found.attachments += part.attachments
            found.diagnostics += part.diagnostics
        }
        let order = TextOrder.indicesByBytes(parts.map(\.start))
        // By their bytes, not as Strings: two files whose names differ only in Unicode normalization
        // ("café" composed and decomposed) are two files, as they are to the notes' listing.
        let attachments = TextOrder.indicesByBytes(found.attachments.map(\.path)).map { found.attachments[$0] }
        return Listing(
            root: root, paths: order.flatMap { parts[$0].paths }, diagnostics: found.diagnostics, attachments: attachments)
    }

    /// What a walk finds: notes, other files, and what it could not read.
    private struct Found: Sendable {
        var paths: [String] = []
        var attachments: [Attachment] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Reads every note below a folder and hands it to `transform` (see `read(_:perThread:transform:)`).
    public static func read<T: Sendable>(
        directory: String, transform: @Sendable (SourceFile, String) -> T
    ) throws(VaultError) -> (files: [T], diagnostics: [Diagnostic]) {
        let listing = try list(directory: directory)
        let read = read(listing, perThread: { () }) { _, _, file in transform(file, listing.root + "/" + file.path) }
        return (read.files.compactMap { $0 }, listing.diagnostics + read.diagnostics)
    }

    /// Reads every listed note and hands it to `transform` on the same thread, while its bytes are still
    /// in cache (the loader parses there), with what that thread made once with `makeState` (buffers a
    /// parser reuses from file to file) and its index in `listing.paths`. Results come back
    /// by index, nil for a file that could not be read (its diagnostic says why). The bytes are lent for
    /// the call only: each thread reads every file into the same memory, since fresh pages for 275 MB of
    /// notes cost more than the reading.
    public static func read<T: Sendable, State>(
        _ listing: Listing, perThread makeState: @Sendable () -> State,
        transform: @Sendable (State, Int, SourceFile) -> T
    ) -> (files: [T?], diagnostics: [Diagnostic]) {
        let paths = listing.paths
        // Files are opened by their path in the folder, opened once here (by full path if it cannot be).
        let folder = open(listing.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        var read = Parallel.map(count: paths.count, perWorker: { (ReadBuffer(), makeState(), FolderCursor(folder)) }) {
            worker, index -> (T?, Diagnostic?) in
            switch readFile(paths[index], root: listing.root, folders: worker.2, buffer: worker.0) {
            case .success(let file): return (transform(worker.1, index, file), nil)
            case .failure(let diagnostic): return (nil, diagnostic)
            }
        }
        // The results moved out, not copied: a copy retains and releases every field of every note.
        let files = read.withUnsafeMutableBufferPointer { buffer in buffer.indices.map { buffer[$0].0.take() } }
        return (files, read.compactMap(\.1))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Lists the folder at `relative` into `found`, and its folders below it; when `subfolders` is given,
    /// they are added to it instead of being walked.
    private static func walk(root: String, relative: String, into found: inout Found, depth: Int, deferring subfolders: inout [String]?) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard depth < 64 else {
            found.diagnostics.append(Diagnostic(.warning, path: relative, line: 0, "folders nested too deeply; not read"))
            return
        }
        guard let dir = opendir(folder) else {
            found.diagnostics.append(
                Diagnostic(
                    .error, path: relative.isEmpty ? "." : relative, line: 0,
                    "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            // The child's path made from the name's bytes in one String (hidden names skipped unmade):
            // a String of the name, then one of the path, were three allocations a file.
            let made = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                guard let base = raw.baseAddress else { return nil }
                let nameLength = strnlen(base.assumingMemoryBound(to: CChar.self), raw.count)
                guard nameLength > 0, raw[0] != UInt8(ascii: ".") else { return nil }
                return joinedPath(relative, UnsafeRawBufferPointer(rebasing: raw[..<nameLength]))
            }
            guard let childRelative = made else { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) || kind == Int32(DT_LNK) {
                let childPath = root + "/" + childRelative
                if kind == Int32(DT_LNK) {
                    // Follow a link only when it stays inside the vault.
                    guard let target = realPath(childPath) else {
                        found.diagnostics.append(
                            Diagnostic(
                                .warning, path: childRelative, line: 0,
                                "symbolic link leads nowhere (broken or a loop); not followed"))
                        continue
                    }
                    guard target == root || target.hasPrefix(root + "/") else {
                        found.diagnostics.append(
                            Diagnostic(
                                .warning, path: childRelative, line: 0,
                                "symbolic link leads outside the vault; not followed"))
                        continue
                    }
                }
                var info = stat()
                guard stat(childPath, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1)
                if kind == Int32(DT_DIR), entry.pointee.d_type == UInt8(DT_LNK) {
                    // A linked folder inside the vault is read where it really lives, not twice.
                    continue
                }
            }
            if kind == Int32(DT_DIR) {
                if subfolders != nil {
                    subfolders?.append(childRelative)
                } else {
                    walk(root: root, relative: childRelative, into: &found, depth: depth + 1, deferring: &subfolders)
                }
            } else if kind == Int32(DT_REG), NoteParser.hasMarkdownSuffix(childRelative) {
                found.paths.append(childRelative)
            } else if kind == Int32(DT_REG) {
                // Listed with its size, never opened: a vault of images costs one stat each.
                var info = stat()
                let size = stat(root + "/" + childRelative, &info) == 0 ? Int(info.st_size) : 0
                found.attachments.append(Attachment(path: childRelative, byteCount: size))
            }
        }
    }

    /// `relative/name` (or `name` at the top), the name's bytes decoded as `String(cString:)` would
    /// (invalid UTF-8 repaired).
    private static func joinedPath(_ relative: String, _ name: UnsafeRawBufferPointer) -> String {
        if relative.isEmpty { return String(decoding: name, as: UTF8.self) }
        var relative = relative
        return relative.withUTF8 { folder in
            let count = folder.count + 1 + name.count
            return String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: folder)
                buffer[folder.count] = Byte.slash
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(folder.count + 1)...]).initialize(fromContentsOf: name)
                return count
            }
        }
    }

    /// A listed file, by its path below the folder `folders` opened (by its full path below `root` when
    /// the folder could not be opened).
    static func readFile(_ relative: String, root: String, folders: FolderCursor, buffer: ReadBuffer) -> Result<SourceFile, Diagnostic> {
        let opened = folders.isOpen ? folders.open(relative) : (root + "/" + relative).withCString { open($0, O_RDONLY | O_CLOEXEC) }
        return outcome(NoteFileReading.read(descriptor: opened, into: buffer), relative: relative)
    }

    /// One copy, from the page cache into memory this thread reuses; decoding waits until the text is shown.
    private static func outcome(_ read: Result<NoteBytes, NoteFileReading.Failure>, relative: String) -> Result<SourceFile, Diagnostic> {
        switch read {
        case .success(let bytes):
            return .success(SourceFile(path: relative, bytes: bytes))
        case .failure(.unreadable(let error)):
            return .failure(Diagnostic(.error, path: relative, line: 0, "cannot read: \(String(cString: strerror(error)))"))
        case .failure(.tooLarge(let size)):
            return .failure(
                Diagnostic(
                    .warning, path: relative, line: 0,
                    "skipped: \(size) bytes is over the \(maximumFileSize / 1024 / 1024) MiB limit for a note"))
        case .failure(.binary):
            return .failure(Diagnostic(.warning, path: relative, line: 0, "skipped: binary file (contains NUL bytes)"))
        }
    }
}

/// The folder a reading thread's last file was in, kept open: a vault is listed folder by folder, so
/// the next file is nearly always in it, and a name opened in its own folder walks one path component
/// where one opened below the vault walked them all (the kernel's name lookups were a twentieth of a
/// load). One per thread; a folder that cannot be opened leaves its files opened by their whole path.
final class FolderCursor {
    private let root: Int32
    private var folder: [UInt8]?
    private var descriptor: Int32 = -1

    /// `root`: the open vault folder the paths are below (< 0: none, see `isOpen`).
    init(_ root: Int32) { self.root = root }

    deinit { if descriptor >= 0 { close(descriptor) } }

    var isOpen: Bool { root >= 0 }

    /// The file at `path` below the root, opened for reading; < 0 when it cannot be (errno says why).
    func open(_ path: String) -> Int32 {
        path.withCString { whole -> Int32 in
            guard let slash = strrchr(whole, Int32(Byte.slash)) else { return openat(root, whole, O_RDONLY | O_CLOEXEC) }
            let folderLength = UnsafeRawPointer(slash) - UnsafeRawPointer(whole)
            let name = whole + folderLength + 1
            let folderBytes = UnsafeRawBufferPointer(start: whole, count: folderLength)
            if !isCurrent(folderBytes) {
                if descriptor >= 0 { close(descriptor) }
                folder = Array(folderBytes)
                var terminated = [CChar](repeating: 0, count: folderLength + 1)
                terminated.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(folderBytes)) }
                descriptor = openat(root, terminated, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            return descriptor >= 0 ? openat(descriptor, name, O_RDONLY | O_CLOEXEC) : openat(root, whole, O_RDONLY | O_CLOEXEC)
        }
    }

    private func isCurrent(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let folder, folder.count == bytes.count else { return false }
        return folder.withUnsafeBytes { stored in
            guard let base = stored.baseAddress, let other = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(base, other, bytes.count) == 0
        }
    }
}
