#if os(Linux)
    import Foundation
    import Testing
    @testable import FacetsCore

    /// The inotify wrapper on real folders: what each change on disk is reported as, folders watched as
    /// they appear, hidden ones skipped, and a waiting read woken from another thread.
    @Suite("Folder watcher (inotify)")
    struct FolderWatcherTests {
        /// Changes gathered until `done` holds for them or five seconds pass (events come asynchronously).
        static func changes(
            from watcher: InotifyWatcher, until done: ([FileChange]) -> Bool
        ) -> [FileChange] {
            var seen: [FileChange] = []
            let end = ContinuousClock.now + .seconds(5)
            while !done(seen), ContinuousClock.now < end {
                seen += watcher.waitForChanges(timeout: .milliseconds(100))
            }
            return seen
        }

        static func has(_ path: String, _ kind: FileChange.Kind) -> ([FileChange]) -> Bool {
            { $0.contains(FileChange(path: path, kind: kind)) }
        }

        @Test("a file created, written, renamed and deleted: each reported by its path")
        func fileLifecycle() throws {
            try withTemporaryFolder { folder in
                let watcher = try InotifyWatcher(folder: folder.path)
                try folder.write("a.md", "one\n")
                #expect(Self.changes(from: watcher, until: Self.has("a.md", .created)).contains(FileChange(path: "a.md", kind: .created)))

                let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("a.md"))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("two\n".utf8))
                try handle.close()
                #expect(Self.changes(from: watcher, until: Self.has("a.md", .modified)).contains(FileChange(path: "a.md", kind: .modified)))

                try FileManager.default.moveItem(at: folder.appendingPathComponent("a.md"), to: folder.appendingPathComponent("b.md"))
                let renamed = Self.changes(from: watcher) { Self.has("a.md", .removed)($0) && Self.has("b.md", .created)($0) }
                #expect(renamed.contains(FileChange(path: "a.md", kind: .removed)), "the old name went")
                #expect(renamed.contains(FileChange(path: "b.md", kind: .created)), "the new name came")

                try FileManager.default.removeItem(at: folder.appendingPathComponent("b.md"))
                #expect(Self.changes(from: watcher, until: Self.has("b.md", .removed)).contains(FileChange(path: "b.md", kind: .removed)))
            }
        }

        @Test("a folder made while watching is watched, with the files already in it reported")
        func newFolders() throws {
            try withTemporaryFolder { folder in
                try folder.write("old/x.md", "x\n")
                let watcher = try InotifyWatcher(folder: folder.path)
                #expect(watcher.watchedFolders == 2, "the root and old/")
                // Made with a file in one step: the file may be written before the new folder's watch exists.
                try folder.write("new/deeper/y.md", "y\n")
                let made = Self.changes(from: watcher, until: Self.has("new/deeper/y.md", .created))
                #expect(made.contains(FileChange(path: "new/deeper/y.md", kind: .created)))
                #expect(watcher.watchedFolders == 4)
                // Changes in the new folder are seen through its own watch.
                try folder.write("new/deeper/z.md", "z\n")
                #expect(
                    Self.changes(from: watcher, until: Self.has("new/deeper/z.md", .created)).contains(
                        FileChange(path: "new/deeper/z.md", kind: .created)))
                try folder.write("old/x.md", "x again\n")
                #expect(Self.changes(from: watcher, until: Self.has("old/x.md", .modified)).contains(FileChange(path: "old/x.md", kind: .modified)))

                try FileManager.default.removeItem(at: folder.appendingPathComponent("new"))
                let removed = Self.changes(from: watcher) { $0.contains(FileChange(path: "new", kind: .removed, isFolder: true)) }
                #expect(removed.contains(FileChange(path: "new", kind: .removed, isFolder: true)))
                _ = Self.changes(from: watcher) { _ in watcher.watchedFolders == 2 }
                #expect(watcher.watchedFolders == 2, "the gone folders' watches are dropped")
            }
        }

        @Test("hidden files and folders, and editors' backups, are not reported, as the load skips them")
        func hiddenSkipped() throws {
            try withTemporaryFolder { folder in
                try folder.write(".git/HEAD", "ref\n")
                let watcher = try InotifyWatcher(folder: folder.path)
                #expect(watcher.watchedFolders == 1, ".git is not watched")
                try folder.write(".git/index", "x\n")
                try folder.write(".note.md.swp", "x\n")
                try folder.write("note.md~", "x\n")
                try folder.write("seen.md", "x\n")
                let seen = Self.changes(from: watcher, until: Self.has("seen.md", .created))
                #expect(seen.contains(FileChange(path: "seen.md", kind: .created)))
                #expect(Set(seen.map(\.path)) == ["seen.md"], "only the visible note: \(seen)")
            }
        }

        @Test("interrupt wakes a wait with no limit, from another thread")
        func interruptWakes() throws {
            try withTemporaryFolder { folder in
                let watcher = try InotifyWatcher(folder: folder.path)
                let woke = DispatchSemaphore(value: 0)
                Thread {
                    _ = watcher.waitForChanges(timeout: nil)
                    woke.signal()
                }.start()
                Thread.sleep(forTimeInterval: 0.05)
                #expect(woke.wait(timeout: .now() + .milliseconds(50)) == .timedOut, "still waiting before the interrupt")
                watcher.interrupt()
                #expect(woke.wait(timeout: .now() + .seconds(5)) == .success)
            }
        }

        @Test("a folder that is not there: a clear error, no watcher")
        func missingFolder() {
            #expect(throws: WatchError.self) { try InotifyWatcher(folder: "/nonexistent/facets-watch-test") }
        }
    }
#endif
