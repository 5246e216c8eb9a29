/// Something `facets check` reports, always with the file and line it concerns.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Path relative to the vault (or the folder name itself, for folder-level problems).
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: severity: message`, the form editors and compilers use.
    public var formatted: String {
        var text = ""
        appendFormatted(to: &text)
        return text
    }

    /// `formatted`, appended: a report of thousands of lines is made in one String instead of a String
    /// per line (and its pieces) joined afterwards.
    public func appendFormatted(to text: inout String) {
        text += path
        if line > 0 {
            text += ":"
            text += String(line)
        }
        text += ": "
        text += severity.rawValue
        text += ": "
        text += message
    }

    /// By path, line, then message. Field by field rather than as tuples: a tuple copied both strings of
    /// both sides, a retain and a release each, at every comparison of a sort.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        return a.message < b.message
    }

    /// The order a report lists them in: errors first, then as `<`.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        a.severity != b.severity ? a.severity < b.severity : a < b
    }
}
