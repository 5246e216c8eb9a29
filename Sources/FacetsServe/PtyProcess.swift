import CPty
import Foundation

/// A process whose controlling terminal is a fresh pseudo-terminal; the server holds the master.
struct PtyProcess {
    let pid: pid_t
    /// The master side (close-on-exec). Owned by the pipe channel once handed to NIO.
    let master: Int32

    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// Starts `executable` with `arguments` (argv[0] is the executable) and exactly `environment`, in
    /// `directory` (the vault or `/`: not the server's own working directory).
    static func spawn(
        executable: String, arguments: [String], environment: [String: String],
        directory: String, rows: Int, columns: Int
    ) throws -> PtyProcess {
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvp: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer {
            for pointer in cArgv { free(pointer) }
            for pointer in cEnvp { free(pointer) }
        }
        var master: Int32 = -1
        var pid: pid_t = 0
        let error = cArgv.withUnsafeMutableBufferPointer { argvBuffer in
            cEnvp.withUnsafeMutableBufferPointer { envpBuffer in
                facets_pty_spawn_in(
                    executable, argvBuffer.baseAddress, envpBuffer.baseAddress,
                    UInt16(clamping: rows), UInt16(clamping: columns), directory, &master, &pid)
            }
        }
        guard error == 0 else {
            throw ServeError("cannot start \(executable) in a pseudo-terminal: \(String(cString: strerror(error)))")
        }
        return PtyProcess(pid: pid, master: master)
    }

    /// Tells the terminal its new size; the kernel sends SIGWINCH to the explorer.
    static func resize(master: Int32, rows: Int, columns: Int) {
        _ = facets_pty_resize(master, UInt16(clamping: rows), UInt16(clamping: columns))
    }

    /// Reaps the process when it has ended, without waiting.
    static func reap(_ pid: pid_t) -> Ending? {
        var code: Int32 = 0
        var signal: Int32 = 0
        switch facets_pty_reap(pid, &code, &signal) {
        case 1: return signal != 0 ? .signalled(signal) : .exited(code)
        case 0: return nil
        default: return errno == ECHILD ? .exited(255) : nil
        }
    }

    static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGHUP: return "HUP"
        case SIGINT: return "INT"
        case SIGQUIT: return "QUIT"
        case SIGILL: return "ILL"
        case SIGABRT: return "ABRT"
        case SIGFPE: return "FPE"
        case SIGKILL: return "KILL"
        case SIGSEGV: return "SEGV"
        case SIGPIPE: return "PIPE"
        case SIGALRM: return "ALRM"
        case SIGTERM: return "TERM"
        case SIGUSR1: return "USR1"
        case SIGUSR2: return "USR2"
        case SIGBUS: return "BUS"
        case SIGTRAP: return "TRAP"
        default: return "SIG\(number)"
        }
    }
}
