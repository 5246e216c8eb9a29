import Glibc

/// The config file in force: where it is, whether it exists, and what it says.
public struct LoadedConfig: Sendable {
    public var location: ConfigLocation?
    public var exists: Bool
    public var report: ConfigReport
    public var configuration: Configuration { report.configuration }

    /// No file: the defaults.
    public static func defaults(at location: ConfigLocation?) -> LoadedConfig {
        LoadedConfig(location: location, exists: false, report: ConfigReport(configuration: .defaults, diagnostics: []))
    }
}

/// A config file named on purpose (flag or variable) that is not there.
public struct MissingConfigFile: Error, Sendable, CustomStringConvertible {
    public var location: ConfigLocation
    public var description: String { "no config file at \(location.path) (named by \(location.source.rawValue))" }
}

/// Reads config files from disk. A file that cannot be read or parsed gives diagnostics and the
/// defaults, never a crash; only a missing file that was named on purpose is an error.
public enum ConfigLoader {
    /// Config files are a few KB; anything past this is not one.
    public static let maximumSize = 1 << 20

    public static func load(_ location: ConfigLocation?, home: String?) throws(MissingConfigFile) -> LoadedConfig {
        guard let location else { return .defaults(at: nil) }
        var status = stat()
        if stat(location.path, &status) != 0, errno == ENOENT || errno == ENOTDIR {
            if location.isExplicit { throw MissingConfigFile(location: location) }
            return .defaults(at: location)
        }
        return LoadedConfig(location: location, exists: true, report: load(path: location.path, home: home))
    }

    /// Reads and checks the file at `path`; a relative `vault` in it is taken from the file's folder.
    public static func load(path: String, home: String?) -> ConfigReport {
        let text: String
        switch read(path) {
        case .failure(let problem): return ConfigReport(configuration: .defaults, diagnostics: [problem])
        case .success(let contents): text = contents
        }
        var report = ConfigParser.parse(text)
        if let vault = report.configuration.vault {
            report.configuration.vault = PathExpansion.resolve(vault, relativeTo: PathExpansion.folder(of: path), home: home)
        }
        return report
    }

    /// The file's text, or a diagnostic (unreadable, a folder, too large, not UTF-8).
    static func read(_ path: String) -> Result<String, ConfigDiagnostic> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(fileProblem("cannot read it: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .failure(fileProblem("cannot read it: \(String(cString: strerror(errno)))")) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(fileProblem("it is a folder, not a file")) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return .failure(fileProblem("cannot read it: \(String(cString: strerror(errno)))")) }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > maximumSize { return .failure(fileProblem("it is larger than \(maximumSize / 1024) KiB; a config file is a few lines")) }
        }
        return decodeUTF8(bytes)
    }

    /// The text, or where the first byte that is not UTF-8 sits.
    static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, ConfigDiagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var line = 1, column = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return .failure(fileProblem("the file is not UTF-8 text"))
            case .error:
                return .failure(ConfigDiagnostic(.error, line: line, column: column, "the file is not UTF-8 text from here on"))
            }
        }
    }

    static func fileProblem(_ message: String) -> ConfigDiagnostic { ConfigDiagnostic(.error, line: 0, message) }
}
