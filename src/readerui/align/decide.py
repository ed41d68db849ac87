"""Decide the links: candidates from an inverted index, a monotone chain, reordering, groups."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import filterfalse, pairwise
from typing import NamedTuple

from rapidfuzz.distance import Indel

from readerui.align.features import FeatureSpace, build_space, join_sequences
from readerui.align.settings import AlignSettings
from readerui.gcpause import collector_paused
from readerui.model import Alignment, Document, Link, LinkKind


class Measure(NamedTuple):
    """How much two sides of a (possible) link share (a named tuple: hundreds of thousands are
    made for long documents)."""

    score: float  # blend of weighted overlap (Dice) and word order, in [0, 1]
    cover_a: float  # share of A's weight that B carries
    cover_b: float  # share of B's weight that A carries


_NOTHING = Measure(0.0, 0.0, 0.0)
_similarity = Indel.normalized_similarity


class Scorer:
    """Scores sentence groups of A against groups of B in one feature space."""

    def __init__(self, space: FeatureSpace, settings: AlignSettings) -> None:
        self.space = space
        self.settings = settings
        self._pairs: dict[tuple[int, int], Measure] = {}
        self._weight_of = space.weights.__getitem__
        self._order_weight = settings.order_weight

    def group(self, a_ids: tuple[int, ...], b_ids: tuple[int, ...]) -> Measure:
        """Measure of the sentences ``a_ids`` of A against ``b_ids`` of B."""
        if len(a_ids) == 1 and len(b_ids) == 1:
            return self.pair(a_ids[0], b_ids[0])
        pa = [self.space.a[i] for i in a_ids]
        pb = [self.space.b[j] for j in b_ids]
        fa = frozenset().union(*(p.features for p in pa))
        fb = frozenset().union(*(p.features for p in pb))
        return self._measure(fa, fb, self.space.weight(fa), self.space.weight(fb),
                             join_sequences([p.sequence for p in pa]),
                             join_sequences([p.sequence for p in pb]))

    def pair(self, i: int, j: int) -> Measure:
        """Measure of sentence ``i`` of A against sentence ``j`` of B (cached)."""
        key = (i, j)
        measure = self._pairs.get(key)
        if measure is None:
            pa, pb = self.space.a[i], self.space.b[j]
            measure = self._measure(pa.features, pb.features, pa.weight, pb.weight, pa.sequence,
                                    pb.sequence)
            self._pairs[key] = measure
        return measure

    def strengths(self, pairs: Iterable[tuple[int, int]]) -> list[float]:
        """``strength(pair(i, j))`` of each pair, with the measures cached as ``pair`` caches
        them: the same arithmetic inlined in one loop (this is the aligner's inner loop)."""
        cache = self._pairs
        cached = cache.get
        profiles_a, profiles_b = self.space.a, self.space.b
        weight_of = self._weight_of
        weight = self._order_weight
        new = tuple.__new__
        settings = self.settings
        contain, contain_min = settings.containment_threshold, settings.containment_min_score
        link = settings.link_threshold
        out: list[float] = []
        append = out.append
        for key in pairs:
            measure = cached(key)
            if measure is None:
                pa, pb = profiles_a[key[0]], profiles_b[key[1]]
                wa, wb = pa.weight, pb.weight
                common = pa.features & pb.features if wa > 0 and wb > 0 else None
                shared = sum(map(weight_of, common)) if common else 0.0
                if shared <= 0:
                    measure = _NOTHING
                else:
                    dice = 2 * shared / (wa + wb)
                    seq_a, seq_b = pa.sequence, pb.sequence
                    order = _similarity(seq_a, seq_b) if seq_a and seq_b else dice
                    measure = new(Measure, (min(1.0, max(0.0, (1 - weight) * dice
                                                         + weight * order)),
                                            min(1.0, shared / wa), min(1.0, shared / wb)))
                cache[key] = measure
            score, cover_a, cover_b = measure
            contained = cover_a if cover_a > cover_b else cover_b
            if contained >= contain and score >= contain_min:
                step = link * contained / contain  # as ``strength``
                append(score if score > step else step)
            else:
                append(score)
        return out

    def _measure(self, fa: frozenset[int], fb: frozenset[int], wa: float, wb: float,
                 seq_a: str | Sequence[int], seq_b: str | Sequence[int]) -> Measure:
        """Weighted Dice of the feature sets blended with rapidfuzz word-order similarity."""
        if wa <= 0 or wb <= 0:
            return _NOTHING
        common = fa & fb
        if not common:
            return _NOTHING
        shared = sum(map(self._weight_of, common))  # as FeatureSpace.weight
        if shared <= 0:
            return _NOTHING
        dice = 2 * shared / (wa + wb)
        order = _similarity(seq_a, seq_b) if seq_a and seq_b else dice
        weight = self._order_weight
        score = min(1.0, max(0.0, (1 - weight) * dice + weight * order))
        return Measure(score, min(1.0, shared / wa), min(1.0, shared / wb))

    def strength(self, measure: Measure) -> float:
        """How strongly a measure supports a link: its score, or containment of one side."""
        settings = self.settings
        contained = max(measure.cover_a, measure.cover_b)
        if contained >= settings.containment_threshold and \
                measure.score >= settings.containment_min_score:
            # Enough to link, more the fuller the containment.
            return max(measure.score,
                       settings.link_threshold * contained / settings.containment_threshold)
        return measure.score


def candidate_pairs(space: FeatureSpace, settings: AlignSettings) -> set[tuple[int, int]]:
    """Pairs (i, j) worth scoring: all of them for short documents, else from an inverted index.

    Each sentence of A looks up its ``query_words`` heaviest words whose posting lists in B are
    short (``max_posting``), so the cost grows with the number of sentences, not its square.
    Each side keeps its ``candidates_per_sentence`` best partners by shared weight.
    """
    n_a, n_b = len(space.a), len(space.b)
    if n_a * n_b <= settings.exhaustive_pairs:
        return {(i, j) for i in range(n_a) for j in range(n_b)}
    weights = space.weights
    postings = space.postings_b
    limit = settings.candidates_per_sentence
    n_query = settings.query_words
    weight_of = weights.__getitem__
    # Words worth a look-up: their posting lists in B are short.
    queryable = {f for f, js in postings.items() if len(js) <= settings.max_posting}
    best_of_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    full: set[int] = set()  # B sentences with two or more candidates of their own
    pairs: set[tuple[int, int]] = set()
    heappush, heapreplace = heapq.heappush, heapq.heapreplace
    for i, profile in enumerate(space.a):
        # sorted(..., reverse=True)[:n] is what heapq.nlargest gives, ties in the same order
        query = sorted(filter(queryable.__contains__, profile.features), key=weight_of,
                       reverse=True)[:n_query]
        shared: dict[int, float] = {}
        get = shared.get
        for f in query:
            w = weights[f]
            for j in postings[f]:
                shared[j] = get(j, 0.0) + w
        # the best partners, ties in order of first sight (a stable sort)
        top = sorted(shared, key=shared.__getitem__, reverse=True)[:limit]
        for j in top:
            w = shared[j]
            pairs.add((i, j))
            heap = best_of_b[j]
            if len(heap) < limit:
                heappush(heap, (w, i))
                if len(heap) == 2:
                    full.add(j)
            elif w > heap[0][0]:
                heapreplace(heap, (w, i))
        if len(top) < len(shared):  # B sentences that have few candidates of their own
            for j in filterfalse(full.__contains__, shared):
                heap = best_of_b[j]
                heappush(heap, (shared[j], i))
                if len(heap) == 2:
                    full.add(j)
    for j, heap in best_of_b.items():
        for _, i in heap:
            pairs.add((i, j))
    return pairs


def _monotone_chain(pairs: list[tuple[int, int, float]], n_b: int) -> list[tuple[int, int]]:
    """The chain of pairs increasing in both i and j with the largest total strength.

    A weighted longest-increasing-subsequence with a Fenwick tree of prefix maxima: O(k log k).
    """
    tree_value = [0.0] * (n_b + 1)
    tree_index = [-1] * (n_b + 1)
    back = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], pairs[k][1]))
    position = 0
    while position < len(order):
        i = pairs[order[position]][0]
        batch = []
        while position < len(order) and pairs[order[position]][0] == i:
            batch.append(order[position])
            position += 1
        for k in batch:  # query all of this row before updating: one pair per row
            j = pairs[k][1]
            best, best_k, x = 0.0, -1, j  # prefix over b ids < j (tree is 1-based)
            while x > 0:
                if tree_value[x] > best:
                    best, best_k = tree_value[x], tree_index[x]
                x -= x & -x
            total[k] = best + pairs[k][2]
            back[k] = best_k
        for k in batch:
            x = pairs[k][1] + 1
            while x <= n_b:
                if total[k] > tree_value[x]:
                    tree_value[x], tree_index[x] = total[k], k
                x += x & -x
    if not pairs:
        return []
    k = max(range(len(pairs)), key=total.__getitem__)
    chain = []
    while k >= 0:
        chain.append((pairs[k][0], pairs[k][1]))
        k = back[k]
    return chain[::-1]


