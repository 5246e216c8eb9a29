#define _GNU_SOURCE
#include "spawn_close_from.h"
#include <errno.h>

int facets_spawn_actions_close_from(posix_spawn_file_actions_t *actions, int lowest) {
#ifdef __GLIBC__
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
#else
    (void)actions;
    (void)lowest;
    return ENOSYS;
#endif
}
