"""The engine of a git revision against this checkout's, on the same generated pair, in one run.

    python benchmarks/compare_engines.py REV [--size 10000] [--repeat 1] [--same-python]

Speed-ups are then ratios measured side by side, not figures from different days. Steps:
1. generate one pair with known truth (benchmarks/generate.py, ``--size`` sentences a side);
2. export REV's tree with ``git archive`` into a temporary folder and install it into its own
   virtualenv (cached in the temp folder by commit, so a second run is quick), so REV runs with
   the dependencies it declared; ``--same-python`` runs REV's source with this interpreter instead;
3. run ``readerui align --lines --json --no-cache A B`` of each engine in a subprocess with an empty
   store, alternating REV and current ``--repeat`` times, and print per engine the wall time, CPU
   time and peak RSS of the process (best of the repeats), link precision/recall against the
   truth, and the ratios current / REV.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import generate  # benchmarks/ is on sys.path when this script runs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def prepare_revision(rev: str, same_python: bool) -> tuple[list[str], dict[str, str], str]:
    """The command prefix and environment that run REV's ``readerui``; REV's short name."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    short = _git("rev-parse", "--short", commit)
    base = Path(tempfile.gettempdir()) / f"readerui-compare-{commit[:12]}"
    tree = base / "tree"
    if not (tree / "pyproject.toml").is_file():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    if same_python:
        return [sys.executable, "-m", "readerui"], {"PYTHONPATH": str(tree / "src")}, short
    venv = base / "venv"
    python = venv / "bin" / "python"
    if not (base / "installed").is_file():
        print(f"installing {short} into {venv} (once per commit) …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(tree)], check=True)
        (base / "installed").write_text(commit)
    return [str(python), "-m", "readerui"], {}, short


def run_engine(command: list[str], extra_env: dict[str, str], path_a: Path, path_b: Path,
               work: Path) -> dict[str, float]:
    """Run one ``align --lines --json --no-cache``; its wall/CPU seconds, peak MiB and links."""
    env = {**os.environ, **extra_env}
    for kind in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"READERUI_{kind}_DIR"] = str(work / kind.lower())
    out_path = work / "out.json"
    with out_path.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([*command, "align", "--lines", "--json", "--no-cache",
                                    str(path_a), str(path_b)], stdout=out,
                                   stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        error = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error[-2000:]}")
    contract = json.loads(out_path.read_text("utf-8"))
    links = {(i, j) for link in contract["links"] for i in link["a"] for j in link["b"]}
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mib": usage.ru_maxrss / 1024, "links": links}  # type: ignore[dict-item]


def main() -> int:
    """Compare REV's engine with the current one and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="a git revision (commit, branch, tag) of this repository")
    parser.add_argument("--size", type=int, default=10_000, help="sentences a side")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each engine (best kept)")
    parser.add_argument("--same-python", action="store_true",
                        help="run REV's source with this interpreter (no virtualenv)")
    args = parser.parse_args()
    engines = {"rev": prepare_revision(args.rev, args.same_python),
               "current": ([sys.executable, "-m", "readerui"], {"PYTHONPATH": str(ROOT / "src")},
                           f"{_git('rev-parse', '--short', 'HEAD')}"
                           f"{'+dirty' if _git('status', '--porcelain', 'src') else ''}")}
    pair = generate(args.size)
    results: dict[str, list[dict[str, float]]] = {"rev": [], "current": []}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        path_a, path_b = work / "a.txt", work / "b.txt"
        path_a.write_text("\n".join(pair.a) + "\n", encoding="utf-8")
        path_b.write_text("\n".join(pair.b) + "\n", encoding="utf-8")
        for _ in range(args.repeat):
            for name in ("rev", "current"):
                command, env, _label = engines[name]
                results[name].append(run_engine(command, env, path_a, path_b, work))
    print(f"pair: {args.size} sentences a side (A {len(pair.a)}, B {len(pair.b)}), "
          f"{len(pair.truth)} true links; readerui align --lines --json --no-cache; "
          f"best of {args.repeat}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'engine':<22} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'P':>6} {'R':>6}")
    best = {}
    for name in ("rev", "current"):
        runs = results[name]
        links = runs[0]["links"]
        hits = len(links & pair.truth)  # type: ignore[operator]
        precision = hits / len(links) if links else 0.0  # type: ignore[arg-type]
        recall = hits / len(pair.truth) if pair.truth else 0.0
        best[name] = {key: min(r[key] for r in runs) for key in ("wall", "cpu", "peak_mib")}
        label = f"{name} {engines[name][2]}"
        print(f"{label:<22} {best[name]['wall']:8.2f} {best[name]['cpu']:8.2f} "
              f"{best[name]['peak_mib']:9.0f} {precision:6.3f} {recall:6.3f}")
    ratios = {key: best["current"][key] / best["rev"][key] for key in best["rev"]}
    print(f"{'current / rev':<22} {ratios['wall']:7.2f}x {ratios['cpu']:7.2f}x "
          f"{ratios['peak_mib']:8.2f}x   (speed-up {1 / ratios['wall']:.2f}x wall, "
          f"{1 / ratios['cpu']:.2f}x CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
