import FacetsCore
import FacetsUI
import Foundation

/// The explorer loop: read a key, turn it into state changes, render, present.
public enum Explorer {
    public struct Settings: Sendable {
        public var theme: Theme.Name
        public var terminal: TerminalOptions
        /// Start in presenter mode.
        public var present: Bool
        /// Start walking this tour note.
        public var tour: Int?
        /// Write the entry shown to this file (a presenter); read it and follow (an attendee).
        public var publishPath: String?
        public var followPath: String?
        /// Keys to actions (a config file's, else the action table's).
        public var keyMap = KeyMap.defaults
        /// The theme presenter mode switches to.
        public var presenterTheme = Theme.Name.highContrast
        public var smartCase = true
        /// A line for the status bar at start (e.g. that the config file was ignored).
        public var notice: String?
        /// Reload the notes when their files change (a vault read from a folder; the bundled content is
        /// compiled in and never watched).
        public var watch = true
        public init(theme: Theme.Name = .dark, terminal: TerminalOptions = TerminalOptions(), present: Bool = false, tour: Int? = nil) {
            self.theme = theme
            self.terminal = terminal
            self.present = present
            self.tour = tour
        }
    }

    /// Runs until quit or a terminating signal; the terminal is restored on every path. Returns the exit code.
    public static func run(vault: Vault, settings: Settings) throws -> Int32 {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var themeName = settings.theme
        if noColor || settings.terminal.lofi { themeName = .monochrome }
        let session = try TerminalSession(options: settings.terminal, wantsColor: themeName != .monochrome)
        defer { session.stop() }
        let ascii = settings.terminal.ascii || settings.terminal.lofi || !session.utf8
        if !session.colorsEnabled && themeName != .monochrome { themeName = .monochrome }
        var state = AppState(
            vault: vault, width: session.width, height: session.height,
            settings: ExplorerSettings(
                theme: Theme(themeName), ascii: ascii, keyMap: settings.keyMap,
                presenterTheme: settings.presenterTheme, smartCase: settings.smartCase))
        state.startBackgroundWork()
        if settings.present { state.setPresenting(true) }
        if let tour = settings.tour { state.startTour(tour) }
        if !session.utf8 { state.say("The locale is not UTF-8: drawing with ASCII") }
        if let notice = settings.notice { state.say(notice) }
        if settings.followPath != nil { state.startFollowing() }
        let watcher = settings.watch ? startWatching(vault, state: &state) : nil
        defer { watcher?.stop() }
        var publisher = settings.publishPath.map(PresenterChannel.init)
        var follower = settings.followPath.map(PresenterChannel.init)
        let opener = SystemOpener(lofi: settings.terminal.lofi)
        var repaint = true
        // Whether the state may have changed since the last frame. A turn whose key read timed out with
        // nothing new draws nothing: the screen is a function of the state, and drawing it anyway cost
        // every idle explorer a frame ten times a second (a hundred served sessions, half a core).
        var changed = true
        while true {
            // Key reads time out every 100 ms, so a reload shows without a key press.
            if let update = watcher?.takeUpdate() {
                state.vaultChanged(update.vault)
                state.startBackgroundWork()
                if let failure = update.failure { state.say("Could not read the notes again: \(failure)") }
                changed = true
            }
            if var channel = follower {
                if let entry = channel.poll() {
                    state.presenterOpened(entry)
                    changed = true
                }
                follower = channel
            }
            if var channel = publisher {
                channel.publish(state.shownEntryName)
                publisher = channel
            }
            if changed || repaint { session.present(Renderer.render(state), theme: state.theme, repaintAll: repaint) }
            repaint = false
            changed = false
            var key = session.readKey()
            var handled = 0
            defer { state.settle() }
            while true {
                if let signal = session.pendingSignal {
                    return 128 + signal
                }
                guard let current = key else { break }
                changed = true
                for effect in state.handle(current) {
                    switch effect {
                    case .quit: return 0
                    case .redrawAll: repaint = true
                    case .copyToClipboard(let text): session.copyToClipboard(text)
                    case .openExternally(let target):
                        let outcome = opener.open(target)
                        if let text = outcome.copy { session.copyToClipboard(text) }
                        state.say(outcome.message)
                    }
                }
                handled += 1
                // Apply keys typed ahead before drawing again, so nothing lags or reorders.
                key = handled < 64 ? session.readPendingKey() : nil
            }
        }
    }

    /// Watches a folder vault's files (live reload), saying on the status line why it cannot.
    private static func startWatching(_ vault: Vault, state: inout AppState) -> VaultWatcher? {
        guard VaultWatcher.canWatch(vault) else { return nil }
        do {
            let watcher = try VaultWatcher(vault: vault)
            if let problem = watcher.problems.first { state.say("Live reload: \(problem)") }
            watcher.run()
            return watcher
        } catch {
            state.say("Live reload is off: \(error)")
            return nil
        }
    }
}
