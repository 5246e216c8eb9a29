#ifndef FACETS_CBYTESCAN_H
#define FACETS_CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Whether a byte other than newline can start something the link scanner reads (`!`, `<`, `[`, backtick).
static inline int facets_is_special_besides_newline(uint8_t b) {
    return b == '!' || b == '<' || b == '[' || b == '`';
}

#if defined(__SSE2__)
/// For sixteen bytes, a bit per byte: `*lines` where a newline is, `*others` where another byte is that
/// `facets_is_special_besides_newline`. Swift's SIMD types do not compile to the compare-and-movemask
/// this needs, and these loops are the load's hot path.
static inline void facets_special_masks(const uint8_t *at, unsigned *lines, unsigned *others) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)at);
    *lines = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    *others = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')), _mm_cmpeq_epi8(v, _mm_set1_epi8('`')))));
}
#endif

/// The index of the first byte in [from, end) that can start something the link scanner reads
/// (newline, `!`, `<`, `[`, backtick), or `end`; sixteen bytes per step with SSE2.
static inline size_t facets_next_special(const uint8_t *bytes, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    while (i + 16 <= end) {
        unsigned lines, others;
        facets_special_masks(bytes + i, &lines, &others);
        if ((lines | others) != 0) return i + (size_t)__builtin_ctz(lines | others);
        i += 16;
    }
#endif
    for (; i < end; i++) {
        if (bytes[i] == '\n' || facets_is_special_besides_newline(bytes[i])) return i;
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

/// The index of the first newline, `]` or `|` in [from, end), or `end`: the bytes that end a wiki
/// link's target or the link itself, skipped sixteen at a time (walking a link byte by byte was a
/// third of the scan's own time).
static inline size_t facets_next_link_stop(const uint8_t *bytes, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i close = _mm_set1_epi8(']');
    const __m128i pipe = _mm_set1_epi8('|');
    while (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + i));
        __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_or_si128(_mm_cmpeq_epi8(v, close), _mm_cmpeq_epi8(v, pipe)));
        int mask = _mm_movemask_epi8(hits);
        if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
        i += 16;
    }
#endif
    for (; i < end; i++) {
        uint8_t b = bytes[i];
        if (b == '\n' || b == ']' || b == '|') return i;
    }
    return end;
}

/// Whether [from, to) holds a byte that keeps a link target from being looked up as plain bytes:
/// one outside ASCII, `#` (a heading) or `.` (`.md`, `..`).
static inline int facets_has_unplain_byte(const uint8_t *bytes, size_t from, size_t to) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i hash = _mm_set1_epi8('#');
    const __m128i dot = _mm_set1_epi8('.');
    while (i + 16 <= to) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + i));
        __m128i hits = _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, hash), _mm_cmpeq_epi8(v, dot)));
        if (_mm_movemask_epi8(hits) != 0) return 1;
        i += 16;
    }
#endif
    for (; i < to; i++) {
        uint8_t b = bytes[i];
        if (b >= 0x80 || b == '#' || b == '.') return 1;
    }
    return 0;
}

/// Whether the line starting at `from` could open or close a fence or a `$$` math block: its first
/// byte after spaces, tabs and `>` (quotes, callouts) is a backtick, `~` or `$`. A superset of what
/// CodeRegions decides, so that a line this passes over is one CodeRegions would read as text.
static inline int facets_line_may_be_fence(const uint8_t *bytes, size_t from, size_t end) {
    size_t k = from;
    while (k < end && (bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '>')) k++;
    return k < end && (bytes[k] == '`' || bytes[k] == '~' || bytes[k] == '$');
}

/// Like facets_next_special, for text outside code and math: a newline stops it only when the line
/// after it may be a fence or math (`facets_line_may_be_fence`); the others are passed over and
/// counted in `*newlines`. Most lines are plain text, and stopping at each cost the scan a restart.
static inline size_t facets_next_special_across_lines(const uint8_t *bytes, size_t from, size_t end, size_t *newlines) {
    size_t i = from;
    size_t passed = 0;
#if defined(__SSE2__)
    while (i + 16 <= end) {
        unsigned lines, others;
        facets_special_masks(bytes + i, &lines, &others);
        unsigned firstOther = others != 0 ? (unsigned)__builtin_ctz(others) : 16;
        unsigned before = lines & ((1u << firstOther) - 1u);
        while (before != 0) {
            size_t at = i + (size_t)__builtin_ctz(before);
            if (facets_line_may_be_fence(bytes, at + 1, end)) {
                *newlines = passed;
                return at;
            }
            passed++;
            before &= before - 1u;
        }
        if (others != 0) {
            *newlines = passed;
            return i + firstOther;
        }
        i += 16;
    }
#endif
    for (; i < end; i++) {
        uint8_t b = bytes[i];
        if (b == '\n') {
            if (facets_line_may_be_fence(bytes, i + 1, end)) break;
            passed++;
        } else if (facets_is_special_besides_newline(b)) {
            break;
        }
    }
    *newlines = passed;
    return i;
}

