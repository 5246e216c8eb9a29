/// A back/forward history like a browser's or vim's jump list: visiting after going back drops the
/// forward half. Generic so the UI can keep selection and scroll with each place.
public struct NavigationHistory<Location: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var backStack: [Location] = []
    public private(set) var current: Location?
    public private(set) var forwardStack: [Location] = []
    public let capacity: Int

    public init(capacity: Int = 500) {
        self.capacity = max(1, capacity)
    }

    public var canGoBack: Bool { !backStack.isEmpty }
    public var canGoForward: Bool { !forwardStack.isEmpty }

    /// Goes somewhere new. Visiting the place you are at changes nothing.
    public mutating func visit(_ location: Location) {
        if let current, current == location { return }
        if let current { backStack.append(current) }
        if backStack.count > capacity { backStack.removeFirst(backStack.count - capacity) }
        current = location
        forwardStack.removeAll()
    }

    /// Updates where you are now without making a new step (e.g. the scroll offset changed).
    public mutating func replaceCurrent(_ location: Location) {
        current = location
    }

    /// Every place, back and forward, changed by `transform` (the notes were read again, say): the
    /// steps stay where they are.
    public func mapped(_ transform: (Location) -> Location) -> NavigationHistory {
        var copy = self
        copy.backStack = backStack.map(transform)
        copy.current = current.map(transform)
        copy.forwardStack = forwardStack.map(transform)
        return copy
    }

    @discardableResult
    public mutating func goBack() -> Location? {
        guard let previous = backStack.popLast() else { return nil }
        if let current { forwardStack.append(current) }
        current = previous
        return previous
    }

    @discardableResult
    public mutating func goForward() -> Location? {
        guard let next = forwardStack.popLast() else { return nil }
        if let current { backStack.append(current) }
        current = next
        return next
    }
}
