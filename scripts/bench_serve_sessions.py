#!/usr/bin/env python3
"""Served sessions: memory per explorer with N sessions open, and key-to-first-byte latency.

Usage: bench_serve_sessions.py [--sessions N] [--rounds R] [--facets PATH]
Starts `facets serve --open` on a free loopback port (state and config in a temp dir), connects N
`ssh -tt` clients one after another (each in its own pseudo-terminal, 80x24), and waits until each
shows the explorer. Then:
  * memory: Rss and Pss (from /proc/PID/smaps_rollup) of every explorer process the server started,
    and of the server itself; Pss splits shared pages (the binary, the libraries) among the processes
    that map them, so it is the fair "what one more session costs";
  * latency: R rounds; in each, every client in turn types `j` or `k` and the time until its first byte
    of answer comes back is taken (ssh client -> server -> pty -> explorer -> back).
Prints a summary; `--json` prints one JSON object instead. Needs ssh (OpenSSH client) and Linux /proc.
"""
import argparse, json, os, pty, re, select, shutil, signal, statistics, subprocess, sys, tempfile, time, fcntl, termios, struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_until(fd, needle, seconds):
    data = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return data, False
            if not chunk:
                return data, False
            data += chunk
            if needle in data:
                return data, True
    return data, False


def drain(fd, quiet=0.15, limit=3.0):
    end = time.monotonic() + limit
    last = time.monotonic()
    while time.monotonic() < end and time.monotonic() - last < quiet:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return
            last = time.monotonic()


