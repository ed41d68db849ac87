"""Shared fixtures: every test runs with the store pointed at temporary folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "tests" / "data" / "gold" / "wang_lavrov.json"
SAMPLE_A = ROOT / "sample_texts" / "mfa_readout.txt"
SAMPLE_B = ROOT / "sample_texts" / "xinhua_report.txt"


@pytest.fixture(autouse=True)
def isolated_store(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point config, data, cache and state at a fresh temporary folder (never the real home)."""
    base = tmp_path_factory.mktemp("readerui-home")
    for kind in ("CONFIG", "DATA", "CACHE", "STATE"):
        folder = base / kind.lower()
        folder.mkdir()
        monkeypatch.setenv(f"READERUI_{kind}_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The built-in HTML extractor, even where readerui[web] is installed: tests of trafilatura
    # ask for it (tests/test_web.py).
    monkeypatch.setenv("READERUI_HTML_EXTRACTOR", "builtin")
    return base


@pytest.fixture(scope="session")
def gold() -> dict:
    """The hand-made gold standard of the sample pair."""
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))
