"""The reader on a reading of three accounts of N sentences each (default 10,000): how long
switching accounts and opening the claims view take.

The accounts and their pairwise links are generated (no engine: this times the reader only);
the claims are joined by the core's ``join_claims``. Prints key-to-screen times (headless,
160x45, from the key press to the last frame written for it) for swap sides (``w``), the next
account on the right (``.``), a cursor move with the "also in" header (``j``/``k``), and opening
the claims view (``C``) and closing it.

Usage: python benchmarks/tui_accounts.py [N]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from readerui.claims import join_claims
from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Annotations, Collation, Document, Link
from readerui.tui.app import ReaderApp
from readerui.tui.screens.claims import ClaimsScreen

WORDS = ["council", "budget", "tram", "harbour", "vote", "mayor", "union", "ridership",
         "tender", "fund", "suburb", "district", "review", "forecast", "spring", "contract"]


def account(n: int, seed: int) -> Document:
    """``n`` varied sentences in paragraphs of five."""
    lines = []
    for i in range(n):
        if i and i % 5 == 0:
            lines.append("")
        picked = [WORDS[(i * 7 + k * (seed + 3)) % len(WORDS)] for k in range(6 + i % 9)]
        lines.append(f"Item {i} of {seed}: the " + " ".join(picked) + f" report {i}.")
    return from_lines("\n".join(lines) + "\n", f"account{seed}.txt")


def collation(n: int) -> Collation:
    """Three accounts; pair (i, j) links sentence s to s unless s % (3 + i + j) == 0."""
    documents = tuple(account(n, seed) for seed in range(3))
    pairs = {}
    for i, j in ((0, 1), (0, 2), (1, 2)):
        step = 3 + i + j
        links = tuple(Link((s,), (s,), 0.8, "strong" if s % 2 else "partial")
                      for s in range(n) if s % step)
        pairs[(i, j)] = Analysis(documents[i], documents[j], Alignment(links, n, n),
                                 Annotations.empty(n, n))
    return Collation(documents, pairs, join_claims(3, pairs))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


async def measure(reading: Collation, presses: int = 10) -> dict[str, list[float]]:
    """Open the reader on ``reading`` and time key presses until the app is idle again."""
    timings: dict[str, list[float]] = {"open": [], "swap": [], "next right": [], "cursor": [],
                                       "claims view": [], "back": []}
    frames: list[float] = []
    started = time.perf_counter()
    app = ReaderApp(reading.documents[0], reading.documents[1], collation=reading)
    display = app._display

    def timed_display(*args: object) -> None:
        display(*args)  # type: ignore[arg-type]
        frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]

    async def timed(key: str) -> float:
        frames.clear()
        t0 = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        assert frames, f"no frame was drawn after {key}"
        return frames[-1] - t0

    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        timings["open"].append((frames[-1] if frames else time.perf_counter()) - started)
        await app.workers.wait_for_complete()
        for _ in range(presses):
            timings["swap"].append(await timed("w"))
            await app.workers.wait_for_complete()
        for _ in range(presses):
            timings["next right"].append(await timed("full_stop"))
            await app.workers.wait_for_complete()
        for key in ("j", "k") * presses:
            timings["cursor"].append(await timed(key))
        for _ in range(3):
            timings["claims view"].append(await timed("C"))
            assert isinstance(app.screen, ClaimsScreen)
            timings["back"].append(await timed("escape"))
    return timings


def main() -> None:
    """Generate, open, press, print."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    reading = collation(n)
    print(f"3 accounts of {n} sentences; {len(reading.claims)} claims joined in "
          f"{time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    reading.pair(1, 0)
    print(f"Analysis.swapped() of one pair: {_ms(time.perf_counter() - t0)}")
    timings = asyncio.run(measure(reading))
    print(f"open reader (mount + layout + first screen): {_ms(timings['open'][0])}")
    for label in ("swap", "next right", "cursor", "claims view", "back"):
        values = sorted(timings[label])
        print(f"{label:<12} median {_ms(statistics.median(values))}   max {_ms(values[-1])}   "
              f"({len(values)} presses)")


if __name__ == "__main__":
    main()
