import Foundation

/// Everything about a folder tree that writing to it would change: per entry (not following symbolic links)
/// its type, mode, size, modification and status-change times, a content hash for files, the target of
/// symbolic links, and each folder's sorted listing. Access times are left out: reading changes them.
func folderSnapshot(_ root: URL) -> [String: String] {
    var result: [String: String] = [:]
    func visit(_ relative: String) {
        let path = relative.isEmpty ? root.path : root.path + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else {
            result[relative] = "unreadable: \(String(cString: strerror(errno)))"
            return
        }
        let kind = info.st_mode & S_IFMT
        var line =
            "mode=\(String(info.st_mode, radix: 8)) size=\(info.st_size) mtime=\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            + " ctime=\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) inode=\(info.st_ino)"
        if kind == S_IFREG {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            line += " fnv1a=\(String(contentHash(bytes), radix: 16))"
        } else if kind == S_IFLNK {
            line += " -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        } else if kind == S_IFDIR {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            line += " [" + names.joined(separator: ", ") + "]"
            for name in names { visit(relative.isEmpty ? name : relative + "/" + name) }
        }
        result[relative.isEmpty ? "." : relative] = line
    }
    visit("")
    return result
}

/// FNV-1a, 64 bits: enough to notice any change to a test's own files.
func contentHash(_ bytes: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}
