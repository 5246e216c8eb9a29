import Foundation

/// What the server says: the start banner on standard output, one line per event on standard error.
/// Written straight to the descriptors (no stdio buffering), so a log file or a pipe sees each line at once.
public enum ServeLog {
    /// A line on standard output (the banner: fingerprint, how to connect).
    public static func banner(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// A timestamped event line on standard error.
    public static func event(_ text: String) {
        write("\(timestamp()) \(text)\n", to: STDERR_FILENO)
    }

    /// A plain line on standard error (warnings at start).
    public static func warning(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Client-chosen text (user names, TERM, commands) made safe for a log line: control characters,
    /// format characters (U+202E reorders a line on screen) and line or paragraph separators (U+2028
    /// breaks a line in some viewers) become `?`, and it is cut to `limit` characters.
    static func inert(_ text: String, limit: Int = 64) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if isUnsafeInLog(scalar) {
                result.append("?")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > limit ? result + "…" : result
    }

    /// C0 and C1 controls, DEL, and the categories Cf, Zl and Zp.
    static func isUnsafeInLog(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \((whole % 3600) / 60) min"
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        let prefix = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return prefix + String(format: ".%03d", Int(now.tv_nsec / 1_000_000))
    }

    private static func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// A problem that stops `facets serve` from starting; its description is the whole message.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
