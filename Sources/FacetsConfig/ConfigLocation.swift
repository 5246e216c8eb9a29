/// Which config file to read: `--config FILE`, else `FACETS_CONFIG`, else `$XDG_CONFIG_HOME/facets/config.toml`,
/// else `~/.config/facets/config.toml`. A file named by the flag or the variable must exist; the usual
/// places may be empty (the defaults apply).
public struct ConfigLocation: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        case flag = "--config"
        case environment = "FACETS_CONFIG"
        case xdgConfigHome = "XDG_CONFIG_HOME"
        case home = "~/.config"
    }

    public var path: String
    public var source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Named by the person (flag or variable): a missing file is then a mistake, not "no config".
    public var isExplicit: Bool { source == .flag || source == .environment }

    /// Empty values count as unset. XDG_CONFIG_HOME must be absolute (as the XDG spec says), else it is
    /// ignored. Nil when nothing names a place (no HOME either).
    public static func resolve(flag: String?, environment: [String: String]) -> ConfigLocation? {
        if let flag, !flag.isEmpty { return ConfigLocation(path: flag, source: .flag) }
        if let named = environment["FACETS_CONFIG"], !named.isEmpty { return ConfigLocation(path: named, source: .environment) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigLocation(path: joined(xdg, "facets/config.toml"), source: .xdgConfigHome)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return ConfigLocation(path: joined(home, ".config/facets/config.toml"), source: .home)
        }
        return nil
    }

    static func joined(_ folder: String, _ rest: String) -> String {
        folder.hasSuffix("/") ? folder + rest : folder + "/" + rest
    }
}
