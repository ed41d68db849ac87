"""Where the two accounts differ, sentence by sentence, for stepping and folding.

A sentence of one side *differs* when the other account lacks it (one-sided), when its best
link is partial, or when its best link is strong but the two sides' words differ (the word diff
marks something on either side). Everything else is *alike*: carried by both, word for word
(up to the word diff's tolerance for inflection and function words).

Pure Python (no Textual). Word diffs are computed lazily, one link at a time, and cached, so a
step to the next difference costs only the links it passes; :meth:`Differences.complete` works
out every link at once (the app runs it in a worker thread for the counts and the folds).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from readerui.model import Analysis, Link, Side, WordDiff
from readerui.tui.reading import SIDES

DiffFunction = Callable[[Link], WordDiff]


class Differences:
    """Which sentences of each side differ from the other account (lazy, cached)."""

    def __init__(self, analysis: Analysis, lang: str | None = None,
                 diff: DiffFunction | None = None) -> None:
        self.analysis = analysis
        self._diff = diff or self._word_diff
        self._lang = lang
        self._words_differ: dict[Link, bool] = {}
        self._all: dict[Side, tuple[int, ...]] = {}

    def _word_diff(self, link: Link) -> WordDiff:
        from readerui.align import word_diff  # the engine loads when first needed, not at start

        return word_diff(self.analysis.a, self.analysis.b, link, self._lang)

    def words_differ(self, link: Link) -> bool:
        """True when the word diff of ``link`` marks a word on either side."""
        found = self._words_differ.get(link)
        if found is None:
            try:
                spans = self._diff(link)
                found = bool(spans.a or spans.b)
            except Exception:  # a word-diff failure must not break reading: call it different
                found = True
            self._words_differ[link] = found
        return found

    def differs(self, side: Side, sid: int) -> bool:
        """True when sentence ``sid`` of ``side`` differs from the other account."""
        link = self.analysis.alignment.link_of(side, sid)
        if link is None or link.kind != "strong":
            return True
        return self.words_differ(link)

    def step(self, side: Side, current: int, direction: int) -> int | None:
        """The next (``direction=1``) or previous (``-1``) differing sentence of ``side``."""
        known = self._all.get(side)
        if known is not None:
            index = bisect_left(known, current + (1 if direction > 0 else 0))
            index = index if direction > 0 else index - 1
            return known[index] if 0 <= index < len(known) else None
        n = len(self.analysis.document(side))
        sid = current + direction
        while 0 <= sid < n:
            if self.differs(side, sid):
                return sid
            sid += direction
        return None

    @property
    def is_complete(self) -> bool:
        """True once every sentence of both sides has been classified."""
        return len(self._all) == len(SIDES)

    def complete(self) -> None:
        """Classify every sentence of both sides (seconds at 10k sentences: run it off the UI
        thread; the lazy steps keep working meanwhile)."""
        for side in SIDES:
            n = len(self.analysis.document(side))
            self._all[side] = tuple(sid for sid in range(n) if self.differs(side, sid))

    def all(self, side: Side) -> tuple[int, ...] | None:
        """Every differing sentence of ``side`` in order, or None before :meth:`complete`."""
        return self._all.get(side)

    def place(self, side: Side, sid: int) -> tuple[int, int] | None:
        """``(i, n)``: ``sid`` is the i-th (1-based; 0 when it is alike) of n differences of
        ``side``; None before :meth:`complete`."""
        known = self._all.get(side)
        if known is None:
            return None
        index = bisect_left(known, sid)
        on = index < len(known) and known[index] == sid
        return (index + 1 if on else 0, len(known))

    def alike_runs(self, side: Side, minimum: int = 2) -> tuple[tuple[int, int], ...] | None:
        """Stretches ``(first, last)`` of at least ``minimum`` alike sentences of ``side`` in a
        row (what the differences-only view folds); None before :meth:`complete`."""
        known = self._all.get(side)
        if known is None:
            return None
        n = len(self.analysis.document(side))
        runs: list[tuple[int, int]] = []
        start = 0
        for sid in (*known, n):
            if sid - start >= minimum:
                runs.append((start, sid - 1))
            start = sid + 1
        return tuple(runs)
