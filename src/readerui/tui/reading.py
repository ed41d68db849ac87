"""What the reader shows, computed from an Analysis without any widget: filters, jumps, search.

Kept free of Textual so the rules are easy to test and reuse (command palette, panes, summary).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from readerui.model import Analysis, Side

SIDES: tuple[Side, Side] = ("a", "b")


def other(side: Side) -> Side:
    """The other account."""
    return "b" if side == "a" else "a"


@dataclass(frozen=True, slots=True)
class Filter:
    """Chosen speakers and topics; a sentence matches a chosen speaker (any) AND topic (any)."""

    speakers: frozenset[str] = field(default_factory=frozenset)
    topics: frozenset[str] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        """True when anything is chosen."""
        return bool(self.speakers or self.topics)

    def toggled(self, kind: str, name: str) -> Filter:
        """This filter with speaker/topic ``name`` added, or removed when already chosen."""
        if kind == "speaker":
            return Filter(self.speakers ^ {name}, self.topics)
        return Filter(self.speakers, self.topics ^ {name})

    def describe(self) -> str:
        """One line for the status bar, e.g. ``speaker: X + topic: Y, Z``."""
        parts = []
        if self.speakers:
            parts.append("speaker: " + ", ".join(sorted(self.speakers)))
        if self.topics:
            parts.append("topic: " + ", ".join(sorted(self.topics)))
        return " + ".join(parts) if parts else "none"


def matching(analysis: Analysis, side: Side, chosen: Filter) -> frozenset[int] | None:
    """Ids of that side's sentences the filter keeps, or None when no filter is active."""
    if not chosen.active:
        return None
    notes = analysis.annotations
    speakers = notes.speaker_a if side == "a" else notes.speaker_b
    topics = notes.topics_a if side == "a" else notes.topics_b
    kept = set()
    for sid in range(len(analysis.document(side))):
        if chosen.speakers and speakers[sid] not in chosen.speakers:
            continue
        if chosen.topics and not chosen.topics.intersection(topics[sid]):
            continue
        kept.add(sid)
    return frozenset(kept)


def next_one_sided(analysis: Analysis, side: Side, current: int, step: int) -> int | None:
    """The next (``step=1``) or previous (``-1``) sentence of ``side`` that the other lacks."""
    alignment = analysis.alignment
    n = len(analysis.document(side))
    sid = current + step
    while 0 <= sid < n:
        if alignment.link_of(side, sid) is None:
            return sid
        sid += step
    return None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One sentence found by the fuzzy search."""

    side: Side
    sentence: int
    score: float
    text: str


def search(analysis: Analysis, query: str, limit: int = 40,
           cutoff: float = 60.0) -> list[SearchHit]:
    """Sentences of both accounts best matching ``query`` (fuzzy, case-insensitive), best first."""
    query = query.strip()
    if not query:
        return []
    hits: list[SearchHit] = []
    for side in SIDES:
        texts = [s.text for s in analysis.document(side).sentences]
        found = process.extract(query, texts, scorer=fuzz.partial_ratio,
                                processor=utils.default_process, limit=limit,
                                score_cutoff=cutoff)
        hits.extend(SearchHit(side, index, score, texts[index]) for _, score, index in found)
    hits.sort(key=lambda hit: (-hit.score, hit.side, hit.sentence))
    return hits[:limit]


@dataclass(frozen=True, slots=True)
class Carried:
    """How many of a group's sentences on one side the other account carries."""

    total: int
    carried: int

    @property
    def share(self) -> float:
        """Carried / total (0 when empty)."""
        return self.carried / self.total if self.total else 0.0


def carried(analysis: Analysis, side: Side, ids: tuple[int, ...] | range) -> Carried:
    """Of sentences ``ids`` of ``side``, how many are linked to the other account."""
    return Carried(len(ids), analysis.alignment.carried(side, ids))

