#ifndef FACETS_TERMINAL_SUPPORT_H
#define FACETS_TERMINAL_SUPPORT_H

/* Signals end the explorer cleanly: the handler only records the signal; the input loop (which wakes
   every 100 ms) sees it, restores the terminal and exits. */
void facets_install_signal_handlers(void);
int facets_pending_signal(void);

#endif
