#!/usr/bin/env python3
"""Whole-command throughput of capclean beside reference tools, in one run.

    cargo build --release --examples
    python3 scripts/compare.py                 # 100 MB, 2,000 files of 50 KB
    python3 scripts/compare.py --mb 20 --files 200 --runs 3

Generates the inputs with `gen_corpus` (seeded), runs every command
--runs times on the same files and reports the median wall time as MB/s
and as a ratio to `wc -w`, so that figures taken on a shared, noisy machine
can still be compared. Tools that are not installed (rg, typos) are
skipped. Peak memory comes from /usr/bin/time where it exists.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
CAPCLEAN = os.path.join(RELEASE, "capclean")
GEN = os.path.join(RELEASE, "examples", "gen_corpus")


def run(cmd, stdout=subprocess.DEVNULL, env=None):
    """Wall seconds and peak RSS in KB (None where /usr/bin/time is missing)."""
    timer = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    with tempfile.NamedTemporaryFile("r") as rss:
        full = [timer, "-f", "%M", "-o", rss.name] + cmd if timer else cmd
        start = time.perf_counter()
        subprocess.run(full, stdout=stdout, stderr=subprocess.DEVNULL, check=True, env=env)
        wall = time.perf_counter() - start
        text = rss.read().strip().splitlines()
        kb = int(text[-1]) if timer and text and text[-1].isdigit() else None
    return wall, kb


def median_run(cmd, runs, before=None, **kw):
    walls, peak = [], 0
    for _ in range(runs):
        if before:
            before()
        wall, kb = run(cmd, **kw)
        walls.append(wall)
        peak = max(peak, kb or 0)
    return statistics.median(walls), peak or None


def shell(cmd):
    return ["sh", "-c", cmd]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=100, help="size of the single transcript")
    ap.add_argument("--files", type=int, default=2000, help="files of 50 KB in the folder")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", default=None, help="where to generate (default: a temporary directory)")
    args = ap.parse_args()
    for exe in (CAPCLEAN, GEN):
        if not os.path.exists(exe):
            sys.exit(f"{exe} is missing: run `cargo build --release --examples` first")

    work = args.dir or tempfile.mkdtemp(prefix="capclean-compare-")
    os.makedirs(work, exist_ok=True)
    path = lambda name: os.path.join(work, name)
    with open(path("corpus.txt"), "wb") as f:
        subprocess.run([GEN, str(args.mb), "42"], stdout=f, check=True)
    for n in (100, 10000, 100000):
        with open(path(f"roster-{n}.csv"), "wb") as f:
            subprocess.run([GEN, "--roster", str(n)], stdout=f, check=True)
    with open(path("glossary-1000.csv"), "wb") as f:
        subprocess.run([GEN, "--glossary", "1000"], stdout=f, check=True)
    if not os.path.isdir(path("folder")):
        subprocess.run([GEN, "--folder", path("folder"), str(args.files), "50"], check=True)
    with open(path("small.txt"), "w") as f:
        f.write(">> CHAIR: Welcome -- the session is open.\n")
    # typos: a custom dictionary of 50 pairs, report mode.
    with open(path("typos.toml"), "w") as f:
        f.write("[default.extend-words]\n")
        for i in range(50):
            f.write(f'seesion{i} = "session{i}"\n')

    corpus_mb = os.path.getsize(path("corpus.txt")) / 1e6
    folder_files = [os.path.join(path("folder"), n) for n in sorted(os.listdir(path("folder")))]
    folder_mb = sum(os.path.getsize(p) for p in folder_files) / 1e6
    out = path("out")
    clear = lambda: shutil.rmtree(out, ignore_errors=True)

    def fix(inputs, roster, extra=()):
        return [CAPCLEAN, "fix", *inputs, "-o", out, "-q", "--roster", path(f"roster-{roster}.csv"),
                "--glossary", path("glossary-1000.csv"), *extra]

    rows = []  # (what, input, MB, seconds, peak KB)

    def measure(what, input_name, mb, cmd, before=None):
        wall, kb = median_run(cmd, args.runs, before=before)
        rows.append((what, input_name, mb, wall, kb))
        print(f"  {what}: {wall:.3f} s", file=sys.stderr)

    one = f"{args.mb} MB file"
    many = f"{len(folder_files)} files"
    corpus = path("corpus.txt")
    measure("cat", one, corpus_mb, ["cat", corpus])
    measure("wc -w", one, corpus_mb, ["wc", "-w", corpus])
    if shutil.which("rg"):
        measure("rg -c '\\b[A-Z][a-z]+\\b'", one, corpus_mb, ["rg", "-c", r"\b[A-Z][a-z]+\b", corpus])
    if shutil.which("typos"):
        measure("typos (50-pair dictionary, report)", one, corpus_mb,
                shell(f"typos --config {path('typos.toml')} --format brief {corpus} || true"))
    measure("capclean fix, 100 names", one, corpus_mb, fix([corpus], 100), clear)
    measure("capclean fix, 10,000 names", one, corpus_mb, fix([corpus], 10000), clear)
    measure("capclean fix, 100,000 names", one, corpus_mb, fix([corpus], 100000), clear)
    measure("wc -w", many, folder_mb, ["wc", "-w", *folder_files])
    measure("capclean fix, 10,000 names", many, folder_mb, fix([path("folder")], 10000), clear)
    start, _ = median_run([CAPCLEAN, "fix", path("small.txt"), "--stdout", "-q"], max(args.runs, 5))

    wc = {r[1]: r[3] for r in rows if r[0] == "wc -w"}
    print(f"| what | input | MB/s | time / `wc -w` | peak memory |")
    print(f"|---|---|---:|---:|---:|")
    for what, name, mb, wall, kb in rows:
        mem = f"{kb / 1024:.0f} MB" if kb else ""
        print(f"| {what} | {name} | {mb / wall:,.0f} | {wall / wc[name]:.1f}x | {mem} |")
    print(f"\nstart-up (built-in dictionaries, one small file): {start * 1000:.0f} ms")
    print(f"inputs in {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
