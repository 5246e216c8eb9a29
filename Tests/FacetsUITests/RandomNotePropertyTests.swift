import FacetsCore
import Testing
@testable import FacetsUI

/// Properties over random notes (a seeded generator, so failures repeat): parsing never crashes, every
/// link and timestamp lies on a line of the note, and rendering at any width never draws past it.
@Suite("Random notes")
struct RandomNotePropertyTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let pieces = [
        "word ", "Ünïcödé ", "漢字 ", "🙂 ", "**bold** ", "*it* ", "`code` ", "[[target]] ", "[[a|b]] ", "[[a#h | l]] ",
        "![[embed]] ", "[[]] ", "[[", "]]", "<a class=\"yt-timestamp\" data-t=\"00:01:02\">[00:01:02]</a> ", "[00:03:04] ",
        "<a class=\"yt=\" data-t=\"1:2:3\">", "</a>", "<div class=\"callout\">", "</div>", "<br/>", "&amp; ", "&#x1F600; ",
        "\n", "\n\n", "\n- item ", "\n  - nested ", "\n1. one ", "\n> quote ", "\n> [!info] title ", "\n## Heading ",
        "\n```\ncode [[not]]\n```\n", "\n| a | b |\n|---|---|\n| c | d |\n", "\n$$x$$\n", "\u{1B}[2J", "\u{202E}", "\t", "\r\n",
        "---", "\n---\n", "[x](http://e.org) ", "\\[[esc]] ", "<!-- [[c]] -->",
    ]

    static func randomNote(_ g: inout Generator) -> String {
        var text = g.next() % 3 == 0 ? "---\ntitle: T\nvideoId: V\n---\n" : ""
        for _ in 0..<Int(g.next() % 60) { text += g.pick(pieces) }
        return text
    }

    @Test("parsing random notes never crashes; links and timestamps lie on lines of the note")
    func parsing() {
        var g = Generator(state: 42)
        for round in 0..<400 {
            let text = Self.randomNote(&g)
            let note = NoteParser.parse(path: "n\(round).md", bytes: Array(text.utf8))
            let lineCount = note.readText().split(separator: "\n", omittingEmptySubsequences: false).count
            for link in note.readLinks() {
                #expect(link.line >= 1 && link.line <= lineCount, "round \(round): link line \(link.line) of \(lineCount)")
            }
            for stamp in note.timestamps { #expect(stamp.line >= 1 && stamp.line <= lineCount, "round \(round): stamp line \(stamp.line)") }
            _ = note.readBlocks()
        }
    }

    @Test("rendering any random note at any width never draws a line wider than the width")
    func rendering() {
        var g = Generator(state: 7)
        var files: [SourceFile] = []
        for round in 0..<60 { files.append(SourceFile(path: "n\(round).md", text: Self.randomNote(&g))) }
        let vault = Vault(origin: "random", files: files)
        for index in vault.notes.indices {
            for width in [1, 2, 5, 13, 40, 80] {
                let document = DocumentLayout.note(index, vault: vault, width: width, moment: nil)
                for line in document.lines where width > 6 {
                    #expect(line.width <= width, "note \(index) at \(width): \(line.text.debugDescription)")
                }
                for line in document.lines {
                    #expect(!line.text.unicodeScalars.contains { $0.value == 0x1B }, "an escape reached the screen")
                }
            }
            var state = AppState(vault: vault, width: 50, height: 15)
            _ = state.handle(.character("3"))
            for size in [(50, 15), (9, 4), (120, 40)] {
                state.resize(width: size.0, height: size.1)
                let screen = Renderer.render(state)
                for row in 0..<screen.height { #expect(DisplayWidth.of(screen.line(row)) <= screen.width) }
            }
        }
    }
}