RESERVED = -1  # group index of sentences kept out of every link (unlinked headlines)


class _Groups:
    """Mutable groups under construction; each sentence in at most one.

    ``of_a``/``of_b`` map a sentence to its group index (or RESERVED); merged-away groups are
    left empty in ``groups``.
    """

    def __init__(self) -> None:
        self.groups: list[tuple[list[int], list[int]]] = []
        self.of_a: dict[int, int] = {}
        self.of_b: dict[int, int] = {}

    def reserve(self, a_ids: set[int], b_ids: set[int]) -> None:
        """Keep these sentences out of every link."""
        for i in a_ids:
            self.of_a.setdefault(i, RESERVED)
        for j in b_ids:
            self.of_b.setdefault(j, RESERVED)

    def add(self, i: int, j: int) -> None:
        """A new 1:1 group."""
        index = len(self.groups)
        self.groups.append(([i], [j]))
        self.of_a[i] = index
        self.of_b[j] = index

    def merge(self, first: int, second: int) -> int:
        """Join two groups into a new one; the old ones are left empty. Returns the new index."""
        a_ids = sorted(self.groups[first][0] + self.groups[second][0])
        b_ids = sorted(self.groups[first][1] + self.groups[second][1])
        self.groups[first] = ([], [])
        self.groups[second] = ([], [])
        index = len(self.groups)
        self.groups.append((a_ids, b_ids))
        for i in a_ids:
            self.of_a[i] = index
        for j in b_ids:
            self.of_b[j] = index
        return index

    def extend(self, index: int, side: str, x: int) -> None:
        """Add sentence ``x`` of ``side`` ("a" or "b") to a group."""
        a_ids, b_ids = self.groups[index]
        if side == "a":
            a_ids.append(x)
            a_ids.sort()
            self.of_a[x] = index
        else:
            b_ids.append(x)
            b_ids.sort()
            self.of_b[x] = index


