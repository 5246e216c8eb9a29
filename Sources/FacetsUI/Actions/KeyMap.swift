/// Which keys trigger which actions: the action table's defaults, or those a config file chose.
/// The explorer's key handling, its help overlay and `facets keys` all read this one value.
public struct KeyMap: Sendable, Equatable {
    /// Each action's keys, in the order help lists them (the first is the one hints show).
    public private(set) var bindings: [Action: [Key]]
    /// Each context's keys, looked up by `action(for:in:)`.
    private var byContext: [KeyContext: [Key: Action]] = [:]

    /// The action table's keys.
    public static let defaults = KeyMap(bindings: Dictionary(uniqueKeysWithValues: ActionTable.rows.map { ($0.action, $0.keys) }))

    /// Actions missing from `bindings` have no key. Where two actions of one context share a key the
    /// first in action-table order wins; `conflicts` lists such keys so callers can refuse them.
    public init(bindings: [Action: [Key]]) {
        self.bindings = bindings
        for row in ActionTable.rows {
            for key in bindings[row.action] ?? [] where byContext[row.context]?[key] == nil {
                byContext[row.context, default: [:]][key] = row.action
            }
        }
    }

    /// The action a key triggers in the active contexts, most specific first (`[.tour, .tree, .everywhere]`):
    /// the first context that binds the key wins.
    public func action(for key: Key, in contexts: [KeyContext] = [.everywhere]) -> Action? {
        for context in contexts {
            if let action = byContext[context]?[key] { return action }
        }
        return nil
    }

    /// The contexts that have at least one action, in action-table order: the headings of key listings.
    public static var contexts: [KeyContext] {
        var seen: [KeyContext] = []
        for row in ActionTable.rows where !seen.contains(row.context) { seen.append(row.context) }
        return seen
    }

    public func keys(for action: Action) -> [Key] { bindings[action] ?? [] }

    /// The same map with `action` on exactly `keys` (an empty list leaves it without a key).
    public func rebinding(_ action: Action, to keys: [Key]) -> KeyMap {
        var changed = bindings
        changed[action] = keys
        return KeyMap(bindings: changed)
    }

    /// A key two or more actions claim where one would shadow the other (their order is the action
    /// table's). `context` is where the clash happens: for a view's key against an everywhere key, the view.
    public struct Conflict: Sendable, Equatable {
        public var key: Key
        public var context: KeyContext
        public var actions: [Action]

        public init(key: Key, context: KeyContext, actions: [Action]) {
            self.key = key
            self.context = context
            self.actions = actions
        }
    }

    /// Every key claimed twice within one context, or by a view context and everywhere (see
    /// `KeyContext.clashes`), in action-table order. Modal contexts clash only within themselves.
    public var conflicts: [Conflict] {
        var claims: [(key: Key, context: KeyContext, actions: [Action])] = []
        for row in ActionTable.rows {
            for key in Set(bindings[row.action] ?? []) {
                if let index = claims.firstIndex(where: { $0.key == key && $0.context == row.context }) {
                    claims[index].actions.append(row.action)
                } else {
                    claims.append((key, row.context, [row.action]))
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: ActionTable.rows.enumerated().map { ($1.action, $0) })
        return claims.compactMap { claim in
            // A view context's claim also counts the everywhere actions on its key.
            var actions = claim.actions
            if claim.context != .everywhere {
                for other in claims where other.key == claim.key && other.context == .everywhere && claim.context.clashes(with: other.context) {
                    actions += other.actions
                }
            }
            guard actions.count > 1 else { return nil }
            return Conflict(key: claim.key, context: claim.context, actions: actions.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) })
        }
    }

    /// The action table's rows with this map's keys: what help and `facets keys` list.
    public var rows: [ActionInfo] {
        ActionTable.rows.map { row in
            var row = row
            row.keys = keys(for: row.action)
            return row
        }
    }

    /// How hints and messages name an action's key: its first key ("?"), or nil when it has none.
    public func label(_ action: Action) -> String? { keys(for: action).first?.displayName }

    /// How listings mark a row's context: "(tour) ", nothing for everywhere.
    public static func contextPrefix(_ context: KeyContext) -> String {
        context == .everywhere ? "" : "(\(context.name)) "
    }

    /// The key table as Markdown, for the README; rows outside "everywhere" carry their context.
    public var markdown: String {
        var out = "| Keys | Action |\n| --- | --- |\n"
        for row in rows {
            let keys = row.keys.map { "`\($0.displayName)`" }.joined(separator: " ")
            out += "| \(Self.contextPrefix(row.context))\(keys) | \(row.description) |\n"
        }
        out += "| `0`–`9` `Enter` | Detail pane: follow link or timestamp N |\n"
        out += "| mouse | Click selects, double-click follows, wheel scrolls |\n"
        return out
    }
}
