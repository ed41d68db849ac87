"""Time the aligner on generated long accounts with known truth, next to a naive baseline.

Usage: python benchmarks/align_speed.py [SIZE ...]   (default sizes: 1000 2500 10000 40000)

Each size runs in a fresh subprocess: generate a pair (benchmarks/generate.py), read both sides
as pre-split input (``segment.from_lines``, as ``--lines`` does) and align them. Printed per
size: wall and CPU time of reading + aligning (CPU time is steadier on a busy machine), peak
resident memory of the subprocess (ru_maxrss, which includes the interpreter and the generated
text), link precision/recall against the known truth, and for the smaller sizes the naive
baseline (best match per sentence of A by rapidfuzz token-set ratio over all of B, threshold
0.5, computed with process.cdist) with its time and quality. Targets: 10,000 a side in < 10 s
and < 1 GiB; 4x the text at most ~6x the time; precision >= 0.95 and recall >= 0.90.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from rapidfuzz import fuzz, process

from generate import generate  # benchmarks/ is on sys.path when this script runs
from readerui.align import align
from readerui.ingest.segment import from_lines

DEFAULT_SIZES = (1000, 2500, 10000, 40000)
BASELINE_MAX_SIZE = 2500
BASELINE_THRESHOLD = 50


def _prf(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(found & truth)
    return (hits / len(found) if found else 0.0), (hits / len(truth) if truth else 0.0)


def run_one(size: int) -> dict[str, float]:
    """Generate, read and align one pair; figures as a dict (run in a subprocess)."""
    pair = generate(size)
    text_a, text_b = "\n".join(pair.a) + "\n", "\n".join(pair.b) + "\n"
    start, cpu_start = time.perf_counter(), time.process_time()
    a, b = from_lines(text_a), from_lines(text_b)
    alignment = align(a, b)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    found = {(i, j) for link in alignment.links for i in link.a for j in link.b}
    precision, recall = _prf(found, pair.truth)
    result = {"size": size, "n_b": len(b), "seconds": seconds, "cpu": cpu, "precision": precision,
              "recall": recall,
              "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if size <= BASELINE_MAX_SIZE:
        start = time.perf_counter()
        scores = process.cdist([s.lower() for s in pair.a], [s.lower() for s in pair.b],
                               scorer=fuzz.token_set_ratio, workers=1)
        base = {(i, int(row.argmax())) for i, row in enumerate(scores)
                if row.max() >= BASELINE_THRESHOLD}
        result["baseline_seconds"] = time.perf_counter() - start
        result["baseline_precision"], result["baseline_recall"] = _prf(base, pair.truth)
    return result


def main(argv: list[str]) -> int:
    """Run every size in its own subprocess and print a table."""
    if argv[:1] == ["--one"]:
        print(json.dumps(run_one(int(argv[1]))))
        return 0
    sizes = [int(x) for x in argv] or list(DEFAULT_SIZES)
    print(f"{'size':>6} {'B':>6} {'wall s':>8} {'cpu s':>6} {'peak MiB':>9} {'P':>6} {'R':>6}   "
          "baseline")
    previous: tuple[int, float] | None = None
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout)
        line = (f"{r['size']:>6} {r['n_b']:>6} {r['seconds']:>8.2f} {r['cpu']:>6.2f} "
                f"{r['peak_mib']:>9.0f} "
                f"{r['precision']:>6.3f} {r['recall']:>6.3f}")
        if "baseline_seconds" in r:
            line += (f"   {r['baseline_seconds']:.2f} s, P {r['baseline_precision']:.3f} "
                     f"R {r['baseline_recall']:.3f} ({r['baseline_seconds'] / r['seconds']:.1f}x "
                     "our time)")
        if previous is not None:
            line += (f"   {size / previous[0]:.1f}x the text -> "
                     f"{r['seconds'] / previous[1]:.1f}x the time")
        print(line, flush=True)
        previous = (size, r["seconds"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
