import CMallocTuning

/// Process-wide allocator settings, made once at start-up.
enum MemoryTuning {
    /// Loader threads grow their malloc heaps in 64 MiB steps instead of page by page: each step is an
    /// `mprotect` that takes the address-space lock the other thread's page faults wait on, and at 25,000
    /// notes those waits were a fifth of the load. The steps are address space only; untouched pages
    /// cost no memory.
    static func apply() {
        _ = facets_malloc_set_top_pad(64 << 20)
    }
}
