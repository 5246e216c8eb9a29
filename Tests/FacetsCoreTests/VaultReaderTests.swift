import Foundation
import Testing
@testable import FacetsCore

@Suite("Reading a vault folder")
struct VaultReaderTests {
    @Test("a missing folder is a VaultError naming it")
    func missingFolder() throws {
        try withTemporaryFolder { folder in
            let missing = folder.appendingPathComponent("not-here").path
            let error = #expect(throws: VaultError.self) { _ = try Vault.load(directory: missing) }
            #expect(error?.description == "no such folder: \(missing)")
        }
    }

    @Test("a file instead of a folder is a VaultError")
    func fileInsteadOfFolder() throws {
        try withTemporaryFolder { folder in
            try folder.write("note.md", "---\ntitle: T\n---\n")
            let file = folder.appendingPathComponent("note.md").path
            let error = #expect(throws: VaultError.self) { _ = try VaultReader.read(directory: file) }
            #expect(error?.description.contains("not a folder: \(file)") == true)
            let viaLoad = #expect(throws: VaultError.self) { _ = try Vault.load(directory: file) }
            #expect(viaLoad?.description.contains("not a folder") == true)
        }
    }

    @Test("only .md files are read, sub-folders included; hidden folders and files skipped; paths sorted")
    func whatIsRead() throws {
        try withTemporaryFolder { folder in
            try folder.write("b.md", "B")
            try folder.write("a.md", "A")
            try folder.write("UPPER.MD", "upper")
            try folder.write("sub/deeper/c.md", "C")
            try folder.write("notes.txt", "not a note")
            try folder.write("image.png", "png")
            try folder.write(".git/HEAD.md", "hidden")
            try folder.write(".obsidian/workspace.md", "hidden")
            try folder.write(".hidden.md", "hidden")
            try folder.write("sub/.trash/old.md", "hidden")
            let read = try VaultReader.read(directory: folder.path)
            #expect(read.files.map(\.path) == ["UPPER.MD", "a.md", "b.md", "sub/deeper/c.md"])
            #expect(read.files.map { $0.text } == ["upper", "A", "B", "C"])
            #expect(read.diagnostics.isEmpty)
            let v = try Vault.load(directory: folder.path)
            #expect(v.origin == folder.path)
            #expect(v.notes.map(\.stem) == ["UPPER", "a", "b", "c"])
        }
    }

    @Test("a file name that is not UTF-8 is listed with its bad byte replaced, at the top and in a folder")
    func nameNotUTF8() throws {
        try withTemporaryFolder { folder in
            try folder.write("sub/ok.md", "ok")
            for relative in ["caf", "sub/caf"] {
                // "caf" then the byte 0xE9 (é in Latin-1), then ".md": no String can hold that name.
                let bytes = Array((folder.path + "/" + relative).utf8) + [0xE9] + Array(".md".utf8) + [0]
                let fd = bytes.withUnsafeBufferPointer { path in
                    path.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
                }
                try #require(fd >= 0)
                close(fd)
            }
            let listing = try VaultReader.list(directory: folder.path)
            #expect(listing.paths == ["caf\u{FFFD}.md", "sub/caf\u{FFFD}.md", "sub/ok.md"])
        }
    }

    @Test("an empty folder is an empty vault; an empty file is a note")
    func empties() throws {
        try withTemporaryFolder { folder in
            let v = try Vault.load(directory: folder.path)
            #expect(v.notes.isEmpty)
            #expect(v.tree.children.map(\.id) == ["all"])
            try folder.write("empty.md", "")
            let one = try Vault.load(directory: folder.path)
            #expect(one.notes.count == 1)
            #expect(one.notes.first?.title == "empty")
            #expect(one.notes.first?.readBody() == "")
            #expect(one.notes.first?.readBlocks() == [])
            #expect(one.diagnostics.isEmpty)
        }
    }

