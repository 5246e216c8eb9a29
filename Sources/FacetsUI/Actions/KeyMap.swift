/// Which keys trigger which actions: the action table's defaults, or those a config file chose.
/// The explorer's key handling, its help overlay and `facets keys` all read this one value.
public struct KeyMap: Sendable, Equatable {
    /// Each action's keys, in the order help lists them (the first is the one hints show).
    public private(set) var bindings: [Action: [Key]]
    /// The actions this map knows, in help order: the action table's, plus those registered views bring.
    public let table: [ActionInfo]
    private var normal: [Key: Action] = [:]
    private var tour: [Key: Action] = [:]

    /// The action table's keys.
    public static let defaults = KeyMap(table: ActionTable.rows)

    /// A table's own keys.
    public init(table: [ActionInfo]) {
        self.init(bindings: Dictionary(table.map { ($0.action, $0.keys) }, uniquingKeysWith: { first, _ in first }), table: table)
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

    /// Actions missing from `bindings` have no key. Where two actions of one context share a key the
    /// first in action-table order wins; `conflicts` lists such keys so callers can refuse them.
    public init(bindings: [Action: [Key]], table: [ActionInfo] = ActionTable.rows) {
        self.bindings = bindings
        self.table = table
        for row in table {
            for key in bindings[row.action] ?? [] {
                switch row.context {
                case .normal: if normal[key] == nil { normal[key] = row.action }
                case .tour: if tour[key] == nil { tour[key] = row.action }
                }
            }
        }
    }

    /// The action a key triggers; keys of the tour context win while a tour runs.
    public func action(for key: Key, inTour: Bool = false) -> Action? {
        if inTour, let action = tour[key] { return action }
        return normal[key]
    }

    public func keys(for action: Action) -> [Key] { bindings[action] ?? [] }

    /// The same map with `action` on exactly `keys` (an empty list leaves it without a key).
    public func rebinding(_ action: Action, to keys: [Key]) -> KeyMap {
        var changed = bindings
        changed[action] = keys
        return KeyMap(bindings: changed, table: table)
    }

    /// A key two or more actions of the same context claim (their order is the action table's).
    public struct Conflict: Sendable, Equatable {
        public var key: Key
        public var context: KeyContext
        public var actions: [Action]
    }

    /// Every key claimed by more than one action in one context, in action-table order.
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
        return claims.filter { $0.actions.count > 1 }.map { Conflict(key: $0.key, context: $0.context, actions: $0.actions) }
    }

    /// The action table's rows with this map's keys: what help and `facets keys` list.
    public var rows: [ActionInfo] {
        table.map { row in
            var row = row
            row.keys = keys(for: row.action)
            return row
        }
    }

    /// How hints and messages name an action's key: its first key ("?"), or nil when it has none.
    public func label(_ action: Action) -> String? { keys(for: action).first?.displayName }

    /// The key table as Markdown, for the README.
    public var markdown: String {
        var out = "| Keys | Action |\n| --- | --- |\n"
        for row in rows {
            let keys = row.keys.map { "`\($0.displayName)`" }.joined(separator: " ")
            out += "| \(row.context == .tour ? "(tour) " : "")\(keys) | \(row.description) |\n"
        }
        out += "| `0`–`9` `Enter` | Detail pane: follow link or timestamp N |\n"
        out += "| mouse | Click selects, double-click follows, wheel scrolls |\n"
        return out
    }
}
