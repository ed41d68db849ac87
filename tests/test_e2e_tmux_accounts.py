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


FERRY = tuple(str(MULTI / name) for name in ("ferry_council.txt", "ferry_herald.txt",
                                             "ferry_radio.txt"))


def _headers(screen: str) -> list[str]:
    """The account letters of the pane headers on screen (`` A  title …``), in order."""
    found = []
    for line in screen.splitlines():
        for cell in line.split("   "):
            words = cell.split()
            if len(words) > 1 and len(words[0]) == 1 and words[0] in "ABCDEFGH" \
                    and cell.startswith(f" {words[0]}  "):
                found.append(words[0])
    return found


def _reader_ready(screen: str) -> bool:
    """The collation is in: the cursor pane's header says which other accounts carry it."""
    return "also in:" in screen and "A 1/" in _status(screen)


def test_three_accounts_picker_and_claims_view_at_80x24(tmp_path: Path) -> None:
    terminal = _open(tmp_path, "--lines", *FERRY)
    try:
        shown = terminal.wait_for(_reader_ready, timeout=DEADLINE * 3)
        assert _headers(shown) == ["A", "B"]  # side by side or stacked (80x24), A first
        # the picker: every account with its sentence count; the third goes on the right
        terminal.keys("a")
        shown = terminal.wait_for(lambda s: "Accounts (" in s and " C " in s
                                  and "6 sentences" in s)
        assert "right ▸" in shown and "◂ left" in shown
        terminal.keys("Down")
        terminal.keys("Down")
        terminal.keys("Enter")
        shown = terminal.wait_for(lambda s: "Accounts (" not in s and _headers(s) == ["A", "C"]
                                  and "│ C " in _status(s))
        # the claims view: a column per account, the claims carried by fewest first
        terminal.keys("C")
        shown = terminal.wait_for(lambda s: "A B C  speaker" in s and " claims: " in s)
        rows = [line.strip("│ ") for line in shown.splitlines()
                if line.startswith("│ ") and line[2] in "┃╏·"]
        assert rows and all(len(row.split()[0]) == 1 for row in rows)
        marks = [row[:5] for row in rows]
        counts = [sum(mark != "·" for mark in row.split()) for row in marks]
        assert counts == sorted(counts)  # carried by fewest first
        terminal.keys("Enter")  # the first claim's sentences side by side, in the reader
        terminal.wait_for(lambda s: " claims: " not in s and "Left: " in s
                          and "sync" in _status(s))
        terminal.keys("C")
        terminal.wait_for(lambda s: "A B C  speaker" in s)
        terminal.keys("o")  # reading order: carried by all three first here (the headline)
        terminal.wait_for(lambda s: "reading order" in s)
        terminal.keys("Escape")
        terminal.wait_for(lambda s: " claims: " not in s and "sync" in _status(s))
        _quit(terminal)
    finally:
        terminal.close()
