#include "terminal_support.h"
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t suspend_requested = 0;
static volatile sig_atomic_t continued = 0;
static int tstp_ignored = 0;

static void record_signal(int number) { pending_signal = number; }
static void record_suspend(int number) { (void)number; suspend_requested = 1; }
static void record_continue(int number) { (void)number; continued = 1; }

static void catch_signal(int number, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, NULL);
}

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

    catch_signal(SIGTERM, record_signal);
    catch_signal(SIGHUP, record_signal);
    catch_signal(SIGINT, record_signal);
    catch_signal(SIGQUIT, record_signal);
    /* ncurses' own SIGTSTP handler redraws from inside the signal handler, in the middle of whatever
       the loop was doing; recording it lets the loop suspend between frames instead. A SIGTSTP ignored
       by the parent stays ignored (ncurses leaves it alone in that case too). */
    struct sigaction tstp;
    sigaction(SIGTSTP, NULL, &tstp);
    tstp_ignored = tstp.sa_handler == SIG_IGN;
    if (!tstp_ignored) catch_signal(SIGTSTP, record_suspend);
    catch_signal(SIGCONT, record_continue);
    signal(SIGPIPE, SIG_IGN);
}

int facets_pending_signal(void) { return pending_signal; }

int facets_take_suspend_request(void) {
    int requested = suspend_requested;
    suspend_requested = 0;
    return requested;
}

int facets_take_continued(void) {
    int was = continued;
    continued = 0;
    return was;
}

int facets_can_suspend(void) { return !tstp_ignored && getsid(0) != getpid(); }

void facets_suspend_process_group(void) {
    struct sigaction stop, ours;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &ours);
    sigset_t tstp, old;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &old);
    /* The whole group, like the terminal's own Ctrl-Z: a wrapper script between the shell and the
       explorer stops too, so the shell sees the job stopped and takes the terminal back. */
    kill(0, SIGTSTP);
    /* Here once continued (or at once if the kernel would not stop an orphaned group). */
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGTSTP, &ours, NULL);
    /* This stop is dealt with: the frame after it is drawn whole anyway. */
    continued = 0;
    suspend_requested = 0;
}

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

int facets_terminal_speaks_ansi(void) {
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (const char *)-1) return 0;
    return strncmp(cup, "\033[%i%p1%d;%p2%dH", 17) == 0 ? 1 : 0;
}

int facets_line_feed_moves_down(void) {
    struct termios modes;
    if (tcgetattr(STDOUT_FILENO, &modes) != 0) return 0;
    return ((modes.c_oflag & OPOST) == 0 || (modes.c_oflag & ONLCR) == 0) ? 1 : 0;
}

int facets_terminal_can_erase_characters(void) {
    const char *ech = tigetstr("ech");
    return ech != NULL && ech != (const char *)-1 ? 1 : 0;
}

int facets_terminal_erases_in_background_colour(void) {
    return tigetflag("bce") > 0 ? 1 : 0;
}

int facets_terminal_can_scroll_region(void) {
    const char *csr = tigetstr("csr");
    const char *dl = tigetstr("dl");
    const char *il = tigetstr("il");
    if (csr == NULL || csr == (const char *)-1 || dl == NULL || dl == (const char *)-1 || il == NULL || il == (const char *)-1) return 0;
    return strcmp(csr, "\033[%i%p1%d;%p2%dr") == 0 && strcmp(dl, "\033[%p1%dM") == 0 && strcmp(il, "\033[%p1%dL") == 0 ? 1 : 0;
}

int facets_terminal_can_set_tab_stops(void) {
    const char *ht = tigetstr("ht");
    const char *hts = tigetstr("hts");
    const char *tbc = tigetstr("tbc");
    if (ht == NULL || ht == (const char *)-1 || hts == NULL || hts == (const char *)-1 || tbc == NULL || tbc == (const char *)-1) return 0;
    if (strcmp(ht, "\t") != 0 || strcmp(hts, "\033H") != 0 || strcmp(tbc, "\033[3g") != 0) return 0;
    struct termios modes;
    if (tcgetattr(STDOUT_FILENO, &modes) != 0) return 0;
#ifdef TABDLY
    if ((modes.c_oflag & OPOST) != 0 && (modes.c_oflag & TABDLY) != 0) return 0;
#endif
    return 1;
}

int facets_terminal_can_stop_autowrap(void) {
    const char *rmam = tigetstr("rmam");
    const char *smam = tigetstr("smam");
    if (rmam == NULL || rmam == (const char *)-1 || smam == NULL || smam == (const char *)-1) return 0;
    return strcmp(rmam, "\033[?7l") == 0 && strcmp(smam, "\033[?7h") == 0 ? 1 : 0;
}
