"""What the reader shows, computed from an Analysis without any widget: filters, jumps, search.

Kept free of Textual so the rules are easy to test and reuse (command palette, panes, summary).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from readerui.facets import FacetKind, facets, kind_of, kinds
from readerui.model import Analysis, Side

SIDES: tuple[Side, Side] = ("a", "b")


def other(side: Side) -> Side:
    """The other account."""
    return "b" if side == "a" else "a"


class Filter:
    """The chosen values of each facet (speakers, topics, places, …): a sentence is kept when,
    for every facet with choices, it has any of that facet's chosen values (OR within a facet,
    AND across facets). Built from ``{facet name: names}`` and/or keywords: ``Filter(speakers=
    {"X"})``; empty choices are dropped, so equal filters compare equal."""

    __slots__ = ("_chosen",)

    def __init__(self, chosen: Mapping[str, Iterable[str]] | None = None, /,
                 **by_facet: Iterable[str]) -> None:
        merged = {**(chosen or {}), **by_facet}
        self._chosen: tuple[tuple[str, frozenset[str]], ...] = tuple(sorted(
            (name, frozenset(names)) for name, names in merged.items() if names))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filter) and self._chosen == other._chosen

    def __hash__(self) -> int:
        return hash(self._chosen)

    def __repr__(self) -> str:
        return f"Filter({dict(self._chosen)!r})"

    @property
    def active(self) -> bool:
        """True when anything is chosen."""
        return bool(self._chosen)

    def get(self, facet: str) -> frozenset[str]:
        """The chosen names of ``facet`` (its plural name: "speakers")."""
        return dict(self._chosen).get(facet, frozenset())

    def items(self) -> list[tuple[FacetKind, frozenset[str]]]:
        """(facet, chosen names) for each facet with choices, in the facets' order."""
        chosen = dict(self._chosen)
        return [(kind, chosen[kind.name]) for kind in kinds() if kind.name in chosen]

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        """``{facet name: sorted names}`` (what the pair's saved state keeps)."""
        return {name: tuple(sorted(names)) for name, names in self._chosen}

    def toggled(self, facet: str, name: str) -> Filter:
        """This filter with ``name`` of ``facet`` (plural or singular: "place") added, or
        removed when already chosen."""
        key = kind_of(facet).name
        return Filter({**dict(self._chosen), key: self.get(key) ^ {name}})

    def keeping(self, analysis: Analysis) -> Filter:
        """Only the choices ``analysis`` still has (a renamed speaker, a reopened pair)."""
        known = {facet.name: {value.name for value in facet.values}
                 for facet in facets(analysis)}
        return Filter({name: names & known.get(name, set()) for name, names in self._chosen})

    def describe(self) -> str:
        """One line for the status bar, e.g. ``speaker: X + topic: Y, Z``."""
        parts = [f"{kind.one}: " + ", ".join(sorted(names)) for kind, names in self.items()]
        return " + ".join(parts) if parts else "none"


def matching(analysis: Analysis, side: Side, chosen: Filter) -> frozenset[int] | None:
    """Ids of that side's sentences the filter keeps, or None when no filter is active."""
    if not chosen.active:
        return None
    kept: frozenset[int] | None = None
    for facet in facets(analysis):
        names = chosen.get(facet.name)
        if names:
            covered = facet.covering(side, names)
            kept = covered if kept is None else kept & covered
    return kept if kept is not None else frozenset()


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
    from rapidfuzz import fuzz, process, utils  # here: not on the way to the first paint

    hits: list[SearchHit] = []
    for side in SIDES:
        texts = [s.text for s in analysis.document(side).sentences]
        found = process.extract(query, texts, scorer=fuzz.partial_ratio,
                                processor=utils.default_process, limit=limit,
                                score_cutoff=cutoff)
        hits.extend(SearchHit(side, index, score, texts[index]) for _, score, index in found)
    hits.sort(key=lambda hit: (-hit.score, hit.side, hit.sentence))
    return hits[:limit]


def reading_order(analysis: Analysis, hits: list[SearchHit]) -> list[SearchHit]:
    """``hits`` in the order one reads the two accounts side by side: by A's sentence order, a
    B sentence right after the A sentence it is linked to (an unlinked one after the A partner
    of the nearest linked B sentence above it), so stepping alternates between the panes."""
    alignment = analysis.alignment

    def place(hit: SearchHit) -> tuple[int, int, int]:
        if hit.side == "a":
            return (hit.sentence, 0, 0)
        for j in range(hit.sentence, -1, -1):  # this sentence, else the nearest linked above
            partners = alignment.partners("b", j)
            if partners:
                return (min(partners), 1, hit.sentence)
        return (-1, 1, hit.sentence)

    return sorted(hits, key=place)


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

