"""End to end: the installed ``readerui`` in a real terminal (tmux, 80x24) on the sample pair."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readerui.analysis import analyse, load_document
from readerui.model import Analysis
from readerui.samples import sample_paths
from readerui.settings import Settings

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

COMMAND = shutil.which("readerui")
GREYS = {0, 7, 8, 15, 16, 59, 102, 145, 188, 231, *range(232, 256)}  # xterm-256 grey entries

DEADLINE = 30.0  # seconds for the screen to show what a step expects


def _tmux(server: str, *args: str) -> str:
    """A tmux command on ``server``: every terminal has a server of its own (``-L``), so one
    test ending its server can never race another test starting a session on a shared one."""
    return subprocess.run(["tmux", "-L", server, *args], check=True, capture_output=True,
                          text=True).stdout


class Terminal:
    """One detached tmux session running ``readerui`` at 80x24."""

    def __init__(self, home: Path, no_color: bool, args: tuple[str, ...] = (),
                 feed: Path | None = None) -> None:
        """``feed``: a file piped to readerui's standard input (for ``-`` as an account)."""
        self.name = f"readerui-e2e-{uuid.uuid4().hex[:8]}"
        self.exit_file = home / "exit-status"
        env = {"HOME": str(home), "TERM": "xterm-256color",
               **{f"READERUI_{kind}_DIR": str(home / kind.lower())
                  for kind in ("CONFIG", "DATA", "CACHE", "STATE")}}
        if no_color:
            env["NO_COLOR"] = "1"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        command = " ".join(shlex.quote(part) for part in (str(COMMAND), *args))
        if feed is not None:
            command = f"cat {shlex.quote(str(feed))} | {command}"
        script = (f"env -u NO_COLOR {exports} {command}; "
                  f"echo EXIT=$? > {shlex.quote(str(self.exit_file))}; sleep 60")
        _tmux(self.name, "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", script)

    def screen(self) -> str:
        return _tmux(self.name, "capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        for key in keys:
            _tmux(self.name, "send-keys", "-t", self.name, key)
            time.sleep(0.15)

    def wait_for(self, test: Callable[[str], bool], timeout: float = DEADLINE) -> str:
        """The screen as soon as ``test`` accepts it (polled); fails after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        shown = self.screen()
        while not test(shown):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; the screen shows:\n{shown}")
            time.sleep(0.05)
            shown = self.screen()
        return shown

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


@pytest.fixture(params=[False, True], ids=["256-colours", "NO_COLOR"])
def terminal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Terminal]:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    term = Terminal(tmp_path, no_color=request.param)
    try:
        yield term
    finally:
        term.close()


def _status(screen: str) -> str:
    """The status bar line (position of each pane, sync, filter)."""
    return next((line for line in screen.splitlines() if "sync" in line and "filter" in line),
                "")


def _sample_analysis() -> Analysis:
    """The bundled sample pair analysed as ``readerui`` alone opens it (the same engine)."""
    settings = Settings()
    first, second = sample_paths()
    return analyse(load_document(first, settings), load_document(second, settings), settings,
                   parallel=False)


def test_reader_in_tmux(terminal: Terminal) -> None:
    # generous deadlines, returning as soon as the screen shows the text: a loaded machine may
    # take long to start the reader (its speed is measured in benchmarks/tui_latency.py)
    shown = terminal.wait_for(lambda s: " A " in s and " B " in s and "A 1/" in s)
    lines = shown.splitlines()
    # 80 columns: the accounts stack, each header one line above its pane
    assert lines[0].lstrip().startswith("A ")
    header_b = next(i for i, line in enumerate(lines) if line.lstrip().startswith("B "))
    assert 8 <= header_b <= 14
    assert sum(1 for line in lines[1:header_b] if line.strip()) > 5  # both panes show text
    assert sum(1 for line in lines[header_b + 1:21] if line.strip()) > 5
    assert _status(shown).lstrip().startswith("A 1/")
    # the keys below follow alignment (sync, partners): press them once the analysis is in,
    # not while it may still land between two of them
    terminal.wait_for(lambda s: "shared: A" in s)

    terminal.keys("Down")
    terminal.wait_for(lambda s: "A 2/" in _status(s))

    # Tab: B takes the focus and its cursor goes to A 2's best partner; Down moves it on. The
    # partner comes from the same analysis in this process (reading the status between the two
    # keys raced with the sync of B on a loaded machine)
    partner = _sample_analysis().alignment.partners("a", 1)[0]
    terminal.keys("Tab", "Down")
    terminal.wait_for(lambda s: f"B {partner + 2}/" in _status(s))

    terminal.keys("?")
    terminal.wait_for(lambda s: "Keys" in s and "Next sentence" in s)
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Next sentence" not in s)

    terminal.keys("q")
    deadline = time.monotonic() + DEADLINE
    while not terminal.exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert terminal.exit_file.read_text().strip() == "EXIT=0"


def test_no_color_output_has_no_colours(tmp_path: Path) -> None:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    term = Terminal(tmp_path, no_color=True)
    try:
        term.wait_for(lambda s: "A 1/" in s)
        term.keys("Down")
        term.wait_for(lambda s: "A 2/" in s)
        # Textual turns every colour into a grey under NO_COLOR; the cursor must then be marked
        # by reverse video (not by a hue). The status bar may be painted a frame before the
        # cursor's rows on a loaded machine: poll the screen with a deadline.
        reversed_text = re.compile(r"\x1b\[[0-9;]*\b7m(?:\x1b\[[0-9;]*m)*\s?[A-Za-z]{3,}")
        deadline = time.monotonic() + DEADLINE
        while True:
            escapes = _tmux(term.name, "capture-pane", "-p", "-e", "-t", term.name)
            body = "\n".join(escapes.splitlines()[1:])  # below the first header line
            if reversed_text.search(body) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        colours = {int(n) for n in re.findall(r"[34]8;5;(\d+)", escapes)}
        assert colours <= GREYS, sorted(colours - GREYS)
        assert reversed_text.search(body)
    finally:
        term.close()
    assert os.environ.get("NO_COLOR") is None  # the test never leaks NO_COLOR


ACCOUNT_A = """Mayor vetoes bridge tolls

Mayor Daniel Lopez vetoed the harbour bridge tolls on Friday, saying commuters could not afford \
them, and promised free buses for the winter.

Snow is forecast for the weekend.
"""
ACCOUNT_B = """Lopez blocks tolls

The zoo opened a new penguin enclosure.

The mayor vetoed the harbour bridge tolls on Friday.
"Commuters cannot afford these tolls," Lopez said.
Lopez also promised free buses for commuters this winter.
"""


def test_the_cursor_highlights_every_partner(tmp_path: Path) -> None:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    from readerui.analysis import analyse_paths

    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text(ACCOUNT_A)
    path_b.write_text(ACCOUNT_B)
    analysis = analyse_paths(path_a, path_b, lines=True)
    partners = analysis.alignment.partner_kinds("a", 1)  # the lead of A
    assert len(partners) >= 3
    term = Terminal(tmp_path, no_color=True, args=("--lines", str(path_a), str(path_b)))
    try:
        term.wait_for(lambda s: "A 1/" in s)
        term.keys("Down")  # onto the lead

        def marked(screen: str) -> bool:
            # each partner's first row starts with its kind's mark (» strong, › partial)
            for sid, kind in partners.items():
                start = analysis.b.sentences[sid].text[:12]
                mark = "»" if kind == "strong" else "›"
                if not any(f"{mark}{start}" in line for line in screen.splitlines()):
                    return False
            return True

        shown = term.wait_for(marked)
        assert "A 2/" in _status(shown)
        others = [s.text[:12] for s in analysis.b.sentences if s.id not in partners]
        for start in others:  # sentences that are not partners carry no mark
            assert not any(f"»{start}" in line or f"›{start}" in line
                           for line in shown.splitlines())
    finally:
        term.close()


def _quit(terminal: Terminal) -> None:
    terminal.keys("q")
    deadline = time.monotonic() + 5
    while not terminal.exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert terminal.exit_file.read_text().strip() == "EXIT=0"


def test_sidebar_down_reaches_topics_and_the_filter_is_kept_and_shown(
        terminal: Terminal, tmp_path: Path) -> None:
    shown = terminal.wait_for(lambda s: "shared: A" in s, timeout=20.0)  # analysed
    terminal.keys("f")
    shown = terminal.wait_for(lambda s: "Topics" in s and "☐" in s)
    lines = shown.splitlines()
    top = next(i for i, line in enumerate(lines) if line.strip().startswith("Speakers"))
    topics = next(i for i, line in enumerate(lines) if line.strip().startswith("Topics"))
    speakers = sum(1 for line in lines[top + 1:topics] if "☐" in line)
    assert speakers >= 1
    terminal.keys(*["Down"] * speakers, "Space")  # past the last speaker: the first topic
    shown = terminal.wait_for(lambda s: "filter: topic " in _status(s) or "☑" in s)
    shown = terminal.wait_for(lambda s: "filter: topic " in _status(s))
    ticked = [line for line in shown.splitlines() if "☑" in line]
    assert len(ticked) == 1  # exactly one row looks chosen
    assert "tab other list" in shown
    terminal.keys("Escape")
    _quit(terminal)

    # --no-cache: the state is found on a fresh analysis too (test_a_note_and_the_cursor_...
    # covers the cache hit); this test is about the reader showing a restored filter
    again = Terminal(tmp_path, no_color=False, args=("--no-cache",))
    try:
        again.wait_for(lambda s: "filter (restored): topic " in s, timeout=20.0)
        again.wait_for(lambda s: "last session" in s)  # announced, not only dimmed
        again.keys("c")
        again.wait_for(lambda s: "filter: no" in _status(s))  # the toast may cover the rest
        again.keys("l")
        again.wait_for(lambda s: "Legend" in s and "partner" in s)
        again.keys("Escape")
        again.wait_for(lambda s: "Legend" not in s)
    finally:
        again.close()


def test_the_other_panes_counter_follows_its_lit_partner(terminal: Terminal) -> None:
    terminal.wait_for(lambda s: "shared: A" in s or "filter: none" in s, timeout=20.0)
    terminal.wait_for(lambda s: "shared: A" in s, timeout=20.0)
    for _ in range(6):
        terminal.keys("Down")
    shown = terminal.wait_for(lambda s: "A 7/" in _status(s))
    b_place = int(_status(shown).split("B ")[1].split("/")[0])
    assert b_place > 1  # B's counter moved with sync, not stuck at its own cursor


def test_no_color_one_sided_text_is_italic(tmp_path: Path) -> None:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    term = Terminal(tmp_path, no_color=True)
    try:
        term.wait_for(lambda s: "A 1/" in s and "diff" in _status(s))
        term.keys("n")  # to a sentence only A has, then off it: its own style shows
        term.wait_for(lambda s: "A 1/" not in _status(s))
        term.keys("j")
        # one-sided for sure (▪) or maybe (▫: a weak match in B): both are tinted, italic here
        term.wait_for(lambda s: "▪" in s or "▫" in s)
        escapes = _tmux(term.name, "capture-pane", "-p", "-e", "-t", term.name)
        italic = re.compile(r"\x1b\[(?:\d+;)*3(?:;\d+)*m")
        one_sided = [re.split("[▪▫]", line, maxsplit=1)[1]
                     for line in escapes.splitlines()[2:] if "▪" in line or "▫" in line]
        assert one_sided and any(italic.search(rest) for rest in one_sided)
    finally:
        term.close()


def test_d_steps_to_differences_and_z_folds_alike_text_at_80x24(tmp_path: Path) -> None:
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    same = "The council met on Monday to discuss the tram and the harbour."
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("\n".join([same.replace("Monday", f"day {i}") for i in range(8)]
                           + ["Only one account says the weather was cold."]) + "\n")
    b.write_text("\n".join([same.replace("Monday", f"day {i}") for i in range(8)]) + "\n")
    term = Terminal(tmp_path, no_color=False, args=("--lines", str(a), str(b)))
    try:
        term.wait_for(lambda s: "A 1/" in _status(s) and "diff –/1" in s)
        term.keys("d")
        term.wait_for(lambda s: "A 9/" in _status(s) and "diff 1/1" in s)
        term.keys("z")
        shown = term.wait_for(lambda s: "8 sentences alike" in s)
        assert "Only one account says" in shown
        assert shown.count("─") <= 4  # one connector (the two folds), none left from before
    finally:
        term.close()


def test_a_note_and_the_cursor_survive_reopening_and_reach_the_export(tmp_path: Path) -> None:
    """The sample pair (whose analysis fills in a missing year): a note and the cursor come back
    on a cache miss, on a cache hit and with --no-cache, and `readerui export` prints the note."""
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    first = Terminal(tmp_path, no_color=False)
    try:
        first.wait_for(lambda s: "shared: A" in s, timeout=DEADLINE)  # analysed (cache miss)
        first.keys("Down", "Down", "Down")
        first.wait_for(lambda s: "A 4/" in _status(s))
        first.keys("m")
        first.wait_for(lambda s: "Note" in s)
        first.keys("kept across runs", "Enter")
        first.wait_for(lambda s: "kept across runs" not in s or "Note" not in s)
        first.keys("M")
        first.wait_for(lambda s: "kept across runs" in s)
        first.keys("Escape")
        _quit(first)
    finally:
        first.close()
    entries = list((tmp_path / "cache" / "analyses").glob("*"))
    assert entries, "the first run cached its analysis"
    for args in ((), ("--no-cache",)):  # a cache hit, then a fresh analysis
        (tmp_path / "exit-status").unlink()
        again = Terminal(tmp_path, no_color=False, args=args)
        try:
            again.wait_for(lambda s: "A 4/" in _status(s), timeout=DEADLINE)
            again.keys("M")
            again.wait_for(lambda s: "kept across runs" in s)
            again.keys("Escape")
            _quit(again)
        finally:
            again.close()
    env = {**os.environ, **{f"READERUI_{kind}_DIR": str(tmp_path / kind.lower())
                            for kind in ("CONFIG", "DATA", "CACHE", "STATE")}}
    exported = subprocess.run([str(COMMAND), "export"], capture_output=True, text=True, env=env,
                              timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert "kept across runs" in exported.stdout


def _header_rows(screen: str) -> dict[str, int]:
    """Screen row of each account's header (``A  title …`` / ``B  title …``), wherever it
    starts (a sidebar may sit left of it)."""
    found: dict[str, int] = {}
    for row, line in enumerate(screen.splitlines()):
        for side in ("A", "B"):
            if side not in found and re.search(rf"(^|▕|\s)\s?{side}  \S", line):
                found[side] = row
    return found


def test_80x24_stacks_the_accounts_l_flips_and_the_sidebar_pushes_the_text(
        terminal: Terminal) -> None:
    shown = terminal.wait_for(lambda s: "shared: A" in s, timeout=DEADLINE)
    rows = _header_rows(shown)
    assert rows.get("A") == 0 and rows.get("B", 0) > 5, shown  # A above B
    # the cursor's partner is lit in the pane below, level with the cursor
    terminal.keys("Down", "Down")

    def lit_below(screen: str) -> bool:
        below = screen.splitlines()[_header_rows(screen).get("B", 99) + 1:-2]
        return "A 3/" in _status(screen) and any("»" in line for line in below)

    terminal.wait_for(lit_below)
    terminal.keys("L")  # side by side: both headers on the first line
    shown = terminal.wait_for(lambda s: _header_rows(s).get("B") == 0)
    assert _header_rows(shown).get("A") == 0
    terminal.keys("L")  # and back
    terminal.wait_for(lambda s: _header_rows(s).get("B", 0) > 5)
    terminal.keys("f")  # the sidebar takes its columns; both headers stay in view beside it
    shown = terminal.wait_for(lambda s: "Speakers" in s and "Topics" in s)
    shown = terminal.wait_for(lambda s: {"A", "B"} <= set(_header_rows(s)))
    lines = shown.splitlines()
    speakers = next(line for line in lines if "Speakers" in line)
    assert speakers.index("Speakers") < speakers.index("A  ")  # text to the sidebar's right
    # 256 colours: the sidebar, status bar and footer are greys, not the navy a plain downgrade
    # of the theme's slate panel gives (that navy was also the partner highlight's)
    escapes = _tmux(terminal.name, "capture-pane", "-p", "-e", "-t", terminal.name).splitlines()
    chrome = [line.split("▕")[0] for line in escapes[3:-3] if "▕" in line] + escapes[-2:-1]
    backgrounds = {int(n) for line in chrome for n in re.findall(r"48;5;(\d+)", line)}
    assert backgrounds and backgrounds <= GREYS, sorted(backgrounds)
    terminal.keys("Escape")  # the sidebar closes: the text gets its columns back
    terminal.wait_for(lambda s: "Speakers" not in s and _header_rows(s).get("A") == 0
                      and s.splitlines()[0].lstrip().startswith("A "))
    _quit(terminal)


def test_an_account_piped_to_standard_input_then_the_keys_reach_the_reader(
        tmp_path: Path) -> None:
    """`cat A | readerui - B`: the account comes from the pipe, then the reader takes its keys
    from the terminal."""
    if COMMAND is None:
        pytest.skip("the readerui command is not installed")
    path_a = tmp_path / "piped.txt"
    path_a.write_text("The council approved the budget on Monday.\n\nProtesters gathered "
                      "outside the hall.\n")
    path_b = tmp_path / "b.txt"
    path_b.write_text("On Monday the budget was approved by the council.\n")
    term = Terminal(tmp_path, no_color=True, args=("-", str(path_b)), feed=path_a)
    try:
        term.wait_for(lambda s: "A 1/" in s and "Protesters" in s)
        term.keys("Down")
        term.wait_for(lambda s: "A 2/" in _status(s))
        term.keys("q")
        deadline = time.monotonic() + DEADLINE
        while not term.exit_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert term.exit_file.read_text().strip() == "EXIT=0"
    finally:
        term.close()
