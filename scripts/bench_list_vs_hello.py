#!/usr/bin/env python3
"""Start-up: `facets list` on the bundled notes against a Swift + Foundation hello-world, side by side.

Usage: bench_list_vs_hello.py [--runs N] [--facets PATH]
Builds the peer (`import Foundation`, print one line through Foundation) with `swiftc -O` in a temp dir,
then runs the two programs alternately, N times each, whole process (exec to exit, output to /dev/null),
and prints the median and p90 wall time of each and the ratio of the medians.
The vault is the bundled one: FACETS_VAULT and the config file are kept out of the way.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELLO = 'import Foundation\nprint("hello from \\(ProcessInfo.processInfo.processName)")\n'


def timed(argv, env):
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--facets", default=os.environ.get("FACETS", os.path.join(ROOT, ".build/release/facets")))
    args = parser.parse_args()
    if not os.access(args.facets, os.X_OK):
        sys.exit(f"bench_list_vs_hello: no facets binary at {args.facets} (swift build -c release, or --facets)")
    swiftc = shutil.which("swiftc") or "/opt/swift/usr/bin/swiftc"
    work = tempfile.mkdtemp(prefix="facets-hello-")
    try:
        source = os.path.join(work, "hello.swift")
        with open(source, "w") as f:
            f.write(HELLO)
        hello = os.path.join(work, "hello")
        subprocess.run([swiftc, "-O", source, "-o", hello], check=True)
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), LANG="C.UTF-8")
        env.pop("FACETS_VAULT", None)
        env.pop("FACETS_CONFIG", None)
        peer, ours = [], []
        for _ in range(3):  # warm the page cache for both
            timed([hello], env)
            timed([args.facets, "list"], env)
        for _ in range(args.runs):
            peer.append(timed([hello], env))
            ours.append(timed([args.facets, "list"], env))

        def describe(name, values):
            ordered = sorted(values)
            p90 = ordered[int(0.9 * (len(ordered) - 1))]
            print(f"{name:28} median {statistics.median(values) * 1000:7.2f} ms   p90 {p90 * 1000:7.2f} ms")

        describe("hello-world (Foundation)", peer)
        describe("facets list (bundled)", ours)
        load = os.getloadavg()
        print(f"ratio of medians: {statistics.median(ours) / statistics.median(peer):.2f}x "
              f"({args.runs} runs each, alternated; {os.cpu_count()} CPUs, load {load[0]:.1f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
