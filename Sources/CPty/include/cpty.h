#ifndef FACETS_CPTY_H
#define FACETS_CPTY_H

#include <sys/types.h>

/// Opens a pseudo-terminal of rows x cols and spawns `path` with `argv`/`envp` as the leader of a new
/// session whose controlling terminal is the pty's slave (stdin, stdout and stderr). The child starts
/// with an empty signal mask, default signal dispositions and no descriptor above 2.
/// On success returns 0 and stores the master (O_NOCTTY | O_CLOEXEC; the parent keeps no slave open)
/// and the child's pid; on failure returns an errno value.
int facets_pty_spawn(const char *path, char *const argv[], char *const envp[],
                     unsigned short rows, unsigned short cols,
                     int *master_out, pid_t *pid_out);

/// As facets_pty_spawn, with the child starting in `directory` (NULL: the caller's own).
int facets_pty_spawn_in(const char *path, char *const argv[], char *const envp[],
                        unsigned short rows, unsigned short cols, const char *directory,
                        int *master_out, pid_t *pid_out);

/// Hands memory glibc keeps after a burst of allocations back to the system (malloc_trim).
void facets_release_free_memory(void);

/// Sets the window size of the pty behind `master`; the kernel sends SIGWINCH to its foreground group.
int facets_pty_resize(int master, unsigned short rows, unsigned short cols);

/// Non-blocking reap of `pid`. Returns 0 while it runs, 1 when it was reaped (then `exit_code` is its
/// exit status, or -1 when it was killed by `signal_out`), -1 on error (errno set).
int facets_pty_reap(pid_t pid, int *exit_code, int *signal_out);

#endif
