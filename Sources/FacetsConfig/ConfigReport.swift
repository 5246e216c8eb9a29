/// A config file checked: the configuration to run with and every problem found, in file order.
/// With any error the whole file is set aside and `configuration` is the defaults, so a half-read file
/// never runs; warnings (unknown settings) leave the rest of the file in force.
public struct ConfigReport: Sendable {
    public var configuration: Configuration
    public var diagnostics: [ConfigDiagnostic]

    public init(configuration: Configuration, diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        self.configuration = diagnostics.contains { $0.severity == .error } ? .defaults : configuration
    }

    public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { !errors.isEmpty }
}
