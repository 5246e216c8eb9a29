import Foundation
import NIOCore

/// How an explorer's end is brought about and noticed, as one value: asked (SIGHUP, so it restores the
/// client's screen), then told (SIGTERM 2 s later), then killed (SIGKILL 4 s after asking), polled with
/// non-blocking waitpid until it is reaped.
struct ExplorerEnding {
    enum Step: Equatable {
        case terminate
        case kill
    }

    /// When the explorer was asked to end (SIGHUP), if it was.
    private(set) var askedAt: NIODeadline?
    /// When polling for its exit began, if it has.
    private(set) var pollingSince: NIODeadline?
    private var escalation = 0
    /// How it ended, once reaped.
    private(set) var result: PtyProcess.Ending?

    var isAsked: Bool { askedAt != nil }
    var isOver: Bool { result != nil }
    /// Still running and nobody has asked it to end.
    var isUndisturbed: Bool { result == nil && askedAt == nil }

    /// Notes the request to end; false when it was asked before (or is over): send SIGHUP only on true.
    mutating func ask(at now: NIODeadline = .now()) -> Bool {
        guard isUndisturbed else { return false }
        askedAt = now
        return true
    }

    /// Starts polling; false when it already is.
    mutating func startPolling(at now: NIODeadline = .now()) -> Bool {
        guard pollingSince == nil else { return false }
        pollingSince = now
        return true
    }

    mutating func reaped(_ ending: PtyProcess.Ending) {
        result = result ?? ending
    }

    /// What to send now, if anything: each step once, counted from the ask (or from the start of
    /// polling when the end came from the explorer's side).
    mutating func escalate(at now: NIODeadline = .now()) -> Step? {
        guard result == nil, let since = askedAt ?? pollingSince else { return nil }
        let elapsed = now - since
        if elapsed > .seconds(2) && escalation == 0 {
            escalation = 1
            return .terminate
        }
        if elapsed > .seconds(4) && escalation == 1 {
            escalation = 2
            return .kill
        }
        return nil
    }

    /// Quick polls in the first second (most explorers exit at once), then calmer ones.
    func pollInterval(at now: NIODeadline = .now()) -> TimeAmount {
        guard let pollingSince, now - pollingSince >= .seconds(1) else { return .milliseconds(20) }
        return .milliseconds(100)
    }
}
