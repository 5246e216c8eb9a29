import Foundation
import Testing

@testable import FacetsTerminal

@Suite("opening a link with the system's opener")
struct SystemOpenerTests {
    /// A browser started from the explorer lives on after it; it must not hold the explorer's
    /// descriptors (the vault watcher's inotify, with every folder's watch) open all that time.
    @Test("the program started keeps none of the explorer's descriptors")
    func startedProgramKeepsNoDescriptor() throws {
        var ends: [Int32] = [-1, -1]
        // A pipe made as a descriptor without close-on-exec would be.
        #expect(pipe(&ends) == 0)
        let failure = SystemOpener.spawnDetached(["sleep", "4"])
        #expect(failure == nil)
        close(ends[1])
        var reader = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
        let ready = poll(&reader, 1, 2000)
        var byte: UInt8 = 0
        let count = ready == 1 ? read(ends[0], &byte, 1) : -1
        close(ends[0])
        #expect(ready == 1 && count == 0, "the write end stayed open in 2 s: the started program holds it")
    }
}
