/// The flat talk tree: one section per talk (in channel-index order, named from it), then the notes of
/// no talk. The fallback for a vault of one folder without kinds.
public enum TalkGrouping {
    public static let grouping = TreeGrouping(id: "talks", title: "By talk") { input in
        let hasKinds = input.notes.contains { $0.kind != nil }
        return hasKinds || FolderGrouping.hasFolders(input) ? nil : tree(input)
    }

    static func tree(_ input: BrowseInput) -> BrowseNode {
        let notes = input.notes, talks = input.talks
        let rank = input.titleRanks()
        let byTitle: (Int, Int) -> Bool = { a, b in rank[a] < rank[b] }
        var byVideo: [String: [Int]] = [:]
        var other: [Int] = []
        for index in notes.indices {
            if let video = notes[index].videoId { byVideo[video, default: []].append(index) } else { other.append(index) }
        }
        var order = talks.map(\.videoId).filter { byVideo[$0] != nil }
        let named = Set(order)
        order += byVideo.keys.filter { !named.contains($0) }.sorted()
        let titles = TalkTitles(talks)
        var sections: [BrowseNode] = []
        for video in order {
            sections.append(
                BrowseNode(id: "talk:\(video)", title: titles.title(video), entries: (byVideo[video] ?? []).sorted(by: byTitle)))
        }
        if !other.isEmpty {
            sections.append(BrowseNode(id: "talk:", title: "Other notes", entries: other.sorted(by: byTitle)))
        }
        return BrowseNode(id: "root", title: "Vault", entries: [], children: sections + [input.allNotes(ranks: rank)])
    }
}

/// The title of each talk: the first talk named for its video (found once: searched per section,
/// thousands of talks made the tree quadratic), "Talk <id>" when nothing names it.
struct TalkTitles {
    private var titles: [String: String] = [:]

    init(_ talks: [Talk]) {
        for talk in talks where titles[talk.videoId] == nil { titles[talk.videoId] = talk.title }
    }

    func title(_ video: String) -> String { titles[video] ?? "Talk \(video)" }
}
