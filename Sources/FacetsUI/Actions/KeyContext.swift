/// Where a key binding applies. An open set: a new view declares its own (`KeyContext(name: "matrix")`).
///
/// Modal contexts (a tour, a prompt, the help) take the keys while they are active, ahead of everything
/// else, so their keys never clash with other contexts'. A view context's keys apply while that view has
/// the focus, alongside the everywhere keys, so they clash with those.
public struct KeyContext: Hashable, Sendable {
    /// Lower case, as `facets keys --markdown` and config messages write it ("tour", "prompt").
    public var name: String
    public var modal: Bool

    public init(name: String, modal: Bool = false) {
        self.name = name
        self.modal = modal
    }

    /// Keys that apply whatever has the focus (unless a modal context takes them first).
    public static let everywhere = KeyContext(name: "everywhere")
    public static let tour = KeyContext(name: "tour", modal: true)
    /// A query being typed: `/`, `:`, the in-entry find.
    public static let prompt = KeyContext(name: "prompt", modal: true)
    public static let help = KeyContext(name: "help", modal: true)
    public static let tree = KeyContext(name: "tree")
    public static let list = KeyContext(name: "list")
    public static let detail = KeyContext(name: "detail")
    /// A talk's timeline in the detail pane (its strip), ahead of the detail pane's keys.
    public static let timeline = KeyContext(name: "timeline")

    /// A heading for listings: "Everywhere", "Prompt".
    public var title: String { name.prefix(1).uppercased() + name.dropFirst() }

    /// When the context's keys apply, for listings: "while a query is typed, where they win".
    public var applies: String {
        switch self {
        case .everywhere: "whatever has the focus"
        case .tour: "only during a guided tour, where they win"
        case .prompt: "while a query is typed in /, : or the find in an entry, where they win; cancel's keys cancel"
        case .help: "while the help is open, where they win"
        case .timeline: "while a talk's timeline has the focus"
        default: modal ? "while it is open, where they win" : "while the \(name) pane has the focus"
        }
    }

    /// Whether a key in both contexts would be ambiguous: within one context, or a view context's key
    /// against an everywhere key. Modal contexts win while active, so they clash only with themselves.
    public func clashes(with other: KeyContext) -> Bool {
        if self == other { return true }
        if modal || other.modal { return false }
        return self == .everywhere || other == .everywhere
    }
}
