/// The folder tree, as Obsidian's file explorer and ranger show a vault: folders, subfolders, then the
/// notes, with the notes of one talk (same `videoId`) gathered under the talk's title, then the other
/// files. Folders first, each level in natural order ("Talk 2" before "Talk 10"). Applies when the vault
/// has folders.
public enum FolderGrouping {
    public static let grouping = TreeGrouping(id: "folders", title: "By folder", paneTitle: "Folders") { input in
        hasFolders(input) ? tree(input) : nil
    }

    static func hasFolders(_ input: BrowseInput) -> Bool {
        input.notes.contains { $0.path.utf8.contains(Byte.slash) } || input.attachments.contains { $0.path.utf8.contains(Byte.slash) }
    }

    /// One folder's contents while the tree is gathered.
    private final class Folder {
        var subfolders: [String: Folder] = [:]
        var notes: [Int] = []
        var attachments: [Int] = []

        func folder(at parts: ArraySlice<Substring>) -> Folder {
            guard let first = parts.first else { return self }
            let name = String(first)
            let child = subfolders[name] ?? Folder()
            subfolders[name] = child
            return child.folder(at: parts.dropFirst())
        }
    }

    static func tree(_ input: BrowseInput) -> BrowseNode {
        let root = Folder()
        // Each folder found once by its path: the notes of a folder are listed together, and splitting
        // 25,000 paths into components character by character was a tenth of a load.
        var byPath: [Substring: Folder] = [:]
        func folder(of path: String) -> Folder {
            let parent = folderPath(path)
            if let found = byPath[parent] { return found }
            let found = root.folder(at: folderParts(path))
            byPath[parent] = found
            return found
        }
        for index in input.notes.indices {
            folder(of: input.notes[index].path).notes.append(index)
        }
        for index in input.attachments.indices {
            folder(of: input.attachments[index].path).attachments.append(index)
        }
        // The two orders of every title side by side: the load builds this tree on one core while the
        // link graph, beside it, ends sooner.
        let (natural, titleRanks) = Parallel.both({ NaturalOrder.sortedIndices(input.notes.map(\.title)) }, { input.titleRanks() })
        var rank = [Int](repeating: 0, count: input.notes.count)
        for (place, index) in natural.enumerated() { rank[index] = place }
        let builder = Builder(input: input, rank: rank, titles: TalkTitles(input.talks))
        let top = builder.children(of: root, path: "")
        return BrowseNode(id: "root", title: "Vault", entries: [], children: top + [input.allNotes(ranks: titleRanks)])
    }

    /// The folders a path lies in (`a/b/note.md` → `a`, `b`).
    static func folderParts(_ path: String) -> ArraySlice<Substring> {
        path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    }

    /// The path up to its last `/` (`a/b/note.md` → `a/b`), found on the bytes: `folderParts` of two
    /// paths with the same `folderPath` are the same.
    static func folderPath(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: Byte.slash) else { return "" }
        return path[..<slash]
    }

    private struct Builder {
        let input: BrowseInput
        let rank: [Int]
        let titles: TalkTitles

        /// A folder's nodes: subfolders, talks, notes, other files.
        func children(of folder: Folder, path: String) -> [BrowseNode] {
            var nodes: [BrowseNode] = []
            let names = Array(folder.subfolders.keys)
            for place in NaturalOrder.sortedIndices(names) {
                let name = names[place]
                guard let sub = folder.subfolders[name] else { continue }
                let subPath = path.isEmpty ? name : path + "/" + name
                let children = children(of: sub, path: subPath)
                nodes.append(
                    BrowseNode(id: "folder:\(subPath)", title: name, entries: children.flatMap(\.entries), children: children, kind: .folder))
            }
            var byVideo: [String: [Int]] = [:]
            var loose: [Int] = []
            for index in folder.notes {
                if let video = input.notes[index].videoId { byVideo[video, default: []].append(index) } else { loose.append(index) }
            }
            let videos = Array(byVideo.keys)
            let talkTitles = videos.map(titles.title)
            for place in NaturalOrder.sortedIndices(talkTitles) {
                let leaves = noteLeaves(byVideo[videos[place]] ?? [])
                nodes.append(
                    BrowseNode(
                        id: "talk:\(path)|\(videos[place])", title: talkTitles[place], entries: leaves.flatMap(\.entries),
                        children: leaves, kind: .talk))
            }
            nodes += noteLeaves(loose)
            let fileNames = folder.attachments.map { input.attachments[$0].name }
            for place in NaturalOrder.sortedIndices(fileNames) {
                let index = folder.attachments[place]
                nodes.append(
                    BrowseNode(id: "file:\(input.attachments[index].path)", title: fileNames[place], entries: [], kind: .attachment(index)))
            }
            return nodes
        }

        func noteLeaves(_ indexes: [Int]) -> [BrowseNode] {
            indexes.sorted { rank[$0] < rank[$1] }.map { index in
                BrowseNode(id: "note:\(input.notes[index].path)", title: input.notes[index].title, entries: [index], kind: .note(index))
            }
        }
    }
}