    @Test("a symbolic link to a file outside the vault is not followed, and warned")
    func symlinkOutside() throws {
        try withTemporaryFolder { root in
            let vaultFolder = root.appendingPathComponent("vault")
            try vaultFolder.write("inside.md", "inside")
            try root.write("outside/secret.md", "SECRET [[x]]")
            try root.write("outside/dir/other.md", "SECRET TOO")
            try FileManager.default.createSymbolicLink(
                atPath: vaultFolder.appendingPathComponent("leak.md").path,
                withDestinationPath: root.appendingPathComponent("outside/secret.md").path)
            try FileManager.default.createSymbolicLink(
                atPath: vaultFolder.appendingPathComponent("relative.md").path, withDestinationPath: "../outside/secret.md")
            try FileManager.default.createSymbolicLink(
                atPath: vaultFolder.appendingPathComponent("linkeddir").path,
                withDestinationPath: root.appendingPathComponent("outside/dir").path)
            let read = try VaultReader.read(directory: vaultFolder.path)
            #expect(read.files.map(\.path) == ["inside.md"])
            #expect(!read.files.contains { $0.text.contains("SECRET") })
            let warned = read.diagnostics.filter { $0.message.contains("outside the vault") }
            #expect(Set(warned.map(\.path)) == ["leak.md", "relative.md", "linkeddir"])
            #expect(warned.allSatisfy { $0.severity == .warning })
        }
    }

