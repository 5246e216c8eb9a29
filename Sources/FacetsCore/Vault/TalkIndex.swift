/// The talks of a vault and what hangs on them: notes per video, how their timestamps read, the talks'
/// names, and the browsing tree (when the load builds it, see `TreeTiming`).
struct TalkIndex: Sendable {
    let notesByVideo: [String: [Int]]
    let readings: TimestampReading.Readings
    let talks: [Talk]
    let layout: BrowseLayout?
    /// Minutes-first notes and four-field timestamps.
    let diagnostics: [Diagnostic]
    let phases: [(name: String, seconds: Double)]

    init(notes: [Note], attachments: [Attachment] = [], tree: TreeTiming = .withLoad) {
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
        switch tree {
        case .withLoad:
            layout = BrowseLayout(BrowseInput(notes: notes, talks: talks, attachments: attachments))
            timer.lap("talks and tree")
        case .whenAsked:
            layout = nil
            timer.lap("talks")
        }
        self.phases = timer.phases
    }
}
