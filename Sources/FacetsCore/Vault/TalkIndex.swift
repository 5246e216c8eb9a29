/// The talks of a vault and what hangs on them: notes per video, how their timestamps read, the talks'
/// names, and the browsing tree.
struct TalkIndex: Sendable {
    let notesByVideo: [String: [Int]]
    let readings: TimestampReading.Readings
    let talks: [Talk]
    let tree: BrowseNode
    let treeGrouping: String
    let treeOrder: [Int]
    /// Minutes-first notes and four-field timestamps.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    init(notes: [Note], attachments: [Attachment] = []) {
        var timer = PhaseTimer()
        var notesByVideo: [String: [Int]] = [:]
        for index in notes.indices {
            if let video = notes[index].videoId { notesByVideo[video, default: []].append(index) }
        }
        self.notesByVideo = notesByVideo
        let readings = TimestampReading.readings(notes: notes, notesByVideo: notesByVideo)
        self.readings = readings
        self.diagnostics = TimestampReading.diagnostics(notes: notes, readings: readings)
        timer.lap("timestamps")

        let talks = ChannelIndex.talks(notes: notes, notesByVideo: notesByVideo)
        self.talks = talks
        let (grouping, tree) = BrowseTree.initial(BrowseInput(notes: notes, talks: talks, attachments: attachments))
        self.tree = tree
        self.treeGrouping = grouping
        self.treeOrder = BrowseTree.order(tree, noteCount: notes.count)
        timer.lap("talks and tree")
        self.phases = timer.phases
    }
}
