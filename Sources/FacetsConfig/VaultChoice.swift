/// Which notes to open: `--vault DIR`, else `FACETS_VAULT`, else the config file's `vault`, else the
/// bundled content.
public struct VaultChoice: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        case flag = "--vault"
        case environment = "FACETS_VAULT"
        case configFile = "config file"
        case bundled = "bundled content"
    }

    /// Nil for the bundled content.
    public var directory: String?
    public var source: Source

    public init(directory: String?, source: Source) {
        self.directory = directory
        self.source = source
    }

    /// Empty values count as unset.
    public static func resolve(flag: String?, environment: [String: String], configured: String?) -> VaultChoice {
        if let flag, !flag.isEmpty { return VaultChoice(directory: flag, source: .flag) }
        if let named = environment["FACETS_VAULT"], !named.isEmpty { return VaultChoice(directory: named, source: .environment) }
        if let configured, !configured.isEmpty { return VaultChoice(directory: configured, source: .configFile) }
        return VaultChoice(directory: nil, source: .bundled)
    }
}
