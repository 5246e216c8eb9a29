#!/usr/bin/env python3
"""What a terminal shows after the bytes on standard input.

Usage: emulate.py COLS ROWS < bytes
Feeds the bytes to the pyte terminal emulator and prints one JSON object: {"cells": [per line, the
characters of each cell, "" for a wide character's right half], "looks": [per line, per cell
"fg,bg,bold,reverse"], "tabstops": [the columns of the tab stops], "margins": [top, bottom] or null when
the whole screen scrolls, "autowrap": true or false}. Exits 3 with a message on stderr when pyte is not installed.
"""
import json, sys

try:
    import pyte
except ImportError:
    sys.stderr.write("pyte is not installed (pip install pyte)\n")
    sys.exit(3)

cols, rows = int(sys.argv[1]), int(sys.argv[2])
screen = pyte.Screen(cols, rows)
pyte.ByteStream(screen).feed(sys.stdin.buffer.read())
lines, looks = [], []
for y in range(rows):
    cells = [screen.buffer[y][x] for x in range(cols)]
    lines.append([c.data for c in cells])
    looks.append(["%s,%s,%d,%d" % (c.fg, c.bg, c.bold, c.reverse) for c in cells])
margins = [screen.margins.top, screen.margins.bottom] if screen.margins else None
print(json.dumps({"cells": lines, "looks": looks, "tabstops": sorted(screen.tabstops), "margins": margins,
                  "autowrap": pyte.modes.DECAWM in screen.mode}))
