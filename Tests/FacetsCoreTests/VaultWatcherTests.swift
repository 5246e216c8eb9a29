#if os(Linux)
    import Foundation
    import Testing
    @testable import FacetsCore

    /// The reload loop on a real folder: a change on disk becomes a new vault, read through the one load
    /// pipeline, and a burst of writes is one reload.
    @Suite("Vault watcher")
    struct VaultWatcherTests {
        @Test("an edited title and a new note arrive as a new vault; the vault given is untouched")
        func reloadsOnChange() throws {
            try withTemporaryFolder { folder in
                try folder.write("a.md", noteText(title: "Alpha", body: "[[b]]\n"))
                try folder.write("b.md", noteText(title: "Beta", body: "text\n"))
                let before = try Vault.load(directory: folder.path)
                let watcher = try VaultWatcher(vault: before)
                watcher.run()
                defer { watcher.stop() }

                try folder.write("b.md", noteText(title: "Beta renamed", body: "text\n"))
                try folder.write("sub/c.md", noteText(title: "Gamma", body: "[[a]]\n"))
                var after = before
                let end = ContinuousClock.now + .seconds(10)
                while after.notes.count < 3 || after.notes.contains(where: { $0.title == "Beta" }), ContinuousClock.now < end {
                    guard let update = watcher.waitForUpdate(timeout: .seconds(1)) else { continue }
                    #expect(update.failure == nil)
                    after = update.vault
                }
                #expect(after.notes.map(\.title) == ["Alpha", "Beta renamed", "Gamma"])
                ReloadTests.expectSame(after, try Vault.load(directory: folder.path))
                #expect(before.notes.map(\.title) == ["Alpha", "Beta"])
            }
        }

        @Test("a thousand files written in a burst: one reload")
        func burstIsOneReload() throws {
            try withTemporaryFolder { folder in
                try folder.write("start.md", noteText(title: "Start", body: "text\n"))
                let before = try Vault.load(directory: folder.path)
                // A pause longer than any gap between the writes, even on a loaded machine.
                let watcher = try VaultWatcher(
                    vault: before, debouncer: ChangeDebouncer(quiet: .milliseconds(700), maxDelay: .seconds(2), bulk: 100))
                watcher.run()
                defer { watcher.stop() }
                for k in 0..<1000 { try folder.write("burst/n\(k).md", noteText(title: "N\(k)", body: "[[Start]]\n")) }
                let first = try #require(watcher.waitForUpdate(timeout: .seconds(20)), "no reload came")
                #expect(first.vault.notes.count == 1001)
                #expect(first.changed.count >= 1000, "every written file named: \(first.changed.count)")
                #expect(watcher.waitForUpdate(timeout: .seconds(2)) == nil, "no second reload for the same burst")
            }
        }

        @Test("the vault's folder removed: the update says why and keeps the last vault")
        func folderGone() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-watch-gone-\(UUID().uuidString)")
            try folder.write("a.md", noteText(title: "Alpha", body: "text\n"))
            let before = try Vault.load(directory: folder.path)
            let watcher = try VaultWatcher(vault: before)
            watcher.run()
            defer { watcher.stop() }
            try FileManager.default.removeItem(at: folder)
            var update = watcher.waitForUpdate(timeout: .seconds(10))
            while let current = update, current.failure == nil { update = watcher.waitForUpdate(timeout: .seconds(10)) }
            #expect(update?.failure?.contains("no such folder") == true, "\(String(describing: update?.failure))")
            #expect(update?.vault.notes.map(\.title) == ["Alpha"])
        }

        @Test("the bundled content (files in memory) is not watched")
        func memoryVaultRefused() {
            let memory = vault([("a.md", "# A\n")])
            #expect(!VaultWatcher.canWatch(memory))
            #expect(throws: WatchError.self) { try VaultWatcher(vault: memory) }
        }
    }
#endif