/// Whether `b` may be where text needs sanitizing besides its newlines: a C0 control but newline, DEL,
/// or a lead byte of the other unsafe scalars (C2: C1 controls and the soft hyphen; D8: U+061C; E2:
/// U+200B to U+2069; EF: U+FEFF). TerminalSafeText decides exactly from there.
static inline int facets_may_be_unsafe_besides_newline(uint8_t b) {
    return (b < 0x20 && b != '\n') || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF;
}

/// The index of the first byte in [from, end) that `facets_may_be_unsafe_besides_newline`, or `end`,
/// sixteen bytes per step: `facets check` writes a megabyte of report that nearly always has none.
static inline size_t facets_next_maybe_unsafe(const uint8_t *bytes, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    const __m128i highest_control = _mm_set1_epi8(0x1F);
    const __m128i newline = _mm_set1_epi8('\n');
    while (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(bytes + i));
        __m128i control = _mm_andnot_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(_mm_min_epu8(v, highest_control), v));
        __m128i leads = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)))));
        int mask = _mm_movemask_epi8(_mm_or_si128(control, leads));
        if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
        i += 16;
    }
#endif
    for (; i < end; i++) {
        if (facets_may_be_unsafe_besides_newline(bytes[i])) return i;
    }
    return end;
}

/// The loose name key (`NameKeys.loose`) of `count` bytes written to `out`, when it maps them byte
/// for byte: letters lowered, each separator (space, `_`, tab, `-`) a space. It does unless a byte is
/// not ASCII or a separator starts or ends the name or follows another: then 0 is returned and `out`
/// holds nothing of use. No branch per byte: a load makes two keys per note (stem and title), and
/// nearly all of them are mapped here.
static inline int facets_loose_ascii_map(const uint8_t *bytes, size_t count, uint8_t *out) {
    unsigned bad = 0;
    unsigned previous = 1;
    for (size_t i = 0; i < count; i++) {
        uint8_t b = bytes[i];
        unsigned separator = (unsigned)(b == ' ') | (unsigned)(b == '_') | (unsigned)(b == '\t') | (unsigned)(b == '-');
        bad |= (unsigned)(b >> 7) | (separator & previous);
        previous = separator;
        uint8_t upper = (uint8_t)(b - 'A') < 26 ? 0x20 : 0;
        out[i] = separator ? (uint8_t)' ' : (uint8_t)(b | upper);
    }
    return count == 0 || !(bad | previous);
}

/// The cleaned name key (`NameKeys.cleaned`) of `count` bytes written to `out`, when it maps them byte
/// for byte: letters lowered, space and `_` to `_`. It does when every byte is an ASCII letter, digit,
/// space or `_` (a stem that is already a cleaned name, as a generated vault's are); else 0 is
/// returned and `out` holds nothing of use. No branch per byte, as `facets_loose_ascii_map`.
static inline int facets_cleaned_ascii_map(const uint8_t *bytes, size_t count, uint8_t *out) {
    unsigned bad = 0;
    for (size_t i = 0; i < count; i++) {
        uint8_t b = bytes[i];
        uint8_t folded = (uint8_t)(b | 0x20);
        unsigned letter = (unsigned)((uint8_t)(folded - 'a') < 26);
        unsigned digit = (unsigned)((uint8_t)(b - '0') < 10);
        unsigned separator = (unsigned)(b == ' ') | (unsigned)(b == '_');
        bad |= (unsigned)(b >> 7) | ((letter | digit | separator) ^ 1u);
        out[i] = separator ? (uint8_t)'_' : (letter ? folded : b);
    }
    return !bad;
}

/// A hint that the memory at `address` will be read soon. The link tables' lookups miss the cache;
/// a note's links fetched together overlap their misses instead of waiting for each in turn.
static inline void facets_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
