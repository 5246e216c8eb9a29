import Foundation
import Synchronization

/// Where a note's bytes are found when they are asked for. The bundle and notes made from text keep
/// theirs in memory; a vault's notes are read again from their files: a load looks at every byte once,
/// while a session shows a few notes, and 25,000 notes kept resident were 275 MB of memory whose fresh
/// pages cost a third of the load.
enum NoteContent: Sendable {
    case resident(bytes: NoteBytes, bodyOffset: Int)
    case file(NoteFile)

    /// The bytes (normalised as the parser reads them) and where the body starts in them.
    var current: (bytes: NoteBytes, bodyOffset: Int) {
        switch self {
        case .resident(let bytes, let bodyOffset): return (bytes, bodyOffset)
        case .file(let file): return file.read()
        }
    }

    /// `current` for passes over every note (the search index): a file is read into `buffer`, past the
    /// cache, and its bytes are lent for the call only.
    func withCurrent<R>(reusing buffer: ReadBuffer, _ body: (NoteBytes, Int) -> R) -> R {
        switch self {
        case .resident(let bytes, let bodyOffset): return body(bytes, bodyOffset)
        case .file(let file):
            let (bytes, bodyOffset) = file.read(into: buffer)
            return body(bytes, bodyOffset)
        }
    }
}

/// A vault note's file, read again whenever its text is wanted, through the vault's small cache. Only
/// ever opened for reading. A file changed since the load is shown as it is now (its body found again);
/// one that can no longer be read shows as empty. A value held in the note: the folder and the cache are
/// the vault's, shared (`NoteFolder`), and the path is the note's own string, so a note costs no object.
struct NoteFile: Sendable {
    let folder: NoteFolder
    let relativePath: String
    /// Size and body start at load time: a file of another size has changed, so its body is found again.
    private let storedCount: Int32
    private let storedBodyOffset: Int32

    var root: String { folder.root }
    var cache: NoteFileCache { folder.cache }
    var path: String { root + "/" + relativePath }
    var loadedCount: Int { Int(storedCount) }
    var loadedBodyOffset: Int { Int(storedBodyOffset) }

    /// Notes are at most `VaultReader.maximumFileSize` bytes, so their sizes fit 32 bits.
    init(folder: NoteFolder, relativePath: String, loadedCount: Int, loadedBodyOffset: Int) {
        self.folder = folder
        self.relativePath = relativePath
        self.storedCount = Int32(clamping: loadedCount)
        self.storedBodyOffset = Int32(clamping: loadedBodyOffset)
    }

    /// Through the cache, which keeps a copy only while the file's size and modification time stay
    /// what they were when it was read: a note edited elsewhere shows its new text at the next look.
    func read() -> (bytes: NoteBytes, bodyOffset: Int) {
        let path = self.path
        guard let stamp = FileStamp(path: path) else { return read(into: nil) }
        if let cached = cache.lookup(path, stamp: stamp) { return cached }
        let found = read(into: nil)
        cache.store(path, stamp: stamp, found)
        return found
    }

    /// The file as it is now, past the cache: into `buffer` when given (lent until its next use).
    func read(into buffer: ReadBuffer?) -> (bytes: NoteBytes, bodyOffset: Int) {
        let bytes: NoteBytes
        switch NoteFileReading.read(path, into: buffer) {
        case .success(let read): bytes = NoteParser.normalized(read)
        case .failure: bytes = NoteBytes([UInt8]())
        }
        var bodyOffset = loadedBodyOffset
        if bytes.count != loadedCount {
            bodyOffset = bytes.withUnsafeBufferPointer { buffer in
                if case .closed(_, let offset, _)? = FrontMatterFence.find(buffer) { return offset }
                return 0
            }
        }
        return (bytes, min(bodyOffset, bytes.count))
    }
}

/// A vault's folder and the cache its notes read through, one object shared by every note.
final class NoteFolder: Sendable {
    let root: String
    let cache: NoteFileCache

    init(root: String, cache: NoteFileCache) {
        self.root = root
        self.cache = cache
    }
}

