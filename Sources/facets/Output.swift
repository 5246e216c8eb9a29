import FacetsCore
import Foundation

/// Everything the CLI prints goes through here: note text is made inert first, JSON too (its strings decode
/// to placeholders, never to controls).
enum Output {
    static func line(_ text: String = "") {
        write(TerminalSafeText.sanitize(text, keepNewlines: true) + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(TerminalSafeText.sanitize(text, keepNewlines: true) + "\n", to: STDERR_FILENO)
    }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        write(TerminalSafeText.sanitizeJSON(String(decoding: data, as: UTF8.self)) + "\n", to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                // EPIPE on standard output: the reader went away (`| head`). Nothing more can be seen, so
                // stop now, quietly and successfully, as a shell's pipeline expects, instead of formatting
                // the rest of a long listing into a closed pipe.
                if n < 0, errno == EPIPE, fd == STDOUT_FILENO { Foundation.exit(0) }
                return
            }
            offset += n
        }
    }

    /// Columns to wrap text to: the terminal's width, else `COLUMNS`, else 80.
    static var width: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
