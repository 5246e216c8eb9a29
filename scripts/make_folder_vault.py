#!/usr/bin/env python3
"""Write a synthetic vault in folders, shaped like a corpus of channel folders.

Usage: make_folder_vault.py OUT_DIR [--notes 24304] [--channels 41] [--largest 3000] [--seed 1]

Runs make_synthetic_vault.py (beside this script) into OUT_DIR, then moves the notes into channel
folders: each talk (a `### [Title](url)` heading of the channel index and the notes listed under it)
goes whole into one folder, the first folder taking talks until it holds at least --largest notes (the
folder a tree has to open at once), the others sharing the rest in turn. Each folder gets its own
channel index page, named after the folder, with its talks' headings; the flat index is removed.
Notes no heading lists go into the last folder. Deterministic for given arguments. Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys

HEADING = re.compile(r"^#{1,6} \[.*\]\(https?://[^)]*\)\s*$")
ITEM = re.compile(r"^- \[\[([^|\]]+)")


def talks_of(index_text):
    """The index page's talks: (heading line, [listed lines], [stems])."""
    talks = []
    for line in index_text.splitlines():
        if HEADING.match(line):
            talks.append((line, [], []))
        elif talks and line.startswith("- "):
            talks[-1][1].append(line)
            found = ITEM.match(line)
            if found:
                talks[-1][2].append(found.group(1).strip())
    return talks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--notes", type=int, default=24304)
    parser.add_argument("--channels", type=int, default=41)
    parser.add_argument("--largest", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_synthetic_vault.py")
    subprocess.run(
        [sys.executable, generator, args.out, "--shape", "oecd", "--notes", str(args.notes), "--seed", str(args.seed)],
        check=True, stdout=subprocess.DEVNULL)
    index_path = os.path.join(args.out, "channel_index.md")
    with open(index_path, encoding="utf-8") as f:
        talks = talks_of(f.read())
    os.remove(index_path)
    names = ["channel%02d" % number for number in range(1, args.channels + 1)]
    folders = {name: [] for name in names}
    counts = {name: 0 for name in names}
    turn = 1
    for talk in talks:
        if counts[names[0]] < args.largest or args.channels == 1:
            name = names[0]
        else:
            name = names[turn]
            turn = turn % (args.channels - 1) + 1
        folders[name].append(talk)
        counts[name] += len(talk[2])
    placed = set()
    for name, its_talks in folders.items():
        folder = os.path.join(args.out, name)
        os.makedirs(folder, exist_ok=True)
        lines = ["---", "title: %s" % name, "---"]
        for heading, items, stems in its_talks:
            lines.append(heading)
            lines.extend(items)
            lines.append("")
            for stem in stems:
                source = os.path.join(args.out, stem + ".md")
                if stem not in placed and os.path.exists(source):
                    os.rename(source, os.path.join(folder, stem + ".md"))
                    placed.add(stem)
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    for entry in sorted(os.listdir(args.out)):
        if entry.endswith(".md"):
            os.rename(os.path.join(args.out, entry), os.path.join(args.out, names[-1], entry))
    total = sum(1 for _, _, files in os.walk(args.out) for file in files if file.endswith(".md"))
    print("%d notes in %d folders under %s (largest: %d notes)" % (total, len(names), args.out, counts[names[0]]))


if __name__ == "__main__":
    main()
