"""A minimal collation of three or more accounts for the reader, used only while the core's
``Reading.collation()`` (issue 13, branch multi13core) has not landed: every pair analysed with
the two-account pipeline, claims as connected components of linked sentences (no splitting of
long chains: the core's ``join_claims`` does that). Same names and methods as the core's
``readerui.model.Collation`` so the reader does not care which it gets. Remove when the core
lands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from readerui.model import Analysis, Document, LinkKind
from readerui.settings import Settings

Node = tuple[int, int]  # (account, sentence)


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """Sentence ``sentence`` of account ``account`` in a claim, with its strongest link."""

    account: int
    sentence: int
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Claim:
    """Sentences across accounts that report one fact (a connected component of links)."""

    id: int
    members: tuple[ClaimMember, ...]
    speaker: str | None
    topics: tuple[str, ...]

    def accounts(self) -> frozenset[int]:
        """The accounts carrying the claim."""
        return frozenset(m.account for m in self.members)

    def carried(self, account: int) -> LinkKind | None:
        """strong / partial / None (absent), as the core's Claim."""
        kinds = {m.kind for m in self.members if m.account == account}
        return "strong" if "strong" in kinds else "partial" if kinds else None

    def sentences(self, account: int) -> tuple[int, ...]:
        """That account's sentence ids in the claim."""
        return tuple(sorted(m.sentence for m in self.members if m.account == account))


def join_claims(n_accounts: int, pairs: Mapping[tuple[int, int], Analysis]) -> tuple[Claim, ...]:
    """Claims from pairwise links: connected components over (account, sentence); a sentence
    no link holds is a claim of its own (kind strong by convention). Speaker: the first
    member's that has one; topics: every member's."""
    parent: dict[Node, Node] = {}
    kind: dict[Node, LinkKind] = {}

    def find(node: Node) -> Node:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    speakers: dict[Node, str] = {}
    topics: dict[Node, set[str]] = {}
    for (i, j), analysis in pairs.items():
        notes = analysis.annotations
        for side, account in (("a", i), ("b", j)):
            for s in range(len(analysis.document(side))):  # type: ignore[arg-type]
                find((account, s))
                name = notes.speaker_of(side, s)  # type: ignore[arg-type]
                if name:
                    speakers.setdefault((account, s), name)
                topics.setdefault((account, s), set()).update(
                    notes.topics_of(side, s))  # type: ignore[arg-type]
        for link in analysis.alignment.links:
            nodes = [(i, s) for s in link.a] + [(j, s) for s in link.b]
            for node in nodes:
                if kind.get(node) != "strong":
                    kind[node] = link.kind
                parent[find(node)] = find(nodes[0])
    groups: dict[Node, list[Node]] = {}
    for node in sorted(parent):
        groups.setdefault(find(node), []).append(node)
    claims = []
    for number, nodes in enumerate(sorted(groups.values())):
        members = tuple(ClaimMember(k, s, kind.get((k, s), "strong")) for k, s in nodes)
        speaker = next((speakers[n] for n in nodes if n in speakers), None)
        names = tuple(sorted({t for n in nodes for t in topics.get(n, ())}))
        claims.append(Claim(number, members, speaker, names))
    return tuple(claims)


class Collation:
    """Documents, the analysis of each pair (i < j) and the claims joined from them."""

    def __init__(self, documents: Sequence[Document],
                 pairs: Mapping[tuple[int, int], Analysis]) -> None:
        self.documents = tuple(documents)
        self.pairs = dict(pairs)
        self.claims = join_claims(len(self.documents), self.pairs)
        self._claims_of: dict[Node, list[int]] = {}
        for index, claim in enumerate(self.claims):
            for member in claim.members:
                self._claims_of.setdefault((member.account, member.sentence), []).append(index)

    def pair(self, i: int, j: int) -> Analysis:
        """Accounts i (as A) and j (as B)."""
        return self.pairs[(i, j)] if i < j else self.pairs[(j, i)].swapped()

    def claims_of(self, account: int, sentence: int) -> tuple[Claim, ...]:
        """The claims holding that sentence."""
        return tuple(self.claims[k] for k in self._claims_of.get((account, sentence), ()))

    def also_in(self, i: int, sentence: int, shown: tuple[int, int]) -> dict[int, LinkKind]:
        """Accounts off screen carrying that sentence's claims, and how strongly."""
        found: dict[int, LinkKind] = {}
        for claim in self.claims_of(i, sentence):
            for k in claim.accounts() - {i, *shown}:
                carried = claim.carried(k)
                if carried is not None and found.get(k) != "strong":
                    found[k] = carried
        return dict(sorted(found.items()))

    def carried_share(self, i: int, j: int) -> float:
        """Share of account i's sentences linked to account j."""
        n = len(self.documents[i])
        if i == j or not n:
            return 1.0 if i == j else 0.0
        side = "a" if i < j else "b"
        analysis = self.pairs[(min(i, j), max(i, j))]
        return analysis.alignment.carried(side, range(n)) / n  # type: ignore[arg-type]


def collate(documents: Sequence[Document], settings: Settings) -> Collation:
    """Every pair analysed (one after another) and the claims joined."""
    from readerui.analysis import analyse

    pairs = {(i, j): analyse(documents[i], documents[j], settings)
             for i, j in combinations(range(len(documents)), 2)}
    return Collation(documents, pairs)
