import Foundation
import Testing

/// `facets graph` as a script sees it, and the neighbourhood view in the real binary under tmux.
@Suite("Neighbourhood end to end", .serialized)
struct NeighbourhoodEndToEndTests {
    func facets(_ arguments: String...) throws -> ProcessResult {
        try runProcess(try Facets.requireBinary(), arguments)
    }

    struct Graph: Decodable {
        struct Node: Decodable {
            var id: String
            var title: String
            var kind: String?
        }
        struct Edge: Decodable {
            var from: String
            var to: String
            var direction: String
        }
        var centre: String
        var nodes: [Node]
        var edges: [Edge]
    }

    @Test("--json lists the challenges the practice answers and the example that illustrates it, with directions")
    func json() throws {
        let result = try facets("graph", "Safe experimental spaces", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let graph = try JSONDecoder().decode(Graph.self, from: Data(result.stdout.utf8))
        #expect(graph.centre == "safe_experimental_spaces.md")
        let challenges = Set(graph.nodes.filter { $0.kind == "challenge" }.map(\.title))
        #expect(
            challenges == ["Risk avoidance", "Fear of losing control", "Procurement rules and internal regulations", "Perceived barriers"],
            "the four challenges of its 'Challenges it answers' section")
        #expect(graph.nodes.contains { $0.kind == "example" && $0.title == "Denmark's free municipalities" })
        let toExample = try #require(graph.edges.first { $0.to == "free_municipalities_denmark.md" })
        #expect(toExample.from == "safe_experimental_spaces.md" && toExample.direction == "both", "each links to the other")
        let start = try #require(graph.edges.first { $0.to == "start_here.md" })
        #expect(start.direction == "linked from", "Start here links to it, not the other way")
        let deeper = try JSONDecoder().decode(
            Graph.self, from: Data(try facets("graph", "Safe experimental spaces", "--json", "--depth", "2").stdout.utf8))
        #expect(deeper.nodes.count > graph.nodes.count)
    }

    @Test("--dot is a Graphviz digraph whose edges join declared nodes; --mermaid a graph LR block")
    func dotAndMermaid() throws {
        let dot = try facets("graph", "safe_experimental_spaces", "--dot")
        #expect(dot.status == 0, "\(dot.stderr)")
        let lines = dot.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "digraph neighbourhood {" && lines.last == "}")
        var declared: Set<String> = []
        var edges = 0
        let quoted = #/"((?:[^"\\]|\\.)*)"/#
        for line in lines.dropFirst().dropLast() {
            let statement = line.trimmingCharacters(in: .whitespaces)
            #expect(statement.hasSuffix(";"), "every statement ends with ;: \(statement)")
            if statement.hasPrefix("rankdir") || statement.hasPrefix("node [") { continue }
            let names = statement.matches(of: quoted).map { String($0.1) }
            if statement.contains(" -> ") {
                edges += 1
                #expect(names.count >= 2 && declared.contains(names[0]) && declared.contains(names[1]), "edge between declared nodes: \(statement)")
            } else {
                #expect(statement.contains("[label="), "a node statement: \(statement)")
                if let name = names.first { declared.insert(name) }
            }
        }
        #expect(declared.contains("safe_experimental_spaces.md") && edges == declared.count - 1)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let checked = try runProcess(
                "/bin/sh", ["-c", "\(Facets.shellQuoted(try Facets.requireBinary())) graph safe_experimental_spaces --dot | dot -Tsvg >/dev/null"])
            #expect(checked.status == 0, "\(checked.stderr)")
        }

        let mermaid = try facets("graph", "safe_experimental_spaces", "--mermaid")
        let rows = mermaid.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "graph LR")
        #expect(rows.contains("  n0[\"Safe experimental spaces (practice)\"]"))
        #expect(rows.contains { $0.contains("<-->") } && rows.contains { $0.contains(" --> n0") }, "both ways and linked from")
    }

    @Test("Text by default; an unknown entry exits 2 with the nearest names")
    func textAndUnknown() throws {
        let text = try facets("graph", "Safe experimental spaces")
        #expect(text.status == 0)
        #expect(text.stdout.contains("challenge (4)") && text.stdout.contains("↔ Risk avoidance"), "\(text.stdout)")
        let unknown = try facets("graph", "Safe experimentl spaces")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no entry named") && unknown.stderr.contains("Did you mean"), "\(unknown.stderr)")
        #expect(try facets("graph", "Safe experimental spaces", "--depth", "3").status == 2)
    }

    @Test("At 80x24: open a practice, v, down to a challenge, Enter re-centres, Backspace comes back")
    func explorer() throws {
        let binary = try Facets.requireBinary()
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(command: "env TERM=xterm-256color " + Facets.shellQuoted(binary))
        try tmux.waitFor("? help")
        try tmux.tmux(["send-keys", "-t", tmux.name] + "j j j j j Enter j j j j j j Enter".split(separator: " ").map(String.init))
        try tmux.waitFor("─ Safe experimental spaces ─")
        try tmux.press("v")
        var screen = try tmux.waitFor("Neighbourhood of Safe experimental spaces")
        #expect(screen.contains("challenge (4)"), "\(screen)")
        #expect(tmux.lines.count == 24 && tmux.lines.allSatisfy { $0.unicodeScalars.count <= 80 })
        try tmux.press("j")
        screen = try tmux.waitFor("Fear of losing control")
        try tmux.press("Enter")
        screen = try tmux.waitFor("Neighbourhood of Fear of losing control")
        try tmux.press("BSpace")
        screen = try tmux.waitFor("Neighbourhood of Safe experimental spaces")
        #expect(screen.contains("challenge (4)"))
        try tmux.press("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
