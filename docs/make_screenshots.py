"""Regenerate the screenshots in docs/: the installed ``readerui`` on the bundled sample pair in a
real terminal (tmux) at 80x24 and 160x45, in true colour and in 256 colours, as SVG and PNG.

The screen is captured with its escape sequences (``tmux capture-pane -e``) and drawn by Rich,
so the 256-colour pictures show the colours a 256-colour terminal really gets. PNGs are drawn
by headless Chromium (``chromium``), else ``rsvg-convert`` (which misplaces the spaces around
bold words: Rich's SVG sets ``textLength`` on runs that start with a no-break space).
Usage: python docs/make_screenshots.py   (from the repository root)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from rich.console import Console
from rich.text import Text

DOCS = Path(__file__).parent
KEYS = ["j", "j", "j", "d"]  # a few sentences in, then to the next difference


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait(name: str, test: str, timeout: float = 120.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        shown = _tmux("capture-pane", "-p", "-t", name)
        if test in shown:
            return shown
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {test!r}:\n{shown}")
        time.sleep(0.1)


def capture(width: int, height: int, truecolor: bool) -> str:
    """The screen with escapes after the sample pair is aligned and KEYS are pressed."""
    name = f"readerui-shot-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as home:
        env = {"HOME": home, "TERM": "xterm-256color",
               **{f"READERUI_{k}_DIR": f"{home}/{k.lower()}" for k in
                  ("CONFIG", "DATA", "CACHE", "STATE")}}
        if truecolor:
            env["COLORTERM"] = "truecolor"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        unset = "" if truecolor else "-u COLORTERM "
        _tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
              f"env -u NO_COLOR {unset}{exports} {shutil.which('readerui')}; sleep 60")
        try:
            _wait(name, "diff ")
            for key in KEYS:
                _tmux("send-keys", "-t", name, key)
                time.sleep(0.3)
            _wait(name, "diff ")
            time.sleep(0.5)
            return _tmux("capture-pane", "-p", "-e", "-t", name)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def save(ansi: str, width: int, stem: str, title: str) -> None:
    """``stem``.svg (and .png) drawn from the captured screen."""
    console = Console(record=True, width=width, file=open(os.devnull, "w"),  # noqa: SIM115
                      color_system="truecolor", force_terminal=True)
    for line in ansi.rstrip("\n").split("\n"):
        console.print(Text.from_ansi(line), no_wrap=True, overflow="crop", end="\n")
    svg = DOCS / f"{stem}.svg"
    console.save_svg(str(svg), title=title)
    png = svg.with_suffix(".png")
    pixels = width * 14
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") \
        or shutil.which("google-chrome")
    if chromium:
        box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg.read_text(encoding="utf-8"))
        assert box is not None, "Rich's SVG has a viewBox"
        height = round(pixels * float(box.group(2)) / float(box.group(1)))
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--screenshot={png}",
                        f"--window-size={pixels},{height}", svg.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    elif shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-w", str(pixels), str(svg), "-o", str(png)],
                       check=True)


def main() -> None:
    """All four sizes and colour modes, then the README's picture (160x45, true colour)."""
    for width, height in ((80, 24), (160, 45)):
        for truecolor in (True, False):
            mode = "truecolor" if truecolor else "256"
            ansi = capture(width, height, truecolor)
            colours = "true colour" if truecolor else "256 colours"
            save(ansi, width, f"screen-{width}x{height}-{mode}",
                 f"readerui {width}x{height}, {colours} (tmux)")
            if width == 160 and truecolor:
                save(ansi, width, "screenshot", "readerui")
                (DOCS / "screenshot.png").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
