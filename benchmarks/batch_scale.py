"""What a corpus batch costs: one process, the local ``--batch`` processes, and a 2-worker Dask
LocalCluster (``--dask local``), on generated pairs, extrapolated to 100,000 pairs.

Run: ``python benchmarks/batch_scale.py [N] [SENTENCES]`` (default 200 pairs of about 30
sentences a side, the size of a news article; needs ``readerui[dask]`` for the third row). Each
mode runs the real command (``readerui align --lines --batch LIST ...``) on a small list and on
the N-pair list; the difference gives the cost per pair, the small run the fixed cost (start-up,
and for Dask starting the cluster), and the two make the 100,000-pair estimate. CPU time per
pair gives a second estimate, for a machine that nothing else is using. It also checks
that every mode printed the same bytes. Wall times on a shared machine vary with its load (the
load average is printed).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

SMALL = 4
TARGET = 100_000


def write_list(folder: Path, count: int, sentences: int) -> Path:
    lines = []
    for i in range(count):
        pair = generate(sentences + i % 7, seed=1000 + i)
        (folder / f"{i}a.txt").write_text("\n".join(pair.a) + "\n", encoding="utf-8")
        (folder / f"{i}b.txt").write_text("\n".join(pair.b) + "\n", encoding="utf-8")
        lines.append(f"{i}a.txt\t{i}b.txt")
    listing = folder / f"pairs-{count}.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(listing: Path, extra: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (the command and every process it waited for) and stdout."""
    command = [sys.executable, "-m", "readerui", "align", "--lines", "--batch", str(listing),
               *extra]
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, timeout=3600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(extra)}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed, _children_cpu() - cpu, done.stdout


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h" if seconds >= 3600 else f"{seconds / 60:.0f} min"


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 200
    sentences = int(argv[1]) if len(argv) > 1 else 30
    modes = [("one process", ["--jobs", "1"]), ("--batch --jobs 2", ["--jobs", "2"])]
    try:
        import distributed  # noqa: F401
        modes.append(("--dask local, 2 workers", ["--dask", "local", "--jobs", "2"]))
    except ImportError:
        print("(dask not installed: pip install 'readerui[dask]' for the Dask row)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = write_list(folder, SMALL, sentences), write_list(folder, count, sentences)
        print(f"{count} generated pairs of ~{sentences} sentences a side; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.1f}\n")
        print(f"{'mode':<26} {'fixed s':>8} {'ms/pair':>8} {'pairs/s':>8} "
              f"{f'{count} pairs s':>12} {'100,000 pairs':>14} {'CPU ms/pair':>12} "
              f"{'idle est.':>10}")
        outputs = []
        for (name, extra), workers in zip(modes, (1, 2, 2), strict=False):
            fixed, fixed_cpu, _ = run(small, extra)
            total, total_cpu, out = run(big, extra)
            outputs.append(out)
            per_pair = max(total - fixed, 1e-9) / (count - SMALL)
            cpu_per_pair = max(total_cpu - fixed_cpu, 0.0) / (count - SMALL)
            estimate = fixed + per_pair * (TARGET - SMALL)
            idle = fixed + cpu_per_pair * TARGET / min(workers, os.cpu_count() or 1)
            print(f"{name:<26} {fixed:8.1f} {1000 * per_pair:8.1f} {1 / per_pair:8.1f} "
                  f"{total:12.1f} {_hours(estimate):>14} {1000 * cpu_per_pair:12.1f} "
                  f"{_hours(idle):>10}")
        print("\n100,000 pairs: fixed + wall per pair x 100,000 as measured; 'idle est.': "
              "fixed + CPU per pair x 100,000 / workers, what an otherwise idle machine would "
              "take (CPU counts every process the command waited for)")
        same = all(out == outputs[0] for out in outputs)
        print(f"\nevery mode printed the same {len(outputs[0].splitlines())} lines: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
