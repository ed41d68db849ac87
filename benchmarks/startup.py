"""Start-up times: ``readerui --version``, ``readerui align --help``, and the reader in a terminal.

    python benchmarks/startup.py [--runs 7] [A B]

Prints the median and the range over ``--runs`` runs (after one warm-up run, so the file cache is
warm) of:
- ``readerui --version`` and ``readerui align --help`` (process start to exit; target < 150 ms);
- the reader in tmux at 80x24 on A and B (default: the sample pair), from starting the command to
  the screen showing the text of both documents (target < 0.5 s), and to the analysis being filled
  in (the header's "NN% in B" share). Each run uses an empty store (no analysis cache), and the
  screen is polled with tmux capture-pane until a deadline.

Every run may write bytecode (``PYTHONDONTWRITEBYTECODE`` is unset for the commands timed), so
the runs after the warm-up read compiled modules, as an installed readerui does; with the
variable set and no ``__pycache__``, every run would compile the sources again.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from readerui.analysis import load_document
from readerui.samples import sample_paths
from readerui.settings import Settings

COMMAND = shutil.which("readerui") or "readerui"
DEADLINE = 30.0
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ANALYSED_RE = re.compile(r"\d+% in [AB]")


def _median(times: list[float]) -> str:
    return (f"{statistics.median(times) * 1000:7.0f} ms  (min {min(times) * 1000:.0f}, "
            f"max {max(times) * 1000:.0f}, {len(times)} runs)")


def time_command(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of a command, per run (a warm-up run not counted).
    CPU time is the steadier figure on a busy machine."""
    walls, cpus = [], []
    for run in range(runs + 1):
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise SystemExit(f"{' '.join(args)} exited with {process.returncode}")
        if run:
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
    return walls, cpus


def _wall_cpu(args: list[str], runs: int) -> str:
    walls, cpus = time_command(args, runs)
    return f"{_median(walls)}; CPU {statistics.median(cpus) * 1000:.0f} ms"


def _markers(path: Path) -> str:
    """Words the reader shows near the top of a pane: the start of the second sentence."""
    document = load_document(path, Settings())
    sentences = [s.text for s in document.sentences]
    sentence = sentences[1] if len(sentences) > 1 else sentences[0]
    return " ".join(sentence.split()[:2])


def time_reader(path_a: Path, path_b: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from start to both texts shown, and to the analysis shown, per run."""
    wants = [_markers(path_a), _markers(path_b)]
    painted, analysed = [], []
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as home:
            env = {"HOME": home, "TERM": "xterm-256color",
                   **{f"READERUI_{k}_DIR": f"{home}/{k.lower()}"
                      for k in ("CONFIG", "DATA", "CACHE", "STATE")}}
            exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
            script = (f"env -u PYTHONDONTWRITEBYTECODE {exports} {shlex.quote(COMMAND)} "
                      f"{shlex.quote(str(path_a))} {shlex.quote(str(path_b))}; sleep 60")
            name = f"readerui-startup-{uuid.uuid4().hex[:8]}"
            start = time.perf_counter()
            subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                            script], check=True)
            try:
                seen_text = seen_analysis = None
                while seen_analysis is None:
                    now = time.perf_counter() - start
                    if now > DEADLINE:
                        raise SystemExit(f"the reader did not show both texts and the analysis "
                                         f"within {DEADLINE:.0f} s")
                    screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", name],
                                            capture_output=True, text=True).stdout
                    flat = " ".join(screen.split())
                    if seen_text is None and all(w in flat for w in wants):
                        seen_text = now
                    if seen_text is not None and ANALYSED_RE.search(screen):
                        seen_analysis = now
                    time.sleep(0.01)
            finally:
                subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
            if run:
                painted.append(seen_text)
                analysed.append(seen_analysis)
    return painted, analysed


def main() -> int:
    """Print the start-up figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("pair", nargs="*", type=Path, metavar="FILE")
    args = parser.parse_args()
    path_a, path_b = args.pair if len(args.pair) == 2 else sample_paths()
    print(f"load average {os.getloadavg()[0]:.1f}; {COMMAND}")
    print(f"readerui --version        {_wall_cpu([COMMAND, '--version'], args.runs)}")
    print(f"readerui align --help     {_wall_cpu([COMMAND, 'align', '--help'], args.runs)}")
    print(f"python -c pass (floor)    {_wall_cpu([sys.executable, '-c', 'pass'], 3)}")
    if shutil.which("tmux") is None:
        print("tmux is not installed: reader times skipped")
        return 0
    painted, analysed = time_reader(Path(path_a), Path(path_b), args.runs)
    print(f"reader: both texts shown  {_median(painted)}")
    print(f"reader: analysis shown    {_median(analysed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
