import FacetsCore
import Foundation
import Testing
@testable import FacetsUI

/// A note previewed from its top (moving through the tree or the list) is laid out only to a row limit,
/// so a 300 KB note or one with 3,000 backlinks costs the rows shown. The rows it shows must be exactly
/// the whole layout's first rows, and reading the note (focus, scroll, find) lays out all of it.
@Suite("Preview layouts")
struct PreviewLayoutTests {
    /// The real vault beside the package (878 notes of every shape the talk's notes take).
    static func oecdVault() throws -> Vault {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        let folder = url.deletingLastPathComponent().appendingPathComponent("shared/vaults/oecd-opsi")
        try #require(FileManager.default.fileExists(atPath: folder.path), "missing \(folder.path)")
        return try Vault.load(directory: folder.path)
    }

    static func vault(_ files: [(String, String)]) -> Vault {
        Vault(origin: "test", files: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    /// The cut document is the whole one's first rows, with the references those rows hold.
    static func expectPrefix(_ cut: RenderedDocument, of whole: RenderedDocument, limit: Int, _ what: String) {
        if cut.isComplete {
            #expect(cut == whole, "\(what): a preview that reached the end differs from the whole layout")
            return
        }
        #expect(cut.lines.count == limit, "\(what): cut at \(cut.lines.count) rows, not \(limit)")
        #expect(whole.lines.count >= cut.lines.count, "\(what): the preview is longer than the note")
        let differing = Array(zip(cut.lines, whole.lines)).firstIndex { $0 != $1 }
        #expect(
            differing == nil,
            "\(what): preview row \(differing ?? -1) differs: \(differing.map { cut.lines[$0].text } ?? "") vs \(differing.map { whole.lines[$0].text } ?? "")"
        )
        #expect(cut.refs == Array(whole.refs.prefix(cut.refs.count)), "\(what): preview references differ")
        let lastShownRef = whole.refs.lastIndex { $0.row < cut.lines.count }.map { $0 + 1 } ?? 0
        #expect(cut.refs.count >= lastShownRef, "\(what): a reference shown in the preview is missing")
    }

    @Test("every real note's preview is the first rows of its whole layout, at several widths and limits")
    func realNotes() throws {
        let vault = try Self.oecdVault()
        var cut = 0
        let sizes = [(20, 6), (118, 40)]
        for index in vault.notes.indices {
            // Each note at one of the sizes, in turn: both sizes over the vault, half the time.
            for (width, limit) in [sizes[index % sizes.count]] {
                let whole = DocumentLayout.note(index, vault: vault, width: width)
                let preview = DocumentLayout.note(index, vault: vault, width: width, rowLimit: limit)
                if !preview.isComplete { cut += 1 }
                Self.expectPrefix(preview, of: whole, limit: limit, "\(vault.notes[index].path) at \(width) columns, \(limit) rows")
            }
        }
        // The comparison means something only if previews were cut, through the leading-bytes parse too.
        #expect(cut > 400)
    }

    @Test("the moment at the top of a note is its first timestamp as written, as the layout places them")
    func firstMoment() throws {
        for vault in [try Self.oecdVault(), bundledVault] {
            var withMoments = 0
            for index in vault.notes.indices {
                let document = DocumentLayout.note(index, vault: vault, width: 80)
                let laidOut = document.refs.lazy.compactMap { ref -> Int? in
                    guard case .moment(_, let seconds, let from) = ref.target, from == index else { return nil }
                    return seconds
                }.first
                if laidOut != nil { withMoments += 1 }
                #expect(DetailView.firstMoment(of: index, vault: vault) == laidOut, "\(vault.notes[index].path)")
            }
            #expect(withMoments > vault.notes.count / 2)
        }
    }

    @Test("a long note's preview parses its leading bytes only; cuts inside lists, tables, code and quotes read the same")
    func leadingBlocks() throws {
        var body = ""
        for k in 0..<400 {
            switch k % 6 {
            case 0: body += "## Section \(k)\n\nA paragraph that goes on\nover two lines with [[link \(k)]].\n\n"
            case 1: body += "- item \(k)\n- item with [[target \(k) | label]]\n  - nested\n\n"
            case 2: body += "| a | b |\n|---|---|\n| \(k) | [[t\(k)]] |\n\n"
            case 3: body += "```\ncode \(k)\nmore code\n```\n\n"
            case 4: body += "> quoted \(k)\n> more\n\n"
            default: body += "Plain text \(k), long enough to wrap at narrow widths when laid out.\n\n"
            }
        }
        let text = "---\ntitle: Long\n---\n" + body
        let vault = Self.vault([("long.md", text), ("other.md", "---\ntitle: Other\n---\nSee [[long]].\n")])
        let index = try #require(vault.notes.firstIndex { $0.stem == "long" })
        let leading = vault.notes[index].readLeadingBlocks(bytes: 2_000)
        #expect(!leading.whole)
        #expect(leading.blocks.count < vault.notes[index].readBlocks().count)
        #expect(vault.notes[index].readLeadingBlocks(bytes: text.utf8.count).whole)
        for width in [12, 30, 80] {
            let whole = DocumentLayout.note(index, vault: vault, width: width)
            for limit in stride(from: 1, through: 120, by: 7) {
                let preview = DocumentLayout.note(index, vault: vault, width: width, rowLimit: limit)
                #expect(!preview.isComplete)
                Self.expectPrefix(preview, of: whole, limit: limit, "width \(width), \(limit) rows")
            }
        }
    }

    @Test("a note with thousands of backlinks previews the first of them, numbered as in the whole layout")
    func manyBacklinks() throws {
        var files = [("hub.md", "---\ntitle: Hub\n---\nThe hub.\n")]
        for k in 0..<3_000 { files.append(("n\(k).md", "---\ntitle: N\(k)\n---\nLine one.\nThis cites [[hub]] here \(k).\n")) }
        let vault = Self.vault(files)
        let hub = try #require(vault.notes.firstIndex { $0.stem == "hub" })
        let whole = DocumentLayout.note(hub, vault: vault, width: 60)
        let preview = DocumentLayout.note(hub, vault: vault, width: 60, rowLimit: 30)
        #expect(!preview.isComplete)
        #expect(preview.lines.contains { $0.text.contains("cites hub here") })
        Self.expectPrefix(preview, of: whole, limit: 30, "hub")
    }

    @Test("moving through the list previews; focusing the detail lays the whole note out, moment and all")
    func focusCompletes() throws {
        let e = Explorer(80, 24)
        _ = e.press(.character("2"))
        // The list's longest note, so that 80x24 cuts its preview.
        let longest = try #require(
            e.state.list.entries.max {
                DocumentLayout.note($0, vault: bundledVault, width: 40).lines.count
                    < DocumentLayout.note($1, vault: bundledVault, width: 40).lines.count
            })
        e.selectListEntry(titled: bundledVault.notes[longest].title)
        #expect(e.state.focus == .list)
        let previewed = e.state.detail
        #expect(previewed.subject == .note(longest))
        #expect(!previewed.document.isComplete, "an 80x24 preview of \(bundledVault.notes[longest].path) was not cut")
        _ = e.press(.character("3"))
        #expect(e.state.focus == .detail)
        let read = e.state.detail
        #expect(read.document.isComplete)
        #expect(read.document.lines.count > previewed.document.lines.count)
        #expect(read.moment == previewed.moment, "the preview picked another moment than the whole note")
        #expect(read.document.lines.prefix(10).map(\.text) == previewed.document.lines.prefix(10).map(\.text))
    }
}
