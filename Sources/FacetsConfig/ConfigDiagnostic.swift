/// A problem found in a config file, with where it is (1-based line and column; line 0 is the whole file,
/// as when it cannot be read).
public struct ConfigDiagnostic: Sendable, Equatable, Error {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var line: Int
    /// Nil when only the line is known.
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, line: Int, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, as compilers write it, so editors can jump there.
    public func formatted(file: String) -> String {
        let place = line > 0 ? ":\(line):" + (column.map { "\($0):" } ?? "") : ":"
        return "\(file)\(place) \(severity.rawValue): \(message)"
    }
}
