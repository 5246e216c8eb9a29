import ArgumentParser
import FacetsCore

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links", abstract: "Show an entry's outgoing links, backlinks and timestamp neighbours.")

    @OptionGroup var vaultOptions: VaultOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The entry, by file name, title or alias.")
    var entry: String

    struct Report: Encodable {
        var entry: String
        var title: String
        var outgoing: [LinkJSON]
        var backlinks: [BacklinkJSON]
        var moments: [MomentJSON]
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let index = try resolveEntry(entry, in: vault)
        let note = vault.notes[index]
        let talk = vault.talk(ofNote: index)
        let moments: [MomentJSON] = note.timestamps.map { stamp in
            let seconds = vault.seconds(of: stamp, inNote: index)
            let around = note.videoId.map { vault.saidAround(videoId: $0, seconds: seconds, excludingNote: index) } ?? []
            return MomentJSON(
                time: TimestampRef.format(seconds: seconds), seconds: seconds, line: stamp.line,
                url: talk?.url(atSecond: seconds),
                saidAround: StatementJSON.all(around, in: vault))
        }
        let report = Report(
            entry: note.stem, title: note.title, outgoing: vault.linkJSON(index),
            backlinks: vault.backlinkJSON(index), moments: moments)
        if output.json {
            try Output.json(report)
            return
        }
        Output.line("\(note.title)  (\(note.path))")
        Output.line()
        Output.line("Links (\(report.outgoing.count)):")
        for link in report.outgoing {
            let destination = link.resolved.map { "→ \($0)" } ?? "→ (no note for \"\(link.target)\")"
            Output.line("  \(note.path):\(link.line)  \(link.label)  \(destination)")
        }
        Output.line()
        Output.line("Backlinks (\(report.backlinks.count)):")
        for backlink in report.backlinks {
            Output.line("  \(backlink.from):\(backlink.line)  \(backlink.title): \(backlink.text)")
        }
        Output.line()
        Output.line("Timestamps (\(report.moments.count)):")
        for moment in report.moments {
            Output.line("  [\(moment.time)] line \(moment.line)\(moment.url.map { "  \($0)" } ?? "")")
            for statement in moment.saidAround {
                Output.line("      [\(statement.time)] \(statement.title): \(statement.text)")
            }
        }
    }
}
