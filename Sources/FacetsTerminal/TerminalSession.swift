import CNcurses
import CTerminalSupport
import FacetsUI
import Foundation

/// Options that change how the terminal is driven.
public struct TerminalOptions: Sendable {
    /// No colours, ASCII drawing, no mouse, no OSC sequences (slow links, odd terminals).
    public var lofi = false
    /// Draw borders and markers with ASCII.
    public var ascii = false
    public var mouse = true
    public init(lofi: Bool = false, ascii: Bool = false, mouse: Bool = true) {
        self.lofi = lofi
        self.ascii = ascii
        self.mouse = mouse
    }
}

/// The only place that talks to ncurses: starts and restores the terminal, decodes keys, writes OSC 52,
/// and sends each frame. On terminals that speak ANSI (nearly all) the frame's changed cells are encoded
/// here (`FrameEncoder`: runs of one look, cheapest cursor steps), fewer bytes than curses sends for the
/// same change; elsewhere the frame is copied into curses, which sends what changed.
public final class TerminalSession {
    public private(set) var width: Int
    public private(set) var height: Int
    /// False under a non-UTF-8 locale: drawing falls back to ASCII and non-ASCII text to `?`.
    public let utf8: Bool
    public let colorsEnabled: Bool
    /// OSC 8 hyperlinks: on for terminals known to understand them (xterm-likes, tmux), never in --lofi;
    /// `FACETS_HYPERLINKS=0` or `=1` decides instead.
    public let hyperlinksEnabled: Bool
    let options: TerminalOptions
    private var palette: ColorPalette
    private var previous: ScreenBuffer?
    /// Set on ANSI terminals: the explorer writes its own updates and curses only reads keys.
    private let encoder: FrameEncoder?
    /// The frame the terminal shows, as the encoder last sent it.
    private var shown: TerminalFrame?
    private var cursorState = FrameEncoder.CursorState(position: nil, visible: false)
    private var looks: [CellStyle: TerminalLook] = [:]
    private var looksTheme: Theme?
    private var screenPointer: OpaquePointer?
    private var stopped = false

