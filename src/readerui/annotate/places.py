"""The "places" facet: countries, cities, continents and regions each account mentions.

A place is a run of capitalised words that is a name of the annotator's place lists
(``words/places.txt``, single words; ``words/place_names.txt``, names of several words such as
"New York", matched before their parts) or of this facet's ``words/cities.txt``; "China" in A
and "China" in B are one value. Registered as a facet in :mod:`readerui.facets`. One regular
expression finds the runs of capitalised words, then the lists are looked up: this runs when the
reader shows an analysis, so it must stay fast at 10,000 sentences a side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from readerui.annotate import wordlists
from readerui.facets import FacetValue
from readerui.model import Analysis, Document, Side
from readerui.tokens import normalise

# A run of capitalised words (a word keeps its inner hyphens and apostrophes, as tokens do:
# "Russia-Ukraine" mentions neither; "U.S.-India" mentions India). The lists' names are ASCII,
# so they start A-Z.
_CAPITALISED_RUN = re.compile(r"(?<!\w)(?<!\w['’\-‐‑])[A-Z]\w*(?:['’\-‐‑]\w+)*"
                              r"(?:[ \t]+[A-Z]\w*(?:['’\-‐‑]\w+)*)*")


@cache
def _names() -> tuple[frozenset[str], frozenset[str], int]:
    """Single-word places, all place names, and the most words a name has: the annotator's
    countries and regions, and this facet's own cities (``words/cities.txt``)."""
    text = (resources.files("readerui.annotate") / "words" / "cities.txt").read_text("utf-8")
    cities = {line.strip().lower() for line in text.splitlines()
              if line.strip() and not line.lstrip().startswith("#")}
    names = wordlists.place_names() | cities
    single = wordlists.places() | {name for name in cities if " " not in name}
    return single, names, max((n.count(" ") + 1 for n in names), default=1)


def _mentions(text: str) -> Iterator[tuple[str, str]]:
    """(key, name as written) of each place ``text`` mentions, the longest name first."""
    single, names, longest = _names()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        i = 0
        while i < len(words):
            for size in range(min(longest, len(words) - i), 0, -1):
                key = " ".join(normalise(word) for word in words[i:i + size])
                key = key[:-2] if key.endswith(("'s", "’s")) else key  # "Korea's"
                if key in (names if size > 1 else single):
                    if i + size == len(words) or key != " ".join(
                            normalise(word) for word in words[i:i + size]):
                        # a name that runs on ("Shanghai Cooperation Organisation", "China
                        # Daily") names something else; a possessive ("Korea's") ends the run
                        yield key, " ".join(words[i:i + size])[:len(key)]
                    i += size
                    break
            else:
                i += 1


_LAST: list[tuple[Document, Document, tuple[FacetValue, ...]]] = []  # the last pair's places


def places(analysis: Analysis) -> Iterable[FacetValue]:
    """Each place mentioned, with the sentences of A and of B that mention it (kept for the
    last pair of documents: a speaker correction makes a new analysis of the same documents)."""
    for doc_a, doc_b, found_before in list(_LAST):
        if doc_a is analysis.a and doc_b is analysis.b:
            return found_before
    values = tuple(_places(analysis))
    _LAST[:] = [(analysis.a, analysis.b, values)]
    return values


def _places(analysis: Analysis) -> Iterable[FacetValue]:
    found: dict[str, dict[Side, list[int]]] = {}
    shown: dict[str, str] = {}
    for side in ("a", "b"):
        for sentence in analysis.document(side).sentences:
            for key, written in _mentions(sentence.text):
                shown.setdefault(key, written)
                ids = found.setdefault(key, {"a": [], "b": []})[side]
                if not ids or ids[-1] != sentence.id:
                    ids.append(sentence.id)
    return (FacetValue(shown[key], tuple(ids["a"]), tuple(ids["b"]))
            for key, ids in found.items())
