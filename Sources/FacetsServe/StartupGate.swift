import NIOConcurrencyHelpers
import NIOCore

/// sshd's `MaxStartups` and `PerSourceMaxStartups`: how many connections may be open without having
/// logged in. Idle unauthenticated connections are cheap to make and each one holds a slot; without
/// these limits one address can fill every slot and lock everyone else out before they log in.
public struct StartupLimits: Sendable, Equatable {
    /// Past this many unauthenticated connections, new ones are dropped at random...
    public var start = 100
    /// ...with this chance in percent, rising linearly...
    public var rate = 30
    /// ...to every one at this many.
    public var full = 200
    /// Unauthenticated connections one source address may hold at once. Kept below `start`, one
    /// address alone cannot make the server drop connections from others; at 64, a room of 64
    /// behind one NAT can connect in the same second.
    public var perSource = 64

    /// `START:RATE:FULL` as sshd writes it, or a single number (refuse past it, as sshd does).
    public init?(_ text: String, perSource: Int = 64) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = parts.compactMap { $0 }
        switch numbers.count {
        case 1: (start, rate, full) = (numbers[0], 100, numbers[0])
        case 3: (start, rate, full) = (numbers[0], numbers[1], numbers[2])
        default: return nil
        }
        guard start >= 1, (0...100).contains(rate), full >= start, perSource >= 1 else { return nil }
        self.perSource = perSource
    }

    public init() {}

    public var description: String { "\(start):\(rate):\(full)" }

    /// The chance in percent that a new connection is dropped when `open` are already unauthenticated.
    func dropPercent(open: Int) -> Int {
        if open >= full { return 100 }
        if open < start { return 0 }
        guard full > start else { return 100 }
        return rate + (100 - rate) * (open - start) / (full - start)
    }
}

/// Counts unauthenticated connections, in total and per source address, and decides on each new one.
final class StartupGate: Sendable {
    enum Verdict: Equatable {
        case admitted
        /// The source already holds `perSource` unauthenticated connections.
        case sourceFull
        /// Random early drop (`MaxStartups`); carries the chance it was dropped with.
        case dropped(percent: Int)
    }

    private struct State {
        var total = 0
        var bySource: [String: Int] = [:]
    }

    let limits: StartupLimits
    private let state = NIOLockedValueBox(State())

    init(limits: StartupLimits) {
        self.limits = limits
    }

    /// Decides on a new connection from `source`; when admitted it counts until `leave` is called.
    /// `roll` is a number in 0..<100 (random in the server, fixed in tests).
    func admit(source: String, roll: Int = Int.random(in: 0..<100)) -> Verdict {
        state.withLockedValue { state in
            if state.bySource[source, default: 0] >= limits.perSource { return .sourceFull }
            let percent = limits.dropPercent(open: state.total)
            if roll < percent { return .dropped(percent: percent) }
            state.total += 1
            state.bySource[source, default: 0] += 1
            return .admitted
        }
    }

    /// An admitted connection logged in or closed.
    func leave(source: String) {
        state.withLockedValue { state in
            state.total = max(0, state.total - 1)
            let left = state.bySource[source, default: 0] - 1
            state.bySource[source] = left > 0 ? left : nil
        }
    }

    var unauthenticated: Int { state.withLockedValue { $0.total } }
}

/// One log line per source and reason every `interval`, with a count of what was not logged: a flood
/// of 200 connections makes a few lines, not 200.
final class LogLimiter: Sendable {
    private struct Entry {
        var last: NIODeadline
        var suppressed: Int
    }
    private let entries = NIOLockedValueBox([String: Entry]())
    let interval: TimeAmount

    init(interval: TimeAmount = .seconds(10)) {
        self.interval = interval
    }

    /// Logs `text` unless a line with the same `key` was logged within the interval.
    func event(key: String, _ text: @autoclosure () -> String) {
        let now = NIODeadline.now()
        let suppressed: Int? = entries.withLockedValue { entries in
            if entries.count > 1000 { entries = entries.filter { now - $0.value.last < interval } }
            if var entry = entries[key], now - entry.last < interval {
                entry.suppressed += 1
                entries[key] = entry
                return nil
            }
            let count = entries[key]?.suppressed ?? 0
            entries[key] = Entry(last: now, suppressed: 0)
            return count
        }
        guard let suppressed else { return }
        ServeLog.event(text() + (suppressed > 0 ? " (and \(suppressed) more like it not logged)" : ""))
    }
}
