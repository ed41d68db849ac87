"""Mojibake repair at ingest: what ftfy costs and what the cheap scan in front of it saves.

    python benchmarks/mojibake.py [--runs 7]

Prints the installed size of ftfy and its one dependency (wcwidth), ftfy's import time (median
of ``--runs`` fresh interpreters, ``-X importtime``), the time of the scan that decides whether
to import it at all, on the bundled sample (clean) and on the same text garbled (UTF-8 read as
Windows-1252), and the time of the repair itself.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from readerui.ingest.repair import looks_broken, repair_mojibake
from readerui.samples import sample_paths


def installed_size(distribution: str) -> int:
    """Bytes of the files a distribution installed."""
    paths = [Path(str(f.locate())) for f in metadata.distribution(distribution).files or []]
    return sum(path.stat().st_size for path in paths if path.is_file())


def import_ms(module: str, runs: int) -> float:
    """Median cumulative import time of ``module`` in a fresh interpreter, in ms."""
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                              capture_output=True, text=True, check=True)
        last = [line for line in done.stderr.splitlines() if line.rstrip().endswith(f"| {module}")]
        times.append(int(last[-1].split("|")[1]) / 1000)
    return statistics.median(times)


def timed(action, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Best of ``repeat`` runs of ``action()``, in ms."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name in ("ftfy", "wcwidth"):
        print(f"{name} {metadata.version(name)}: {installed_size(name) / 1e6:.1f} MB installed")
    print(f"import ftfy: {import_ms('ftfy', args.runs):.0f} ms (median of {args.runs})")
    clean = "\n\n".join(path.read_text(encoding="utf-8") for path in sample_paths()) * 200
    broken = clean.encode("utf-8").decode("cp1252", errors="ignore")
    megabytes = len(clean.encode("utf-8")) / 1e6
    print(f"text: the two sample accounts x200, {megabytes:.2f} MB")
    assert not looks_broken(clean) and looks_broken(broken)
    print(f"scan, clean text:   {timed(lambda: looks_broken(clean)):.2f} ms (ftfy not imported)")
    print(f"scan, garbled text: {timed(lambda: looks_broken(broken)):.3f} ms (stops at the first)")
    repair_mojibake(broken)  # ftfy imported once, outside the timing
    print(f"repair, garbled text: {timed(lambda: repair_mojibake(broken), 3):.0f} ms")
    print(f"repair, clean text:   {timed(lambda: repair_mojibake(clean)):.2f} ms")


if __name__ == "__main__":
    main()