def _near(x: int, members: list[int], window: int) -> bool:
    """Whether ``x`` is within ``window`` sentences of some member."""
    return any(abs(x - m) <= window for m in members)


def _grow(groups: _Groups, scorer: Scorer, partners_a: dict[int, list[int]],
          partners_b: dict[int, list[int]], settings: AlignSettings) -> None:
    """Add free sentences to groups where they carry more of the group's other side.

    A sentence joins when most of it is about the other side (``grow_min_coverage``) and it adds
    to what that side has covered (``grow_min_gain``); the best addition is made first.
    """
    heap: list[tuple[float, int, str, int]] = []

    def consider(index: int) -> None:
        a_ids, b_ids = groups.groups[index]
        for side, own, other, partners, taken in (
            ("a", a_ids, b_ids, partners_b, groups.of_a),
            ("b", b_ids, a_ids, partners_a, groups.of_b),
        ):
            if len(own) >= settings.max_group_size:
                continue
            seen: set[int] = set()
            for y in other:
                for x in partners.get(y, ()):
                    if x in taken or x in seen or not _near(x, own, settings.group_window):
                        continue
                    seen.add(x)
                    gain = _gain(scorer, side, x, a_ids, b_ids, settings)
                    if gain > 0:
                        heapq.heappush(heap, (-gain, index, side, x))

    for index in range(len(groups.groups)):
        if groups.groups[index][0]:
            consider(index)
    while heap:
        _, index, side, x = heapq.heappop(heap)
        taken = groups.of_a if side == "a" else groups.of_b
        a_ids, b_ids = groups.groups[index]
        own = a_ids if side == "a" else b_ids
        if x in taken or len(own) >= settings.max_group_size:
            continue
        if _gain(scorer, side, x, a_ids, b_ids, settings) <= 0:
            continue  # the group changed since this was queued and x no longer helps
        groups.extend(index, side, x)
        consider(index)


