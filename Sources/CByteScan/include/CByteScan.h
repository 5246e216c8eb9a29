#ifndef FACETS_CBYTESCAN_H
#define FACETS_CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The index of the first byte in [from, end) that can start something the link scanner reads
/// (newline, `!`, `<`, `[`, backtick), or `end`. Sixteen bytes per step with SSE2: Swift's SIMD types
/// do not compile to the compare-and-movemask this needs, and this loop is the load's hot path.
static inline size_t facets_next_special(const uint8_t *bytes, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i bang = _mm_set1_epi8('!');
    const __m128i less = _mm_set1_epi8('<');
    const __m128i bracket = _mm_set1_epi8('[');
    const __m128i backtick = _mm_set1_epi8('`');
    while (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + i));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, bang)),
                                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, less), _mm_cmpeq_epi8(v, bracket)),
                                                 _mm_cmpeq_epi8(v, backtick)));
        int mask = _mm_movemask_epi8(hits);
        if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
        i += 16;
    }
#endif
    for (; i < end; i++) {
        uint8_t b = bytes[i];
        if (b == '\n' || b == '!' || b == '<' || b == '[' || b == '`') return i;
    }
    return end;
}

/// How many bytes from `from` on are ASCII, sixteen per step: most of a note is, and the UTF-8 check
/// only needs to look closely at the rest.
static inline size_t facets_ascii_run(const uint8_t *bytes, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    while (i + 16 <= end) {
        int mask = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(bytes + i)));
        if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask) - from;
        i += 16;
    }
#endif
    while (i < end && bytes[i] < 0x80) i++;
    return i - from;
}

#endif
