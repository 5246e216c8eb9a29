#ifndef FACETS_TERMINAL_SUPPORT_H
#define FACETS_TERMINAL_SUPPORT_H

/* Signals end the explorer cleanly: the handler only records the signal; the input loop (which wakes
   every 100 ms) sees it, restores the terminal and exits. */
void facets_install_signal_handlers(void);
int facets_pending_signal(void);

/* 1 if terminfo describes the terminal type `name` as one that can address the cursor (so a full-screen
   program can draw on it), 0 if it is unknown here, generic, a printing terminal or lacks cursor
   addressing. Writes nothing to the terminal. */
int facets_terminal_can_address_cursor(const char *name);

#endif
