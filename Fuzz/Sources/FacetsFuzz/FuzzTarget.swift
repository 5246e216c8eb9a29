import FacetsCore
import FacetsUI

/// libFuzzer's entry point: one input is one note's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    NoteFuzzing.run(bytes)
    return 0
}

/// What one input goes through: parsing, the block and inline trees, a small vault around it (two fixed
/// notes that link to it and that it may link to), link resolution, layout at one of four widths, and (as
/// its last byte says) a fixed note's backlinks to it, a missing link's page, its talk's timeline and a
/// search. Besides crashes, a few properties must hold; a broken one stops the fuzzer like a crash, with
/// the input saved.
enum NoteFuzzing {
    static let fixedFiles = [
        SourceFile(path: "start.md", text: """
            ---
            title: Start here
            videoId: VIDEO
            aliases: Begin
            ---
            Links to [[fuzz]], [[Fuzz note|the fuzzed note]] and [[other_note#Part|other]] \
            <a class="yt-timestamp" data-t="00:01:02">[00:01:02]</a>.
            """),
        SourceFile(path: "sub/other_note.md", text: """
            ---
            title: Other note
            kind: practice
            group: Group
            videoId: VIDEO
            ---
            # Part
            - [[start]] said [00:00:30] and [[fuzz]]
            """),
    ]

    static func run(_ bytes: [UInt8]) {
        let note = NoteParser.parse(path: "fuzz.md", bytes: bytes)
        let lineCount = note.readText().utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        for link in note.readLinks() {
            check(link.line >= 1 && link.line <= lineCount, "link on line \(link.line) of \(lineCount)")
            _ = note.plainLine(link.line)
        }
        for stamp in note.timestamps {
            check(stamp.line >= 1 && stamp.line <= lineCount, "timestamp on line \(stamp.line) of \(lineCount)")
        }
        for block in note.readBlocks() { visit(block, lineCount: lineCount) }

        let files = fixedFiles + [SourceFile(path: "fuzz.md", bytes: bytes)]
        let vault = Vault(origin: "fuzz", files: files)
        guard let index = vault.notes.firstIndex(where: { $0.path == "fuzz.md" }) else {
            fail("the fuzzed note did not load")
        }
        let loaded = vault.notes[index]
        check(loaded.readLinks().count == note.readLinks().count, "links differ between parsing alone and in a vault")
        for (offset, link) in loaded.readLinks().enumerated() {
            let target = vault.resolve(link, from: index)
            check(target == vault.linkTargets[index][offset], "a link resolves differently on demand")
            if case .note(let other) = target { check(other >= 0 && other < vault.notes.count, "resolved out of range") }
        }

        // Layout and the pages around the note cost most; the input's last byte picks the width and which
        // of them run, so each input stays cheap and the fuzzer still reaches every combination.
        let selector = Int(bytes.last ?? 0)
        let moment = loaded.timestamps.first.map { vault.seconds(of: $0, inNote: index) }
        let width = [7, 23, 41, 80][selector & 3]
        checkLayout(DocumentLayout.note(index, vault: vault, width: width, moment: moment), width: width)
        if selector & 4 != 0, let start = vault.notes.firstIndex(where: { $0.path == "start.md" }) {
            // The fixed note it may link back to: its backlinks quote the fuzzed note's lines.
            checkLayout(DocumentLayout.note(start, vault: vault, width: 40, moment: 62), width: 40)
        }
        if selector & 8 != 0, let name = vault.missing.keys.min() {
            checkLayout(DocumentLayout.missing(name, vault: vault, width: 40), width: 40)
        }
        if selector & 16 != 0, let video = loaded.videoId {
            checkLayout(DocumentLayout.timeline(videoId: video, seconds: moment, vault: vault, width: 40), width: 40)
        }
        if selector & 32 != 0 {
            let search = SearchIndex(vault: vault)
            let query = SearchQuery(String(loaded.title.prefix(12)))
            for hit in search.search(query, vault: vault, limit: 5) {
                check(hit.note >= 0 && hit.note < vault.notes.count, "search hit out of range")
                _ = vault.notes[hit.note].matchedLine(for: query)
            }
        }
    }

    static func visit(_ block: Block, lineCount: Int) {
        switch block {
        case .heading(_, let content, _), .paragraph(let content, _):
            visit(content, lineCount: lineCount)
        case .list(_, let items, _):
            for item in items {
                visit(item.content, lineCount: lineCount)
                for child in item.children { visit(child, lineCount: lineCount) }
            }
        case .quote(let content, _):
            for inner in content { visit(inner, lineCount: lineCount) }
        case .callout(_, let title, _, let content, _):
            visit(title, lineCount: lineCount)
            for inner in content { visit(inner, lineCount: lineCount) }
        case .table(let header, let rows, _):
            for cell in header { visit(cell, lineCount: lineCount) }
            for row in rows { for cell in row { visit(cell, lineCount: lineCount) } }
        case .code, .rule, .math:
            break
        }
    }

    static func visit(_ inlines: [Inline], lineCount: Int) {
        _ = InlineParser.plainText(inlines)
        for inline in inlines {
            switch inline {
            case .strong(let inner), .emphasis(let inner): visit(inner, lineCount: lineCount)
            case .link(let text, _): visit(text, lineCount: lineCount)
            case .wikiLink(let link):
                check(link.line >= 1 && link.line <= lineCount, "inline link on line \(link.line) of \(lineCount)")
            case .timestamp(let stamp):
                check(stamp.line >= 1 && stamp.line <= lineCount, "inline timestamp on line \(stamp.line) of \(lineCount)")
            case .text, .code, .lineBreak:
                break
            }
        }
    }

    /// No laid-out line wider than the width (once there is room for a prefix), no control character
    /// left in the text, every reference on a row of the document.
    static func checkLayout(_ document: RenderedDocument, width: Int) {
        for line in document.lines {
            if width > 6 { check(line.width <= width, "a line of width \(line.width) at \(width): \(line.text.debugDescription)") }
            for scalar in line.text.unicodeScalars {
                let v = scalar.value
                check(!(v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) || (v >= 0x202A && v <= 0x202E)),
                      "a control character reached the layout: \(line.text.debugDescription)")
            }
        }
        for ref in document.refs {
            check(ref.row >= 0 && (document.lines.isEmpty || ref.row < document.lines.count), "a reference on row \(ref.row)")
        }
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        fatalError("fuzz property broken: \(message)")
    }
}
