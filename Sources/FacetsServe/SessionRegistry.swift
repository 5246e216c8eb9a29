import CPty
import NIOConcurrencyHelpers
import NIOCore

/// Seats and connections, shared by all event loops: enforces `--max-sessions`, caps open connections,
/// and reaches every live session at shutdown.
final class SessionRegistry: Sendable {
    private struct State {
        var nextID = 1
        var seated: Set<Int> = []
        var stoppers: [Int: @Sendable (String?) -> Void] = [:]
        var live: Set<Int> = []
        var connections: [ObjectIdentifier: Channel] = [:]
        var stopping = false
    }
    let maxSessions: Int
    let maxConnections: Int
    private let state = NIOLockedValueBox(State())

    /// `unauthenticated`: the most connections not logged in yet (the startup gate's FULL), so this
    /// cap never refuses a connection before the gate has judged it.
    init(maxSessions: Int, unauthenticated: Int = 16) {
        self.maxSessions = maxSessions
        // Room for everyone seated, for turned-away messages, and for people still logging in.
        self.maxConnections = maxSessions * 2 + unauthenticated
    }

    /// A seat for a new session, with its number; nil when all are taken or the server is stopping.
    func reserveSeat() -> Int? {
        state.withLockedValue { state in
            guard !state.stopping, state.seated.count < maxSessions else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.seated.insert(id)
            state.live.insert(id)
            return id
        }
    }

    func register(id: Int, stop: @escaping @Sendable (String?) -> Void) {
        let stopNow = state.withLockedValue { state -> Bool in
            state.stoppers[id] = stop
            return state.stopping
        }
        if stopNow { stop(SessionRegistry.goodbye) }
    }

    /// The explorer has ended: its seat is free.
    func release(_ id: Int) {
        state.withLockedValue { state in
            state.seated.remove(id)
            state.stoppers[id] = nil
        }
    }

    /// The session's channel is closed too. Memory its buffers held goes back to the system (glibc
    /// keeps freed memory otherwise, and the server stays as large as its worst moment).
    func finished(id: Int) {
        _ = state.withLockedValue { $0.live.remove(id) }
        facets_release_free_memory()
    }

    var liveSessions: Int { state.withLockedValue { $0.live.count } }
    var seatsTaken: Int { state.withLockedValue { $0.seated.count } }

    func addConnection(_ channel: Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.stopping, state.connections.count < maxConnections else { return false }
            state.connections[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func removeConnection(_ channel: Channel) {
        let none = state.withLockedValue { state -> Bool in
            state.connections.removeValue(forKey: ObjectIdentifier(channel))
            return state.connections.isEmpty
        }
        if none { facets_release_free_memory() }
    }

    static let goodbye = "facets serve is stopping. Thank you for exploring!"

    /// Refuses new sessions and asks every explorer to end; returns how many were asked.
    func stopAll() -> Int {
        let stoppers = state.withLockedValue { state -> [@Sendable (String?) -> Void] in
            state.stopping = true
            return Array(state.stoppers.values)
        }
        for stop in stoppers { stop(SessionRegistry.goodbye) }
        return stoppers.count
    }

    var openConnections: [Channel] { state.withLockedValue { Array($0.connections.values) } }
}
