#!/usr/bin/env python3
"""Runs a program in a pseudo-terminal, sends keys step by step, and reports every byte it wrote.

Usage: pty_record.py COLS ROWS STEPS_JSON -- PROGRAM [ARGS...]
STEPS_JSON is a list of steps; each step is {"keys": "<text to type>", "resize": [cols, rows]?}.
Prints one JSON object: {"startup": {...}, "steps": [{"bytes": N, "clears": N, "hex": "..."}], "ending": {...}
(what the program wrote as it quit), "exit": CODE}.
A step's output is everything written until the program stays quiet for 400 ms (bounded at 10 s).
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

def drain(fd, quiet=0.4, limit=10.0):
    out = bytearray()
    start = time.monotonic()
    last = start
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            last = time.monotonic()
        elif time.monotonic() - last >= quiet and (out or time.monotonic() - start > 5.0):
            break
    return bytes(out)

def describe(data):
    clears = data.count(b"\x1b[2J") + data.count(b"\x1b[H\x1b[J") + data.count(b"\x1b[J")
    return {"bytes": len(data), "clears": clears, "hex": data.hex()}

def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    steps = json.loads(sys.argv[3])
    program = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # Start the program as a shell would: nothing blocked, default handlers (test runners block signals).
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        for number in (signal.SIGWINCH, signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGCHLD):
            signal.signal(number, signal.SIG_DFL)
        os.execvp(program[0], program)
    set_size(fd, cols, rows)
    os.kill(pid, signal.SIGWINCH)
    report = {"startup": describe(drain(fd, quiet=0.8)), "steps": []}
    for step in steps:
        if "resize" in step:
            set_size(fd, *step["resize"])
            os.kill(pid, signal.SIGWINCH)
        if step.get("keys"):
            os.write(fd, step["keys"].encode("utf-8"))
        report["steps"].append(describe(drain(fd, quiet=0.6 if "resize" in step else 0.4)))
    os.write(fd, b"q")
    report["ending"] = describe(drain(fd, quiet=0.3, limit=3.0))
    deadline = time.monotonic() + 5
    code = None
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
        time.sleep(0.05)
    if code is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    report["exit"] = code
    print(json.dumps(report))

if __name__ == "__main__":
    main()
