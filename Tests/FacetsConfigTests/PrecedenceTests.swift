import FacetsConfig
import FacetsUI
import Testing

/// Flag over environment over file over default, for the config's place, the vault and display settings.
@Suite("Precedence")
struct PrecedenceTests {
    @Test("Config location: --config, then FACETS_CONFIG, then XDG_CONFIG_HOME, then ~/.config")
    func configLocation() {
        let everything = ["FACETS_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ana"]
        #expect(ConfigLocation.resolve(flag: "/flag.toml", environment: everything) == ConfigLocation(path: "/flag.toml", source: .flag))
        #expect(ConfigLocation.resolve(flag: nil, environment: everything) == ConfigLocation(path: "/env.toml", source: .environment))
        var noVariable = everything
        noVariable["FACETS_CONFIG"] = ""
        #expect(
            ConfigLocation.resolve(flag: nil, environment: noVariable)
                == ConfigLocation(path: "/xdg/facets/config.toml", source: .xdgConfigHome), "an empty variable is unset")
        #expect(
            ConfigLocation.resolve(flag: nil, environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ana/"])
                == ConfigLocation(path: "/home/ana/.config/facets/config.toml", source: .home), "a relative XDG_CONFIG_HOME is ignored")
        #expect(ConfigLocation.resolve(flag: nil, environment: [:]) == nil)
        #expect(ConfigLocation.resolve(flag: "/f", environment: [:])?.isExplicit == true)
        #expect(ConfigLocation.resolve(flag: nil, environment: ["HOME": "/h"])?.isExplicit == false)
    }

    @Test("Vault: --vault, then FACETS_VAULT, then the config file, then the bundled content")
    func vault() {
        let environment = ["FACETS_VAULT": "/env-notes"]
        #expect(
            VaultChoice.resolve(flag: "/flag-notes", environment: environment, configured: "/file-notes")
                == VaultChoice(directory: "/flag-notes", source: .flag))
        #expect(
            VaultChoice.resolve(flag: nil, environment: environment, configured: "/file-notes")
                == VaultChoice(directory: "/env-notes", source: .environment))
        #expect(
            VaultChoice.resolve(flag: nil, environment: ["FACETS_VAULT": ""], configured: "/file-notes")
                == VaultChoice(directory: "/file-notes", source: .configFile))
        #expect(VaultChoice.resolve(flag: nil, environment: [:], configured: nil) == VaultChoice(directory: nil, source: .bundled))
    }

    @Test("Display flags beat the file in both directions; flags not given leave the file's values")
    func displayFlags() {
        var file = Configuration()
        file.theme = .light
        file.display.ascii = true
        file.display.mouse = false
        file.presenter.start = true
        let flags = CommandLineOverrides(theme: .monochrome, ascii: false, lofi: true)
        let chosen = file.applying(flags)
        #expect(chosen.theme == .monochrome)
        #expect(chosen.display.ascii == false, "--no-ascii turns the file's ascii = true off")
        #expect(chosen.display.lofi == true)
        #expect(chosen.display.mouse == false, "no mouse flag: the file's value stands")
        #expect(chosen.presenter.start == true)
        #expect(file.applying(CommandLineOverrides()) == file)
    }

    @Test("Live reload: on by default, off with watch = false in the file, and the flag beats the file")
    func watchSetting() {
        #expect(Configuration.defaults.watch)
        let file = ConfigParser.parse("watch = false\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.configuration.watch == false)
        #expect(file.configuration.applying(CommandLineOverrides(watch: true)).watch == true, "--watch")
        #expect(Configuration.defaults.applying(CommandLineOverrides(watch: false)).watch == false, "--no-watch")
    }
}
