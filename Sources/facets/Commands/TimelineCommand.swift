import ArgumentParser
import FacetsCore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Every timestamped statement of a talk, in time order.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The talk: its video id, its title, or an entry of it. Optional when the vault has one talk.")
    var talk: String?

    struct Report: Encodable {
        var videoId: String
        var title: String
        var url: String
        var statements: [StatementJSON]
    }

    struct TalkSummary: Encodable {
        var videoId: String
        var title: String
        var statements: Int
    }

    func run() throws {
        let vault = try vaultOptions.load()
        guard let videoId = try chooseTalk(vault) else {
            let summaries = vault.videoIds.map { id in
                TalkSummary(
                    videoId: id, title: vault.talk(videoId: id)?.title ?? "Talk \(id)",
                    statements: vault.timeline(videoId: id).count)
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
        let statements = StatementJSON.all(vault.timeline(videoId: videoId), in: vault)
        if output.json {
            try Output.json(Report(videoId: videoId, title: info.title, url: info.url, statements: statements))
            return
        }
        Output.line("\(info.title)  \(info.url)")
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
