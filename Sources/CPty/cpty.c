#define _GNU_SOURCE
#include "cpty.h"

#include <errno.h>
#include <malloc.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

int facets_pty_spawn(const char *path, char *const argv[], char *const envp[],
                     unsigned short rows, unsigned short cols,
                     int *master_out, pid_t *pid_out) {
    return facets_pty_spawn_in(path, argv, envp, rows, cols, NULL, master_out, pid_out);
}

int facets_pty_spawn_in(const char *path, char *const argv[], char *const envp[],
                        unsigned short rows, unsigned short cols, const char *directory,
                        int *master_out, pid_t *pid_out) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return errno;
    int error = 0;
    char slave[128];
    if (grantpt(master) != 0 || unlockpt(master) != 0) { error = errno; goto fail_master; }
    if ((error = ptsname_r(master, slave, sizeof slave)) != 0) goto fail_master;

    struct winsize size = { .ws_row = rows ? rows : 24, .ws_col = cols ? cols : 80 };
    if (ioctl(master, TIOCSWINSZ, &size) != 0) { error = errno; goto fail_master; }

    posix_spawnattr_t attributes;
    if ((error = posix_spawnattr_init(&attributes)) != 0) goto fail_master;
    posix_spawn_file_actions_t actions;
    if ((error = posix_spawn_file_actions_init(&actions)) != 0) goto fail_attributes;

    sigset_t empty, defaults;
    sigemptyset(&empty);
    sigfillset(&defaults);
    sigdelset(&defaults, SIGKILL);
    sigdelset(&defaults, SIGSTOP);
    // A new session; opening the slave (without O_NOCTTY) as its first terminal makes it the
    // controlling terminal, so resizes bring SIGWINCH and a closed master brings SIGHUP.
    if ((error = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)) != 0
        || (error = posix_spawnattr_setsigmask(&attributes, &empty)) != 0
        || (error = posix_spawnattr_setsigdefault(&attributes, &defaults)) != 0
        || (error = posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)) != 0
        || (error = posix_spawn_file_actions_adddup2(&actions, 0, 1)) != 0
        || (error = posix_spawn_file_actions_adddup2(&actions, 0, 2)) != 0
        || (error = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) != 0
        || (directory != NULL && (error = posix_spawn_file_actions_addchdir_np(&actions, directory)) != 0)) {
        goto fail_actions;
    }
    pid_t pid;
    if ((error = posix_spawn(&pid, path, &actions, &attributes, argv, envp)) != 0) goto fail_actions;
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    *master_out = master;
    *pid_out = pid;
    return 0;

fail_actions:
    posix_spawn_file_actions_destroy(&actions);
fail_attributes:
    posix_spawnattr_destroy(&attributes);
fail_master:
    close(master);
    return error;
}

int facets_pty_resize(int master, unsigned short rows, unsigned short cols) {
    struct winsize size = { .ws_row = rows, .ws_col = cols };
    return ioctl(master, TIOCSWINSZ, &size) == 0 ? 0 : errno;
}

int facets_pty_reap(pid_t pid, int *exit_code, int *signal_out) {
    int status = 0;
    pid_t result;
    do { result = waitpid(pid, &status, WNOHANG); } while (result < 0 && errno == EINTR);
    if (result < 0) return -1;
    if (result == 0) return 0;
    if (WIFEXITED(status)) { *exit_code = WEXITSTATUS(status); *signal_out = 0; }
    else if (WIFSIGNALED(status)) { *exit_code = -1; *signal_out = WTERMSIG(status); }
    else return 0; // stopped or continued: still there
    return 1;
}

void facets_release_free_memory(void) {
    malloc_trim(0);
}
