#!/usr/bin/env python3
"""Bytes a full-screen program sends per byte of screen text that changed, key by key.

Usage: bytes_per_cell.py COLSxROWS 'KEYS' -- PROGRAM [ARGS...]
KEYS are space-separated; \\t, \\r and \\x1b escapes are allowed. The program runs in a pseudo-terminal
(TERM=xterm-256color, UTF-8) and a terminal emulator (pyte) keeps the screen it draws. For each key: the
bytes it sent, the cells whose character, colours, reverse or bold changed, and the payload (the UTF-8
length of the new characters in those cells, at least 1 a cell, so box drawing is not held against a
program). The floor of bytes per payload byte is 1.0.
Prints one JSON object: {"keys": [{"key", "bytes", "cells", "payload"}], "bytes", "cells", "payload",
"ratio", "screen": [the final screen's lines], "reverse": [per line, "1" for a reversed cell, "." else],
"bold": [the same for bold]}. Exits 3 with a message on stderr when pyte is not installed.
"""
import fcntl, json, os, pty, select, struct, sys, termios, time

try:
    import pyte
except ImportError:
    sys.stderr.write("pyte is not installed (pip install pyte)\n")
    sys.exit(3)


def drain(fd, quiet, limit=10.0):
    """Everything the program writes until it stays quiet for `quiet` seconds."""
    out = bytearray()
    start = last = time.monotonic()
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
        elif time.monotonic() - last >= quiet:
            break
    return bytes(out)


def snapshot(screen, cols, rows):
    return [[(c.data, c.fg, c.bg, c.reverse, c.bold) for c in (screen.buffer[y][x] for x in range(cols))]
            for y in range(rows)]


def main():
    cols, rows = map(int, sys.argv[1].split("x"))
    keys = [k.encode().decode("unicode_escape").encode() for k in sys.argv[2].split()]
    program = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                          COLUMNS=str(cols), LINES=str(rows))
        os.execvp(program[0], program)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    stream.feed(drain(fd, quiet=2.0))
    report = {"keys": [], "bytes": 0, "cells": 0, "payload": 0}
    for key in keys:
        before = snapshot(screen, cols, rows)
        os.write(fd, key)
        out = drain(fd, quiet=0.5)
        stream.feed(out)
        after = snapshot(screen, cols, rows)
        changed = [(y, x) for y in range(rows) for x in range(cols) if before[y][x] != after[y][x]]
        payload = sum(len(after[y][x][0].encode()) or 1 for y, x in changed)
        report["keys"].append({"key": key.decode(errors="replace"), "bytes": len(out), "cells": len(changed),
                               "payload": payload})
        report["bytes"] += len(out)
        report["cells"] += len(changed)
        report["payload"] += payload
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except OSError:
        pass
    report["ratio"] = report["bytes"] / max(report["payload"], 1)
    report["screen"] = ["".join(screen.buffer[y][x].data for x in range(cols)) for y in range(rows)]
    report["reverse"] = ["".join("1" if screen.buffer[y][x].reverse else "." for x in range(cols)) for y in range(rows)]
    report["bold"] = ["".join("1" if screen.buffer[y][x].bold else "." for x in range(cols)) for y in range(rows)]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
