"""End to end in tmux at 80x24: swap sides, and a reading of three accounts (picker, claims)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from test_e2e_tmux import COMMAND, DEADLINE, Terminal, _status

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

MULTI = Path(__file__).resolve().parent / "data" / "multi"


def _open(tmp_path: Path, *args: str) -> Terminal:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    return Terminal(tmp_path, no_color=False, args=args)


def _quit(terminal: Terminal) -> None:
    terminal.keys("q")
    deadline = time.monotonic() + DEADLINE
    while not terminal.exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert terminal.exit_file.read_text().strip() == "EXIT=0"


def test_w_swaps_the_sides_at_80x24(tmp_path: Path) -> None:
    terminal = _open(tmp_path)
    try:
        terminal.wait_for(lambda s: "shared: A" in s)
        terminal.keys("Down")
        terminal.wait_for(lambda s: _status(s).lstrip().startswith("A 2/"))
        terminal.keys("w")
        # B's header is on the left now; the cursor stayed on A 2, in the right-hand pane
        shown = terminal.wait_for(lambda s: s.splitlines()[0].lstrip().startswith("B ")
                                  and _status(s).lstrip().startswith("B ")
                                  and "│ A 2/" in _status(s))
        assert " A " in shown.splitlines()[0]
        terminal.keys("w")
        terminal.wait_for(lambda s: s.splitlines()[0].lstrip().startswith("A ")
                          and _status(s).lstrip().startswith("A 2/"))
        _quit(terminal)
    finally:
        terminal.close()
