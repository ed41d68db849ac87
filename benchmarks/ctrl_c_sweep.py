"""Ctrl-C at many moments of a big ``readerui align`` (or ``--batch``): how often it does not end
with exactly "readerui: interrupted" and status 130.

    python benchmarks/ctrl_c_sweep.py [--runs N] [--size N] [--busy K] [--batch] [--seed S]

Each run starts ``python -m readerui align --lines --no-cache`` on a generated pair of SIZE
sentences a side (from 2000 a side the annotation helper process runs), in its own session,
and sends SIGINT to the whole group (as a terminal's Ctrl-C does) after a delay drawn across the
run's whole length: start-up, the helper starting, alignment, output and the exit. ``--busy K``
keeps K busy loops running meanwhile (the loaded machine CI is). Prints the count of each
outcome and every run that ended otherwise (its delay, status and last stderr line).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def write_pair(folder: Path, sentences: int) -> tuple[Path, Path]:
    subjects = ["The minister", "The council", "Officials", "The court", "Farmers", "The bank"]
    objects = ["the budget", "the harbour plan", "fuel taxes", "the inquiry", "night flights"]
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text("".join(f"{subjects[i % 6]} discussed {objects[i % 5]} worth {i} million on "
                         f"day {i}.\n" for i in range(sentences)))
    b.write_text("".join(f"{subjects[i % 6]} debated {objects[i % 5]} worth {i} million on "
                         f"day {i}.\n" for i in range(sentences)))
    return a, b


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def run_once(cmd: list[str], delay: float | None,
             after_child: bool = False) -> tuple[int, str, float]:
    """Run ``cmd``; SIGINT its group after ``delay`` s (never when None), counted from when a
    child has used 5 CPU ticks when ``after_child`` (the moment tests/test_processes.py
    chooses). Status, stderr, wall."""
    start = time.monotonic()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    if after_child:
        while process.poll() is None and not any(cpu_ticks(pid) >= 5
                                                 for pid in children_of(process.pid)):
            time.sleep(0.05)
    if delay is not None:
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=600)
    return process.returncode, stderr, time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--size", type=int, default=2500)
    parser.add_argument("--busy", type=int, default=0)
    parser.add_argument("--batch", action="store_true", help="one pair through align --batch")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--after-child", type=float, default=None, metavar="S",
                        help="delays of 0 to S seconds after a child has used 5 CPU ticks")
    args = parser.parse_args()
    random.seed(args.seed)
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for _ in range(args.busy)]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            a, b = write_pair(folder, args.size)
            if args.batch:
                (folder / "pairs.tsv").write_text(f"{a}\t{b}\n{a}\t{b}\n")
                cmd = [sys.executable, "-m", "readerui", "align", "--lines", "--no-cache",
                       "--batch", str(folder / "pairs.tsv")]
            else:
                cmd = [sys.executable, "-m", "readerui", "align", "--lines", "--no-cache",
                       str(a), str(b)]
            whole = 0.0
            if args.after_child is None:
                code, stderr, whole = run_once(cmd, None)
                print(f"uninterrupted run: status {code}, {whole:.2f} s wall", flush=True)
            outcomes: Counter[str] = Counter()
            for _ in range(args.runs):
                if args.after_child is None:
                    delay = random.uniform(0.0, whole * 1.15)
                else:
                    delay = random.uniform(0.0, args.after_child)
                code, stderr, _ = run_once(cmd, delay, args.after_child is not None)
                if code == 130 and stderr.strip() == "readerui: interrupted":
                    outcomes["interrupted (right)"] += 1
                elif code == 0 and not stderr.strip():
                    outcomes["finished before the signal"] += 1
                else:
                    outcomes["WRONG"] += 1
                    print(f"  WRONG at {delay:.3f} s: status {code}, {len(stderr.splitlines())}"
                          f" stderr lines, the last: {stderr[-300:]!r}", flush=True)
    finally:
        for process in busy:
            process.kill()
            process.wait()
    moment = ("whole run" if args.after_child is None
              else f"0-{args.after_child} s after a child's 5 ticks")
    print(f"{args.runs} runs, size {args.size}, busy loops {args.busy}, {moment}, "
          f"{'batch' if args.batch else 'align'}:")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:28} {count}")


if __name__ == "__main__":
    main()
