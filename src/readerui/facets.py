"""Facets: the ways a reader can sort sentences (speakers, topics, places, …), as one type.

A :class:`Facet` is a name and its values; each :class:`FacetValue` is a name with the sentences
of A and of B it covers. Every facet's values come in one ordering (:func:`ordered`: most
sentences first, then by name), which the sidebar, the palette, the summary and the exports show,
and the reader's filter and its saved state are keyed by facet name.

A facet is one function ``Analysis -> values`` and one line in :data:`_BUILTIN` (or a call to
:func:`register`). Its names are known without importing it (:func:`kinds`), so the reader can
lay out its sidebar before the engine is loaded; the function is imported when first used.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from readerui.model import Analysis


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet (a speaker, a topic, a place) and the sentences it covers."""

    name: str
    a: tuple[int, ...]
    b: tuple[int, ...]
    mark: str = ""  # a short qualifier shown beside the name ("joint", "lexicon")


@dataclass(frozen=True, slots=True)
class Facet:
    """A named way of sorting sentences (``name`` plural, ``one`` singular), its values in the
    one ordering."""

    name: str
    one: str
    values: tuple[FacetValue, ...]

    def covering(self, side: str, chosen: Iterable[str]) -> frozenset[int]:
        """The sentences of ``side`` that any of the ``chosen`` values covers."""
        wanted = set(chosen)
        return frozenset(i for value in self.values if value.name in wanted
                         for i in (value.a if side == "a" else value.b))


@dataclass(frozen=True, slots=True)
class FacetKind:
    """A registered facet before any analysis: its plural ``name`` and singular ``one``."""

    name: str
    one: str

    @property
    def title(self) -> str:
        """The heading it is shown under ("Places")."""
        return self.name.capitalize()


Source = Callable[[Analysis], Iterable[FacetValue]]
# name -> (singular, the values' source: a function, or "module:function" imported when used)
_REGISTRY: dict[str, tuple[str, Source | str]] = {}
_LAST: list[tuple[Analysis, tuple[Facet, ...]]] = []  # the last analyses' facets (they repeat)
_LOCK = threading.Lock()


def register(name: str, one: str, source: Source | str) -> None:
    """Add a facet: ``source(analysis)`` gives its values (in any order); ``source`` may be
    ``"module:function"``, imported only when a facet is first computed."""
    with _LOCK:
        _REGISTRY[name] = (one, source)
        _LAST.clear()


def kinds() -> tuple[FacetKind, ...]:
    """Every registered facet, in registration order, without computing or importing any."""
    return tuple(FacetKind(name, one) for name, (one, _) in _REGISTRY.items())


def kind_of(name: str) -> FacetKind:
    """The facet called ``name`` (plural, or singular: "place"); KeyError when there is none."""
    for kind in kinds():
        if name in (kind.name, kind.one):
            return kind
    raise KeyError(name)


def ordered(values: Iterable[FacetValue]) -> tuple[FacetValue, ...]:
    """The one ordering of facet values: most sentences (A and B together) first, then name."""
    return tuple(sorted(values, key=lambda v: (-(len(v.a) + len(v.b)), v.name.casefold())))


def _source(source: Source | str) -> Source:
    if callable(source):
        return source
    module, _, function = source.partition(":")
    found: Source = getattr(importlib.import_module(module), function)
    return found


def facets(analysis: Analysis) -> tuple[Facet, ...]:
    """Every registered facet of ``analysis``, in registration order (computed once for the
    last few analyses: the sidebar, palette, filter, summary and exports all ask)."""
    with _LOCK:
        for seen, found in _LAST:
            if seen is analysis:
                return found
        registry = list(_REGISTRY.items())
    found = tuple(Facet(name, one, ordered(_source(source)(analysis)))
                  for name, (one, source) in registry)
    with _LOCK:
        _LAST.insert(0, (analysis, found))
        del _LAST[4:]
    return found


def _speakers(analysis: Analysis) -> Iterable[FacetValue]:
    return (FacetValue(s.name, s.a, s.b, "joint" if s.joint else "")
            for s in analysis.annotations.speakers)


def _topics(analysis: Analysis) -> Iterable[FacetValue]:
    return (FacetValue(t.name, t.a, t.b, "lexicon" if t.origin == "lexicon" else "")
            for t in analysis.annotations.topics)


# The built-in facets, in the order the reader and the reports show them. A new facet is its
# module plus one line here.
_BUILTIN: tuple[tuple[str, str, Source | str], ...] = (
    ("speakers", "speaker", _speakers),
    ("topics", "topic", _topics),
    ("places", "place", "readerui.annotate.places:places"),
)
for _name, _one, _from in _BUILTIN:
    register(_name, _one, _from)
