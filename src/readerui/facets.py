"""Facets: the ways a reader can sort sentences (speakers, topics, places, …), as one type.

A :class:`Facet` is a name and its values; each :class:`FacetValue` is a name with the sentences
of A and of B it covers. Every facet's values come in one ordering (:func:`ordered`: most
sentences first, then by name), which the exports and the summary show. A facet is one function
``Analysis -> values`` registered with :func:`register`: speakers and topics come from the
analysis' annotations; places (:mod:`readerui.annotate.places`) registers itself below.
"""

from __future__ import annotations

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


Source = Callable[[Analysis], Iterable[FacetValue]]
_REGISTRY: dict[str, tuple[str, Source]] = {}


def register(name: str, one: str, source: Source) -> None:
    """Add a facet: ``source(analysis)`` gives its values (in any order)."""
    _REGISTRY[name] = (one, source)


def ordered(values: Iterable[FacetValue]) -> tuple[FacetValue, ...]:
    """The one ordering of facet values: most sentences (A and B together) first, then name."""
    return tuple(sorted(values, key=lambda v: (-(len(v.a) + len(v.b)), v.name.casefold())))


def facets(analysis: Analysis) -> tuple[Facet, ...]:
    """Every registered facet of ``analysis``, in registration order."""
    _load_builtin()
    return tuple(Facet(name, one, ordered(source(analysis)))
                 for name, (one, source) in _REGISTRY.items())


def _speakers(analysis: Analysis) -> Iterable[FacetValue]:
    return (FacetValue(s.name, s.a, s.b, "joint" if s.joint else "")
            for s in analysis.annotations.speakers)


def _topics(analysis: Analysis) -> Iterable[FacetValue]:
    return (FacetValue(t.name, t.a, t.b, "lexicon" if t.origin == "lexicon" else "")
            for t in analysis.annotations.topics)


register("speakers", "speaker", _speakers)
register("topics", "topic", _topics)


def _load_builtin() -> None:
    """Import the facets that live in their own module (they register on import)."""
    import readerui.annotate.places  # noqa: F401
