#ifndef FACETS_TERMINAL_SUPPORT_H
#define FACETS_TERMINAL_SUPPORT_H

/* Signals end the explorer cleanly: the handler only records the signal; the input loop (which wakes
   every 100 ms) sees it, restores the terminal and exits. Job control works the same way: SIGTSTP and
   SIGCONT are recorded, and the loop gives the terminal back before stopping and takes it again after. */
void facets_install_signal_handlers(void);
int facets_pending_signal(void);

/* 1 once after a SIGTSTP arrived (someone asked the explorer to suspend), else 0. */
int facets_take_suspend_request(void);
/* 1 once after a SIGCONT arrived (the explorer was stopped, by any means, and resumed), else 0. */
int facets_take_continued(void);
/* 0 when suspending makes no sense: SIGTSTP was ignored when the explorer started (a parent without
   job control), or the explorer leads its own session (started straight in a terminal window, a tmux
   pane or an SSH session: no shell to come back from, and the kernel would not stop it anyway). */
int facets_can_suspend(void);
/* Stops the explorer's process group as a Ctrl-Z typed in a shell would; returns once continued. The
   terminal must have been given back first. */
void facets_suspend_process_group(void);

/* 1 if terminfo describes the terminal type `name` as one that can address the cursor (so a full-screen
   program can draw on it), 0 if it is unknown here, generic, a printing terminal or lacks cursor
   addressing. Writes nothing to the terminal. */
int facets_terminal_can_address_cursor(const char *name);

/* 1 if the terminal in use (after newterm) moves the cursor with ANSI/ECMA-48 sequences (its cup is
   ESC [ row ; column H), so the explorer may write its own minimal updates; 0 for anything else, where
   curses does the drawing. */
int facets_terminal_speaks_ansi(void);
/* 1 if the terminal in use can turn autowrap off and on (terminfo rmam and smam), else 0. */
int facets_terminal_can_stop_autowrap(void);
/* 1 if the terminal in use can erase characters in place (terminfo ech), else 0. */
int facets_terminal_can_erase_characters(void);
/* 1 if the terminal in use erases with the background colour set (terminfo bce), else 0. */
int facets_terminal_erases_in_background_colour(void);
/* 1 when terminfo's scroll region and parametrised line delete/insert are the ANSI ones (DECSTBM, DL, IL). */
int facets_terminal_can_scroll_region(void);
/* 1 when terminfo's tab, set-tab-stop and clear-all-tab-stops are the ANSI ones (HT, HTS, TBC) and the
   terminal driver sends tabs as they are (no TAB3 expansion into spaces). */
int facets_terminal_can_set_tab_stops(void);
/* 1 if a line feed written now only moves the cursor down (the terminal driver does not turn it into
   CR LF), 0 otherwise. */
int facets_line_feed_moves_down(void);

#endif
