/// Queries kept earlier in this run by one prompt, recalled newest first (as fzf's history does).
/// Recalling starts from the query being typed, which the newest-end step gives back.
public struct PromptHistory: Sendable, Equatable {
    public private(set) var entries: [String] = []
    /// Which entry is shown while recalling; nil while the typed query is.
    private var position: Int?
    /// The query typed before recalling began.
    private var draft = ""
    static let limit = 100

    public init() {}

    /// Keeps a confirmed query (not an empty one, nor the newest again) and ends any recall.
    public mutating func record(_ query: String) {
        position = nil
        guard !query.isEmpty, entries.last != query else { return }
        entries.append(query)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }

    /// Ends a recall without keeping anything (the prompt was cancelled).
    public mutating func reset() { position = nil }

    /// The query before the one shown; nil when there is none.
    public mutating func previous(current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        if let position {
            guard position > 0 else { return nil }
            self.position = position - 1
        } else {
            draft = current
            position = entries.count - 1
        }
        return self.position.map { entries[$0] }
    }

    /// The query after the one shown, the typed query at the end; nil when not recalling.
    public mutating func next() -> String? {
        guard let position else { return nil }
        if position + 1 < entries.count {
            self.position = position + 1
            return entries[position + 1]
        }
        self.position = nil
        return draft
    }
}

/// One history per prompt: the list filter, the in-entry find and search-all recall their own queries.
public struct PromptHistories: Sendable, Equatable {
    public var listFilter = PromptHistory()
    public var detailFind = PromptHistory()
    public var global = PromptHistory()

    public init() {}

    public subscript(field: SearchField) -> PromptHistory {
        get {
            switch field {
            case .listFilter: listFilter
            case .detailFind: detailFind
            case .global: global
            }
        }
        set {
            switch field {
            case .listFilter: listFilter = newValue
            case .detailFind: detailFind = newValue
            case .global: global = newValue
            }
        }
    }
}
