"""The sample pair analysed in process: the engine's fixed cost on a small pair.

    python benchmarks/sample_speed.py [--runs 9] [A B]

Each run is a fresh Python process (so imports and word lists are paid as a user pays them;
bytecode may be written, so the runs after the first, which is dropped, read compiled modules as
an installed readerui does), which loads both files and analyses them without the cache, in one
process (no helper). Prints the medians over the runs of: importing the engine, loading the two
files, the first analysis (word lists and models read on first use) and a second analysis of the
same pair in the same process (the engine warm), as wall and CPU time. Target (issue 11): the
sample pair analysed in < 150 ms in process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

# Runs may write bytecode, so the runs after the dropped first one read compiled modules, as an
# installed readerui does (with PYTHONDONTWRITEBYTECODE set, every run compiled the sources again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

CHILD = r"""
import json, sys, time
def clock():
    return time.perf_counter(), time.process_time()
def since(start):
    now = clock()
    return [1000 * (now[0] - start[0]), 1000 * (now[1] - start[1])]
t = clock()
from readerui.analysis import analyse, load_document
from readerui.settings import Settings
out = {"import": since(t)}
t = clock()
a, b = load_document(sys.argv[1]), load_document(sys.argv[2])
out["load"] = since(t)
t = clock()
analyse(a, b, Settings(), parallel=False)
out["first analysis"] = since(t)
t = clock()
analyse(a, b, Settings(), parallel=False)
out["warm analysis"] = since(t)
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("pair", nargs="*", help="two files (default: the sample pair)")
    args = parser.parse_args()
    if args.pair and len(args.pair) != 2:
        parser.error("give two files or none")
    if args.pair:
        pair = args.pair
    else:
        from readerui.samples import sample_paths
        pair = [str(p) for p in sample_paths()]
    runs = []
    for _ in range(args.runs + 1):  # the first run warms the file cache and is dropped
        done = subprocess.run([sys.executable, "-c", CHILD, *pair], capture_output=True,
                              text=True, check=True, env=ENV)
        runs.append(json.loads(done.stdout))
    runs = runs[1:]
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs; medians (wall / CPU, ms)")
    for stage in runs[0]:
        wall = statistics.median(r[stage][0] for r in runs)
        cpu = statistics.median(r[stage][1] for r in runs)
        print(f"{stage:<16} {wall:7.0f} / {cpu:5.0f}")
    first = [r["load"][0] + r["first analysis"][0] for r in runs]
    print(f"{'load + first':<16} {statistics.median(first):7.0f}   (target < 150 ms)")


if __name__ == "__main__":
    main()
