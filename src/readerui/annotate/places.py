"""The "places" facet: countries, continents and regions each account mentions.

A place is a capitalised word of the annotator's place list (``words/places.txt``); "China" in
A and "China" in B are one value. Registered as a facet on import (see :mod:`readerui.facets`).
"""

from __future__ import annotations

from collections.abc import Iterable

from readerui.annotate import wordlists
from readerui.facets import FacetValue, register
from readerui.model import Analysis, Side
from readerui.tokens import tokenize


def places(analysis: Analysis) -> Iterable[FacetValue]:
    """Each place mentioned, with the sentences of A and of B that mention it."""
    known = wordlists.places()
    found: dict[str, dict[Side, list[int]]] = {}
    names: dict[str, str] = {}
    for side in ("a", "b"):
        doc = analysis.document(side)
        for sentence in doc.sentences:
            for token in tokenize(sentence.text, doc.meta.lang or "en"):
                if token.norm in known and token.text[:1].isupper():
                    names.setdefault(token.norm, token.text)
                    ids = found.setdefault(token.norm, {"a": [], "b": []})[side]
                    if not ids or ids[-1] != sentence.id:
                        ids.append(sentence.id)
    return (FacetValue(names[key], tuple(ids["a"]), tuple(ids["b"]))
            for key, ids in found.items())


register("places", "place", places)