    @Test("a symbolic link inside the vault is followed; a linked folder is read once, where it lives")
    func symlinkInside() throws {
        try withTemporaryFolder { folder in
            try folder.write("real.md", "---\ntitle: Real\n---\nReal text")
            try folder.write("dir/n.md", "N")
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("alias.md").path, withDestinationPath: "real.md")
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("dirlink").path, withDestinationPath: "dir")
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("dangling.md").path, withDestinationPath: "nothing.md")
            let read = try VaultReader.read(directory: folder.path)
            #expect(read.files.map(\.path) == ["alias.md", "dir/n.md", "real.md"])
            // A dangling link is not read either (it is warned about, not a crash).
            #expect(read.diagnostics.map(\.path) == ["dangling.md"])
            let alias = try #require(read.files.first { $0.path == "alias.md" })
            #expect(alias.text == "---\ntitle: Real\n---\nReal text")
        }
    }

    @Test("a vault reached through a symbolic link to its folder is read")
    func linkedRoot() throws {
        try withTemporaryFolder { root in
            try root.write("real/a.md", "A")
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("link").path, withDestinationPath: root.appendingPathComponent("real").path)
            let v = try Vault.load(directory: root.appendingPathComponent("link").path)
            #expect(v.notes.map(\.path) == ["a.md"])
        }
    }

    @Test("invalid UTF-8: decoded with replacement characters, warned with its line")
    func invalidUTF8() throws {
        try withTemporaryFolder { folder in
            let bytes: [UInt8] = Array("---\ntitle: Latin-1\n---\nfine line [[a]]\ncaf".utf8) + [0xE9] + Array(" au lait [[b]]\nok\n".utf8)
            try folder.write("latin1.md", bytes: bytes)
            let v = try Vault.load(directory: folder.path)
            let n = try #require(v.notes.first)
            #expect(n.title == "Latin-1")
            #expect(n.readBody().contains("caf\u{FFFD} au lait"))
            #expect(n.readLinks().map { "\($0.target)@\($0.line)" } == ["a@4", "b@5"])
            let warning = try #require(v.diagnostics.first { $0.message.contains("UTF-8") })
            #expect(warning.severity == .warning)
            #expect(warning.formatted.hasPrefix("latin1.md:5: warning:"))
        }
    }

    @Test("invalid UTF-8 on the last line (no final newline) is warned on that line")
    func invalidUTF8LastLine() {
        let n = NoteParser.parse(path: "x.md", bytes: Array("one\ntwo\nthree ".utf8) + [0xFF])
        #expect(n.diagnostics.map(\.line) == [3])
    }

    @Test("a binary file (NUL bytes) is skipped and warned")
    func binary() throws {
        try withTemporaryFolder { folder in
            try folder.write("good.md", "good")
            try folder.write("binary.md", bytes: Array("looks like text".utf8) + [0, 1, 2, 0] + Array("more".utf8))
            let v = try Vault.load(directory: folder.path)
            #expect(v.notes.map(\.path) == ["good.md"])
            let warning = try #require(v.diagnostics.first { $0.path == "binary.md" })
            #expect(warning.severity == .warning)
            #expect(warning.message.contains("binary"))
            #expect(warning.formatted == "binary.md: warning: skipped: binary file (contains NUL bytes)")
        }
    }

    @Test("a file over 8 MiB is skipped and warned; one at exactly 8 MiB is read")
    func oversized() throws {
        try withTemporaryFolder { folder in
            let limit = VaultReader.maximumFileSize
            #expect(limit == 8 * 1024 * 1024)
            var line = Array("word [[x]] ".utf8)
            line += Array(repeating: UInt8(ascii: "a"), count: 1013) + [0x0A]
            var big: [UInt8] = []
            big.reserveCapacity(limit + 1)
            while big.count < limit { big += line }
            big = Array(big.prefix(limit))
            try folder.write("exact.md", bytes: big)
            try folder.write("over.md", bytes: big + [0x61])
            let v = try Vault.load(directory: folder.path)
            #expect(v.notes.map(\.path) == ["exact.md"])
            let warning = try #require(v.diagnostics.first { $0.path == "over.md" })
            #expect(warning.severity == .warning)
            #expect(warning.message.contains("8 MiB"))
            // Every whole line holds a link; the cut last line holds one if its "word [[x]]" fits.
            #expect(v.notes.first?.readLinks().count == limit / line.count + (limit % line.count >= 10 ? 1 : 0))
        }
    }

    @Test("the vault is never written: every file's bytes and dates are the same after loading")
    func neverWritten() throws {
        try withTemporaryFolder { folder in
            try folder.write("a.md", noteText(title: "A", videoId: "V", body: "[[b]] [[missing]] \(anchor("25:42:00"))"))
            try folder.write("b.md", "---\ntitle: [broken\n---\n[[a]]")
            try folder.write("sub/c.md", "---\nnever closed\n")
            try folder.write("bin.md", bytes: [0x61, 0, 0x62])
            try folder.write("bad.md", bytes: [0x61, 0xFF, 0x0A])
            try folder.write(".obsidian/config.md", "x")
            let before = try snapshot(of: folder)
            let v = try Vault.load(directory: folder.path)
            _ = v.notes.map { $0.readBlocks() }
            _ = v.lookup("a")
            _ = v.timeline(videoId: "V")
            let after = try snapshot(of: folder)
            #expect(before.values.filter { $0 != "folder-or-link" }.count == 6)
            #expect(before == after)
            #expect(v.notes.count == 4)
        }
    }

    @Test("diagnostics are sorted: errors first, then by file and line")
    func sortedDiagnostics() {
        let v = Vault(
            origin: "t",
            files: [
                SourceFile(path: "b.md", bytes: Array("[[z]]\n[[y]]".utf8)),
                SourceFile(path: "a.md", bytes: Array("x\n\n[[w]]".utf8)),
            ], readDiagnostics: [Diagnostic(.error, path: "c.md", line: 0, "cannot read: Permission denied")])
        #expect(
            v.diagnostics.map(\.formatted) == [
                "c.md: error: cannot read: Permission denied",
                "a.md:3: warning: no note for [[w]]",
                "b.md:1: warning: no note for [[z]]",
                "b.md:2: warning: no note for [[y]]",
            ])
        #expect(v.errors.count == 1)
        #expect(v.warnings.count == 3)
    }

    @Test("the invalid UTF-8 warning points at the invalid byte's line, with CRLF endings too")
    func invalidUTF8Lines() {
        let crlf = NoteParser.parse(path: "w.md", bytes: Array("one\r\ntwo\r\nthr".utf8) + [0xC3, 0x28] + Array("ee\r\n".utf8))
        #expect(crlf.diagnostics.map(\.line) == [3])
        // A real U+FFFD written in the file before the invalid byte is not the invalid byte.
        let legit = NoteParser.parse(path: "r.md", bytes: Array("keeps \u{FFFD} on purpose\nbad ".utf8) + [0xFF])
        #expect(legit.diagnostics.count == 1)
        #expect(legit.diagnostics.map(\.line) == [2])
    }

    @Test("symbolic link loops and links to the vault itself neither hang nor read twice")
    func symlinkLoops() throws {
        try withTemporaryFolder { folder in
            try folder.write("a.md", "A")
            try folder.write("sub/b.md", "B")
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("sub/up").path, withDestinationPath: "..")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("self").path, withDestinationPath: ".")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("x.md").path, withDestinationPath: "y.md")
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent("y.md").path, withDestinationPath: "x.md")
            let read = try VaultReader.read(directory: folder.path)
            #expect(read.files.map(\.path) == ["a.md", "sub/b.md"])
            #expect(Set(read.diagnostics.map(\.path)) == ["x.md", "y.md"])
        }
    }

    @Test("folders nested past 64 levels are not read, and warned")
    func deepFolders() throws {
        try withTemporaryFolder { folder in
            let deep = (0..<70).map { _ in "d" }.joined(separator: "/")
            try folder.write("top.md", "top")
            try folder.write("d/d/d/shallow.md", "shallow")
            try folder.write(deep + "/deep.md", "deep")
            let read = try VaultReader.read(directory: folder.path)
            #expect(read.files.map(\.path) == ["d/d/d/shallow.md", "top.md"])
            #expect(read.diagnostics.count == 1)
            #expect(read.diagnostics.first?.message.contains("nested too deeply") == true)
        }
    }

    @Test("a file is read whole into a reused buffer at any size up to the limit, and refused past it with its size")
    func readingToTheEnd() throws {
        try withTemporaryFolder { folder in
            let sizes = [0, 1, 256 << 10, (256 << 10) + 1, 600_000, 3]
            for (index, size) in sizes.enumerated() {
                try folder.write("f\(index).md", bytes: (0..<size).map { UInt8(0x41 + $0 % 26) })
            }
            try folder.write("over.md", bytes: [UInt8](repeating: 0x78, count: VaultReader.maximumFileSize + 10))
            let buffer = ReadBuffer()
            for (index, size) in sizes.enumerated() {
                let path = folder.appendingPathComponent("f\(index).md").path
                guard case .success(let bytes) = NoteFileReading.read(path, into: buffer) else {
                    Issue.record("f\(index).md not read")
                    continue
                }
                let read = bytes.withUnsafeBufferPointer { Array($0) }
                #expect(read == (0..<size).map { UInt8(0x41 + $0 % 26) }, "f\(index).md, \(size) bytes")
            }
            let over = NoteFileReading.read(folder.appendingPathComponent("over.md").path, into: buffer)
            guard case .failure(.tooLarge(let size)) = over else {
                Issue.record("over.md: \(over)")
                return
            }
            #expect(size == VaultReader.maximumFileSize + 10)
        }
    }

    @Test("a reading thread opens each file in its folder, kept open while the files stay in it")
    func folderCursorOpensEveryFile() throws {
        try withTemporaryFolder { folder in
            let files = ["a/x.md": "ax", "a/b/y.md": "aby", "z.md": "z", "c/w.md": "cw", "a/v.md": "av"]
            for (path, text) in files { try folder.write(path, text) }
            let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            try #require(root >= 0)
            defer { close(root) }
            let cursor = FolderCursor(root)
            func text(_ path: String) -> String? {
                guard case .success(let bytes) = NoteFileReading.read(descriptor: cursor.open(path)) else { return nil }
                return String(decoding: bytes.withUnsafeBufferPointer { Array($0) }, as: UTF8.self)
            }
            // Back and forth between folders, deeper and to the top, and names that are not there.
            let order = ["a/x.md", "c/w.md", "a/x.md", "a/v.md", "a/b/y.md", "z.md", "a/x.md"]
            for path in order { #expect(text(path) == files[path], "\(path)") }
            #expect(text("missing/q.md") == nil)
            #expect(text("a/nothing.md") == nil)
            #expect(text("a/x.md") == "ax")
            // With no open vault folder there is nothing to open below.
            #expect(!FolderCursor(-1).isOpen)
        }
    }
}
