"""The BASIL scorer's name matching (benchmarks/basil_eval.py): gold and engine may spell one
name with straight or curly apostrophes."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from basil_eval import _form  # noqa: E402  (benchmarks/basil_eval.py)


def test_curly_and_straight_apostrophes_match() -> None:
    assert _form("Dan O’Rourke") == _form("Dan O'Rourke")
    assert _form("the Harbor’s Lantern") == _form("Harbor's Lantern")


def test_different_names_still_differ() -> None:
    assert _form("Dan O’Rourke") != _form("Dan O'Brien")
    assert _form("The Harbor Times") == _form("harbor times")
