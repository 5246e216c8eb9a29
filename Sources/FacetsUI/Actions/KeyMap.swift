/// Which keys trigger which actions: the action table's defaults, or those a config file chose.
/// The explorer's key handling, its help overlay and `facets keys` all read this one value.
public struct KeyMap: Sendable, Equatable {
    /// Each action's keys, in the order help lists them (the first is the one hints show).
    public private(set) var bindings: [Action: [Key]]
    /// The actions this map knows, in help order: the action table's, plus those registered views bring.
    public let table: [ActionInfo]
    /// Each context's keys, looked up by `action(for:in:)`.
    private var byContext: [KeyContext: [Key: Action]] = [:]

    /// The action table's keys.
    public static let defaults = KeyMap(table: ActionTable.rows)

    /// A table's own keys.
    public init(table: [ActionInfo]) {
        self.init(bindings: Dictionary(table.map { ($0.action, $0.keys) }, uniquingKeysWith: { first, _ in first }), table: table)
    }

    /// Actions missing from `bindings` have no key. Where two actions of one context share a key the
    /// first in table order wins; `conflicts` lists such keys so callers can refuse them.
    public init(bindings: [Action: [Key]], table: [ActionInfo] = ActionTable.rows) {
        self.bindings = bindings
        self.table = table
        for row in table {
            for key in bindings[row.action] ?? [] where byContext[row.context]?[key] == nil {
                byContext[row.context, default: [:]][key] = row.action
            }
        }
    }

    /// The same bindings over a larger table (a registered view's actions added): actions the map
    /// already binds keep their keys, new ones get their table keys.
    public func extended(with rows: [ActionInfo]) -> KeyMap {
        let known = Set(table.map(\.action))
        let added = rows.filter { !known.contains($0.action) }
        guard !added.isEmpty else { return self }
        var changed = bindings
        for row in added { changed[row.action] = row.keys }
        return KeyMap(bindings: changed, table: table + added)
    }

    /// The action a key triggers in the active contexts, most specific first (`[.tour, .tree, .everywhere]`):
    /// the first context that binds the key wins.
    public func action(for key: Key, in contexts: [KeyContext] = [.everywhere]) -> Action? {
        for context in contexts {
            if let action = byContext[context]?[key] { return action }
        }
        return nil
    }

    /// The contexts that have at least one action, in table order: the headings of key listings.
    public var contexts: [KeyContext] {
        var seen: [KeyContext] = []
        for row in table where !seen.contains(row.context) { seen.append(row.context) }
        return seen
    }

    public func keys(for action: Action) -> [Key] { bindings[action] ?? [] }

    /// The same map with `action` on exactly `keys` (an empty list leaves it without a key).
    public func rebinding(_ action: Action, to keys: [Key]) -> KeyMap {
        var changed = bindings
        changed[action] = keys
        return KeyMap(bindings: changed, table: table)
    }

    /// A key two or more actions claim where one would shadow the other (their order is the table's).
    /// `context` is where the clash happens: for a view's key against an everywhere key, the view.
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
    /// `KeyContext.clashes`), in table order. Modal contexts clash only within themselves.
    public var conflicts: [Conflict] {
        var claims: [(key: Key, context: KeyContext, actions: [Action])] = []
        for row in table {
            for key in Set(bindings[row.action] ?? []) {
                if let index = claims.firstIndex(where: { $0.key == key && $0.context == row.context }) {
                    claims[index].actions.append(row.action)
                } else {
                    claims.append((key, row.context, [row.action]))
                }
            }
        }
        let order = Dictionary(table.enumerated().map { ($1.action, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// The table's rows with this map's keys: what help and `facets keys` list.
    public var rows: [ActionInfo] {
        table.map { row in
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
