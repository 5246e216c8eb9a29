import Foundation

/// How much of the space of sizes the size suites walk.
///
/// By default a random sample, drawn from a seed printed once per run, so that `swift test` stays fast;
/// `FACETS_TEST_SEED=<seed>` draws the same sample again (to re-run a failure), and
/// `FACETS_FULL_SWEEP=1` (which CI sets) walks every size as before.
enum SizeSweep {
    static let environment = ProcessInfo.processInfo.environment

    /// Every size, not a sample: `FACETS_FULL_SWEEP=1`.
    static let full = environment["FACETS_FULL_SWEEP"] == "1"

    /// `FACETS_TEST_SEED` (decimal or 0x hex), or a fresh one; printed the first time it is used.
    static let seed: UInt64 = {
        let given = environment["FACETS_TEST_SEED"].flatMap { text -> UInt64? in
            text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        }
        let seed = given ?? UInt64.random(in: 1...UInt64.max)
        if full {
            print("Size sweep: every size (FACETS_FULL_SWEEP=1)")
        } else {
            print("Size sweep: a sample of sizes, FACETS_TEST_SEED=\(seed) draws it again; FACETS_FULL_SWEEP=1 walks every size")
        }
        return seed
    }()

    /// What to put in a failure's message so that it can be re-run.
    static var rerun: String {
        full ? "(full sweep)" : "(sampled: re-run with FACETS_TEST_SEED=\(seed), or FACETS_FULL_SWEEP=1 for every size)"
    }

    /// All of `values` in a full sweep; otherwise `count` of them drawn by the seed, plus every one of
    /// `always` (the edges), in their original order. `salt` gives each test its own draw from one seed.
    static func sample<T: Equatable>(_ values: [T], _ count: Int, always: [T] = [], salt: String) -> [T] {
        _ = seed  // prints which sweep this run makes, once
        if full || values.count <= count + always.count { return values }
        // FNV-1a of the salt: stable across runs, unlike Hasher.
        var mix: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in salt.utf8 { mix = (mix ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var random = SplitMix64(seed: seed ^ mix)
        var chosen = Set(values.indices.filter { always.contains(values[$0]) })
        var rest = values.indices.filter { !chosen.contains($0) }
        for _ in 0..<min(count, rest.count) {
            chosen.insert(rest.remove(at: Int(random.next() % UInt64(rest.count))))
        }
        return values.indices.filter(chosen.contains).map { values[$0] }
    }
}
