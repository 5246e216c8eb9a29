/// Paths written in a config file: `~/notes` is in the home folder, `notes` next to the file.
enum PathExpansion {
    static func resolve(_ path: String, relativeTo folder: String, home: String?) -> String {
        if path == "~", let home { return home }
        if path.hasPrefix("~/"), let home { return ConfigLocation.joined(home, String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return ConfigLocation.joined(folder, path)
    }

    /// The folder holding `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
