#!/usr/bin/env python3
"""What a terminal shows after the bytes on standard input.

Usage: emulate.py COLS ROWS < bytes
       emulate.py COLS ROWS --steps < JSON list of texts
Feeds the bytes to the pyte terminal emulator and prints one JSON object: {"cells": [per line, the
characters of each cell, "" for a wide character's right half], "looks": [per line, per cell
"fg,bg,bold,reverse"], "tabstops": [the columns of the tab stops], "margins": [top, bottom] or null when
the whole screen scrolls, "autowrap": true or false}. With --steps, the texts are fed one after the other
and a list of such objects is printed, the screen after each. Exits 3 with a message on stderr when pyte
is not installed.
"""
import json, sys

try:
    import pyte
except ImportError:
    sys.stderr.write("pyte is not installed (pip install pyte)\n")
    sys.exit(3)


def shown(screen, cols, rows):
    lines, looks = [], []
    for y in range(rows):
        cells = [screen.buffer[y][x] for x in range(cols)]
        lines.append([c.data for c in cells])
        looks.append(["%s,%s,%d,%d" % (c.fg, c.bg, c.bold, c.reverse) for c in cells])
    margins = [screen.margins.top, screen.margins.bottom] if screen.margins else None
    return {"cells": lines, "looks": looks, "tabstops": sorted(screen.tabstops), "margins": margins,
            "autowrap": pyte.modes.DECAWM in screen.mode}


cols, rows = int(sys.argv[1]), int(sys.argv[2])
screen = pyte.Screen(cols, rows)
stream = pyte.ByteStream(screen)
if "--steps" in sys.argv:
    snapshots = []
    for text in json.load(sys.stdin):
        stream.feed(text.encode("utf-8"))
        snapshots.append(shown(screen, cols, rows))
    print(json.dumps(snapshots))
else:
    stream.feed(sys.stdin.buffer.read())
    print(json.dumps(shown(screen, cols, rows)))
