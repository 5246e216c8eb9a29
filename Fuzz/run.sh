#!/bin/sh
# Builds the note fuzzer with libFuzzer and runs it over a corpus seeded from real notes.
#
#   Fuzz/run.sh                                   # 10 million runs, AddressSanitizer on, fresh temp corpus
#   SANITIZE=fuzzer MAX_LEN=512 Fuzz/run.sh       # about 3x faster: the long runs (bounds checks stay on)
#   WORK=/tmp/fz Fuzz/run.sh -max_total_time=600  # keep the corpus; extra flags go to libFuzzer
#   WORK=/tmp/fz RUNS=0 Fuzz/run.sh               # replay a kept corpus once (e.g. under ASan), then stop
#   FORK=1 Fuzz/run.sh                            # unattended: a crash is saved and fuzzing goes on
#
# Seeds: every .md of $SEEDS (default: the OECD vault in ../shared/vaults/oecd-opsi, when present), the
# bundled notes in Data/, the hostile vault of the tests and the crashes already fixed, copied into $WORK
# (never committed).
# Crashes, timeouts and broken properties land in $WORK/crashes/; each one becomes a fix plus a
# regression test in `swift test` (Tests/FacetsUITests/FuzzRegressionTests.swift).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
RUNS=${RUNS:-10000000}
MAX_LEN=${MAX_LEN:-2048}
SANITIZE=${SANITIZE:-fuzzer,address}
SEEDS=${SEEDS:-$root/../shared/vaults/oecd-opsi}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/facets-fuzz.XXXXXX")}
export PATH="/opt/swift/usr/bin:$PATH"

mkdir -p "$WORK/corpus" "$WORK/seeds" "$WORK/crashes"
for folder in "$SEEDS" "$root/Data" "$root/Tests/Fixtures/HostileVault" "$root/Tests/Fixtures/FuzzCrashes"; do
    [ -d "$folder" ] || { echo "run.sh: no seed folder $folder (skipped)" >&2; continue; }
    find "$folder" -type f -name '*.md' | while IFS= read -r file; do
        cp "$file" "$WORK/seeds/$(printf '%s' "$file" | cksum | cut -d' ' -f1).md"
    done
done
echo "run.sh: $(ls "$WORK/seeds" | wc -l) seed notes in $WORK/seeds; corpus $WORK/corpus; crashes $WORK/crashes" >&2

# Release speed with every bounds check of a debug build (-assert-config Debug keeps the checks on unsafe
# buffers the parsers index). SwiftPM's --sanitize=fuzzer alone often leaves the code uninstrumented, and
# -Xswiftc alone hides libFuzzer's main: both are needed.
scratch="$here/.build/$(printf '%s' "$SANITIZE" | tr ',' '-')"
cd "$here"
if ! swift build -c release --scratch-path "$scratch" --sanitize=fuzzer -Xswiftc -sanitize="$SANITIZE" \
    -Xswiftc -assert-config -Xswiftc Debug >"$WORK/build.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$WORK/build.log" >&2
    exit 1
fi

# Without SWIFT_BACKTRACE=enable=no Swift's crash handler fights the sanitizer and a crash hangs for minutes.
# Leak checks are off: Swift's runtime keeps caches that look like leaks, and they double the cost of a run.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=5}
# FORK=1: libFuzzer fuzzes in one child process at a time and starts another after a crash or timeout.
fork=""
[ "${FORK:-0}" = 1 ] && fork="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
# shellcheck disable=SC2086
exec "$scratch/release/FacetsFuzz" "$WORK/corpus" "$WORK/seeds" $fork \
    -runs="$RUNS" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -artifact_prefix="$WORK/crashes/" -print_final_stats=1 "$@"
