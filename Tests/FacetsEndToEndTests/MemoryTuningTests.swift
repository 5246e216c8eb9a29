import CMallocTuning
import Testing

/// The allocator setting the executable makes at start-up (see `MemoryTuning`).
@Suite("Memory tuning")
struct MemoryTuningTests {
    @Test("glibc takes the heap growth step: the setting is not compiled out")
    func topPadIsTaken() {
        #if os(Linux) && canImport(Glibc)
            // It once returned 0 everywhere: the glibc check ran before any header had defined __GLIBC__.
            #expect(facets_malloc_set_top_pad(64 << 20) == 1)
        #else
            #expect(facets_malloc_set_top_pad(64 << 20) == 0, "only glibc has the setting")
        #endif
    }
}
