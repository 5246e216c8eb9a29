#if os(Linux)
    import Glibc
    import Synchronization

    /// Linux's file events for a folder and every folder below it, straight from the inotify system
    /// calls (no package offers them): one watch per folder, added as folders appear, dropped as they go;
    /// hidden folders skipped and linked folders not followed, as the load does. Reports paths relative
    /// to the folder. Only reads the folder.
    public final class InotifyWatcher: FolderWatcher, @unchecked Sendable {
        // Unchecked: `folders` is touched only by the one thread that calls `waitForChanges` (and the
        // initialiser); the descriptors never change after `init`; `problems` sits behind a lock.

        /// What each folder's watch listens for: entries made, written, deleted, moved in or out.
        static let mask: UInt32 = {
            let changes: [Int32] = [IN_CREATE, IN_DELETE, IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO]
            let folderItself: [Int32] = [IN_DELETE_SELF, IN_MOVE_SELF]
            let how: [Int32] = [IN_ONLYDIR, IN_DONT_FOLLOW, IN_EXCL_UNLINK]
            return (changes + folderItself + how).reduce(0) { $0 | UInt32(bitPattern: $1) }
        }()

        private let root: String
        private let events: Int32
        /// A pipe `interrupt()` writes to, so a wait returns without an event.
        private let wakeRead: Int32, wakeWrite: Int32
        /// Watch descriptor to the folder it watches, relative to the root ("" for the root).
        private var folders: [Int32: String] = [:]
        private let problemList = Mutex<[String]>([])
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        /// Starts watching `folder` and the folders below it.
        public init(folder: String) throws(WatchError) {
            guard let resolved = realpath(folder, nil) else {
                throw WatchError("cannot watch \(folder): \(String(cString: strerror(errno)))")
            }
            root = String(cString: resolved)
            free(resolved)
            events = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard events >= 0 else {
                throw WatchError("cannot watch files: inotify_init1 failed: \(String(cString: strerror(errno)))")
            }
            var pipeEnds: [Int32] = [-1, -1]
            guard pipe(&pipeEnds) == 0 else {
                close(events)
                throw WatchError("cannot watch files: pipe failed: \(String(cString: strerror(errno)))")
            }
            for end in pipeEnds {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            wakeRead = pipeEnds[0]
            wakeWrite = pipeEnds[1]
            _ = addTree("", depth: 0, report: false)
            // Thrown from here on, deinit closes the descriptors.
            guard folders.values.contains("") else { throw WatchError(problems.first ?? "cannot watch \(folder)") }
        }

        deinit {
            close(events)
            close(wakeRead)
            close(wakeWrite)
        }

        public var problems: [String] { problemList.withLock { $0 } }

        /// How many folders are watched.
        public var watchedFolders: Int { folders.count }

        public func interrupt() {
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }

        public func waitForChanges(timeout: Duration?) -> [FileChange] {
            var fds = [pollfd(fd: events, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            // Rounded up, so a wait for a deadline under a millisecond away does not spin.
            let milliseconds =
                timeout.map {
                    Int32(clamping: max(0, $0.components.seconds * 1000 + ($0.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
                } ?? -1
            guard poll(&fds, 2, milliseconds) > 0 else { return [] }
            if fds[1].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while read(wakeRead, &drain, drain.count) > 0 {}
                return []
            }
            return readEvents()
        }

        /// Every event waiting, as changes (folders that appeared are watched and their files reported).
        private func readEvents() -> [FileChange] {
            var changes: [FileChange] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(events, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (descriptor, mask, length, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                        let descriptor = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                        let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                        let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        let start = offset + MemoryLayout<inotify_event>.size
                        let bytes = raw[start..<min(count, start + length)].prefix { $0 != 0 }
                        return (descriptor, mask, length, String(decoding: bytes, as: UTF8.self))
                    }
                    offset += MemoryLayout<inotify_event>.size + length
                    changes += interpret(descriptor: descriptor, mask: mask, name: name)
                }
            }
            return changes
        }

        /// One event as changes.
        private func interpret(descriptor: Int32, mask: UInt32, name: String) -> [FileChange] {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return [FileChange(path: "", kind: .lost, isFolder: true)] }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[descriptor] = nil
                return []
            }
            guard let folder = folders[descriptor] else { return [] }
            if name.isEmpty {
                // The watched folder itself went; its parent reports that for every folder but the root.
                let selfGone = mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0
                return selfGone && folder.isEmpty ? [FileChange(path: "", kind: .removed, isFolder: true)] : []
            }
            guard !FolderWatchers.ignores(name: name) else { return [] }
            let path = folder.isEmpty ? name : folder + "/" + name
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                guard isFolder else { return [FileChange(path: path, kind: .created)] }
                // Files may land in a new folder before its watch exists: they are reported from the listing.
                return [FileChange(path: path, kind: .created, isFolder: true)] + addTree(path, depth: path.split(separator: "/").count, report: true)
            }
            if mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 {
                if isFolder { forgetTree(path) }
                return [FileChange(path: path, kind: .removed, isFolder: isFolder)]
            }
            if mask & (UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)) != 0, !isFolder {
                return [FileChange(path: path, kind: .modified)]
            }
            return []
        }

        /// Watches a folder and the folders below it; returns the files found in them (as created) when
        /// asked to `report` them.
        private func addTree(_ relative: String, depth: Int, report: Bool) -> [FileChange] {
            guard depth < 64 else { return [] }
            let full = relative.isEmpty ? root : root + "/" + relative
            let descriptor = inotify_add_watch(events, full, Self.mask)
            guard descriptor >= 0 else {
                let error = errno
                if error == ENOSPC {
                    note(
                        "the system's limit of watched folders is reached (sysctl fs.inotify.max_user_watches): changes in \(relative.isEmpty ? "the vault" : relative) are not seen"
                    )
                } else if error != ENOENT && error != ENOTDIR {
                    note("cannot watch \(relative.isEmpty ? root : relative): \(String(cString: strerror(error)))")
                }
                return []
            }
            folders[descriptor] = relative
            guard let directory = opendir(full) else { return [] }
            defer { closedir(directory) }
            var found: [FileChange] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != "..", !FolderWatchers.ignores(name: name) else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(root + "/" + child, &info) == 0 else { continue }
                    kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : -1)
                }
                if kind == Int32(DT_DIR) {
                    found += addTree(child, depth: depth + 1, report: report)
                } else if report, kind == Int32(DT_REG) || kind == Int32(DT_LNK) {
                    found.append(FileChange(path: child, kind: .created))
                }
            }
            return found
        }

        /// Stops watching a folder that went, and every folder below it.
        private func forgetTree(_ relative: String) {
            for (descriptor, folder) in folders where folder == relative || folder.hasPrefix(relative + "/") {
                inotify_rm_watch(events, descriptor)
                folders[descriptor] = nil
            }
        }

        private func note(_ problem: String) {
            problemList.withLock { list in
                if list.count < 20 { list.append(problem) }
            }
        }
    }
#endif
