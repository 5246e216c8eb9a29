/// The terminal a client asked for, within what the server accepts.
struct Terminal: Equatable, Sendable {
    /// Bounds on the size the server accepts: an explorer's screen buffers grow with the area, and a
    /// 1000x1000 request gave a 154 MB explorer. Larger requests are cut to these.
    static let maxColumns = 500
    static let maxRows = 200

    var term: String
    var columns: Int
    var rows: Int

    /// A client's size within the bounds; 0 (as `ssh -tt` with piped input sends) means 80x24.
    init(term: String, columns: Int, rows: Int) {
        self.term = term
        self.columns = columns > 0 ? min(columns, Self.maxColumns) : 80
        self.rows = rows > 0 ? min(rows, Self.maxRows) : 24
    }

    func resized(columns: Int, rows: Int) -> Terminal {
        Terminal(term: term, columns: columns, rows: rows)
    }
}

/// What a client asks of a session channel, in the order it asks.
enum SessionRequest: Equatable {
    case pty(Terminal)
    case shell
    case windowChange(columns: Int, rows: Int)
    /// Keys typed (channel data).
    case data
    case exec(String)
    case subsystem(String)
    case environment(String)
    /// A request the server does not offer and answers with failure (`x11-req`, `break`, ...).
    case unsupported(String)
    /// The client will send nothing more (EOF).
    case endOfInput
}

/// What the session does about a request.
enum SessionAction: Equatable {
    /// Reply success (when asked); nothing else to do.
    case accept
    /// Reply success and start the explorer in this terminal.
    case startExplorer(Terminal)
    /// Reply success, then tell the client a terminal is needed, and close.
    case explainTerminalNeeded
    /// Set the explorer's terminal to this size.
    case resize(Terminal)
    /// Pass the keys to the explorer.
    case deliver
    /// Reply failure, log `reason` when it is worth a line, and close the channel when `close` says so.
    case refuse(reason: String, log: Bool, close: Bool)
    /// Drop it without a word (keys before the explorer runs or after it ended).
    case ignore
    /// Hang up the explorer as a terminal would; it restores the client's screen on its way out.
    case hangUp
    /// Close the channel: nothing runs in it yet.
    case close
}

/// Where a session channel is in its life. Every request is judged by `decide`, the one place that
/// says which orders are allowed; anything else is refused cleanly rather than half-done.
///
///     awaitingTerminal --pty-req--> terminalRequested --shell--> running --explorer ends / EOF--> closing --> closed
///            |--shell (no terminal)--------------------------------------> closing
enum SessionPhase: Equatable {
    /// The channel is open; no terminal has been asked for yet.
    case awaitingTerminal
    /// pty-req accepted; waiting for `shell`.
    case terminalRequested(Terminal)
    /// The explorer runs in this terminal.
    case running(Terminal)
    /// The explorer is ending or has ended (or a refusal message is on its way): output, exit status,
    /// EOF and close follow. Nothing more is accepted.
    case closing
    /// The channel is closed.
    case closed

    /// The phase after `request`, and what to do about it.
    func decide(_ request: SessionRequest) -> (SessionPhase, SessionAction) {
        switch (self, request) {
        case (.awaitingTerminal, .pty(let terminal)):
            return (.terminalRequested(terminal), .accept)
        case (.awaitingTerminal, .shell):
            return (.closing, .explainTerminalNeeded)
        case (.awaitingTerminal, .windowChange):
            return (self, .refuse(reason: "a window change before a terminal", log: false, close: false))
        case (.terminalRequested(let terminal), .shell):
            return (.running(terminal), .startExplorer(terminal))
        case (.terminalRequested(let terminal), .windowChange(let columns, let rows)):
            return (.terminalRequested(terminal.resized(columns: columns, rows: rows)), .accept)
        case (.running(let terminal), .windowChange(let columns, let rows)):
            guard columns > 0, rows > 0 else { return (self, .ignore) }
            let resized = terminal.resized(columns: columns, rows: rows)
            return (.running(resized), .resize(resized))
        case (.running, .data):
            return (self, .deliver)
        case (.running, .endOfInput):
            return (.closing, .hangUp)
        case (.awaitingTerminal, .endOfInput), (.terminalRequested, .endOfInput):
            return (.closing, .close)

        case (.terminalRequested, .pty), (.running, .pty):
            return (self, .refuse(reason: "a second pty-req", log: false, close: false))
        case (.running, .shell):
            return (self, .refuse(reason: "a second shell", log: false, close: false))
        case (.awaitingTerminal, .exec(let command)), (.terminalRequested, .exec(let command)):
            return (.closing, .refuse(reason: "exec \"\(ServeLog.inert(command))\"", log: true, close: true))
        case (.awaitingTerminal, .subsystem(let name)), (.terminalRequested, .subsystem(let name)):
            return (.closing, .refuse(reason: "subsystem \"\(ServeLog.inert(name))\"", log: true, close: true))
        case (.running, .exec(let command)):
            return (self, .refuse(reason: "exec \"\(ServeLog.inert(command))\"", log: true, close: false))
        case (.running, .subsystem(let name)):
            return (self, .refuse(reason: "subsystem \"\(ServeLog.inert(name))\"", log: true, close: false))
        case (_, .environment):
            return (self, .refuse(reason: "env", log: false, close: false))
        case (_, .unsupported(let name)):
            let what = Self.describe(name)
            return (self, .refuse(reason: what, log: self != .closed, close: false))
        case (.awaitingTerminal, .data), (.terminalRequested, .data):
            return (self, .ignore)
        case (.closing, .data), (.closed, .data), (.closing, .endOfInput), (.closed, .endOfInput):
            return (self, .ignore)
        case (.closing, _), (.closed, _):
            return (self, .refuse(reason: "a request after the session ended", log: false, close: false))
        }
    }

    static func describe(_ request: String) -> String {
        switch request {
        case "x11-req": return "X11 forwarding (x11-req)"
        case "break": return "a break request"
        case "auth-agent-req@openssh.com": return "agent forwarding"
        default: return "request \"\(ServeLog.inert(request, limit: 40))\""
        }
    }

    var terminal: Terminal? {
        switch self {
        case .terminalRequested(let terminal), .running(let terminal): return terminal
        default: return nil
        }
    }
}
