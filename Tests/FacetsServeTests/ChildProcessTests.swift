import ChildProcessSupport
import Foundation
import Testing

/// The tests run in one process, side by side: a child one test starts must not hold on to another
/// test's descriptors. NIO's sockets are not close-on-exec; a `make` started by the install test held a
/// storm test's client socket for a minute after the client closed it, and the server (rightly) never
/// saw that client leave.
@Suite("children started by tests")
struct ChildProcessTests {
    @Test("a child inherits no descriptor above 2: closing our end of a socket reaches the peer while the child runs")
    func noInheritedDescriptors() throws {
        var ends: [Int32] = [-1, -1]
        // Deliberately without SOCK_CLOEXEC, as NIO makes its sockets.
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        let child = try ChildProcess.spawn("/bin/sleep", ["10"], environment: [:], stdout: "/dev/null", stderr: "/dev/null")
        defer {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            close(ends[1])
        }
        close(ends[0])
        var peer = pollfd(fd: ends[1], events: Int16(POLLIN), revents: 0)
        let ready = poll(&peer, 1, 3000)
        var byte: UInt8 = 0
        let count = ready == 1 ? read(ends[1], &byte, 1) : -1
        #expect(ready == 1 && count == 0, "the peer saw no end of the connection in 3 s: the child holds the other end")
    }
}
