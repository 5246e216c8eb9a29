#!/usr/bin/env bash
# Load and check a vault: `facets check` vs. `rg -c '\[\[' DIR` (one pass over every byte), and
# facets' peak memory against the vault's size on disk.
#
# usage: scripts/bench_load_vs_rg.sh [VAULT_DIR]
#   VAULT_DIR  vault to load; default: a 24,304-note realistic synthetic vault generated into a temp
#              dir with scripts/make_synthetic_vault.py (removed afterwards). The OECD vault works too:
#              scripts/bench_load_vs_rg.sh /work/shared/vaults/oecd-opsi
# env:
#   FACETS     facets binary (default .build/release/facets, relative to the repo); built elsewhere,
#              this script builds nothing
#   RUNS       timed runs of each command (default 5), after one warm-up run of each
#   LIMIT      allowed facets/rg ratio of process wall time (default 2.0); exit status 1 above it
#   MEMORY_LIMIT  allowed peak resident memory of `facets check` over the vault's bytes (default 0.5)
#   NOTES, SEED  size and seed of the generated vault (default 24304, 1)
#
# Runs alternately `"$FACETS" check --vault DIR > /dev/null` and `rg -c '\[\[' DIR > /dev/null`,
# timing each process's wall clock in Python (time.perf_counter) and reading its peak resident set
# (ru_maxrss from wait4). Prints the medians, the ratio facets/rg on process wall time, and facets'
# peak memory over the vault's size on disk; then one `facets bench load --vault DIR --json --reload`
# for facets' own load time and a live reload of one changed note beside it. ripgrep is installed from Debian (`apt-get install -y ripgrep`) when `rg`
# is missing; the script says so. Exit status: 0 ok, 1 a ratio above its limit, 2 facets binary
# missing or failing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-5}
LIMIT=${LIMIT:-2.0}
MEMORY_LIMIT=${MEMORY_LIMIT:-0.5}
FACETS=${FACETS:-.build/release/facets}
if [[ "$FACETS" != /* && ! -e "$FACETS" && -e "$ROOT/$FACETS" ]]; then
    FACETS="$ROOT/$FACETS"
fi

# --- ripgrep -----------------------------------------------------------------------------------
if ! command -v rg >/dev/null 2>&1; then
    SUDO=""
    if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi
    echo "rg not found: installing ripgrep from Debian (apt-get install -y ripgrep)" >&2
    if ! $SUDO apt-get install -y ripgrep >&2; then
        $SUDO apt-get update >&2
        $SUDO apt-get install -y ripgrep >&2
    fi
fi
command -v rg >/dev/null 2>&1 || { echo "error: ripgrep (rg) is not available" >&2; exit 2; }

# --- vault -------------------------------------------------------------------------------------
VAULT=${1:-}
if [[ -z "$VAULT" ]]; then
    TMPDIR_VAULT=$(mktemp -d "${TMPDIR:-/tmp}/facets-bench-vault.XXXXXX")
    trap 'rm -rf "$TMPDIR_VAULT"' EXIT
    VAULT="$TMPDIR_VAULT/vault"
    echo "generating ${NOTES:-24304}-note realistic synthetic vault in $VAULT" >&2
    python3 "$HERE/make_synthetic_vault.py" "$VAULT" --notes "${NOTES:-24304}" --seed "${SEED:-1}" --quiet
fi
[[ -d "$VAULT" ]] || { echo "error: vault directory $VAULT not found" >&2; exit 2; }

# --- timing (Python wall clock) ----------------------------------------------------------------
python3 -u - "$FACETS" "$VAULT" "$RUNS" "$LIMIT" "$MEMORY_LIMIT" <<'PY'
import json, os, statistics, subprocess, sys, time

facets, vault, runs, limit, memory_limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
rg_cmd = ["rg", "-c", r"\[\[", vault]
check_cmd = [facets, "check", "--vault", vault]
fx_cmd = [facets, "bench", "load", "--vault", vault, "--json", "--reload"]
have_facets = os.path.isfile(facets) and os.access(facets, os.X_OK)

md_files = md_bytes = 0
for d, dirs, files in os.walk(vault):
    dirs[:] = [x for x in dirs if not x.startswith(".")]
    for f in files:
        if f.endswith(".md"):
            md_files += 1
            md_bytes += os.path.getsize(os.path.join(d, f))
print("vault %s: %d .md files, %.1f MB; %d timed runs each after 1 warm-up" % (
    vault, md_files, md_bytes / 1e6, runs), file=sys.stderr)

def timed(cmd, ok):
    """Wall seconds and peak resident bytes of one run of cmd (output discarded)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    p.returncode = code
    if code not in ok:
        print("error: %s exited with %d" % (" ".join(cmd), code), file=sys.stderr)
        sys.exit(2)
    return dt, usage.ru_maxrss * 1024

def run_rg():
    return timed(rg_cmd, (0, 1))  # 1 = no match

def run_check():
    return timed(check_cmd, (0, 1))  # 1 = check found errors: still a full load and check

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

def run_facets():
    t = time.perf_counter()
    p = subprocess.run(fx_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        print("error: %s exited with %d:\n%s" % (" ".join(fx_cmd), p.returncode, p.stderr[-2000:]),
              file=sys.stderr)
        sys.exit(2)
    obj = last_json_object(p.stdout)
    if obj is None:
        print("error: no JSON object in facets output: %r" % p.stdout[-500:], file=sys.stderr)
        sys.exit(2)
    return dt, obj

if not have_facets:
    print("facets binary not found at %s (build with `swift build -c release`, or set FACETS=...);"
          " timing rg only" % facets, file=sys.stderr)

# warm the page cache (and facets' binary) with one run of each
run_rg()
if have_facets:
    run_check()
rg_t, rg_rss, fx_wall, fx_rss = [], [], [], []
for i in range(runs):
    if have_facets:
        w, rss = run_check()
        fx_wall.append(w)
        fx_rss.append(rss)
    t, rss = run_rg()
    rg_t.append(t)
    rg_rss.append(rss)
    print("  run %d: %srg %.3fs" % (i + 1, ("facets check %.3fs %.0f MB  " % (fx_wall[-1], fx_rss[-1] / 1e6))
                                    if have_facets else "", rg_t[-1]), file=sys.stderr)

rg_med = statistics.median(rg_t)
if not have_facets:
    print("load: facets n/a  rg %.3fs  ratio n/a (limit %.1f)" % (rg_med, limit))
    sys.exit(2)
fw = statistics.median(fx_wall)
ratio = fw / rg_med
peak = max(fx_rss)
memory = peak / md_bytes
print("load and check: facets %.3fs  rg %.3fs  ratio %.2f (limit %.1f)%s" % (
    fw, rg_med, ratio, limit, "" if ratio <= limit else "  OVER LIMIT"))
print("peak memory:    facets %.1f MB (max of %d runs)  vault %.1f MB  ratio %.2f (limit %.2f)%s;  rg %.1f MB" % (
    peak / 1e6, len(fx_rss), md_bytes / 1e6, memory, memory_limit, "" if memory <= memory_limit else "  OVER LIMIT",
    max(rg_rss) / 1e6))
_, last = run_facets()
fi = float(last.get("seconds", "nan"))
print("      facets internal load %.3fs (ratio %.2f vs rg wall); %s notes, %.1f MB, %.0f notes/s, %.1f MB/s"
      % (fi, fi / rg_med, last.get("notes"), float(last.get("bytes", 0)) / 1e6,
         float(last.get("notesPerSecond", 0)), float(last.get("megabytesPerSecond", 0))))
if last.get("reloadSeconds") is not None:
    print("      live reload of one changed note %.3fs (median of 3), %.2fx that run's fresh load"
          % (float(last["reloadSeconds"]), float(last.get("reloadOverLoad", "nan"))))
if last.get("notes") is not None and last.get("notes") != md_files:
    print("      note: facets loaded %s notes, the vault has %d .md files" % (last.get("notes"), md_files))
sys.exit(0 if ratio <= limit and memory <= memory_limit else 1)
PY
