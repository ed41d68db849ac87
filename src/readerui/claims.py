"""Claims: the pairwise links of several accounts joined into groups that report one thing.

A *claim* is a set of sentences, across accounts, that report the same fact, claim or
statement. :func:`join_claims` builds them from every pair's links:

1. Every link gives edges between the sentences it joins (each sentence of its A side with each
   of its B side), with the link's kind and score.
2. The edges are taken strong first, then by score, and each joins the two groups of its
   sentences (single linkage, so chains are transitive: A3-B5 and B5-C2 make one claim of A3,
   B5 and C2 even when A and C are not linked directly) **unless** the joined group would hold
   sentences of one account further apart than :data:`MAX_SPAN` (ids differing by more than
   2). A claim may so span two or three neighbouring sentences of one account (one account
   splits what another says in one sentence), but a chain of partial links through headlines
   and summaries cannot pull in a whole article: the sentences each account contributes to a
   claim stay within one short stretch. And a *partial* link never fuses two groups that each
   stand on a strong link (two claims that a summary sentence partly carries stay two): it
   brings a sentence into a claim, or joins partial pieces (a split claim).
3. Every sentence is then the *home* member of exactly one claim; a sentence in no link is a
   claim of its own (one member, kind ``strong`` by convention). A link that could not join
   (a headline that sums up several claims, a lead restating a later quote) *attaches* its
   sentence to the other side's claim, as a member with ``home=False``, when its account has
   no member there yet: the claim is then carried by that account too (partly, or strongly
   when the link is strong).

Each member's ``kind`` is the strongest link tying it to another member of its claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from readerui.model import Alignment, Analysis, Claim, ClaimMember, LinkKind

MAX_SPAN = 2  # most distance between two sentence ids of one account within one claim

Node = tuple[int, int]  # (account, sentence id)


class _Groups:
    """Union-find over sentences, keeping each group's id range per account."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.span: dict[Node, dict[int, tuple[int, int]]] = {}
        self.strong: dict[Node, bool] = {}  # the group stands on a strong link

    def add(self, node: Node) -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.span[node] = {node[0]: (node[1], node[1])}
            self.strong[node] = False

    def find(self, node: Node) -> Node:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def join(self, u: Node, v: Node, kind: LinkKind) -> bool:
        """Join the groups of u and v (linked with ``kind``) when every account's ids stay
        within MAX_SPAN, and, for a partial link, unless both groups stand on a strong link."""
        ru, rv = self.find(u), self.find(v)
        if ru == rv:
            return True
        if kind == "partial" and self.strong[ru] and self.strong[rv]:
            return False
        su, sv = self.span[ru], self.span[rv]
        merged = dict(su)
        for account, (low, high) in sv.items():
            if account in merged:
                low, high = min(low, merged[account][0]), max(high, merged[account][1])
                if high - low > MAX_SPAN:
                    return False
            merged[account] = (low, high)
        if len(su) < len(sv):
            ru, rv = rv, ru
        self.parent[rv] = ru
        self.span[ru] = merged
        self.strong[ru] = self.strong[ru] or self.strong[rv] or kind == "strong"
        del self.span[rv], self.strong[rv]
        return True


def _alignment(pair: Analysis | Alignment) -> Alignment:
    return pair.alignment if isinstance(pair, Analysis) else pair


def _edges(pairs: Mapping[tuple[int, int], Analysis | Alignment]
           ) -> dict[tuple[Node, Node], tuple[LinkKind, float]]:
    """Each linked sentence pair once, with the strongest link joining it."""
    edges: dict[tuple[Node, Node], tuple[LinkKind, float]] = {}
    for (i, j), pair in pairs.items():
        for link in _alignment(pair).links:
            for x in link.a:
                for y in link.b:
                    key = ((i, x), (j, y)) if i < j else ((j, y), (i, x))
                    old = edges.get(key)
                    if old is None or (link.kind == "strong", link.score) > (
                            old[0] == "strong", old[1]):
                        edges[key] = (link.kind, link.score)
    return edges


