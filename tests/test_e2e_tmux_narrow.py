"""End to end in tmux at 80x24: what the narrow screen must still say (the header's "also in",
the footer's keys, the claims view's column heads) and show (a partner whole in stacked panes).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from test_e2e_tmux import COMMAND, DEADLINE, Terminal, _status
from test_e2e_tmux_accounts import FERRY, _quit, _reader_ready

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

LONG_HEADLINE = ("Ferry service to Gull Island resumes on Monday after six weeks of repairs to "
                 "the landing stage damaged in the February storm")


def _open(tmp_path: Path, *args: str) -> Terminal:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    return Terminal(tmp_path, no_color=False, args=args)


def _footer(screen: str) -> str:
    return screen.splitlines()[-1]


def test_three_accounts_at_80_columns_keep_also_in_the_account_keys_and_claim_heads(
        tmp_path: Path) -> None:
    first = Path(FERRY[0]).read_text(encoding="utf-8").splitlines()
    council = tmp_path / "council.txt"  # the council's account under a long headline
    council.write_text("\n".join([LONG_HEADLINE, *first[1:]]) + "\n", encoding="utf-8")
    terminal = _open(tmp_path, "--lines", str(council), *FERRY[1:])
    try:
        terminal.wait_for(_reader_ready, timeout=DEADLINE * 3)
        terminal.keys("Down")  # A 2: the lead, carried by C too
        shown = terminal.wait_for(lambda s: "A 2/" in _status(s) and "also in: C" in s)
        header = shown.splitlines()[0]
        assert header.lstrip().startswith("A  Ferry service") and "…" in header
        assert re.search(r"also in: C ┃ · \d+% in B · 7 sentences", header), header
        footer = _footer(shown)
        for key in ("a Accounts", "C Claims", "d Diff", "/ Search", "? Help"):
            assert key in footer, footer
        terminal.keys("C")
        shown = terminal.wait_for(lambda s: "A B C  speaker" in s and " claims: " in s)
        lines = shown.splitlines()
        head = next(i for i, line in enumerate(lines) if "A B C  speaker" in line)
        assert lines[head - 1].startswith("╭─ Claims")  # the heads inside the box
        assert lines[head].startswith("│ A B C")
        assert lines[head + 1].startswith("│ ") and lines[head + 1][2] in "┃╏·"
        terminal.keys("Escape")
        terminal.wait_for(lambda s: " claims: " not in s and "sync" in _status(s))
        _quit(terminal)
    finally:
        terminal.close()


def _long_pair(folder: Path, n: int = 12) -> tuple[Path, Path]:
    """Two accounts of long sentences (3–6 rows at 80 columns), each B sentence the A sentence
    of the same number and more, so the engine links them one to one."""
    words = ["harbour", "council", "ferry", "island", "storm", "landing", "repairs",
             "inspection", "crossing", "tickets", "timetable", "mainland", "doctor", "shops"]
    a_lines, b_lines = [], []
    for i in range(n):
        body = " ".join(words[(i * 5 + k * 3) % len(words)] + str(i)
                        for k in range(24 + 6 * (i % 3)))
        a_lines.append(f"Alpha{i} said the {body} end{i}A.")
        b_lines.append(f"Beta{i} said the {body} and the mayor agreed again end{i}B.")
    path_a, path_b = folder / "alpha.txt", folder / "beta.txt"
    path_a.write_text("\n".join(a_lines) + "\n", encoding="utf-8")
    path_b.write_text("\n".join(b_lines) + "\n", encoding="utf-8")
    return path_a, path_b


def test_stacked_panes_show_the_partner_whole_at_80x24(tmp_path: Path) -> None:
    path_a, path_b = _long_pair(tmp_path)
    terminal = _open(tmp_path, "--lines", str(path_a), str(path_b))
    try:
        terminal.wait_for(lambda s: "shared: A" in s, timeout=DEADLINE * 2)
        for step in range(2, 10):
            terminal.keys("Down")
            shown = terminal.wait_for(lambda s, k=step: f"A {k}/" in _status(s))
            lines = shown.splitlines()
            header_b = next(i for i, line in enumerate(lines) if line.lstrip().startswith("B "))
            pane_b = "\n".join(lines[header_b + 1:-2])
            sid = step - 1
            # the partner's first and last words are both in B's pane
            assert f"Beta{sid} said" in pane_b and f"end{sid}B." in pane_b, shown
        _quit(terminal)
    finally:
        terminal.close()


GREYS = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}  # xterm-256 grey entries


def test_the_sidebar_lists_scroll_bar_is_grey_not_the_cursor_colour(tmp_path: Path) -> None:
    """256 colours: the sidebar's scroll bar took the cursor's teal, a highlighted column."""
    terminal = _open(tmp_path)
    try:
        terminal.wait_for(lambda s: "shared: A" in s)
        terminal.keys("f")
        terminal.wait_for(lambda s: "Topics" in s and "▕" in s)
        deadline = time.monotonic() + DEADLINE
        while True:  # until the scroll bar is painted: a ground other than the list's own
            rows, grounds = _right_of_counts(_tmux_escapes(terminal))
            if len(grounds) > 1 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert rows > 10
        colours = grounds
        assert colours and colours <= GREYS, sorted(colours - GREYS)
        _quit(terminal)
    finally:
        terminal.close()


def _right_of_counts(escapes: str) -> tuple[int, set[int]]:
    """The sidebar's list rows (not the highlighted one, which has its own colour) and the
    grounds of their cells right of the counts ("A5  B2"): padding and the scroll bar."""
    grounds: set[int] = set()
    rows = 0
    for line in escapes.splitlines()[1:-3]:
        cells = _cells(line)
        text = "".join(char for char, _ in cells)
        counts = re.search(r"A\d+\s+B\d+", text)
        if "▕" not in text or counts is None or cells[2][1] not in GREYS:
            continue
        rows += 1
        grounds |= {ground for _, ground in cells[counts.end():text.index("▕")]
                    if ground is not None}
    return rows, grounds


def _tmux_escapes(terminal: Terminal) -> str:
    from test_e2e_tmux import _tmux

    return _tmux(terminal.name, "capture-pane", "-p", "-e", "-t", terminal.name)


def _cells(line: str) -> list[tuple[str, int | None]]:
    """Each character of a captured line with the 256-colour number that paints its ground:
    its background, or its foreground in reverse video (None: the default)."""
    fg: int | None = None
    bg: int | None = None
    reverse = False
    cells: list[tuple[str, int | None]] = []
    for match in re.finditer(r"\x1b\[([0-9;]*)m|(.)", line):
        if match.group(2) is not None:
            cells.append((match.group(2), fg if reverse else bg))
            continue
        codes = [int(c) for c in match.group(1).split(";") if c] or [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                fg = bg = None
                reverse = False
            elif code == 7:
                reverse = True
            elif code == 27:
                reverse = False
            elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                if code == 38:
                    fg = codes[i + 2]
                else:
                    bg = codes[i + 2]
                i += 2
            elif code == 39:
                fg = None
            elif code == 49:
                bg = None
            i += 1
    return cells


def test_search_steps_across_both_panes_in_reading_order_at_80x24(tmp_path: Path) -> None:
    terminal = _open(tmp_path)
    try:
        shown = terminal.wait_for(lambda s: "shared: A" in s and re.search(r"diff \d+/", s))
        # "diff i/n" counts the focused pane's differences: A's n tells which pane has focus
        a_total = re.search(r"diff \d+/(\d+)", _status(shown)).group(1)
        terminal.keys("/")
        terminal.wait_for(lambda s: "Search both accounts" in s)
        for char in "Ukraine":
            terminal.keys(char)
        terminal.keys("Enter")
        shown = terminal.wait_for(lambda s: re.search(r"“Ukraine” \d+/\d+", _status(s)))
        found = re.search(r"“Ukraine” (\d+)/(\d+)", _status(shown))
        index, total = int(found.group(1)), int(found.group(2))
        assert total > 3
        for _ in range(index - 1):  # back to the first hit
            terminal.keys("[")
        terminal.wait_for(lambda s: f"“Ukraine” 1/{total}" in _status(s))
        sides = []
        for step in range(1, total + 1):
            if step > 1:
                terminal.keys("]")
            shown = terminal.wait_for(lambda s, i=step: f"“Ukraine” {i}/{total}" in _status(s)
                                      and re.search(r"diff \d+/", _status(s)))
            focused = re.search(r"diff \d+/(\d+)", _status(shown)).group(1)
            sides.append("a" if focused == a_total else "b")
        assert "a" in sides and "b" in sides
        assert sides != sorted(sides), sides  # interleaved, not all of A then all of B
        _quit(terminal)
    finally:
        terminal.close()


def test_export_offers_a_short_name_shown_whole_at_80x24(tmp_path: Path) -> None:
    terminal = _open(tmp_path)
    try:
        terminal.wait_for(lambda s: "shared: A" in s)
        terminal.keys("E")
        shown = terminal.wait_for(lambda s: "Export (Enter saves" in s and ".md" in s)
        line = next(line for line in shown.splitlines() if ".md" in line)
        name = re.search(r"([a-z0-9-]+-vs-[a-z0-9-]+\.md)", line)
        assert name and name.group(1).startswith("wang-yi-"), line  # whole: its start shows
        assert "/" not in line  # a bare name however deep the folder: the folder is said above
        # the box's text as one line (the insides of its borders: the panes show on both
        # sides of it), however the folder's length made it wrap
        inside = " ".join(line[line.index("│") + 1:line.rindex("│")]
                          for line in shown.splitlines() if line.count("│") >= 2)
        assert "HTML report goes beside it" in " ".join(inside.split())
        terminal.keys("Escape")
        terminal.wait_for(lambda s: "Export (Enter saves" not in s)
        _quit(terminal)
    finally:
        terminal.close()
