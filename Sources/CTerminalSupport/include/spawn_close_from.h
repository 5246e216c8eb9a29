#ifndef FACETS_SPAWN_CLOSE_FROM_H
#define FACETS_SPAWN_CLOSE_FROM_H

#include <spawn.h>

/* Adds "close every descriptor from `lowest` up" to `actions`: a program we start (a browser from the
   explorer, a tool from a test) must not keep our descriptors (the vault watcher's inotify, sockets)
   alive after we close them. glibc's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc
   module does not show. Returns 0 or an errno value. */
int facets_spawn_actions_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
