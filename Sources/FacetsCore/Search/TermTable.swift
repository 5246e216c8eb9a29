import Foundation

/// The words of a run of notes, each with the notes holding it (in the order the notes are fed), keyed
/// by the words' bytes. Building the index meets every word once per occurrence, tens of millions of
/// times at 25,000 notes; a String and a Set insertion per occurrence cost seconds, a byte hash and a
/// compare do not. Strings are made once per distinct word, at the end.
struct TermTable: TermSink {
    /// The note whose words are being added.
    var note: UInt32 = 0
    private var text: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt32] = []
    private var postings: [[UInt32]] = []
    /// Open addressing: an entry's index, or -1.
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, lengths[entry] == word.count, equal(entry, word) {
                if postings[entry].last != note { postings[entry].append(note) }
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(hashes.count)
        starts.append(text.count)
        lengths.append(word.count)
        hashes.append(hash)
        text.append(contentsOf: word)
        postings.append([note])
        if hashes.count * 2 > slots.count { grow() }
    }

    private func equal(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress else { return lengths[entry] == 0 }
        return text.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + starts[entry], base, word.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in hashes.indices {
            var slot = Int(hashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// Each word as text, with its notes.
    func dictionary() -> [String: [UInt32]] {
        var result: [String: [UInt32]] = [:]
        result.reserveCapacity(hashes.count)
        text.withUnsafeBufferPointer { stored in
            for entry in hashes.indices {
                let word = String(decoding: UnsafeBufferPointer(rebasing: stored[starts[entry]..<starts[entry] + lengths[entry]]), as: UTF8.self)
                if let other = result[word] {
                    // Canonically equivalent spellings (different bytes) are one String, as a Set made them.
                    result[word] = Array(Set(other).union(postings[entry])).sorted()
                } else {
                    result[word] = postings[entry]
                }
            }
        }
        return result
    }
}
