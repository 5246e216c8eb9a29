/// What a workshop adds to browsing: presenter mode, a guided tour, following a presenter, key captions.
public struct Workshop: Sendable {
    /// Presenter mode: the focused pane alone, centred at a readable width, high contrast, key captions.
    public internal(set) var presenting = false
    var themeBeforePresenting: Theme?
    /// The guided tour being walked, if any.
    public internal(set) var tour: TourState?
    /// In a served workshop session: nil when there is no presenter to follow; true while following.
    public internal(set) var following: Bool?
    /// The last keys and their actions, newest last (key captions in presenter mode).
    public internal(set) var recentKeys: [(key: String, caption: String)] = []

    mutating func noteKey(_ key: Key, caption: String) {
        recentKeys.append((key.displayName, caption))
        if recentKeys.count > 5 { recentKeys.removeFirst(recentKeys.count - 5) }
    }
}

/// A guided tour in progress: its note, its stops (note indexes) and where you are on it.
public struct TourState: Sendable, Equatable {
    public var note: Int
    public var title: String
    public var stops: [Int]
    public var position: Int

    /// "3/10"
    public var progress: String { "\(position + 1)/\(stops.count)" }
}
