import Foundation

/// A note's bytes, wherever they live: in memory of their own, or lent by the loader's `ReadBuffer` for
/// the time of a parse. Immutable once made and kept alive by `owner`, so sharing it between threads is safe.
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

/// The memory one loader thread reads every file into, one file after another: grown to the largest
/// file, never cleared. The bytes it lends are valid until the next `reserve`.
final class ReadBuffer: @unchecked Sendable {
    private var memory: UnsafeMutableRawPointer?
    private(set) var capacity = 0

    /// Room for `count` bytes (the bytes already there kept), or nil when the system has no more memory to give.
    func reserve(_ count: Int) -> UnsafeMutableRawPointer? {
        if count > capacity || memory == nil {
            let size = max(count, 256 << 10)
            guard let grown = realloc(memory, size) else { return nil }
            memory = grown
            capacity = size
        }
        return memory
    }

    /// The first `count` bytes, lent until the next `reserve`.
    func bytes(count: Int) -> NoteBytes {
        NoteBytes(owner: self, base: memory.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }, count: min(count, capacity))
    }

    deinit { free(memory) }
}
