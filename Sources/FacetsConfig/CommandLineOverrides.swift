import FacetsUI

/// What the command line says about display settings; nil where it says nothing, so the file's
/// value (or the default) stands. Flags beat the file.
public struct CommandLineOverrides: Sendable, Equatable {
    public var theme: Theme.Name?
    public var ascii: Bool?
    public var lofi: Bool?
    public var mouse: Bool?
    public var present: Bool?
    public var watch: Bool?

    public init(
        theme: Theme.Name? = nil, ascii: Bool? = nil, lofi: Bool? = nil, mouse: Bool? = nil, present: Bool? = nil,
        watch: Bool? = nil
    ) {
        self.theme = theme
        self.ascii = ascii
        self.lofi = lofi
        self.mouse = mouse
        self.present = present
        self.watch = watch
    }
}

extension Configuration {
    /// This configuration with the command line's choices on top.
    public func applying(_ overrides: CommandLineOverrides) -> Configuration {
        var result = self
        if let theme = overrides.theme { result.theme = theme }
        if let ascii = overrides.ascii { result.display.ascii = ascii }
        if let lofi = overrides.lofi { result.display.lofi = lofi }
        if let mouse = overrides.mouse { result.display.mouse = mouse }
        if let present = overrides.present { result.presenter.start = present }
        if let watch = overrides.watch { result.watch = watch }
        return result
    }
}
