"""Degenerate but legal input: does readerui stay linear?

Generates, in a temporary folder, two kinds of pairs under the default 20 MB size limit:

* ``tiny``: a million one-word sentences a side ("Yes. No. Maybe. ..." in paragraphs of 20);
* ``prose``: about 20 MB of ordinary-looking prose a side (generated sentences, paragraphs of 5).

and runs ``readerui align --no-cache`` on each, with ``--json`` and with the summary, printing wall
time and the peak resident memory of the child (its ``ru_maxrss``). Targets: tiny < 30 s and
< 1 GB; prose < 60 s. Both exceed the default sentence limit (``max_sentences``, 25,000 a
side), so readerui refuses them up front with one line; ``--scale 0.1`` (about 24,000 prose
sentences a side) shows the cost of a pair just under the limit.

Run: ``python benchmarks/degenerate.py [--cases tiny,prose] [--modes json,summary]
[--scale 1.0]`` (``--scale 0.1`` for a quick look). Nothing in the real home is touched.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Yes", "No", "Maybe", "Indeed", "Right", "Sure", "Never", "Later", "Now", "Fine"]
SUBJECTS = ["The minister", "The committee", "Officials", "The company", "Residents",
            "The council", "Investigators", "The bank", "Union leaders", "The delegation",
            "Analysts", "The court", "Health authorities", "The governor", "Farmers"]
VERBS = ["said", "announced", "rejected", "approved", "warned about", "promised",
         "criticised", "confirmed", "discussed", "questioned", "welcomed", "postponed"]
OBJECTS = ["a new budget for schools", "plans to expand the harbour", "the tax on fuel",
           "an inquiry into the collapse", "measures to cut emissions", "the trade agreement",
           "higher wages for nurses", "the merger of two banks", "a ban on night flights",
           "funding for rural hospitals", "the ceasefire proposal", "reforms of pensions",
           "the water supply", "a bridge over the river", "prices of bread and milk"]
TAILS = ["on Monday", "after long talks", "despite protests", "in a statement",
         "before the vote", "citing rising costs", "amid growing pressure", "in the capital",
         "for the third time this year", "according to local media", ""]


def tiny(path: Path, sentences: int, seed: int) -> None:
    """``sentences`` one-word sentences, 20 to a paragraph."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, sentences, 20):
            out.write(" ".join(rng.choice(WORDS) + "." for _ in range(min(20, sentences - start))))
            out.write("\n\n")


def prose(path: Path, size: int, seed: int) -> None:
    """About ``size`` bytes of prose, paragraphs of 5 sentences."""
    rng = random.Random(seed)
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            sentences = []
            for _ in range(5):
                number += 1
                words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS),
                         f"worth {number % 9973 + 10} million", rng.choice(TAILS)]
                sentences.append(" ".join(w for w in words if w) + ".")
            paragraph = " ".join(sentences) + "\n\n"
            out.write(paragraph)
            written += len(paragraph.encode())


def run(folder: Path, a: Path, b: Path, mode: str) -> tuple[float, float, int]:
    """Time ``readerui align`` on the pair; (seconds, peak RSS in MB, exit status)."""
    command = [sys.executable, "-m", "readerui", "align", str(a), str(b), "--no-cache"]
    if mode == "json":
        command.append("--json")
    env = dict(os.environ, READERUI_CACHE_DIR=str(folder / "cache"),
               READERUI_CONFIG_DIR=str(folder / "config"), READERUI_STATE_DIR=str(folder / "st"),
               READERUI_DATA_DIR=str(folder / "data"), COLUMNS="120")
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    if child.returncode:
        print(errors.decode(errors="replace")[-500:], file=sys.stderr)
    # ru_maxrss of this child alone (KB on Linux); the analysis runs in it (plus, for big
    # pairs, one helper process whose peak is not counted here).
    return elapsed, usage.ru_maxrss / 1024, child.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="tiny,prose")
    parser.add_argument("--modes", default="json,summary")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the full sizes (1.0: 1M sentences, 20 MB)")
    args = parser.parse_args(argv)
    targets = {"tiny": 30.0, "prose": 60.0}
    with tempfile.TemporaryDirectory(prefix="readerui-degenerate-") as tmp:
        folder = Path(tmp)
        for case in args.cases.split(","):
            a, b = folder / f"{case}_a.txt", folder / f"{case}_b.txt"
            if case == "tiny":
                n = int(1_000_000 * args.scale)
                tiny(a, n, 1)
                tiny(b, n, 2)
            else:
                size = int(19_500_000 * args.scale)
                prose(a, size, 1)
                prose(b, size, 2)
            mb = (a.stat().st_size + b.stat().st_size) / 2 / 1e6
            for mode in args.modes.split(","):
                seconds, peak, status = run(folder, a, b, mode)
                verdict = "ok" if seconds < targets[case] else "SLOW"
                if status:
                    verdict += " (refused: over the sentence limit)"
                if case == "tiny" and peak > 1024:
                    verdict = "BIG"
                print(f"{case:<6} {mb:5.1f} MB a side  {mode:<8} {seconds:7.1f} s  "
                      f"peak RSS {peak:7.0f} MB  exit {status}  "
                      f"(target < {targets[case]:.0f} s) {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
