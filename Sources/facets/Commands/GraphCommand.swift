import ArgumentParser
import FacetsCore

/// `facets graph ENTRY`: an entry's neighbourhood in the link graph, for scripts and for drawing tools
/// (Graphviz, Mermaid), from the same model the explorer's neighbourhood view draws.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print an entry's neighbourhood: the notes it links to and that link to it, by kind.",
        discussion: "Text by default; --json, --dot (Graphviz) or --mermaid (a `graph LR` block) for tools.")

    @OptionGroup var vaultOptions: VaultOptions
    @Argument(help: "The entry, by file name, title or alias.")
    var entry: String
    @Option(name: .long, help: "1: its own links and backlinks; 2: theirs too.")
    var depth = 1
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @Flag(name: .long, help: "Print a Graphviz digraph.")
    var dot = false
    @Flag(name: .long, help: "Print a Mermaid `graph LR` block.")
    var mermaid = false

    struct NodeJSON: Encodable {
        var id: String
        var title: String
        var kind: String?
        var distance: Int
    }

    struct EdgeJSON: Encodable {
        var from: String
        var to: String
        var direction: String
    }

    struct Report: Encodable {
        var centre: String
        var depth: Int
        var nodes: [NodeJSON]
        var edges: [EdgeJSON]
    }

    func validate() throws {
        guard (1...2).contains(depth) else { throw ValidationError("--depth is 1 or 2, not \(depth).") }
        guard [json, dot, mermaid].filter({ $0 }).count <= 1 else { throw ValidationError("Choose one of --json, --dot, --mermaid.") }
    }

    func run() throws {
        let vault = try vaultOptions.load()
        let index = try resolveEntry(entry, in: vault)
        let picture = Neighbourhood(centre: index, depth: depth, in: vault)
        if json {
            try Output.json(Self.report(picture, in: vault))
        } else if dot {
            Output.line(Self.dot(picture, in: vault))
        } else if mermaid {
            Output.line(Self.mermaid(picture, in: vault))
        } else {
            Output.line(Self.text(picture, in: vault))
        }
    }

    static func report(_ picture: Neighbourhood, in vault: Vault) -> Report {
        let notes = vault.notes
        return Report(
            centre: notes[picture.centre].path, depth: picture.depth,
            nodes: picture.nodes.map {
                NodeJSON(id: notes[$0.note].path, title: notes[$0.note].title, kind: notes[$0.note].kind, distance: $0.distance)
            },
            edges: picture.edges.map { EdgeJSON(from: notes[$0.from].path, to: notes[$0.to].path, direction: $0.direction.rawValue) })
    }

    static func arrow(_ direction: Neighbourhood.Direction) -> String {
        switch direction {
        case .linksTo: "→"
        case .linkedFrom: "←"
        case .both: "↔"
        }
    }

    /// The centre, then each kind's notes with an arrow for the direction (and their onward notes indented).
    static func text(_ picture: Neighbourhood, in vault: Vault) -> String {
        let notes = vault.notes
        let centre = notes[picture.centre]
        var lines = ["\(centre.title) (\(centre.kind ?? Neighbourhood.noKind))  \(centre.path)"]
        lines.append(
            "\(picture.nodes.count - 1) notes within \(picture.depth) link\(picture.depth == 1 ? "" : "s")  · → links to  ← linked from  ↔ both")
        for group in picture.groups {
            lines.append("")
            lines.append("\(group.name) (\(group.members.count))")
            for (member, onward) in zip(group.members, group.onward) {
                lines.append("  \(arrow(picture.direction(to: member) ?? .linksTo)) \(notes[member].title)  \(notes[member].path)")
                for note in onward {
                    lines.append(
                        "      \(arrow(picture.direction(to: note) ?? .linksTo)) \(notes[note].title)  (\(notes[note].kind ?? Neighbourhood.noKind))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A Graphviz digraph: one node per note (labelled title and kind), one edge per pair, `dir=both` for both ways.
    static func dot(_ picture: Neighbourhood, in vault: Vault) -> String {
        let notes = vault.notes
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
        }
        func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }
        var lines = ["digraph neighbourhood {", "  rankdir=LR;", "  node [shape=box];"]
        for node in picture.nodes {
            let note = notes[node.note]
            let label = "\"" + escaped(note.title) + "\\n(" + escaped(note.kind ?? Neighbourhood.noKind) + ")\""
            let style = node.distance == 0 ? ", style=bold" : ""
            lines.append("  \(quoted(note.path)) [label=\(label)\(style)];")
        }
        for edge in picture.edges {
            let from = quoted(notes[edge.from].path), to = quoted(notes[edge.to].path)
            switch edge.direction {
            case .linksTo: lines.append("  \(from) -> \(to);")
            case .linkedFrom: lines.append("  \(to) -> \(from);")
            case .both: lines.append("  \(from) -> \(to) [dir=both];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// A Mermaid flowchart: nodes `n0`, `n1`... in model order, labels quoted with Mermaid's entity for `"`.
    static func mermaid(_ picture: Neighbourhood, in vault: Vault) -> String {
        let notes = vault.notes
        var ids: [Int: String] = [:]
        var lines = ["graph LR"]
        for (position, node) in picture.nodes.enumerated() {
            ids[node.note] = "n\(position)"
            let note = notes[node.note]
            let label = "\(note.title) (\(note.kind ?? Neighbourhood.noKind))".replacingOccurrences(of: "\"", with: "#quot;")
            lines.append("  n\(position)[\"\(label)\"]")
        }
        for edge in picture.edges {
            let from = ids[edge.from] ?? "", to = ids[edge.to] ?? ""
            switch edge.direction {
            case .linksTo: lines.append("  \(from) --> \(to)")
            case .linkedFrom: lines.append("  \(to) --> \(from)")
            case .both: lines.append("  \(from) <--> \(to)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
