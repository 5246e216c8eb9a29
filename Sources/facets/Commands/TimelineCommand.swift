import ArgumentParser
import FacetsCore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Every timestamped statement of a talk, in time order.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The talk: its video id, its title, or an entry of it. Optional when the vault has one talk.")
    var talk: String?
    @Flag(name: .long, help: "Draw the talk as a strip: a cell per stretch of the talk, darker where more is cited.")
    var strip = false
    @Option(name: .long, help: "The strip's width in cells (default: to fit the terminal, or 80 columns).")
    var width: Int?
    @Flag(name: .long, help: "Draw the strip with ASCII characters only.")
    var ascii = false

    struct Report: Encodable {
        var videoId: String
        var title: String
        var url: String
        var statements: [StatementJSON]
        /// With `--strip`: the strip's cells, each naming its statements by index.
        var strip: StripJSON?
    }

    struct StripJSON: Encodable {
        var length: Int
        var cells: Int
        var pastEnd: Int
        var buckets: [BucketJSON]
    }

    struct BucketJSON: Encodable {
        var start: Int
        var end: Int
        var count: Int
        var level: Int
        var statements: [Int]
    }

    struct TalkSummary: Encodable {
        var videoId: String
        var title: String
        var statements: Int
    }

    func run() throws {
        if let width, !(1...10_000).contains(width) {
            Output.error("facets: --width takes 1 to 10000 cells, not \(width).")
            throw ExitCode(2)
        }
        let vault = try vaultOptions.load()
        guard let videoId = try chooseTalk(vault) else {
            let summaries = vault.videoIds.map { id in
                TalkSummary(
                    videoId: id, title: vault.talk(videoId: id)?.title ?? "Talk \(id)",
                    statements: vault.momentCount(videoId: id))
            }
            if output.json {
                try Output.json(summaries)
                return
            }
            Output.line("The vault has \(summaries.count) talks; name one:")
            for summary in summaries { Output.line("  \(summary.videoId)  \(summary.title)  (\(summary.statements) statements)") }
            return
        }
        let info = vault.talk(videoId: videoId) ?? Talk(videoId: videoId, title: "Talk \(videoId)", url: "https://www.youtube.com/watch?v=\(videoId)")
        let timeline = vault.timelineStatements(videoId: videoId)
        let statements = timeline.map { StatementJSON(vault: vault, entry: $0.entry, text: $0.text) }
        let moments = timeline.map(\.entry.seconds)
        let length = vault.talkLength(videoId: videoId) ?? moments.max() ?? 0
        let label = { (seconds: Int) in TimestampRef.format(seconds: seconds) }
        // The strip between its start and end times on one line.
        let cells = max(1, width ?? (max(40, Output.width) - (label(0) + label(length)).count - 2))
        let picture = TimelineStrip(seconds: moments, length: length, cells: cells)
        if output.json {
            let stripJSON = StripJSON(
                length: picture.length, cells: cells, pastEnd: picture.pastEnd,
                buckets: picture.buckets.map { BucketJSON(start: $0.start, end: $0.end, count: $0.count, level: $0.level, statements: $0.moments) })
            try Output.json(
                Report(videoId: videoId, title: info.title, url: info.url, statements: statements, strip: strip ? stripJSON : nil))
            return
        }
        Output.line("\(info.title)  \(info.url)")
        if strip {
            let shades = ascii ? TimelineStrip.asciiShades : TimelineStrip.unicodeShades
            Output.line("\(label(0)) \(picture.picture(shades: shades, empty: ascii ? "-" : "─")) \(label(length))")
            let densest = picture.buckets.map(\.count).max() ?? 0
            let past = picture.pastEnd > 0 ? "; \(picture.pastEnd) cited past the end, in the last cell" : ""
            Output.line(
                "\(statements.count) statements in \(cells) cells of about \(max(1, length / cells)) s; \(shades.joined()) lighter to denser, the densest cell holds \(densest)\(past)"
            )
            return
        }
        for statement in statements {
            Output.line("[\(statement.time)] \(statement.title): \(statement.text)")
        }
    }

    func chooseTalk(_ vault: Vault) throws -> String? {
        let ids = vault.videoIds
        guard let talk else { return ids.count == 1 ? ids[0] : nil }
        if ids.contains(talk) { return talk }
        if let byTitle = vault.talks.first(where: { $0.title.lowercased() == talk.lowercased() }) { return byTitle.videoId }
        let index = try resolveEntry(talk, in: vault)
        guard let video = vault.notes[index].videoId else {
            Output.error("facets: \(vault.notes[index].path) names no talk (no videoId).")
            throw ExitCode(2)
        }
        return video
    }
}
