import Foundation

/// Strings to small integers in one flat table: keys packed end to end in a single byte array, slots of
/// hash tag and entry number. A lookup hashes the bytes, reads one slot and compares one key in place.
/// Resolving 330,000 links against `[String: Int]` spent most of its time in SipHash and in cache misses
/// on the scattered key strings; this is the table the loader's threads ask once per link.
struct ByteKeyTable: Sendable {
    private var keyBytes: [UInt8] = []
    /// Per entry: where its key starts in `keyBytes` (one extra at the end marks where the last stops).
    private var keyStarts: [Int32] = [0]
    private var values: [Int32] = []
    /// Per slot: 0 when empty, else the hash's top 32 bits and the entry number plus one.
    private var slots: [UInt64]
    private let mask: Int
    private let seed: UInt64

    /// `keyBytes`: the keys' bytes together, when known, so the key store is made once rather than
    /// doubled and copied as keys arrive.
    init(capacity: Int, keyBytes keyByteCount: Int = 0, seed: UInt64 = ByteKeyTable.processSeed) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        self.seed = seed
        values.reserveCapacity(capacity)
        keyStarts.reserveCapacity(capacity + 1)
        keyBytes.reserveCapacity(keyByteCount)
    }

    var count: Int { values.count }

    /// Drops the room its arrays grew into, once every key is in: a table kept for the session held up
    /// to twice its keys' bytes.
    mutating func compact() {
        keyBytes = keyBytes.exactlySized()
        keyStarts = keyStarts.exactlySized()
        values = values.exactlySized()
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
            if matches(slots[slot], hash: hash, bytes) { return Int(values[Int(slots[slot] & 0xFFFF_FFFF) - 1]) }
            slot = (slot + 1) & mask
        }
        // Half full at most: grows with its keys instead of degrading to long probes.
        if (values.count + 1) * 2 > slots.count {
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
        // Eight ASCII bytes at a time (nearly every path and name), byte by byte from the first that is not.
        var index = 0
        while index + 8 <= bytes.count,
            UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            index += 8
        }
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
                if matches(entry, hash: hash, bytes) { return Int(values[Int(entry & 0xFFFF_FFFF) - 1]) }
                slot = (slot + 1) & mask
            }
        }
    }

    private func matches(_ entry: UInt64, hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry >> 32 == hash >> 32 else { return false }
        let number = Int(entry & 0xFFFF_FFFF) - 1
        let start = Int(keyStarts[number]), end = Int(keyStarts[number + 1])
        guard end - start == bytes.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(storedBase + start, base, bytes.count) == 0
        }
    }

    private mutating func place(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Int, at slot: Int) {
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(Int32(keyBytes.count))
        values.append(Int32(truncatingIfNeeded: value))
        slots[slot] = (hash >> 32) << 32 | UInt64(values.count)
    }

    private mutating func addIfAbsentAfterGrowth(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        place(bytes, hash: hash, value, at: slot)
    }

    /// Twice the slots, every entry placed again.
    private mutating func grow() {
        var bigger = ByteKeyTable(capacity: slots.count, seed: seed)
        keyBytes.withUnsafeBufferPointer { stored in
            for number in values.indices {
                let start = Int(keyStarts[number]), end = Int(keyStarts[number + 1])
                let key = UnsafeBufferPointer(rebasing: stored[start..<end])
                bigger.addIfAbsentAfterGrowth(key, hash: Self.hash(key, seed: seed), Int(values[number]))
            }
        }
        self = bigger
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
