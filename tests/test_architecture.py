"""The core never imports the UI; the packaged sample pair is the repository's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TEXT_SUFFIXES = {".py", ".toml", ".tcss", ".txt", ".json"}
CORE_MODULES = (
    "readerui.model", "readerui.ingest", "readerui.tokens", "readerui.align",
    "readerui.annotate", "readerui.analysis", "readerui.exports", "readerui.settings",
    "readerui.summary", "readerui.cli", "readerui.store", "readerui.lifecycle",
)


def test_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"  # an import error fails the test (check=True)
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported textual: {out.stdout}"


def test_import_contracts_hold() -> None:
    """pyproject's [tool.importlinter] contracts: the core never imports the UI, the store never
    the engine, the model nothing of ours, no import circles."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-1000:]
    assert "BROKEN" not in out.stdout and "Contracts: 5 kept, 0 broken." in out.stdout


def test_packaged_samples_match_repository_copies() -> None:
    from readerui.samples import SAMPLE_NAMES, sample_paths

    for name, packaged in zip(SAMPLE_NAMES, sample_paths(), strict=True):
        repo_copy = ROOT / "sample_texts" / name
        assert packaged.read_bytes() == repo_copy.read_bytes()
        seed = ROOT.parent / "shared" / "seeds" / name
        if seed.exists():  # CI has ../shared beside the clone; users do not
            assert repo_copy.read_bytes() == seed.read_bytes()


def test_gold_copy_matches_shared() -> None:
    shared = ROOT.parent / "shared" / "gold" / "wang_lavrov.json"
    if shared.exists():
        assert (ROOT / "tests/data/gold/wang_lavrov.json").read_bytes() == shared.read_bytes()


def test_no_sample_names_in_engine_code() -> None:
    """The engine generalises: only the sample loader names the sample's people or outlets."""
    banned = ("wang yi", "lavrov", "xinhua", "hefei", "tunxi", "anhui")
    package = ROOT / "src" / "readerui"
    for path in package.rglob("*"):
        inside = path.relative_to(package).parts
        if path.is_dir() or "samples" in (path.stem, *inside) or path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace").casefold()
        for word in banned:
            assert word not in text, f"{path.relative_to(ROOT)} names {word!r}"


def test_python_m_readerui_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "readerui", "--version"], capture_output=True,
                         text=True, cwd=Path("/"))
    assert out.returncode == 0 and out.stdout.startswith("readerui ")


def test_no_private_textual_imports() -> None:
    """Textual's underscore modules change without notice between releases: the reader uses
    its public API only."""
    import re

    private = re.compile(r"^\s*(from|import)\s+textual(\.\w+)*\._\w+", re.MULTILINE)
    found = [str(path.relative_to(ROOT)) for folder in ("src", "tests")
             for path in (ROOT / folder).rglob("*.py") if private.search(path.read_text("utf-8"))]
    assert not found, f"private Textual imports in {found}"
