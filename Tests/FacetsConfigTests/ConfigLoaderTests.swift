import FacetsConfig
import Foundation
import Testing

/// Reading config files from disk: missing, unreadable, not text, relative vault paths.
@Suite("Config files on disk")
struct ConfigLoaderTests {
    /// A fresh folder for one test.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("facets-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("No file at the usual place: the defaults, no problem")
    func missingUsualFile() throws {
        let folder = try Self.folder()
        let location = ConfigLocation(path: folder.appendingPathComponent("facets/config.toml").path, source: .xdgConfigHome)
        let loaded = try ConfigLoader.load(location, home: nil)
        #expect(!loaded.exists)
        #expect(loaded.configuration == .defaults)
        #expect(loaded.report.diagnostics.isEmpty)
    }

    @Test("A file named by --config or FACETS_CONFIG must exist")
    func missingNamedFile() throws {
        let folder = try Self.folder()
        for source in [ConfigLocation.Source.flag, .environment] {
            let location = ConfigLocation(path: folder.appendingPathComponent("nope.toml").path, source: source)
            #expect(throws: MissingConfigFile.self) { try ConfigLoader.load(location, home: nil) }
        }
    }

    @Test("A relative vault is taken from the file's folder; ~/ from the home folder")
    func vaultPaths() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("config.toml")
        try "vault = \"notes\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(ConfigLoader.load(path: file.path, home: "/home/ana").configuration.vault == folder.path + "/notes")
        try "vault = \"~/kb\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(ConfigLoader.load(path: file.path, home: "/home/ana").configuration.vault == "/home/ana/kb")
        try "vault = \"/abs\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(ConfigLoader.load(path: file.path, home: "/home/ana").configuration.vault == "/abs")
        try "vault = \"\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(ConfigLoader.load(path: file.path, home: "/home/ana").configuration.vault == nil)
    }

    @Test("A folder, bytes that are not UTF-8, or a huge file: an error, the defaults, no crash")
    func unreadable() throws {
        let folder = try Self.folder()
        let asFolder = ConfigLoader.load(path: folder.path, home: nil)
        #expect(asFolder.errors.first?.message.contains("folder") == true)
        #expect(asFolder.errors.first?.formatted(file: "F") == "F: error: it is a folder, not a file")

        let binary = folder.appendingPathComponent("binary.toml")
        try Data("theme = \"light\"\nvault = \"a\u{FF}".utf8.map { $0 } + [0xFF, 0xFE]).write(to: binary)
        let notText = ConfigLoader.load(path: binary.path, home: nil)
        #expect(notText.errors.first?.line == 2)
        #expect(notText.errors.first?.column == 12)
        #expect(notText.configuration == .defaults)

        let huge = folder.appendingPathComponent("huge.toml")
        try Data(repeating: UInt8(ascii: "#"), count: ConfigLoader.maximumSize + 10).write(to: huge)
        #expect(ConfigLoader.load(path: huge.path, home: nil).errors.first?.message.contains("larger") == true)
    }
}
