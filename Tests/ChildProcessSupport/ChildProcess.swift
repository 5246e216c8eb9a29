import CTerminalSupport
import Glibc

/// Starting a program from a test as a shell would: with posix_spawn, not Foundation's `Process`.
///
/// Test threads block most signals and a child inherits that mask (a tmux server started so never sees
/// SIGCHLD or SIGTERM), and `Process` waits on a SIGCHLD that may then never be seen, or misses a child
/// that exits at once. Here the child starts with an empty signal mask and default handlers, standard
/// input /dev/null and its output in files, so nothing can block on a full pipe; no other descriptor is
/// passed on.
public enum ChildProcess {
    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Signals a shell would leave at their default handlers in the child.
    static let defaultSignals = [
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH, SIGALRM, SIGUSR1,
        SIGUSR2, SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT,
    ]

    /// Starts `executable` (argv[0] is the executable) with exactly `environment`, its stdout and stderr
    /// written to the files at `stdout` and `stderr` (created or truncated with `mode`). Returns its pid.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String],
        stdout: String, stderr: String, mode: mode_t = 0o600
    ) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, mode)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, mode)
        // Nothing else of the test process: NIO's sockets are not close-on-exec, and a long-lived child
        // (make, tmux) that inherited a scripted client's socket kept that connection open after the test
        // closed it, so the server never saw the client leave.
        facets_spawn_actions_close_from(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }
}