def _gain(scorer: Scorer, side: str, x: int, a_ids: list[int], b_ids: list[int],
          settings: AlignSettings) -> float:
    """How much ``x`` adds when it joins this side of the group, or 0 when it should not join.

    It joins when enough of it is about the other side (``grow_min_coverage``) and it adds to
    what that side has covered (``grow_min_gain``), or, for a short sentence, when most of it is
    about the other side (``grow_min_own``) and half of that is new to the group.
    """
    space = scorer.space
    own_ids, other_ids = (a_ids, b_ids) if side == "a" else (b_ids, a_ids)
    own_profiles = space.a if side == "a" else space.b
    other_profiles = space.b if side == "a" else space.a
    x_features = own_profiles[x].features
    x_weight = own_profiles[x].weight
    other_features = frozenset().union(*(other_profiles[y].features for y in other_ids))
    own_features = frozenset().union(*(own_profiles[y].features for y in own_ids))
    if x_weight <= 0:
        return 0.0
    carried = x_features & other_features
    own_cover = space.weight(carried) / x_weight
    novel = space.weight(carried - own_features)
    other_weight = space.weight(other_features)
    gain = novel / other_weight if other_weight > 0 else 0.0
    if own_cover >= settings.grow_min_coverage and gain >= settings.grow_min_gain:
        return gain
    if own_cover >= settings.grow_min_own and novel >= 0.5 * own_cover * x_weight:
        return gain
    return 0.0


def _fill_gaps(groups: _Groups, chain: list[tuple[int, int]], scorer: Scorer,
               strength: dict[tuple[int, int], float], partners_a: dict[int, list[int]],
               partners_b: dict[int, list[int]], settings: AlignSettings) -> None:
    """Link pairs inside small gaps between consecutive links of the monotone chain.

    A sentence sandwiched between two linked neighbours on both sides most likely pairs with the
    sentence sandwiched opposite, so a lower score (``gap_threshold``) is enough there, provided
    neither sentence has a better free partner elsewhere. Only true sandwiches count: the start
    or end of a document proves nothing.
    """

    def best_free_a(i: int) -> float:
        return max((strength[i, j] for j in partners_a.get(i, ()) if j not in groups.of_b),
                   default=0.0)

    def best_free_b(j: int) -> float:
        return max((strength[i, j] for i in partners_b.get(j, ()) if i not in groups.of_a),
                   default=0.0)

    for (i1, j1), (i2, j2) in pairwise(chain):
        if i2 - i1 - 1 > settings.gap_size or j2 - j1 - 1 > settings.gap_size:
            continue
        free_a = [i for i in range(i1 + 1, i2) if i not in groups.of_a]
        free_b = [j for j in range(j1 + 1, j2) if j not in groups.of_b]
        scored = sorted(((scorer.pair(i, j).score, i, j) for i in free_a for j in free_b),
                        reverse=True)
        for score, i, j in scored:
            if score >= settings.gap_threshold and i not in groups.of_a \
                    and j not in groups.of_b and score >= best_free_a(i) \
                    and score >= best_free_b(j):
                groups.add(i, j)


def _merge(groups: _Groups, scorer: Scorer, partners_a: dict[int, list[int]],
           settings: AlignSettings) -> None:
    """Merge neighbouring links into one n:m group when their sentences cross-cover each other.

    Two links merge when a cross pair scores nearly as well as the weaker link
    (``merge_cross_ratio``), the merged group scores at least as well as either link, and it
    covers at least ``merge_min_gain`` more of some member side than that member's link did.
    """
    heap: list[tuple[float, int, int]] = []

    def consider(index: int) -> None:
        a_ids, b_ids = groups.groups[index]
        for i in a_ids:
            for j in partners_a.get(i, ()):
                other = groups.of_b.get(j, RESERVED)
                if other in (RESERVED, index):
                    continue
                o_a, o_b = groups.groups[other]
                if not (any(_near(x, a_ids, settings.group_window) for x in o_a)
                        and any(_near(y, b_ids, settings.group_window) for y in o_b)):
                    continue
                if len(a_ids) + len(o_a) > settings.max_group_size or \
                        len(b_ids) + len(o_b) > settings.max_group_size:
                    continue
                cross = scorer.pair(i, j).score
                heapq.heappush(heap, (-cross, index, other))

    def worth(first: int, second: int, cross: float) -> bool:
        a1, b1 = (tuple(x) for x in groups.groups[first])
        a2, b2 = (tuple(x) for x in groups.groups[second])
        m1, m2 = scorer.group(a1, b1), scorer.group(a2, b2)
        if cross < settings.merge_cross_ratio * min(m1.score, m2.score):
            return False
        all_a, all_b = tuple(sorted(a1 + a2)), tuple(sorted(b1 + b2))
        if scorer.group(all_a, all_b).score < max(m1.score, m2.score):
            return False  # the two links were each tighter than their union
        gains = (
            scorer.group(all_a, b1).cover_b - m1.cover_b,
            scorer.group(a1, all_b).cover_a - m1.cover_a,
            scorer.group(all_a, b2).cover_b - m2.cover_b,
            scorer.group(a2, all_b).cover_a - m2.cover_a,
        )
        return max(gains) >= settings.merge_min_gain

    for index in range(len(groups.groups)):
        if groups.groups[index][0]:
            consider(index)
    while heap:
        negative, first, second = heapq.heappop(heap)
        if not groups.groups[first][0] or not groups.groups[second][0]:
            continue
        if worth(first, second, -negative):
            consider(groups.merge(first, second))


