import NIOCore
import Testing
@testable import FacetsServe

/// The session channel's request table (issue 20 point 5): legal orders start one explorer; illegal
/// ones are refused and leave the session where it was.
@Suite("session phases")
struct SessionPhaseTests {
    static let terminal = Terminal(term: "xterm-256color", columns: 100, rows: 30)

    /// Feeds `requests` from a fresh channel; returns the actions and the last phase.
    static func run(_ requests: [SessionRequest]) -> ([SessionAction], SessionPhase) {
        var phase = SessionPhase.awaitingTerminal
        var actions: [SessionAction] = []
        for request in requests {
            let (next, action) = phase.decide(request)
            phase = next
            actions.append(action)
        }
        return (actions, phase)
    }

    @Test("pty-req, shell, resize, keys, EOF: the order clients use")
    func legal() {
        let (actions, phase) = Self.run([.pty(Self.terminal), .shell, .windowChange(columns: 80, rows: 20), .data, .endOfInput])
        #expect(actions == [.accept, .startExplorer(Self.terminal), .resize(Self.terminal.resized(columns: 80, rows: 20)), .deliver, .hangUp])
        #expect(phase == .closing)
    }

    @Test("shell before pty-req: told a terminal is needed, then closed")
    func shellBeforePty() {
        let (actions, phase) = Self.run([.shell, .pty(Self.terminal), .shell])
        #expect(actions.first == .explainTerminalNeeded)
        #expect(phase == .closing)
        #expect(actions.dropFirst().allSatisfy { if case .refuse = $0 { true } else { false } }, "nothing is accepted after: \(actions)")
    }

    @Test("a second shell or pty-req is refused; the explorer keeps running")
    func twoShells() {
        let (actions, phase) = Self.run([.pty(Self.terminal), .shell, .shell, .pty(Self.terminal)])
        #expect(actions[2] == .refuse(reason: "a second shell", log: false, close: false))
        #expect(actions[3] == .refuse(reason: "a second pty-req", log: false, close: false))
        #expect(phase == .running(Self.terminal))
    }

    @Test("a window change before pty-req is refused and changes nothing")
    func windowChangeBeforePty() {
        let (actions, phase) = Self.run([.windowChange(columns: 300, rows: 90), .pty(Self.terminal), .shell])
        #expect(actions[0] == .refuse(reason: "a window change before a terminal", log: false, close: false))
        #expect(actions[2] == .startExplorer(Self.terminal), "the explorer gets the pty-req's size")
        #expect(phase == .running(Self.terminal))
    }

    @Test("keys and requests after the session ended are dropped or refused, never acted on")
    func afterClose() {
        for ended in [SessionPhase.closing, .closed] {
            #expect(ended.decide(.data) == (ended, .ignore))
            #expect(ended.decide(.endOfInput) == (ended, .ignore))
            for request in [SessionRequest.shell, .pty(Self.terminal), .windowChange(columns: 80, rows: 24), .exec("id")] {
                let (next, action) = ended.decide(request)
                #expect(next == ended)
                if case .refuse = action {} else { Issue.record("\(request) after the end gave \(action)") }
            }
        }
    }

    @Test("exec and subsystem close a channel that runs nothing, and are only refused beside a running explorer")
    func commands() {
        #expect(Self.run([.exec("cat /etc/passwd")]).0 == [.refuse(reason: "exec \"cat /etc/passwd\"", log: true, close: true)])
        #expect(Self.run([.pty(Self.terminal), .subsystem("sftp")]).1 == .closing)
        let (actions, phase) = Self.run([.pty(Self.terminal), .shell, .exec("id")])
        #expect(actions.last == .refuse(reason: "exec \"id\"", log: true, close: false))
        #expect(phase == .running(Self.terminal))
    }

    @Test("X11 forwarding and break are refused with a log line, and the session carries on")
    func unsupported() {
        let (actions, phase) = Self.run([.pty(Self.terminal), .unsupported("x11-req"), .shell, .unsupported("break"), .data])
        #expect(actions[1] == .refuse(reason: "X11 forwarding (x11-req)", log: true, close: false))
        #expect(actions[3] == .refuse(reason: "a break request", log: true, close: false))
        #expect(actions[4] == .deliver)
        #expect(phase == .running(Self.terminal))
    }
}

/// The explorer's end: asked once, escalated on a schedule, reaped once.
@Suite("explorer ending")
struct ExplorerEndingTests {
    @Test("SIGHUP once, SIGTERM after 2 s, SIGKILL after 4 s, nothing after it is reaped")
    func escalation() {
        let start = NIODeadline.now()
        var ending = ExplorerEnding()
        #expect(ending.isUndisturbed)
        let asks = [ending.ask(at: start), ending.ask(at: start)]
        #expect(asks == [true, false], "asked once")
        let polls = [ending.startPolling(at: start), ending.startPolling(at: start)]
        #expect(polls == [true, false])
        #expect(ending.pollInterval(at: start) == .milliseconds(20))
        let steps = [1000, 2100, 2200, 4100, 6000].map { ending.escalate(at: start + .milliseconds($0)) }
        #expect(steps == [nil, .terminate, nil, .kill, nil], "each step once")
        #expect(ending.pollInterval(at: start + .seconds(2)) == .milliseconds(100))
        ending.reaped(.signalled(9))
        ending.reaped(.exited(0))
        #expect(ending.result == .signalled(9), "the first reap is the result")
        let late = (ending.escalate(at: start + .seconds(10)), ending.ask(at: start + .seconds(10)))
        #expect(late.0 == nil && !late.1)
    }

    @Test("an explorer that quits by itself escalates from when polling began")
    func quitByItself() {
        let start = NIODeadline.now()
        var ending = ExplorerEnding()
        let early = ending.escalate(at: start + .seconds(10))
        #expect(early == nil, "nothing to escalate before polling")
        _ = ending.startPolling(at: start)
        let step = ending.escalate(at: start + .seconds(3))
        #expect(step == .terminate)
    }
}
