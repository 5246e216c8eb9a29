import CByteScan
import Foundation

/// Strings to small integers in one flat table: entries packed end to end in a single byte array, slots
/// of hash tag and entry offset. A lookup hashes the bytes, reads one slot and compares one key in place.
/// Resolving 330,000 links against `[String: Int]` spent most of its time in SipHash and in cache misses
/// on the scattered key strings; this is the table the loader's threads ask once per link.
struct ByteKeyTable: Sendable {
    /// Every entry end to end: its value (4 bytes), its key's length (4 bytes), then the key's bytes. A
    /// hit reads its slot and this one place; with keys, bounds and values in three arrays it read four.
    private var entries: [UInt8] = []
    private(set) var count = 0
    /// Per slot: 0 when empty, else the hash's top 24 bits and the entry's offset in `entries` plus one.
    private var slots: [UInt64]
    private var mask: Int
    private let seed: UInt64

    private static let headerSize = 8
    private static let offsetBits: UInt64 = 40
    private static let offsetMask: UInt64 = (1 << 40) - 1

    /// `keyBytes`: the keys' bytes together, when known, so the key store is made once rather than
    /// doubled and copied as keys arrive.
    init(capacity: Int, keyBytes keyByteCount: Int = 0, seed: UInt64 = ByteKeyTable.processSeed) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        self.seed = seed
        entries.reserveCapacity(keyByteCount + capacity * Self.headerSize)
    }

    /// Drops the room its arrays grew into, once every key is in: a table kept for the session held up
    /// to twice its keys' bytes.
    mutating func compact() {
        entries = entries.exactlySized()
    }

    /// Adds `key → value` unless the key is there already: then the first value added stays, and is returned.
    @discardableResult
    mutating func addIfAbsent(_ key: String, _ value: Int) -> Int? {
        var key = Self.comparable(key)
        return key.withUTF8 { addIfAbsent(bytes: $0, value) }
    }

    /// `addIfAbsent` for a key's bytes, which must be in normalization form C (`isPlainlyNFC`): a table
    /// built from 25,000 paths made a String of every key only to read its bytes back.
    @discardableResult
    mutating func addIfAbsent(bytes: UnsafeBufferPointer<UInt8>, _ value: Int) -> Int? {
        let hash = Self.hash(bytes, seed: seed)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if let found = storedValue(at: slots[slot], ifKeyIs: bytes, hash: hash) { return found }
            slot = (slot + 1) & mask
        }
        // Half full at most: grows with its keys instead of degrading to long probes.
        if (count + 1) * 2 > slots.count {
            grow()
            addIfAbsentAfterGrowth(bytes, hash: hash, value)
        } else {
            place(bytes, hash: hash, value, at: slot)
        }
        return nil
    }

    /// Keys are equal when Swift's strings are: canonically equivalent (`é` precomposed or as `e` and a
    /// combining accent). Names already in normalization form C by their bytes alone, nearly all, are
    /// looked up as they are.
    func value(_ key: String) -> Int? {
        var isNFC = false
        let found = key.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            isNFC = Self.isPlainlyNFC(bytes)
            return isNFC ? value(bytes) : nil
        }
        if isNFC { return found ?? nil }
        var normalized = Self.comparable(key)
        return normalized.withUTF8 { value($0) }
    }

    /// The key's bytes as compared: in Unicode normalization form C.
    static func comparable(_ key: String) -> String {
        let plain = key.utf8.withContiguousStorageIfAvailable(isPlainlyNFC) ?? key.utf8.allSatisfy { $0 < firstLeadFromU0300 }
        return plain ? key : key.precomposedStringWithCanonicalMapping
    }

    /// Every character below U+0300 (ASCII, Latin-1 and the precomposed Latin letters) is unchanged by
    /// normalization form C and composes with nothing before it: text made only of them is already NFC.
    /// In UTF-8 those are the texts with no byte from 0xCC, the first lead byte of U+0300 and above.
    private static let firstLeadFromU0300: UInt8 = 0xCC

    static func isPlainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        // The ASCII run first, sixteen bytes at a time (nearly every path and name is all of it).
        var index = facets_ascii_run(base, 0, bytes.count)
        while index < bytes.count {
            if bytes[index] >= firstLeadFromU0300 { return false }
            index += 1
        }
        return true
    }

    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes, seed: seed)
        return slots.withUnsafeBufferPointer { slots -> Int? in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if let found = storedValue(at: entry, ifKeyIs: bytes, hash: hash) { return found }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The hash a lookup of `bytes` starts from, for `prefetch`.
    func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { Self.hash(bytes, seed: seed) }

    /// Starts fetching the slot a lookup by `hash` reads first. A hint only, as `prefetchEntry`: a
    /// caller with several keys fetches all their slots, then all their entries, then looks them up,
    /// so that their cache misses overlap.
    func prefetchSlot(hash: UInt64) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            facets_prefetch(base + (Int(truncatingIfNeeded: hash) & mask))
        }
    }

    /// Starts fetching the entry the first slot of `hash` names, when its tag matches.
    func prefetchEntry(hash: UInt64) {
        let entry = slots[Int(truncatingIfNeeded: hash) & mask]
        guard entry != 0, entry >> Self.offsetBits == hash >> Self.offsetBits else { return }
        entries.withUnsafeBytes { stored in
            guard let start = stored.baseAddress else { return }
            facets_prefetch(start + Int(entry & Self.offsetMask) - 1)
        }
    }

    /// The value of the entry `slot` points to, when its key is `bytes`.
    private func storedValue(at slot: UInt64, ifKeyIs bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard slot >> Self.offsetBits == hash >> Self.offsetBits else { return nil }
        let offset = Int(slot & Self.offsetMask) - 1
        return entries.withUnsafeBytes { stored -> Int? in
            guard let base = stored.baseAddress else { return nil }
            let length = Int(base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            guard length == bytes.count else { return nil }
            if let key = bytes.baseAddress, !Self.equal(base + offset + Self.headerSize, UnsafeRawPointer(key), count: length) { return nil }
            return Int(base.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        }
    }

    /// Byte equality, eight bytes at a time, in line: a key is a few dozen bytes, and a `memcmp` call per
    /// lookup (one per link of a vault) cost more than the comparing.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < count {
            guard a.load(fromByteOffset: offset, as: UInt8.self) == b.load(fromByteOffset: offset, as: UInt8.self) else { return false }
            offset += 1
        }
        return true
    }

    private mutating func place(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Int, at slot: Int) {
        let offset = entries.count
        withUnsafeBytes(of: Int32(truncatingIfNeeded: value)) { entries.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count)) { entries.append(contentsOf: $0) }
        entries.append(contentsOf: bytes)
        count += 1
        slots[slot] = Self.slot(hash: hash, offset: offset)
    }

    private static func slot(hash: UInt64, offset: Int) -> UInt64 {
        (hash >> offsetBits) << offsetBits | (UInt64(offset + 1) & offsetMask)
    }

    private mutating func addIfAbsentAfterGrowth(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        place(bytes, hash: hash, value, at: slot)
    }

    /// Twice the slots, every entry's slot placed again (the entries stay where they are).
    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let biggerMask = bigger.count - 1
        entries.withUnsafeBytes { stored in
            guard let base = stored.baseAddress else { return }
            var offset = 0
            while offset < stored.count {
                let length = Int(base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                let key = UnsafeBufferPointer(start: (base + offset + Self.headerSize).assumingMemoryBound(to: UInt8.self), count: length)
                let hash = Self.hash(key, seed: seed)
                var slot = Int(truncatingIfNeeded: hash) & biggerMask
                while bigger[slot] != 0 { slot = (slot + 1) & biggerMask }
                bigger[slot] = Self.slot(hash: hash, offset: offset)
                offset += Self.headerSize + length
            }
        }
        slots = bigger
        mask = biggerMask
    }

    /// A fast multiply-and-mix hash over eight bytes at a time. Seeded per process, so a vault cannot be
    /// written to make every name collide.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h ^ tail)
        }
        return mix(h)
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return product.high ^ product.low
    }

    static let processSeed = UInt64.random(in: 1...UInt64.max)
}