def _link_titles(groups: _Groups, a: Document, b: Document, scorer: Scorer,
                 settings: AlignSettings) -> tuple[set[int], set[int]]:
    """Link the headlines of A and B to each other; return the title ids kept out of other links.

    When both accounts have a headline, headlines link only with each other: a headline sums up
    the story, so it resembles the lead sentence, but it does not carry the same content.
    """
    titles_a = [s.id for s in a.sentences if s.role == "title"]
    titles_b = [s.id for s in b.sentences if s.role == "title"]
    if not titles_a or not titles_b:
        return set(), set()
    space = scorer.space
    scored = sorted(((scorer.pair(i, j).score, i, j) for i in titles_a for j in titles_b
                     if space.a[i].features and space.b[j].features),  # no words, nothing to say
                    key=lambda item: (-item[0], item[1], item[2]))
    for score, i, j in scored:
        if score >= settings.title_threshold and i not in groups.of_a and j not in groups.of_b:
            groups.add(i, j)
    return set(titles_a), set(titles_b)


def _score_candidates(scorer: Scorer, settings: AlignSettings, excluded_a: set[int],
                      excluded_b: set[int]) -> dict[tuple[int, int], float]:
    """Strength of every candidate pair, plus the diagonal neighbours of each sentence's best.

    The neighbours give sentences made of common words a chance next to well-anchored ones.
    """
    n_a, n_b = len(scorer.space.a), len(scorer.space.b)
    pairs: Collection[tuple[int, int]] = candidate_pairs(scorer.space, settings)
    if excluded_a or excluded_b:  # in the candidates' order
        pairs = [p for p in pairs if p[0] not in excluded_a and p[1] not in excluded_b]
    strength = dict(zip(pairs, scorer.strengths(pairs), strict=True))
    top_a: dict[int, tuple[float, int]] = {}
    top_b: dict[int, tuple[float, int]] = {}
    for (i, j), s in strength.items():
        if s > top_a.get(i, (0.0, 0))[0]:
            top_a[i] = (s, j)
        if s > top_b.get(j, (0.0, 0))[0]:
            top_b[j] = (s, i)
    anchors = {(i, j) for i, (_, j) in top_a.items()} | {(i, j) for j, (_, i) in top_b.items()}
    for i, j in anchors:
        for d in (-1, 1):
            p = (i + d, j + d)
            if 0 <= p[0] < n_a and 0 <= p[1] < n_b and p not in strength \
                    and p[0] not in excluded_a and p[1] not in excluded_b:
                strength[p] = scorer.strength(scorer.pair(*p))
    return strength


def _link_in_order(groups: _Groups, strength: dict[tuple[int, int], float], n_b: int,
                   settings: AlignSettings) -> list[tuple[int, int]]:
    """Link the best monotone chain of plausible pairs; return the chain.

    A pair is plausible when it clears ``link_threshold`` and is not far weaker than the best
    pair of either of its sentences (``keep_ratio``).
    """
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), s in strength.items():
        best_a[i] = max(best_a[i], s)
        best_b[j] = max(best_b[j], s)
    chain_pairs = [
        (i, j, s) for (i, j), s in strength.items()
        if s >= settings.link_threshold
        and s >= settings.keep_ratio * best_a[i] and s >= settings.keep_ratio * best_b[j]
    ]
    chain = _monotone_chain(chain_pairs, n_b)
    for i, j in chain:
        groups.add(i, j)
    return chain


