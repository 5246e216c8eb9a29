import FacetsCore

/// How a view joins the explorer: its id, the actions it brings to the action table, the action that
/// opens it (in place of the detail pane) and how to make it for a vault. Adding a view is its file
/// plus one of these.
public struct ViewRegistration: Sendable {
    public let id: ViewID
    public let actions: [ActionInfo]
    public let opener: Action?
    public let make: @Sendable (Vault) -> any ExplorerView

    public init(id: ViewID, actions: [ActionInfo] = [], opener: Action? = nil, make: @escaping @Sendable (Vault) -> any ExplorerView) {
        self.id = id
        self.actions = actions
        self.opener = opener
        self.make = make
    }
}

/// The views an explorer can show. The browsing panes and the overlays are registered like any other.
public struct ViewRegistry: Sendable {
    public private(set) var registrations: [ViewRegistration]

    public static let standard = ViewRegistry(registrations: [
        ViewRegistration(id: .tree) { TreeView(tree: $0.tree, grouping: $0.treeGrouping) },
        ViewRegistration(id: .list) { _ in ListView() },
        ViewRegistration(id: .detail) { _ in DetailView() },
        ViewRegistration(id: .help) { _ in HelpView() },
        ViewRegistration(id: .globalSearch) { _ in GlobalSearchView() },
        ViewRegistration(id: .neighbourhood, actions: NeighbourhoodView.actions, opener: .neighbourhood) { _ in NeighbourhoodView() },
        MatrixView.registration,
    ])

    /// The same registry with one more view (a view already registered under its id is replaced).
    public func registering(_ registration: ViewRegistration) -> ViewRegistry {
        var copy = self
        copy.registrations.removeAll { $0.id == registration.id }
        copy.registrations.append(registration)
        return copy
    }

    /// Rows registered views add to the action table (the standard registry's are in `ActionTable.rows`,
    /// so help, `facets keys`, the README and a config's `[keys]` know them).
    public var actionRows: [ActionInfo] { registrations.flatMap(\.actions) }

    /// The view an action opens, if a registration names it.
    func view(openedBy action: Action) -> ViewID? { registrations.first { $0.opener == action }?.id }
}
