#include "malloc_tuning.h"
/* Any C library header defines __GLIBC__ on glibc; without one the check below is always false. */
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int facets_malloc_set_top_pad(int bytes) {
    return mallopt(M_TOP_PAD, bytes) == 1 ? 1 : 0;
}
#else
int facets_malloc_set_top_pad(int bytes) {
    (void)bytes;
    return 0;
}
#endif
