"""A reading of three invented accounts (tests/data/multi) with hand-made pairwise links,
collated by the core (``readerui.collation.assemble``: claims, merged names)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from readerui.collation import assemble
from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Collation, Document, Link, LinkKind, Metadata

from .helpers import annotations_for

MULTI = Path(__file__).resolve().parent.parent / "data" / "multi"
FERRY = (MULTI / "ferry_council.txt", MULTI / "ferry_herald.txt", MULTI / "ferry_radio.txt")
SOURCES = (("Marlow Bay Town Council", "2026-03-13"), ("Marlow Bay Herald", "2026-03-14"),
           ("Coast Radio", "2026-03-14"))

# (account i, account j) -> [(ids of i, ids of j, kind)]
FERRY_LINKS: dict[tuple[int, int], list[tuple[tuple[int, ...], tuple[int, ...], LinkKind]]] = {
    (0, 1): [((0,), (0,), "strong"), ((1,), (1,), "strong"), ((2,), (2,), "strong"),
             ((3,), (3,), "partial"), ((4,), (6,), "strong")],
    (0, 2): [((0,), (0,), "strong"), ((1,), (1,), "strong"), ((5,), (2,), "strong"),
             ((6,), (5,), "strong")],
    (1, 2): [((0,), (0,), "partial"), ((1,), (1,), "strong"), ((5,), (3,), "partial")],
}
# name -> sentence ids per account
FERRY_SPEAKERS = {"Ingrid Solberg": {0: (2,), 1: (2,)}, "Paul Okafor": {0: (4,), 1: (6,)},
                  "Marta Lind": {1: (5,), 2: (3,)}, "ferry operator": {2: (4,)}}
FERRY_TOPICS = {"Gull Island": {0: (0, 1, 4), 1: (0, 1, 4, 5), 2: (0, 1)},
                "repairs": {0: (1, 3), 1: (3,), 2: (1,)}, "tickets": {0: (6,), 2: (5,)}}


def ferry_documents() -> tuple[Document, ...]:
    """The three accounts, pre-split, with a source and date each."""
    return tuple(replace(from_lines(path.read_text(encoding="utf-8"), str(path)),
                         meta=Metadata(source=source, date=date))
                 for path, (source, date) in zip(FERRY, SOURCES, strict=True))


def ferry_pairs(documents: tuple[Document, ...]) -> dict[tuple[int, int], Analysis]:
    """Each pair (i < j) with its hand-made links, speakers and topics."""
    pairs = {}
    for (i, j), links in FERRY_LINKS.items():
        a, b = documents[i], documents[j]
        speakers = {name: (ids.get(i, ()), ids.get(j, ())) for name, ids in FERRY_SPEAKERS.items()
                    if i in ids or j in ids}
        topics = {name: (ids.get(i, ()), ids.get(j, ())) for name, ids in FERRY_TOPICS.items()
                  if i in ids or j in ids}
        alignment = Alignment(tuple(Link(x, y, 0.9 if kind == "strong" else 0.6, kind)
                                    for x, y, kind in links), len(a), len(b))
        pairs[(i, j)] = Analysis(a, b, alignment, annotations_for(len(a), len(b), speakers,
                                                                  topics))
    return pairs


def ferry_collation() -> Collation:
    """The three ferry accounts, collated (the core's claims) from the hand-made pairs."""
    documents = ferry_documents()
    return assemble(documents, ferry_pairs(documents))
