"""Stemming with PyStemmer (C) against snowballstemmer's pure-Python fallback: CPU and identity.

    python benchmarks/stemming.py [--words 50000]

snowballstemmer uses PyStemmer when it is installed and its own pure-Python stemmers otherwise.
For every language readerui stems, both stem the ``--words`` most common words of the bundled
frequency table (a few words where there is none), each in its own process; prints the CPU seconds
of each and the number of stems that differ (must be 0).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_STEM = r"""
import json, sys, time
if sys.argv[1] == "pure":
    sys.modules["Stemmer"] = None  # makes snowballstemmer fall back to its Python stemmers
import snowballstemmer
from readerui.annotate.frequency import frequencies
from readerui.tokens import SNOWBALL_NAMES
count = int(sys.argv[2])
stems, seconds, kind = {}, 0.0, ""
for lang, name in sorted(SNOWBALL_NAMES.items()):
    words = list(frequencies(lang))[:count] or ["walking", "houses", "talks", "ministers"]
    stemmer = snowballstemmer.stemmer(name)
    kind = type(stemmer).__module__
    start = time.process_time()
    stems[lang] = [stemmer.stemWord(w) for w in words]
    seconds += time.process_time() - start
print(json.dumps({"seconds": seconds, "kind": kind, "stems": stems}))
"""


def main() -> int:
    """Run both stemmers and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    runs = {}
    for kind in ("pure", "c"):
        out = subprocess.run([sys.executable, "-c", _STEM, kind, str(args.words)], check=True,
                             capture_output=True, text=True).stdout
        runs[kind] = json.loads(out)
    if runs["c"]["kind"] == runs["pure"]["kind"]:
        print("PyStemmer is not installed: only the pure-Python stemmers ran")
    words = sum(len(v) for v in runs["pure"]["stems"].values())
    for kind, label in (("pure", "snowballstemmer (Python)"), ("c", "PyStemmer (C)")):
        print(f"{label:<26} {runs[kind]['seconds']:7.2f} s CPU  ({words:,} words, "
              f"{len(runs[kind]['stems'])} languages)")
    print(f"speed-up {runs['pure']['seconds'] / max(runs['c']['seconds'], 1e-9):.1f}x")
    differ = {lang: sum(a != b for a, b in zip(stems, runs["c"]["stems"][lang], strict=True))
              for lang, stems in runs["pure"]["stems"].items()}
    print("differing stems:", {k: v for k, v in differ.items() if v} or "none")
    return 1 if any(differ.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
