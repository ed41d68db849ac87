"""Inputs the TUI tests control: a small hand-analysed pair and generated big pairs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Annotations, Document, Link, Speaker, Topic

DATA = Path(__file__).parent / "data"
COUNCIL_A = DATA / "council_a.txt"
COUNCIL_B = DATA / "council_b.txt"

# (A ids, B ids, kind) of the hand-made alignment of the council pair.
COUNCIL_LINKS = [((0,), (0,), "partial"), ((1,), (1,), "strong"), ((2,), (4,), "strong"),
                 ((3,), (2,), "strong"), ((4,), (6,), "strong"), ((7,), (3,), "strong"),
                 ((8,), (5,), "partial")]
COUNCIL_SPEAKERS = {"Elena Ruiz": ((2, 8), (4, 5)), "Tomas Berg": ((4, 5), (6,)),
                    "transport union": ((9, 10), ())}
COUNCIL_TOPICS = {"tram extension": ((0, 1, 2), (0, 1)), "cost": ((3, 4), (2, 6)),
                  "construction": ((7,), (3,)), "ridership": ((5,), (7,))}


def council_docs() -> tuple[Document, Document]:
    """The council pair as pre-split documents."""
    return (from_lines(COUNCIL_A.read_text(encoding="utf-8"), str(COUNCIL_A)),
            from_lines(COUNCIL_B.read_text(encoding="utf-8"), str(COUNCIL_B)))


def annotations_for(n_a: int, n_b: int, speakers: dict, topics: dict) -> Annotations:
    """Annotations built from ``name -> (A ids, B ids)`` tables."""
    speaker_a: list[str | None] = [None] * n_a
    speaker_b: list[str | None] = [None] * n_b
    for name, (ids_a, ids_b) in speakers.items():
        for i in ids_a:
            speaker_a[i] = name
        for j in ids_b:
            speaker_b[j] = name
    topics_a: list[tuple[str, ...]] = [()] * n_a
    topics_b: list[tuple[str, ...]] = [()] * n_b
    for name, (ids_a, ids_b) in topics.items():
        for i in ids_a:
            topics_a[i] = (*topics_a[i], name)
        for j in ids_b:
            topics_b[j] = (*topics_b[j], name)
    return Annotations(
        tuple(Speaker(name, (name,), tuple(a), tuple(b)) for name, (a, b) in speakers.items()),
        tuple(Topic(name, (name,), tuple(a), tuple(b)) for name, (a, b) in topics.items()),
        tuple(speaker_a), tuple(speaker_b), tuple(topics_a), tuple(topics_b))


def council_analysis() -> Analysis:
    """The council pair with a hand-made alignment, speakers and topics."""
    a, b = council_docs()
    links = tuple(Link(ia, ib, 0.9 if kind == "strong" else 0.6, kind)
                  for ia, ib, kind in COUNCIL_LINKS)
    return Analysis(a, b, Alignment(links, len(a), len(b)),
                    annotations_for(len(a), len(b), COUNCIL_SPEAKERS, COUNCIL_TOPICS))


def big_lines(n: int, seed: int, side: str) -> str:
    """``n`` varied sentences in paragraphs of five, as ``--lines`` text."""
    words = ["council", "budget", "tram", "harbour", "vote", "mayor", "union", "ridership",
             "tender", "fund", "suburb", "district", "review", "forecast", "spring", "contract",
             "driver", "station", "depot", "line"]
    lines = []
    for i in range(n):
        if i and i % 5 == 0:
            lines.append("")
        picked = [words[(i * 7 + k * (seed + 3)) % len(words)] for k in range(6 + i % 9)]
        lines.append(f"Item {i} {side}: the " + " ".join(picked) + f" report number {i}.")
    return "\n".join(lines) + "\n"


def big_analysis(n: int = 10_000) -> Analysis:
    """Two generated documents of ``n`` sentences each; every third sentence is one-sided."""
    a = from_lines(big_lines(n, 1, "a"), "big_a.txt")
    b = from_lines(big_lines(n, 2, "b"), "big_b.txt")
    links = tuple(Link((i,), (i,), 0.8, "strong" if i % 2 else "partial")
                  for i in range(n) if i % 3)
    return Analysis(a, b, Alignment(links, n, n), Annotations.empty(n, n))


async def until(pilot: Any, condition: Callable[[], bool], what: str = "",
                timeout: float = 15.0) -> None:
    """Let the app run until ``condition()`` holds, failing after ``timeout`` seconds: the way
    to wait for the screen on a loaded machine (a fixed pause races with it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        await pilot.pause(0.02)
