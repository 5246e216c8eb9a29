#include "terminal_support.h"
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int number) { pending_signal = number; }

void facets_install_signal_handlers(void) {
    /* A parent may have started us with these blocked (test runners, some daemons): the explorer needs
       them to resize, suspend and end cleanly, so it asks for them. */
    sigset_t needed;
    sigemptyset(&needed);
    sigaddset(&needed, SIGWINCH);
    sigaddset(&needed, SIGTERM);
    sigaddset(&needed, SIGHUP);
    sigaddset(&needed, SIGINT);
    sigaddset(&needed, SIGQUIT);
    sigaddset(&needed, SIGTSTP);
    sigaddset(&needed, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int facets_pending_signal(void) { return pending_signal; }

int facets_terminal_can_address_cursor(const char *name) {
    /* setupterm only reads the terminfo entry (and the terminal's modes); newterm would go on to
       draw. Without cursor addressing ncurses starts anyway and draws nothing but spaces. */
    TERMINAL *before = cur_term;
    int error = 0;
    if (setupterm(name, STDOUT_FILENO, &error) != OK) return 0;
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    TERMINAL *probe = set_curterm(before);
    del_curterm(probe);
    return usable;
}
