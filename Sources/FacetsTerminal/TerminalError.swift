/// Why the explorer cannot start on this terminal; the message says what to do instead.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
