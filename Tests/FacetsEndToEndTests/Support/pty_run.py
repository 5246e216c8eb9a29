#!/usr/bin/env python3
"""Runs a program in a fresh pseudo-terminal to its end and reports every byte it wrote to the terminal.

Usage: pty_run.py COLS ROWS -- PROGRAM [ARGS...]
Prints one JSON object: {"hex": "<bytes written to the terminal>", "exit": CODE}. CODE is the exit
status (128 + N if killed by signal N), or null if the program had to be killed after 15 s.
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    program = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # Start as a shell would: nothing blocked, default handlers (test runners block signals).
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        for number in (signal.SIGWINCH, signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGCHLD,
                       signal.SIGTSTP, signal.SIGQUIT):
            signal.signal(number, signal.SIG_DFL)
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.execvp(program[0], program)
    out = bytearray()
    deadline = time.monotonic() + 15
    code = None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: every holder of the terminal has closed it
                chunk = b""
            if chunk:
                out += chunk
                continue
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            code = 128 - code if code < 0 else code
            break
    if code is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    # Whatever was still buffered when the program ended.
    while True:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    print(json.dumps({"hex": out.hex(), "exit": code}))

if __name__ == "__main__":
    main()
