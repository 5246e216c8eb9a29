#ifndef FACETS_NCURSES_SHIM_H
#define FACETS_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Globals and macros Swift cannot read directly (or not under strict concurrency). */
static inline WINDOW *facets_stdscr(void) { return stdscr; }
static inline WINDOW *facets_curscr(void) { return curscr; }
static inline int facets_lines(void) { return LINES; }
static inline int facets_cols(void) { return COLS; }
static inline int facets_colors(void) { return COLORS; }
static inline int facets_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t facets_a_normal(void) { return A_NORMAL; }
static inline attr_t facets_a_bold(void) { return A_BOLD; }
static inline attr_t facets_a_dim(void) { return A_DIM; }
static inline attr_t facets_a_underline(void) { return A_UNDERLINE; }
static inline attr_t facets_a_reverse(void) { return A_REVERSE; }
static inline attr_t facets_a_italic(void) { return A_ITALIC; }
static inline mmask_t facets_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t facets_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t facets_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t facets_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t facets_wheel_down(void) {
#if defined(BUTTON5_PRESSED)
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline int facets_key_f(int n) { return KEY_F(n); }
static inline const char *facets_codeset(void) { return nl_langinfo(CODESET); }
static inline FILE *facets_stdout(void) { return stdout; }
static inline FILE *facets_stdin(void) { return stdin; }
static inline int facets_flush_stdout(void) { return fflush(stdout); }

/* Writes one cell: up to four scalars (base plus combining marks). */
static inline int facets_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}
#endif
