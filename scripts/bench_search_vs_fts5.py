#!/usr/bin/env python3
"""Per-keystroke search latency: facets vs. an in-memory SQLite FTS5 baseline.

Usage: bench_search_vs_fts5.py [--vault DIR] [--queries FILE] [--facets PATH] [--json]

FTS5 side: every *.md of the vault (hidden folders skipped) goes into an in-memory table
`notes(title, body)` with `tokenize='unicode61 remove_diacritics 2'`. The title is the front-matter
`title:` (else the file stem); the body is the text after the front matter with the markup reduced to
visible text (HTML tags such as timestamp anchors dropped, `[[target | label]]` -> `label`); use
--raw-body to index the Markdown as is. Each query is then "typed" one character at a time; for
every non-empty prefix the script runs one FTS5 query: all words ANDed, earlier words whole
("word"), the last word as a prefix ("word"*), tokens quoted so no input is an FTS5 syntax error,
top 50 rows by bm25 (`ORDER BY rank`, i.e. bm25() with default weights; --order-by-bm25 writes
`ORDER BY bm25(notes)` instead) with the title and a snippet() of the body. Latency per keystroke
is measured with time.perf_counter around execute()+fetchall().

facets side: runs `FACETS bench search --vault DIR --queries FILE --json`, which prints
{"notes", "indexSeconds", "queries", "keystrokes", "medianMs", "p95Ms", "maxMs"}.

Prints a side-by-side table and the facets/fts5 ratios of median and p95; --json prints the
comparison as one JSON object instead. If the facets binary is missing, says so and still reports
the FTS5 side. Defaults: --vault /tmp/synth25k, --queries scripts/search_queries.txt,
--facets $FACETS or .build/release/facets. Python 3.11 standard library only.
"""
import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
TITLE_RE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.M)
TAG_RE = re.compile(r"<[^>\n]*>")
LINK_RE = re.compile(r"\[\[([^\]\n]*)\]\]")


def link_label(m):
    inner = m.group(1)
    if "|" in inner:
        label = inner.split("|")[-1].strip()
        if label:
            return label
    return inner.split("|")[0].split("#")[0].strip()


def read_vault(vault, raw_body):
    docs = []
    for dirpath, dirnames, filenames in os.walk(vault):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if not fn.endswith(".md"):
                continue
            with open(os.path.join(dirpath, fn), "r", encoding="utf-8", errors="replace") as f:
                text = f.read()
            title, body = fn[:-3], text
            m = FRONT_RE.match(text)
            if m:
                body = text[m.end():]
                t = TITLE_RE.search(m.group(1))
                if t and t.group(1):
                    title = t.group(1).strip().strip("'\"")
            if not raw_body:
                body = LINK_RE.sub(link_label, TAG_RE.sub(" ", body))
            docs.append((title, body))
    return docs


def fts_query(prefix):
    """FTS5 MATCH expression for a typed prefix, or None when it holds no word."""
    words = prefix.split()
    if not words:
        return None
    q = ['"%s"' % w.replace('"', '""') for w in words]
    q[-1] += "*"
    return " AND ".join(q)


def pct(v, p):
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(v)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def run_fts5(docs, queries, args):
    con = sqlite3.connect(":memory:")
    prefix = ", prefix='%s'" % args.prefix_index if args.prefix_index else ""
    con.execute("CREATE VIRTUAL TABLE notes USING fts5(title, body, "
                "tokenize='unicode61 remove_diacritics 2'%s)" % prefix)
    t0 = time.perf_counter()
    with con:
        con.executemany("INSERT INTO notes(title, body) VALUES (?, ?)", docs)
    index_s = time.perf_counter() - t0
    order = "bm25(notes)" if args.order_by_bm25 else "rank"
    sql = ("SELECT title, snippet(notes, 1, '[', ']', '…', 12) FROM notes "
           "WHERE notes MATCH ? ORDER BY %s LIMIT 50" % order)
    lat, per_query, hits = [], [], 0
    by_len = {"1": [], "2": [], "3+": []}  # by length of the word being typed
    for q in queries:
        qlat = []
        for i in range(1, len(q) + 1):
            expr = fts_query(q[:i])
            if expr is None:
                continue
            t = time.perf_counter()
            rows = con.execute(sql, (expr,)).fetchall()
            dt = (time.perf_counter() - t) * 1000.0
            qlat.append(dt)
            hits += len(rows)
            n = len(q[:i].split()[-1])
            by_len["1" if n == 1 else "2" if n == 2 else "3+"].append(dt)
        lat += qlat
        if qlat:
            per_query.append((q, len(qlat), max(qlat), len(rows)))
    con.close()
    return {
        "notes": len(docs),
        "indexSeconds": round(index_s, 4),
        "queries": len(queries),
        "keystrokes": len(lat),
        "medianMs": round(statistics.median(lat), 3) if lat else None,
        "p95Ms": round(pct(lat, 95), 3) if lat else None,
        "maxMs": round(max(lat), 3) if lat else None,
        "meanMs": round(statistics.fmean(lat), 3) if lat else None,
        "byTypedWordLength": {k: {"keystrokes": len(v),
                                  "medianMs": round(statistics.median(v), 3) if v else None,
                                  "p95Ms": round(pct(v, 95), 3) if v else None}
                              for k, v in by_len.items()},
        "slowestQueries": [{"query": q, "keystrokes": n, "maxMs": round(m, 3), "finalRows": r}
                           for q, n, m, r in sorted(per_query, key=lambda x: -x[2])[:5]],
    }


