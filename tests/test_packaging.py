"""A plain (non-editable) install, run from another folder, still opens the sample pair; the
wheel carries the licence, the type marker, classifiers and the one version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest

import readerui

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the checkout (so nothing is written into it)."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "src-copy"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", ".hypothesis"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(source)], check=True, capture_output=True, timeout=300)
    (built,) = wheels.glob("readerui-*.whl")
    return built


def test_wheel_carries_licence_type_marker_and_one_version(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        licences = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert licences, names
        assert b"MIT License" in archive.read(licences[0])
    assert "readerui/py.typed" in names
    assert meta["Version"] == readerui.__version__
    # MIT code; the bundled word-frequency tables are CC BY-SA 4.0 data (from wordfreq), with
    # code that follows wordfreq's (Apache-2.0): their notices ship in the wheel.
    assert meta["License-Expression"] == "MIT AND CC-BY-SA-4.0 AND Apache-2.0"
    assert "readerui/annotate/words/freq/ATTRIBUTION.md" in names
    assert "readerui/annotate/words/freq/en.txt.gz" in names
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert not any("License ::" in c for c in classifiers), "the licence is an SPDX expression"
    for url in meta.get_all("Project-URL") or []:
        assert "example" not in url and "TODO" not in url, url
    extras = set(meta.get_all("Provides-Extra") or [])
    assert {"web", "dask"} <= extras
    requires = meta.get_all("Requires-Dist") or []
    default = [r for r in requires if "extra ==" not in r]
    assert not any(r.startswith(("trafilatura", "dask", "distributed")) for r in default), \
        "web and dask dependencies stay out of the default install"


def test_version_has_one_source() -> None:
    assert metadata.version("readerui") == readerui.__version__
    out = subprocess.run([sys.executable, "-m", "readerui", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == f"readerui {readerui.__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nversion = "' not in pyproject, "the version is read from readerui/__init__.py"


def test_wheel_install_finds_the_sample_pair(wheel: Path, tmp_path: Path) -> None:
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
