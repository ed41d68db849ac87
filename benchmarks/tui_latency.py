"""Reader responsiveness on a generated pair of 10,000 sentences a side.

Prints: the analysis time (the worker), the time to open the reader (first screen with both
panes), and key-to-screen times for PageDown with sync, a cursor move and a filter change: from
the key press to the last frame the app writes for it (headless driver, 160x45; the wait for
the next frame tick is included), and next difference (``d``). Keys are timed once the worker
has counted the differences (it competes for the interpreter in the first seconds).
Target: under 30 ms median for cursor, page and next difference.

Usage: python benchmarks/tui_latency.py [N]   (N sentences a side, default 10000)
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from dataclasses import replace

from readerui.analysis import analyse
from readerui.ingest.segment import from_lines
from readerui.model import Analysis, Annotations, Speaker
from readerui.tui.app import ReaderApp

WORDS = [
    "council", "budget", "tram", "harbour", "vote", "mayor", "union", "ridership", "tender",
    "fund", "suburb", "district", "review", "forecast", "spring", "contract", "driver", "station",
    "depot", "line", "minister", "talks", "border", "trade", "agreement", "ceasefire", "election",
    "court", "ruling", "appeal", "protest", "police", "hospital", "school", "energy", "price",
    "market", "bank", "inflation", "rate", "export", "import", "factory", "strike",
]
NAMES = ["Elena Ruiz", "Tomas Berg", "Amara Okafor", "Li Wen", "Jonas Weber"]


def generate(n: int, seed: int = 7) -> tuple[str, str]:
    """Two ``--lines`` texts: B paraphrases most of A, drops some, adds some, moves blocks."""
    rng = random.Random(seed)
    a_lines: list[str] = []
    for i in range(n):
        words = rng.sample(WORDS, rng.randint(8, 24))
        speaker = rng.choice(NAMES)
        a_lines.append(f"{speaker} said the {' '.join(words)} item {i}.")
    b_lines: list[str] = []
    for line in a_lines:
        roll = rng.random()
        if roll < 0.15:
            continue  # only in A
        words = line.split()
        kept = [w for w in words if rng.random() > 0.2]
        b_lines.append(" ".join(kept))
        if roll > 0.9:
            b_lines.append(f"Officials added that the {' '.join(rng.sample(WORDS, 10))}.")
    block = len(b_lines) // 10
    b_lines = b_lines[block:2 * block] + b_lines[:block] + b_lines[2 * block:]  # reordering

    def paragraphs(lines: list[str]) -> str:
        out: list[str] = []
        for index, line in enumerate(lines):
            if index and index % 4 == 0:
                out.append("")
            out.append(line)
        return "\n".join(out) + "\n"

    return paragraphs(a_lines), paragraphs(b_lines[:n])


def with_speakers(analysis: Analysis) -> Analysis:
    """The analysis, with speakers made up when the annotator found none (to time filtering)."""
    if analysis.annotations.speakers:
        return analysis
    n_a, n_b = len(analysis.a), len(analysis.b)
    speaker_a = tuple(NAMES[i % len(NAMES)] for i in range(n_a))
    speaker_b = tuple(NAMES[i % len(NAMES)] for i in range(n_b))
    speakers = tuple(Speaker(name, (name,),
                             tuple(i for i in range(n_a) if speaker_a[i] == name),
                             tuple(j for j in range(n_b) if speaker_b[j] == name))
                     for name in NAMES)
    empty = Annotations.empty(n_a, n_b)
    notes = replace(empty, speakers=speakers, speaker_a=speaker_a, speaker_b=speaker_b)
    return Analysis(analysis.a, analysis.b, analysis.alignment, notes)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


async def measure(analysis: Analysis, presses: int = 30) -> dict[str, list[float]]:
    """Open the reader on ``analysis`` and time key presses until the app is idle again."""
    timings: dict[str, list[float]] = {"open": [], "pagedown": [], "cursor": [], "filter": [],
                                       "difference": []}
    frames: list[float] = []
    started = time.perf_counter()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    display = app._display

    def timed_display(*args: object) -> None:
        display(*args)  # type: ignore[arg-type]
        frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]

    async def timed(key: str, action: object = None) -> float:
        frames.clear()
        t0 = time.perf_counter()
        if action is None:
            await pilot.press(key)
        else:
            action()  # type: ignore[operator]
        await pilot.pause()
        await pilot.pause()
        assert frames, f"no frame was drawn after {key}"
        return frames[-1] - t0

    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        timings["open"].append((frames[-1] if frames else time.perf_counter()) - started)
        counted = time.perf_counter()
        await app.workers.wait_for_complete()  # time the keys without the counting worker
        timings["count"] = [time.perf_counter() - started]
        print(f"differences counted by the worker {time.perf_counter() - counted:.2f} s after "
              "the first screen")
        for _ in range(presses):
            timings["pagedown"].append(await timed("pagedown"))
        for key in ("j", "k") * (presses // 2):
            timings["cursor"].append(await timed(key))
        for _ in range(presses):
            timings["difference"].append(await timed("d"))
        name = analysis.annotations.speakers[0].name
        for _ in range(presses // 2):
            timings["filter"].append(
                await timed("filter", lambda: app.toggle_filter("speaker", name)))
        assert app.pane_a.top_row > 0, "PageDown did not scroll"
    return timings


def main() -> None:
    """Generate, analyse, open, press, print."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    text_a, text_b = generate(n)
    a, b = from_lines(text_a, "a.txt"), from_lines(text_b, "b.txt")
    print(f"pair: {len(a)} sentences in A, {len(b)} in B")
    t0 = time.perf_counter()
    analysis = analyse(a, b)
    print(f"analysis (runs in the worker; the panes show text meanwhile): "
          f"{time.perf_counter() - t0:.2f} s, {len(analysis.alignment.links)} links")
    analysis = with_speakers(analysis)
    timings = asyncio.run(measure(analysis))
    print(f"open reader (mount + layout + first screen):   {_ms(timings['open'][0])}")
    for label, key in (("PageDown with sync", "pagedown"), ("cursor move (j/k)", "cursor"),
                       ("next difference (d)", "difference"),
                       ("filter change (speaker)", "filter")):
        values = sorted(timings[key])
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"{label:<26} median {_ms(statistics.median(values))}   p95 {_ms(p95)}   "
              f"({len(values)} presses)")
    print("target: median under 30 ms for cursor, page and next difference")


if __name__ == "__main__":
    main()
