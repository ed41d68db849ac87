"""Install footprint: what a fresh ``pip install .`` adds to a bare virtualenv, per dependency.

    python benchmarks/footprint.py [--keep]

Creates a virtualenv in a temporary folder, measures it, installs this checkout into it (a
regular, non-editable install, as a user gets), and prints the megabytes added in total (target
<= 80 MB) and per installed distribution (the files its RECORD lists, byte caches included), and
each distribution's import time (``python -X importtime``, cumulative, best of 3 runs).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1e6
# Modules to time for readerui itself: the command line, the reader, the engine.
READERUI_MODULES = ("readerui.cli", "readerui.tui.app", "readerui.analysis",
                    "readerui.align.decide", "readerui.annotate")

_DISTRIBUTIONS = r"""
import json, os
from importlib import metadata
out = []
for dist in metadata.distributions():
    files = dist.files or []
    size = 0
    for f in files:
        path = dist.locate_file(f)
        try:
            size += os.path.getsize(path)
        except OSError:
            pass
    top = (dist.read_text("top_level.txt") or "").split()
    if not top:
        top = sorted({str(f).split("/")[0].removesuffix(".py") for f in files
                      if str(f).endswith(".py") and "/" in str(f) or str(f).endswith(".py")}
                     - {"__pycache__"})
        top = [t for t in top if not t.endswith((".dist-info", ".data"))]
    out.append({"name": dist.metadata["Name"], "version": dist.version, "bytes": size,
                "modules": top})
print(json.dumps(out))
"""


def tree_bytes(path: Path) -> int:
    """Bytes of every file under path."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total


def import_ms(python: Path, module: str) -> float | None:
    """Cumulative import time of a module in ms (best of 3), None if it does not import."""
    best = None
    for _ in range(3):
        done = subprocess.run([str(python), "-X", "importtime", "-c", f"import {module}"],
                              capture_output=True, text=True)
        if done.returncode:
            return None
        pattern = re.compile(rf"\|\s*(\d+) \|\s*{re.escape(module)}$")
        cumulative = max((int(m.group(1)) for line in done.stderr.splitlines()
                          if (m := pattern.search(line))), default=None)
        if cumulative is not None and (best is None or cumulative < best):
            best = cumulative
    return None if best is None else best / 1000


def main() -> int:
    """Install into a fresh virtualenv and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the virtualenv and print where")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="readerui-footprint-"))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    before = tree_bytes(venv)
    listing = json.loads(subprocess.run([str(python), "-c", _DISTRIBUTIONS], check=True,
                                        capture_output=True, text=True).stdout)
    present = {d["name"].lower() for d in listing}
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    # Byte-compile as a first run does (pip already compiles what it installs).
    subprocess.run([str(python), "-c", "import readerui.cli, readerui.analysis"], check=True)
    after = tree_bytes(venv)
    listing = json.loads(subprocess.run([str(python), "-c", _DISTRIBUTIONS], check=True,
                                        capture_output=True, text=True).stdout)
    added = sorted((d for d in listing if d["name"].lower() not in present),
                   key=lambda d: -d["bytes"])
    print(f"bare virtualenv (pip only): {before / MB:.1f} MB")
    print(f"added by pip install .:     {(after - before) / MB:.1f} MB  (target <= 80 MB)\n")
    print(f"{'distribution':<22} {'version':<12} {'MB':>6} {'share':>6}  import ms (module)")
    total = sum(d["bytes"] for d in added) or 1
    for dist in added:
        modules = READERUI_MODULES if dist["name"] == "readerui" else dist["modules"][:2]
        timings = []
        for module in modules:
            ms = import_ms(python, module)
            timings.append(f"{ms:.0f} ({module})" if ms is not None else f"- ({module})")
        print(f"{dist['name']:<22} {dist['version']:<12} {dist['bytes'] / MB:6.1f} "
              f"{dist['bytes'] / total:6.0%}  {', '.join(timings)}")
    print(f"{'all added':<22} {'':<12} {total / MB:6.1f}")
    if args.keep:
        print(f"\nvirtualenv kept in {venv}")
    else:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
