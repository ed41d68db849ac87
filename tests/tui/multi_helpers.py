"""A reading of three invented accounts (tests/data/multi) with hand-made pairwise links, and a
stand-in for the core's ``Collation``/``Claim`` (same names and methods, see
/work/prompts/claims_api.md) until the core's lands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Document, Link, LinkKind, Metadata

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


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """Stand-in for the core's ClaimMember."""

    account: int
    sentence: int
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Claim:
    """Stand-in for the core's Claim."""

    id: int
    members: tuple[ClaimMember, ...]
    speaker: str | None
    topics: tuple[str, ...]

    def accounts(self) -> frozenset[int]:
        return frozenset(m.account for m in self.members)

    def carried(self, account: int) -> LinkKind | None:
        kinds = {m.kind for m in self.members if m.account == account}
        return "strong" if "strong" in kinds else "partial" if kinds else None

    def sentences(self, account: int) -> tuple[int, ...]:
        return tuple(sorted(m.sentence for m in self.members if m.account == account))


def join_claims(n_accounts: int, pairs: Mapping[tuple[int, int], Analysis]) -> tuple[Claim, ...]:
    """Test-only claims: connected components of linked sentences (no splitting)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}
    kind: dict[tuple[int, int], LinkKind] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            node = parent[node]
        return node

    for (i, j), analysis in pairs.items():
        for k in range(n_accounts):
            if k in (i, j):
                n = len(analysis.document("a" if k == i else "b"))
                for s in range(n):
                    find((k, s))
        for link in analysis.alignment.links:
            nodes = [(i, s) for s in link.a] + [(j, s) for s in link.b]
            for node in nodes:
                if kind.get(node) != "strong":
                    kind[node] = link.kind
                parent[find(node)] = find(nodes[0])
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in sorted(parent):
        groups.setdefault(find(node), []).append(node)
    speakers: dict[tuple[int, int], str] = {}
    topics: dict[tuple[int, int], tuple[str, ...]] = {}
    for (i, j), analysis in pairs.items():
        notes = analysis.annotations
        for side, k in (("a", i), ("b", j)):
            for s in range(len(analysis.document(side))):
                if notes.speaker_of(side, s):
                    speakers[(k, s)] = notes.speaker_of(side, s)  # type: ignore[assignment]
                topics[(k, s)] = tuple(sorted({*topics.get((k, s), ()),
                                               *notes.topics_of(side, s)}))
    claims = []
    for number, nodes in enumerate(sorted(groups.values())):
        members = tuple(ClaimMember(k, s, kind.get((k, s), "strong")) for k, s in nodes)
        speaker = next((speakers[n] for n in nodes if n in speakers), None)
        names = tuple(sorted({t for n in nodes for t in topics.get(n, ())}))
        claims.append(Claim(number, members, speaker, names))
    return tuple(claims)


class Collation:
    """Stand-in for the core's Collation (documents, pairs i < j, claims)."""

    def __init__(self, documents: tuple[Document, ...],
                 pairs: Mapping[tuple[int, int], Analysis]) -> None:
        self.documents = documents
        self.pairs = dict(pairs)
        self.claims = join_claims(len(documents), pairs)

    def pair(self, i: int, j: int) -> Analysis:
        return self.pairs[(i, j)] if i < j else self.pairs[(j, i)].swapped()

    def claims_of(self, account: int, sentence: int) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims
                     if any(m.account == account and m.sentence == sentence for m in c.members))

    def also_in(self, i: int, sentence: int, shown: tuple[int, int]) -> dict[int, LinkKind]:
        found: dict[int, LinkKind] = {}
        for claim in self.claims_of(i, sentence):
            for k in claim.accounts() - {i, *shown}:
                carried = claim.carried(k)
                if carried is not None and found.get(k) != "strong":
                    found[k] = carried
        return found

    def carried_share(self, i: int, j: int) -> float:
        n = len(self.documents[i])
        carried = sum(1 for s in range(n) if any(j in c.accounts()
                                                 for c in self.claims_of(i, s)))
        return carried / n if n else 0.0


def ferry_collation() -> Collation:
    """The three ferry accounts, collated from the hand-made pairs."""
    documents = ferry_documents()
    return Collation(documents, ferry_pairs(documents))
