"""CPU time of the annotation pass (speakers and topics) and its big steps, per workload.

    python benchmarks/annotate_speed.py [--sizes 1000 10000 40000] [--basil DIR] [--rev REV]

Workloads: generated pairs of N sentences a side (``generate.py``, written to files and read
with ``load_document(path, settings, True)``, no sentence limit) and, with ``--basil``, every
pair of each BASIL triplet in DIR (``basil/rebuild.py`` texts; the CPU summed over the pairs).
Each workload runs
``readerui.annotate.annotate(a, b, None, "en")`` once in a fresh process (cold caches, as the
analysis process meets them), and prints the CPU seconds (``time.process_time``) of the whole
pass, of the speakers and topics, and of their big steps, timed by wrapping these functions
(only the outermost call of each is counted; a step an engine does not have prints "-"):

- speakers: ``collect_full_names`` (names), ``find_cues`` (cues), ``_subject_person`` (subject);
- topics: ``_Finder.read`` (read: tokens, index, candidates), ``_Finder.keep`` (keep),
  ``_group`` (group), and the rest of ``find_topics`` (rank: sentences, worth, score, order).

The steps wrapped are called at most once per sentence, so wrapping costs little (~1 us a call).
``--rev REV`` runs REV's engine (``git archive`` into a temporary folder, this interpreter) on the
same workloads in the same run, and prints the ratios current / REV. Load on the machine inflates
CPU times too; the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (label, module, attribute path) of every step timed; the speakers and topics steps go under
# the stage timed by their first row.
STEPS: list[tuple[str, str, str]] = [
    ("annotate", "readerui.annotate", "annotate"),
    ("speakers", "readerui.annotate.speakers", "attribute_speakers"),
    ("names", "readerui.annotate.names", "collect_full_names"),
    ("cues", "readerui.annotate.cues", "find_cues"),
    ("subject", "readerui.annotate.speakers", "SpeakerAttributor._subject_person"),
    ("topics", "readerui.annotate.topics", "find_topics"),
    ("read", "readerui.annotate.topics", "_Finder.read"),
    ("keep", "readerui.annotate.topics", "_Finder.keep"),
    ("group", "readerui.annotate.topics", "_group"),
]
COLUMNS = ["annotate", "speakers", "names", "cues", "subject", "topics", "read", "keep", "group",
           "rank"]


def _wrap(label: str, func: Callable[..., Any], totals: dict[str, float],
          depth: dict[str, int]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        if depth.get(label):
            return func(*args, **kwargs)
        depth[label] = 1
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - start
            depth[label] = 0
    return timed


def _instrument(totals: dict[str, float]) -> None:
    """Wrap every step the importable engine has (also where other modules imported it)."""
    import importlib

    for _, module_name, _ in STEPS:  # first all, so that every copy of a step is found
        importlib.import_module(module_name)
    depth: dict[str, int] = {}
    for label, module_name, path in STEPS:
        module = importlib.import_module(module_name)
        owner: Any = module
        *parents, name = path.split(".")
        for part in parents:
            owner = getattr(owner, part, None)
        func = getattr(owner, name, None) if owner is not None else None
        if func is None:
            continue
        wrapped = _wrap(label, func, totals, depth)
        setattr(owner, name, wrapped)
        if not parents:  # also where ``from module import name`` copied it
            for other in list(sys.modules.values()):
                if (getattr(other, "__name__", "").startswith("readerui.")
                        and getattr(other, name, None) is func):
                    setattr(other, name, wrapped)


def worker(kind: str, arg: str) -> dict[str, float]:
    """Run one workload with the importable engine; CPU seconds per step."""
    totals: dict[str, float] = {}
    _instrument(totals)
    from readerui.annotate import annotate

    if kind == "generated":
        from readerui.analysis import load_document
        from readerui.settings import Settings

        settings = Settings(max_sentences=1_000_000)  # None (the default) stops at 25,000
        a = load_document(Path(arg) / "a.txt", settings, True)
        b = load_document(Path(arg) / "b.txt", settings, True)
        totals["sentences"] = len(a) + len(b)
        annotate(a, b, None, "en")
    else:
        from readerui.ingest.segment import from_lines

        triplets: dict[str, list[Path]] = {}
        for path in sorted(Path(arg).glob("*.txt")):
            triplets.setdefault(path.stem.rsplit("-", 1)[0], []).append(path)
        docs = {p: from_lines(p.read_text("utf-8")) for files in triplets.values()
                for p in files}
        count = sentences = 0
        for files in triplets.values():
            for x, y in ((0, 1), (0, 2), (1, 2)):
                if y < len(files):
                    a, b = docs[files[x]], docs[files[y]]
                    annotate(a, b, None, "en")
                    count += 1
                    sentences += len(a) + len(b)
        totals["pairs"], totals["sentences"] = count, sentences
    rest = totals.get("topics", 0.0) - sum(totals.get(k, 0.0) for k in ("read", "keep", "group"))
    if "topics" in totals and "read" in totals:
        totals["rank"] = rest
    return totals


def _run(engine_src: Path, kind: str, arg: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": f"{engine_src}{os.pathsep}{HERE}"}
    done = subprocess.run([sys.executable, __file__, "--worker", kind, arg], env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"annotate_speed: {engine_src} on {kind} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def _row(label: str, values: dict[str, float]) -> str:
    cells = "".join(f"{values[c]:9.3f}" if c in values else f"{'-':>9}" for c in COLUMNS)
    return f"{label:<26}{cells}"


def main(argv: list[str]) -> int:
    """Time every workload with this checkout's engine (and REV's); print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 40_000])
    parser.add_argument("--basil", type=Path, help="BASIL texts (basil/rebuild.py)")
    parser.add_argument("--rev", help="also run this git revision's engine, side by side")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    if args.basil is not None and not args.basil.is_dir():
        print(f"annotate_speed: not a folder: {args.basil}", file=sys.stderr)
        return 2
    from compare_engines import _git, prepare_revision
    from generate import generate

    engines: list[tuple[str, Path]] = []
    if args.rev:
        _, env, short = prepare_revision(args.rev, same_python=True)
        engines.append((f"rev {short}", Path(env["PYTHONPATH"])))
    dirty = "+dirty" if _git("status", "--porcelain", "src") else ""
    engines.append((f"current {_git('rev-parse', '--short', 'HEAD')}{dirty}", ROOT / "src"))
    print(f"CPU seconds (time.process_time) of annotate(a, b, None, 'en'), one fresh process per "
          f"workload; load average {os.getloadavg()[0]:.1f} at start")
    print(f"{'workload / engine':<26}" + "".join(f"{c:>9}" for c in COLUMNS))
    totals: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        workloads: list[tuple[str, str, str]] = []
        for size in args.sizes:
            pair = generate(size)
            target = Path(folder) / f"g{size}"
            target.mkdir()
            (target / "a.txt").write_text("\n".join(pair.a) + "\n", encoding="utf-8")
            (target / "b.txt").write_text("\n".join(pair.b) + "\n", encoding="utf-8")
            workloads.append((f"generated {size}", "generated", str(target)))
        if args.basil is not None:
            workloads.append(("BASIL pairs", "basil", str(args.basil)))
        for title, kind, arg in workloads:
            print(title, flush=True)
            for label, src in engines:
                result = _run(src, kind, arg)
                totals[f"{title}|{label}"] = result
                print(_row(f"  {label}", result) + f"  ({int(result['sentences'])} sentences"
                      + (f", {int(result['pairs'])} pairs)" if "pairs" in result else ")"),
                      flush=True)
            if len(engines) == 2:
                old, new = (totals[f"{title}|{label}"] for label, _ in engines)
                ratio = {c: new[c] / old[c] for c in COLUMNS if old.get(c) and c in new}
                print(f"{'  current / rev':<26}" + "".join(
                    f"{ratio[c]:8.2f}x" if c in ratio else f"{'-':>9}" for c in COLUMNS))
    sizes = [s for s in args.sizes if s in (10_000, 40_000)]
    if len(sizes) == 2:
        for label, _ in engines:
            small = totals[f"generated 10000|{label}"]["annotate"]
            large = totals[f"generated 40000|{label}"]["annotate"]
            print(f"40k / 10k, {label}: {large / small:.2f}x (target <= 4.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
