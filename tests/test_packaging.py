"""A plain (non-editable) install, run from another folder, still opens the sample pair."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_install_finds_the_sample_pair(tmp_path: Path) -> None:
    # Build from a copy so that nothing is written into the checkout.
    source = tmp_path / "src-copy"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", ".hypothesis"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("readerui-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # When the suite itself runs in a virtualenv, the dependencies live there, not in the base
    # interpreter that system_site_packages exposes: add its site-packages by a .pth line (after
    # the new environment's own, and without running its .pth files, so an editable install of
    # the checkout stays out of the way).
    outer = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    inner = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                            "'purelib'))"], capture_output=True, text=True, check=True)
    (Path(inner.stdout.strip()) / "outer-env.pth").write_text("\n".join(outer) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True, timeout=300)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import readerui; print(readerui.__file__)"],
                           cwd=elsewhere, capture_output=True, text=True, check=True, env=env)
    assert str(env_dir) in where.stdout, "the wheel, not the checkout, must be imported"
    result = subprocess.run([str(env_dir / "bin" / "readerui"), "align", "--json"], cwd=elsewhere,
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert str(env_dir) in obj["a"]["path"]
    assert len(obj["a"]["sentences"]) > 5 and len(obj["b"]["sentences"]) > 5
