/// Names a view: its place in a layout, its registration and its key-map context.
/// An open set, so a new view names itself in its own file.
public struct ViewID: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    /// The browsing views, on screen from the start in this Tab order.
    public static let tree = ViewID("tree"), list = ViewID("list"), detail = ViewID("detail")
    /// Overlays, drawn over the panes while open.
    public static let help = ViewID("help"), globalSearch = ViewID("search")
}