def last_json_object(text):
    """The last top-level JSON object in text (facets may pretty-print it over several lines)."""
    try:
        obj = json.loads(text)
        if isinstance(obj, dict):
            return obj
    except ValueError:
        pass
    dec, found, i = json.JSONDecoder(), None, text.find("{")
    while i != -1:
        try:
            obj, end = dec.raw_decode(text, i)
            if isinstance(obj, dict):
                found = obj
            i = text.find("{", end)
        except ValueError:
            i = text.find("{", i + 1)
    return found


def run_facets(binary, vault, queries_file):
    if not binary or not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        return None, "facets binary not found at %r (build it with `swift build -c release` or set " \
                     "$FACETS / --facets); reporting the FTS5 side only" % binary
    cmd = [binary, "bench", "search", "--vault", vault, "--queries", queries_file, "--json"]
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "running %s failed: %s" % (" ".join(cmd), e)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        return None, "%s exited with %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()[-500:])
    obj = last_json_object(p.stdout)
    if obj is None:
        return None, "could not parse JSON from facets output: %r" % p.stdout[-500:]
    obj["processWallSeconds"] = round(wall, 3)
    return obj, None


def ratio(a, b):
    try:
        return round(float(a) / float(b), 3) if b else None
    except (TypeError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vault", default="/tmp/synth25k")
    ap.add_argument("--queries", default=os.path.join(HERE, "search_queries.txt"))
    ap.add_argument("--facets", default=os.environ.get("FACETS", os.path.join(ROOT, ".build/release/facets")))
    ap.add_argument("--json", action="store_true", help="print the comparison as JSON")
    ap.add_argument("--raw-body", action="store_true", help="index the Markdown body as is")
    ap.add_argument("--prefix-index", default="", metavar="'2 3'",
                    help="FTS5 prefix= option (default none, plain FTS5)")
    ap.add_argument("--order-by-bm25", action="store_true",
                    help="ORDER BY bm25(notes) instead of the equivalent ORDER BY rank")
    ap.add_argument("--skip-facets", action="store_true")
    args = ap.parse_args()

    if not os.path.isdir(args.vault):
        sys.exit("vault %s not found (make one: scripts/make_synthetic_vault.py %s)" % (args.vault, args.vault))
    with open(args.queries, encoding="utf-8") as f:
        queries = [l.strip() for l in f if l.strip() and not l.startswith("#")]

    t0 = time.perf_counter()
    docs = read_vault(args.vault, args.raw_body)
    read_s = time.perf_counter() - t0
    if not docs:
        sys.exit("no .md files under %s" % args.vault)
    fts = run_fts5(docs, queries, args)
    fts["readSeconds"] = round(read_s, 3)
    fts["sqliteVersion"] = sqlite3.sqlite_version

    facets, note = (None, "skipped (--skip-facets)") if args.skip_facets else \
        run_facets(args.facets, args.vault, args.queries)
    result = {
        "vault": os.path.abspath(args.vault),
        "queriesFile": os.path.abspath(args.queries),
        "fts5": fts,
        "facets": facets,
        "ratios": None,
    }
    if facets:
        result["ratios"] = {
            "medianMs": ratio(facets.get("medianMs"), fts["medianMs"]),
            "p95Ms": ratio(facets.get("p95Ms"), fts["p95Ms"]),
            "indexSeconds": ratio(facets.get("indexSeconds"), fts["indexSeconds"]),
        }
        if facets.get("keystrokes") != fts["keystrokes"]:
            note = "keystroke counts differ (facets %s, fts5 %s): check prefix handling" % (
                facets.get("keystrokes"), fts["keystrokes"])
    if note:
        result["note"] = note

    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    if note:
        print("NOTE: " + note)
    print("vault %s: %d notes, %d queries (files read in %.2fs, SQLite %s, body %s)" % (
        args.vault, fts["notes"], len(queries), read_s, sqlite3.sqlite_version,
        "raw Markdown" if args.raw_body else "visible text"))
    fmt = "%-16s %12s %12s %10s"
    print(fmt % ("", "facets", "fts5", "ratio"))
    f = facets or {}

    def cell(v, spec):
        return spec % v if isinstance(v, (int, float)) else "-"
    rows = [("notes", "notes", "%d", None), ("index build s", "indexSeconds", "%.3f", "indexSeconds"),
            ("keystrokes", "keystrokes", "%d", None), ("median ms", "medianMs", "%.3f", "medianMs"),
            ("p95 ms", "p95Ms", "%.3f", "p95Ms"), ("max ms", "maxMs", "%.3f", None)]
    for label, key, spec, rkey in rows:
        r = result["ratios"].get(rkey) if (result["ratios"] and rkey) else None
        if key == "maxMs" and facets:
            r = ratio(f.get("maxMs"), fts["maxMs"])
        print(fmt % (label, cell(f.get(key), spec), cell(fts.get(key), spec), cell(r, "%.2f")))
    print("fts5 by length of the word being typed: " + ", ".join(
        "%s char%s: %d keystrokes median %.2f ms p95 %.2f ms" % (k, "" if k == "1" else "s", v["keystrokes"],
                                                               v["medianMs"] or 0, v["p95Ms"] or 0)
        for k, v in fts["byTypedWordLength"].items()))
    print("slowest FTS5 queries (max keystroke ms): " + ", ".join(
        "%r %.1f" % (s["query"], s["maxMs"]) for s in fts["slowestQueries"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