def smaps_rollup(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                m = re.match(r"(\w+):\s+(\d+) kB", line)
                if m:
                    values[m.group(1)] = int(m.group(2))
    except OSError:
        pass
    return values


def breakdown(pid, rows=25):
    """Rss, Pss and private kB of one process per mapped file (anonymous memory as [anon]), largest first."""
    totals = {}
    name = None
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                    fields = line.split()
                    name = (fields[5] if len(fields) > 5 else "[anon]").split("/")[-1] + " " + fields[1]
                    continue
                m = re.match(r"(\w+):\s+(\d+) kB", line)
                if m and name:
                    entry = totals.setdefault(name, {})
                    entry[m.group(1)] = entry.get(m.group(1), 0) + int(m.group(2))
    except OSError:
        return []
    ordered = sorted(totals.items(), key=lambda item: -item[1].get("Rss", 0))
    return [(key, value.get("Rss", 0), value.get("Pss", 0), value.get("Private_Dirty", 0) + value.get("Private_Clean", 0))
            for key, value in ordered[:rows]]


def cpu_seconds(pid):
    """User and system CPU seconds a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid):
    """Every descendant of `pid` (a child started from any of its threads is listed under that thread)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    found.append(int(child))
                    found += children(int(child))
        except OSError:
            pass
    return found


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--facets", default=os.environ.get("FACETS", os.path.join(ROOT, ".build/release/facets")))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--breakdown", action="store_true", help="also print one explorer's memory per mapping")
    args = parser.parse_args()
    ssh = shutil.which("ssh")
    if not ssh:
        sys.exit("bench_serve_sessions: needs the OpenSSH client (ssh)")
    if not os.access(args.facets, os.X_OK):
        sys.exit(f"bench_serve_sessions: no facets binary at {args.facets} (swift build -c release, or --facets)")

    work = tempfile.mkdtemp(prefix="facets-serve-bench-")
    env = dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "config"),
               LANG="C.UTF-8")
    env.pop("FACETS_VAULT", None)
    env.pop("FACETS_CONFIG", None)
    out = open(os.path.join(work, "serve.out"), "w+")
    err = open(os.path.join(work, "serve.err"), "w+")
    server = subprocess.Popen([args.facets, "serve", "--open", "--host", "127.0.0.1", "--port", "0",
                               "--max-sessions", str(args.sessions + 1), "--idle-timeout", "0"],
                              env=env, stdout=out, stderr=err)
    clients = []
    try:
        port = None
        for _ in range(300):
            out.seek(0)
            m = re.search(r"listening on 127\.0\.0\.1:(\d+)", out.read())
            if m:
                port = int(m.group(1))
                break
            time.sleep(0.05)
        if port is None:
            err.seek(0)
            sys.exit("facets serve did not start:\n" + err.read())
        options = ["-F", "/dev/null", "-p", str(port), "-o", "StrictHostKeyChecking=no",
                   "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                   "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "PubkeyAuthentication=no",
                   "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        opened = time.monotonic()
        for index in range(args.sessions):
            pid, fd = pty.fork()
            if pid == 0:
                os.environ["TERM"] = "xterm-256color"
                os.execv(ssh, [ssh, "-tt"] + options + ["bench@127.0.0.1"])
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            _, ok = read_until(fd, b"Start here", 60)
            if not ok:
                sys.exit(f"session {index + 1} did not show the explorer")
            drain(fd)
            clients.append((pid, fd))
        opened = time.monotonic() - opened
        time.sleep(1.0)
        explorers = children(server.pid)
        # What the open sessions cost while nobody types: CPU of every explorer over two idle seconds.
        idle_before = sum(cpu_seconds(p) for p in explorers)
        time.sleep(2.0)
        idle_cpu = (sum(cpu_seconds(p) for p in explorers) - idle_before) / 2.0
        memory = [smaps_rollup(p) for p in explorers]
        memory = [m for m in memory if "Rss" in m]
        server_memory = smaps_rollup(server.pid)
        mappings = breakdown(explorers[0]) if args.breakdown and explorers else []

        latencies = []
        for round_index in range(args.rounds):
            key = b"j" if round_index % 2 == 0 else b"k"
            for _, fd in clients:
                start = time.perf_counter()
                os.write(fd, key)
                ready, _, _ = select.select([fd], [], [], 5.0)
                if ready:
                    latencies.append((time.perf_counter() - start) * 1000)
                drain(fd, quiet=0.03)
        load = os.getloadavg()
        report = {
            "sessions": len(clients),
            "explorers": len(memory),
            "open_seconds": round(opened, 2),
            "rss_kb_median": statistics.median(m["Rss"] for m in memory) if memory else None,
            "pss_kb_median": statistics.median(m.get("Pss", 0) for m in memory) if memory else None,
            "pss_kb_mean": statistics.mean(m.get("Pss", 0) for m in memory) if memory else None,
            "private_kb_median": statistics.median(m.get("Private_Clean", 0) + m.get("Private_Dirty", 0) for m in memory)
            if memory else None,
            "idle_cpu_percent_all_explorers": round(idle_cpu * 100, 1),
            "server_rss_kb": server_memory.get("Rss"),
            "server_pss_kb": server_memory.get("Pss"),
            "latency_ms_median": round(statistics.median(latencies), 2) if latencies else None,
            "latency_ms_p95": round(percentile(latencies, 0.95), 2) if latencies else None,
            "latency_samples": len(latencies),
            "load_average": load,
            "cpus": os.cpu_count(),
        }
        if args.json:
            print(json.dumps(report))
        else:
            print(f"sessions open: {report['sessions']} ({report['explorers']} explorers measured), opened in {opened:.1f} s")
            print(f"per explorer: Rss median {report['rss_kb_median'] / 1024:.1f} MB, Pss median {report['pss_kb_median'] / 1024:.1f} MB"
                  f" (mean {report['pss_kb_mean'] / 1024:.1f} MB), private median {report['private_kb_median'] / 1024:.1f} MB")
            print(f"idle: all explorers together use {report['idle_cpu_percent_all_explorers']}% of one CPU")
            print(f"server: Rss {report['server_rss_kb'] / 1024:.1f} MB, Pss {report['server_pss_kb'] / 1024:.1f} MB")
            print(f"key to first byte over ssh: median {report['latency_ms_median']} ms, p95 {report['latency_ms_p95']} ms"
                  f" ({report['latency_samples']} keys)")
            print(f"machine: {report['cpus']} CPUs, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
            if mappings:
                print(f"one explorer by mapping (kB):  {'Rss':>7} {'Pss':>7} {'private':>7}")
                for name, rss, pss, private in mappings:
                    print(f"  {name[:40]:40} {rss:7} {pss:7} {private:7}")
    finally:
        for pid, fd in clients:
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        for pid, fd in clients:
            try:
                os.waitpid(pid, 0)
                os.close(fd)
            except OSError:
                pass
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