def _link_reordered(groups: _Groups, strength: dict[tuple[int, int], float],
                    settings: AlignSettings) -> None:
    """Link what is left anywhere in the other document, strongest pairs first."""
    leftovers = sorted(
        ((s, i, j) for (i, j), s in strength.items()
         if s >= settings.reorder_threshold and i not in groups.of_a and j not in groups.of_b),
        reverse=True,
    )
    for _, i, j in leftovers:
        if i not in groups.of_a and j not in groups.of_b:
            groups.add(i, j)


def link_kind(measure: Measure, settings: AlignSettings) -> LinkKind:
    """``strong`` when each side carries enough of the other and neither far more than the
    other (same content), else ``partial`` (one clause or fact shared)."""
    low, high = sorted((measure.cover_a, measure.cover_b))
    if low >= settings.strong_threshold and low >= settings.strong_balance * high:
        return "strong"
    return "partial"


def _to_links(groups: _Groups, scorer: Scorer, settings: AlignSettings) -> list[Link]:
    """The groups as Links with their score and kind, in reading order of A."""
    links = []
    for a_ids, b_ids in groups.groups:
        if not a_ids:
            continue
        measure = scorer.group(tuple(a_ids), tuple(b_ids))
        links.append(Link(tuple(a_ids), tuple(b_ids), round(measure.score, 4),
                          link_kind(measure, settings)))
    links.sort(key=lambda link: (link.a[0], link.b[0]))
    return links


@dataclass(slots=True)
class ExclusiveResult:
    """The exclusive links with what was computed on the way (reused by many-to-many mode)."""

    links: list[Link]
    scorer: Scorer
    strength: dict[tuple[int, int], float]


def exclusive_links(a: Document, b: Document, settings: AlignSettings,
                    lang: str | tuple[str, str] = "en") -> ExclusiveResult:
    """Links where each sentence is in at most one link, and the scored candidate pairs.

    Steps: IDF-weighted stem sets (with spelling variants folded); candidate pairs from an
    inverted index; headlines linked to each other; a monotone chain (dynamic programming over
    the reading order); leftovers linked anywhere when strong enough (reordering); small gaps
    between chain links filled; groups grown with sentences that add coverage (splits and
    merges); neighbouring links merged into n:m groups when they cover each other.
    """
    space = build_space(a.sentences, b.sentences, lang, settings)
    scorer = Scorer(space, settings)
    groups = _Groups()
    titles_a, titles_b = _link_titles(groups, a, b, scorer, settings)
    strength = _score_candidates(scorer, settings, titles_a, titles_b)
    partners_a: dict[int, list[int]] = defaultdict(list)  # A sentence -> B sentences it shares with
    partners_b: dict[int, list[int]] = defaultdict(list)
    for (i, j), s in strength.items():
        if s > 0:
            partners_a[i].append(j)
            partners_b[j].append(i)

    chain = _link_in_order(groups, strength, len(b.sentences), settings)
    # Headline links count as chain links for gap filling when they keep the order.
    title_links = [(g[0][0], g[1][0]) for g in groups.groups if g[0] and g[0][0] in titles_a]
    chain = sorted([*chain, *(t for t in title_links
                              if all((t[0] < i) == (t[1] < j) for i, j in chain))])
    groups.reserve(titles_a - set(groups.of_a), titles_b - set(groups.of_b))
    _link_reordered(groups, strength, settings)
    _fill_gaps(groups, chain, scorer, strength, partners_a, partners_b, settings)
    _grow(groups, scorer, partners_a, partners_b, settings)
    _merge(groups, scorer, partners_a, settings)
    return ExclusiveResult(_to_links(groups, scorer, settings), scorer, strength)


def align_exclusive(a: Document, b: Document, settings: AlignSettings | None = None,
                    lang: str | tuple[str, str] = "en") -> Alignment:
    """Links between the sentences of ``a`` and ``b`` where each sentence is in at most one
    link (``--exclusive``, the parallel-corpus view), listed in reading order of A."""
    settings = settings or AlignSettings()
    n_a, n_b = len(a.sentences), len(b.sentences)
    if n_a == 0 or n_b == 0:
        return Alignment((), n_a, n_b, exclusive=True)
    with collector_paused():
        links = tuple(exclusive_links(a, b, settings, lang).links)  # the rest freed while paused
    return Alignment(links, n_a, n_b, exclusive=True)
