import Foundation

/// A note's bytes, wherever they live: in a `ByteArena` shared with the other notes read by the same
/// thread, or in memory of their own. Immutable once made and kept alive by `owner`, so sharing it
/// between threads is safe.
public struct NoteBytes: RandomAccessCollection, @unchecked Sendable {
    private let owner: AnyObject & Sendable
    private let base: UnsafePointer<UInt8>?
    public let count: Int

    init(owner: AnyObject & Sendable, base: UnsafePointer<UInt8>?, count: Int) {
        self.owner = owner
        self.base = count > 0 ? base : nil
        self.count = count
    }

    /// A copy of `bytes` in memory of its own.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let storage = OwnedBytes(bytes)
        self.init(owner: storage, base: UnsafePointer(storage.pointer), count: storage.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "NoteBytes index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The same bytes without the first `n` (a byte-order mark, say): no copy.
    func dropping(first n: Int) -> NoteBytes {
        let n = Swift.min(Swift.max(n, 0), count)
        return NoteBytes(owner: owner, base: base.map { $0 + n }, count: count - n)
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }

    /// The bytes from `offset` on as text (invalid UTF-8 shown as U+FFFD).
    func decoded(from offset: Int = 0) -> String {
        withUnsafeBufferPointer { buffer in
            let start = Swift.min(Swift.max(offset, 0), buffer.count)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}

/// Bytes copied into memory owned by one object, freed with it.
final class OwnedBytes: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
    let count: Int

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        count = bytes.count
        pointer = .allocate(capacity: max(count, 1))
        _ = UnsafeMutableBufferPointer(start: pointer, count: count).initialize(from: bytes)
    }

    deinit { pointer.deallocate() }
}

/// Memory for the bytes of many notes, taken from the system in 64 MiB pieces: a vault of 25,000 notes is
/// 270 MB of bytes, and a malloc and free per note cost more than the bytes themselves. (Asking for huge
/// pages was measured too: the kernel's compaction made loads slower on a busy machine.) Used by one
/// thread at a time; notes keep it alive, and it is freed when the last goes.
final class ByteArena: @unchecked Sendable {
    private var pieces: [(pointer: UnsafeMutableRawPointer, size: Int)] = []
    private var next: UnsafeMutableRawPointer?
    private var left = 0
    static let pieceSize = 64 << 20

    /// Room for `count` bytes, or nil when the system has no more memory to give.
    func allocate(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        if count > left || next == nil {
            let size = max(Self.pieceSize, (count + 4095) & ~4095)
            guard let piece = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  piece != MAP_FAILED else { return nil }
            pieces.append((piece, size))
            next = piece
            left = size
        }
        guard let start = next else { return nil }
        let aligned = (count + 15) & ~15
        next = start + min(aligned, left)
        left -= min(aligned, left)
        return start.bindMemory(to: UInt8.self, capacity: count)
    }

    /// `count` bytes at `pointer` (memory this arena gave), kept alive by the arena.
    func bytes(_ pointer: UnsafeMutablePointer<UInt8>, count: Int) -> NoteBytes {
        NoteBytes(owner: self, base: UnsafePointer(pointer), count: count)
    }

    deinit {
        for piece in pieces { munmap(piece.pointer, piece.size) }
    }
}