def _sizes(n_accounts: int, pairs: Mapping[tuple[int, int], Analysis | Alignment]) -> list[int]:
    sizes = [0] * n_accounts
    for (i, j), pair in pairs.items():
        alignment = _alignment(pair)
        sizes[i], sizes[j] = max(sizes[i], alignment.n_a), max(sizes[j], alignment.n_b)
    return sizes


def _stronger(old: LinkKind | None, new: LinkKind) -> LinkKind:
    return "strong" if "strong" in (old, new) else "partial"


def _speaker(nodes: Sequence[Node], speakers: Sequence[Sequence[str | None]] | None
             ) -> str | None:
    """The speaker most home members have (a named one wins a tie with the narrator)."""
    if not speakers:
        return None
    votes = Counter(speakers[a][s] for a, s in nodes if a < len(speakers) and s < len(speakers[a]))
    if not votes:
        return None
    return min(votes, key=lambda name: (-votes[name], name is None, name or ""))


def _topics(nodes: Sequence[Node], topics: Sequence[Sequence[Sequence[str]]] | None
            ) -> tuple[str, ...]:
    if not topics:
        return ()
    counts = Counter(t for a, s in nodes if a < len(topics) and s < len(topics[a])
                     for t in dict.fromkeys(topics[a][s]))
    return tuple(sorted(counts, key=lambda t: (-counts[t], t)))


def join_claims(n_accounts: int, pairs: Mapping[tuple[int, int], Analysis | Alignment], *,
                speakers: Sequence[Sequence[str | None]] | None = None,
                topics: Sequence[Sequence[Sequence[str]]] | None = None) -> tuple[Claim, ...]:
    """Claims from the links of every pair ``(i, j)`` (account i as A; see the module's notes).

    ``pairs`` maps account pairs to their analysis (or alignment); accounts are 0-based in
    command-line order. ``speakers[i][s]`` / ``topics[i][s]``, when given, name each sentence's
    speaker and topics: a claim's speaker is the one most of its home members have, its topics
    those they mention (most frequent first). Claims are numbered in reading order of the first
    account that has them, every sentence of every account is in one.
    """
    sizes = _sizes(n_accounts, pairs)
    edges = _edges(pairs)
    groups = _Groups()
    for account, size in enumerate(sizes):
        for sentence in range(size):
            groups.add((account, sentence))
    order = sorted(edges, key=lambda e: (edges[e][0] != "strong", -edges[e][1], e))
    for u, v in order:
        groups.join(u, v, edges[(u, v)][0])
    home: dict[Node, list[Node]] = {}
    for account, size in enumerate(sizes):
        for sentence in range(size):
            home.setdefault(groups.find((account, sentence)), []).append((account, sentence))
    kinds: dict[Node, LinkKind] = {}
    attached: dict[tuple[Node, Node], LinkKind] = {}  # (claim root, sentence) -> kind
    for (u, v), (kind, _) in edges.items():
        ru, rv = groups.find(u), groups.find(v)
        if ru == rv:
            kinds[u], kinds[v] = _stronger(kinds.get(u), kind), _stronger(kinds.get(v), kind)
            continue
        for node, root in ((u, rv), (v, ru)):
            if node[0] not in groups.span[root]:
                attached[(root, node)] = _stronger(attached.get((root, node)), kind)
    extra: dict[Node, list[ClaimMember]] = {}
    for (root, node), kind in attached.items():
        extra.setdefault(root, []).append(ClaimMember(node[0], node[1], kind, home=False))
    ordered = sorted(home.items(), key=lambda item: min(item[1]))
    claims = []
    for number, (root, nodes) in enumerate(ordered):
        members = [ClaimMember(a, s, kinds.get((a, s), "strong")) for a, s in nodes]
        members.extend(extra.get(root, ()))
        members.sort(key=lambda m: (m.account, m.sentence))
        claims.append(Claim(number, tuple(members), _speaker(nodes, speakers),
                            _topics(nodes, topics)))
    return tuple(claims)