    /// Checks that there is a usable terminal, then takes it over.
    public init(options: TerminalOptions, wantsColor: Bool) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw TerminalError(
                description: """
                    facets: the explorer needs a terminal, and \(isatty(STDOUT_FILENO) == 0 ? "standard output" : "standard input") is not one.
                    For scripts use the subcommands: facets list, show, links, search, timeline, check (see facets --help).
                    """)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError(
                description:
                    "facets: TERM is \(term.isEmpty ? "not set" : "\"dumb\""); the explorer needs a terminal that can move the cursor (e.g. TERM=xterm-256color). The subcommands work anywhere."
            )
        }
        let unusable =
            "facets: the terminal type \"\(term)\" is unknown here or cannot move the cursor (no usable terminfo entry). Try TERM=xterm-256color. The subcommands work anywhere."
        guard facets_terminal_can_address_cursor(term) != 0 else { throw TerminalError(description: unusable) }
        setlocale(LC_ALL, "")
        let codeset = String(cString: facets_codeset())
        utf8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        if !utf8 {
            // Keep the wide-character API working; text is narrowed to ASCII on output.
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        self.options = options
        guard let screen = newterm(nil, facets_stdout(), facets_stdin()) else {
            throw TerminalError(description: unusable)
        }
        screenPointer = screen
        set_term(screen)
        facets_install_signal_handlers()
        raw()
        noecho()
        nonl()
        keypad(facets_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(facets_stdscr(), 100)
        var colors = false
        if wantsColor, !options.lofi, has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        colorsEnabled = colors
        palette = ColorPalette(colorsEnabled: colors)
        if options.mouse, !options.lofi {
            var old: mmask_t = 0
            mousemask(facets_all_mouse_events(), &old)
            mouseinterval(200)
        }
        width = Int(facets_cols())
        height = Int(facets_lines())
        if facets_terminal_speaks_ansi() != 0 {
            encoder = FrameEncoder(
                moves: CursorMoves(lineFeedMovesDown: facets_line_feed_moves_down() != 0),
                autowrapOff: facets_terminal_can_stop_autowrap() != 0,
                eraseCharacters: facets_terminal_can_erase_characters() != 0,
                eraseInBackgroundColour: facets_terminal_erases_in_background_colour() != 0,
                scrollRegion: facets_terminal_can_scroll_region() != 0,
                tabStops: facets_terminal_can_set_tab_stops() != 0)
            // Curses clears the screen on its first refresh; done now, before any frame, so that the key
            // reads (which refresh a window curses thinks changed) never draw over the explorer's frames.
            wrefresh(facets_stdscr())
        } else {
            encoder = nil
        }
        let setting = ProcessInfo.processInfo.environment["FACETS_HYPERLINKS"]
        let knownTerminal = ["xterm", "tmux", "256color", "kitty", "alacritty", "foot", "wezterm"].contains { term.lowercased().contains($0) }
        hyperlinksEnabled = !options.lofi && utf8 && (setting.map { $0 == "1" } ?? knownTerminal)
    }

    deinit { stop() }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if options.mouse, !options.lofi {
            var old: mmask_t = 0
            mousemask(0, &old)
        }
        restoreTerminalModes()
        curs_set(1)
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        facets_flush_stdout()
    }

    /// A signal that asked the explorer to end (SIGTERM, SIGHUP, SIGINT), if one came.
    public var pendingSignal: Int32? {
        let s = facets_pending_signal()
        return s == 0 ? nil : s
    }

    // MARK: Input

    /// The next key, or nil after 100 ms without one (so signals are noticed).
    public func readKey() -> Key? {
        // Job control first: a SIGTSTP asks to suspend; a SIGCONT means the explorer was stopped (perhaps
        // by SIGSTOP, with no chance to give the terminal back) and a shell may have changed the modes
        // and written over the screen meanwhile.
        if facets_take_suspend_request() != 0, suspend() { return redrawKey() }
        if facets_take_continued() != 0 {
            reset_prog_mode()
            return redrawKey()
        }
        var code: wint_t = 0
        let status = wget_wch(facets_stdscr(), &code)
        // Ctrl-Z: in raw mode the terminal sends it as a key rather than stopping the explorer itself.
        if status == OK, code == 26, suspend() { return redrawKey() }
        if status == KEY_CODE_YES, Int32(code) == KEY_RESIZE { return redrawKey() }
        if status == KEY_CODE_YES, Int32(code) == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            let kind: MouseEvent.Kind
            if state & facets_button1_double_clicked() != 0 {
                kind = .doubleClick
            } else if state & facets_wheel_up() != 0 {
                kind = .wheelUp
            } else if facets_wheel_down() != 0, state & facets_wheel_down() != 0 {
                kind = .wheelDown
            } else if state & facets_button1_clicked() != 0 {
                kind = .click
            } else {
                return nil
            }
            return .mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))
        }
        return KeyDecoder.decode(status: status, code: UInt32(code))
    }

    /// Gives the terminal back as the shell had it, stops like any job on Ctrl-Z, and takes the terminal
    /// again once continued (`fg`). False, doing nothing, where no shell could continue the explorer.
    func suspend() -> Bool {
        guard facets_can_suspend() != 0 else { return false }
        restoreTerminalModes()
        endwin()
        facets_flush_stdout()
        facets_suspend_process_group()
        // The next frame is drawn whole; `doupdate` restores the explorer's terminal modes first.
        clearok(facets_curscr(), true)
        return true
    }

    /// Plain attributes, autowrap back on, the whole screen as the scroll region and a tab stop every
    /// eight columns, as the shell expects them (the frame encoder's settings; each scroll already gives
    /// the region back).
    private func restoreTerminalModes() {
        guard let encoder else { return }
        var out = "\u{1B}[0m" + (encoder.autowrapOff ? "\u{1B}[?7h" : "") + (encoder.scrollRegion ? "\u{1B}[r" : "")
        if cursorState.tabStops != nil {
            out += TabStops.restoring(width: width)
            cursorState.tabStops = nil
        }
        cursorState.look = nil
        writeRaw(out)
    }

    /// A resize to the current size: the state keeps its place and the next frame repaints every cell.
    private func redrawKey() -> Key {
        width = Int(facets_cols())
        height = Int(facets_lines())
        previous = nil
        if encoder != nil {
            // Curses has its own repaint pending (resized, or back from a suspend): let it happen now,
            // before the explorer's next frame, which repaints every cell.
            wrefresh(facets_stdscr())
            shown = nil
            cursorState = FrameEncoder.CursorState(position: nil, visible: nil)
        }
        return .resize(width: width, height: height)
    }

    /// A key already waiting, without blocking (to apply typed-ahead keys before drawing).
    public func readPendingKey() -> Key? {
        wtimeout(facets_stdscr(), 0)
        defer { wtimeout(facets_stdscr(), 100) }
        return readKey()
    }

    // MARK: Output

    /// Sends a frame: only what differs from the frame on the terminal; `repaintAll` clears and sends all.
    public func present(_ screen: ScreenBuffer, theme: Theme, repaintAll: Bool = false) {
        guard let encoder else {
            presentThroughCurses(screen, theme: theme, repaintAll: repaintAll)
            return
        }
        if looksTheme != theme {
            looks = [:]
            looksTheme = theme
        }
        let next = TerminalFrame(screen, width: width, height: height, utf8: utf8) { style in
            if let look = looks[style] { return look }
            let look = TerminalLook(theme.appearance(style), colorsEnabled: colorsEnabled, colorCount: palette.colorCount)
            looks[style] = look
            return look
        }
        let old = repaintAll || previous == nil ? nil : shown
        let bytes = encoder.encode(from: old, to: next, cursor: screen.cursor, state: &cursorState)
        writeRaw(bytes)
        // After a scroll a row may show a link moved from elsewhere: every link is sent again.
        if hyperlinksEnabled, !screen.hyperlinks.isEmpty {
            writeHyperlinks(screen, theme: theme, since: old == nil || cursorState.scrolled ? nil : previous)
        }
        previous = screen
        shown = next
    }

    /// Copies a screen into curses; only cells that differ from the last frame are touched, and
    /// `doupdate` sends only what changed on the terminal (terminals that do not speak ANSI).
    private func presentThroughCurses(_ screen: ScreenBuffer, theme: Theme, repaintAll: Bool) {
        let window = facets_stdscr()
        if repaintAll || previous == nil || previous?.width != screen.width || previous?.height != screen.height {
            if repaintAll { clearok(facets_curscr(), true) }
            previous = nil
        }
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(6)
        for row in 0..<min(screen.height, height) {
            for column in 0..<min(screen.width, width) {
                let cell = screen[row, column]
                if let previous, previous[row, column] == cell { continue }
                if cell.isContinuation {
                    // The right half of a wide character; narrowed to one `?` in ASCII, so this column
                    // gets a space of its own rather than keeping whatever was there before.
                    guard !utf8 else { continue }
                    let (attrs, pair) = palette.attributes(for: theme.appearance(cell.style))
                    _ = facets_put_cell(window, Int32(row), Int32(column), [0x20, 0], attrs, pair)
                    continue
                }
                // The last cell of the screen: writing it would scroll on some terminals.
                if row == height - 1 && column == width - 1 && !cell.text.allSatisfy({ $0 == " " }) {
                    let (attrs, pair) = palette.attributes(for: theme.appearance(cell.style))
                    scalars = [wchar_t(bitPattern: 0x20), 0]
                    _ = facets_put_cell(window, Int32(row), Int32(column), scalars, attrs, pair)
                    continue
                }
                let (attrs, pair) = palette.attributes(for: theme.appearance(cell.style))
                scalars.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars.prefix(4) {
                    scalars.append(wchar_t(bitPattern: utf8 || scalar.isASCII ? scalar.value : 0x3F))
                    if !utf8 { break }
                }
                if scalars.isEmpty { scalars.append(0x20) }
                scalars.append(0)
                _ = facets_put_cell(window, Int32(row), Int32(column), scalars, attrs, pair)
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        if hyperlinksEnabled, !screen.hyperlinks.isEmpty { writeHyperlinks(screen, theme: theme, since: previous) }
        previous = screen
    }

    /// Re-draws the cells of each hyperlink run that changed, wrapped in OSC 8, after curses has drawn the
    /// frame: same characters and look, so curses' picture of the screen stays true; the cursor is saved
    /// and restored around it, and attributes end reset, as curses leaves them after `doupdate`.
    private func writeHyperlinks(_ screen: ScreenBuffer, theme: Theme, since old: ScreenBuffer?) {
        var out = ""
        for row in 0..<min(screen.height, height) {
            var column = 0
            while column < min(screen.width, width) {
                guard let link = screen[row, column].hyperlink, link < screen.hyperlinks.count else {
                    column += 1
                    continue
                }
                var end = column
                var changed = false
                while end < min(screen.width, width), screen[row, end].hyperlink == link {
                    if old?[row, end] != screen[row, end] { changed = true }
                    end += 1
                }
                if row == height - 1 && end == width { end -= 1 }  // never the bottom-right cell
                if changed, end > column {
                    out += "\u{1B}[\(row + 1);\(column + 1)H\u{1B}]8;;\(screen.hyperlinks[link])\u{1B}\\"
                    var lastStyle: CellStyle?
                    for c in column..<end where !screen[row, c].isContinuation {
                        let cell = screen[row, c]
                        if cell.style != lastStyle {
                            out += sgr(theme.appearance(cell.style))
                            lastStyle = cell.style
                        }
                        out += cell.text
                    }
                    out += "\u{1B}]8;;\u{1B}\\\u{1B}[0m"
                }
                column = max(end, column + 1)
            }
        }
        guard !out.isEmpty else { return }
        writeRaw("\u{1B}7" + out + "\u{1B}8")
        // DECRC gives the look back on xterm and most others; the next frame sets it anyway.
        cursorState.look = nil
    }

    /// The SGR sequence for an appearance, with the palette's colour numbers.
    private func sgr(_ a: Appearance) -> String {
        var codes = ["0"]
        if a.bold { codes.append("1") }
        if a.dim { codes.append("2") }
        if a.italic { codes.append("3") }
        if a.underline { codes.append("4") }
        if a.reverse { codes.append("7") }
        if colorsEnabled {
            for (color, base) in [(a.foreground, 30), (a.background, 40)] {
                let (number, bold) = palette.number(color)
                guard number >= 0 else { continue }
                codes.append(String(number < 8 ? base + Int(number) : base + 60 + Int(number) - 8))
                if bold, base == 30 { codes.append("1") }
            }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// OSC 52: puts text on the clipboard of the terminal the person sits at, across SSH and tmux.
    public func copyToClipboard(_ text: String) {
        guard !options.lofi else { return }
        let payload = Data(text.utf8).base64EncodedString()
        writeRaw("\u{1B}]52;c;\(payload)\u{07}")
    }

    func writeRaw(_ text: String) {
        facets_flush_stdout()
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