/// The notes read again lately, so showing a note, its backlinks' lines and a page of search hits (whose
/// lines are looked up at each keystroke) do not each open the file. Bounded in notes and in bytes: a
/// walk through every note keeps only the latest.
final class NoteFileCache: Sendable {
    /// More than a page of search hits (50), so typing a query reads each hit's file once.
    static let capacity = 256
    static let byteBudget = 32 << 20

    private struct Entry {
        var stamp: FileStamp
        var bytes: NoteBytes
        var bodyOffset: Int
        var lastUse: Int
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock = 0
    }

    private let state = Mutex(State())

    init() {}

    /// The copy read when the file had `stamp`, or nil (never read, pushed out, or changed since).
    func lookup(_ path: String, stamp: FileStamp) -> (bytes: NoteBytes, bodyOffset: Int)? {
        state.withLock { state in
            guard var entry = state.entries[path], entry.stamp == stamp else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[path] = entry
            return (entry.bytes, entry.bodyOffset)
        }
    }

    func store(_ path: String, stamp: FileStamp, _ value: (bytes: NoteBytes, bodyOffset: Int)) {
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(
                Entry(
                    stamp: stamp, bytes: value.bytes, bodyOffset: value.bodyOffset,
                    lastUse: state.clock), forKey: path)
            {
                state.bytes -= old.bytes.count
            }
            state.bytes += value.bytes.count
            // Least recently used first; the note just stored always stays.
            while state.entries.count > 1, state.entries.count > Self.capacity || state.bytes > Self.byteBudget,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.bytes.count
            }
        }
    }

    /// How many notes it holds (at most `capacity`), and their bytes (at most `byteBudget`, or one note's).
    var count: Int { state.withLock { $0.entries.count } }
    var byteCount: Int { state.withLock { $0.bytes } }
}

/// What tells a file that changed from one that did not, short of reading it: size and modification time.
struct FileStamp: Sendable, Equatable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int

    /// nil when the file cannot be looked at (gone, or no permission).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// Reading one note file into memory of its own, with the loader's limits.
enum NoteFileReading {
    enum Failure: Error { case unreadable(Int32), tooLarge(Int), binary }

    /// The file's bytes: in `buffer` (lent until its next use) when given, else in memory of their own.
    /// A relative `path` is found below the open folder `directory` (a loader opens the vault's folder
    /// once, and the kernel then looks up one name per note instead of every folder on the way).
    static func read(_ path: String, in directory: Int32 = AT_FDCWD, into buffer: ReadBuffer? = nil) -> Result<NoteBytes, Failure> {
        // withCString lends a native String's own bytes; passing the String copied it into an array per file.
        read(descriptor: path.withCString { openat(directory, $0, O_RDONLY | O_CLOEXEC) }, into: buffer)
    }

    /// `read` of a file just opened as `fd`, which it closes; `fd` < 0 is the failed open's (errno says why).
    static func read(descriptor fd: Int32, into buffer: ReadBuffer? = nil) -> Result<NoteBytes, Failure> {
        guard fd >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(fd) }
        let target = buffer ?? ReadBuffer()
        // Read to the end instead of asking the size first: the empty read that finds the end costs
        // less than the `fstat` it replaces, once per note of a load.
        var filled = 0
        var memory = target.reserve(0)
        while let base = memory {
            let count = Glibc.read(fd, base + filled, target.capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if count == 0 { break }
            filled += count
            guard filled == target.capacity else { continue }
            // A file that fills the buffer (past 256 KiB, or what this thread's buffer grew to: rare) has
            // its size asked after all, so that one over the limit is refused before the buffer grows.
            var info = stat()
            let size = fstat(fd, &info) == 0 ? max(Int(info.st_size), filled) : filled
            if size > VaultReader.maximumFileSize { return .failure(.tooLarge(size)) }
            memory = target.reserve(max(filled * 2, size + 1))
        }
        guard let memory else { return .failure(.unreadable(ENOMEM)) }
        if filled > 0, memchr(memory, 0, min(filled, 8192)) != nil { return .failure(.binary) }
        let lent = target.bytes(count: filled)
        return .success(buffer == nil ? lent.withUnsafeBufferPointer { NoteBytes($0) } : lent)
    }
}
