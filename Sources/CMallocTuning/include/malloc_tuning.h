#ifndef FACETS_MALLOC_TUNING_H
#define FACETS_MALLOC_TUNING_H

/* Asks glibc's malloc to grow each heap by at least `bytes` of address space at a time (M_TOP_PAD).
   Returns 1 when the setting was taken, 0 when refused or when the C library is not glibc. */
int facets_malloc_set_top_pad(int bytes);

#endif
