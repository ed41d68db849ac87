"""Many-to-many links: every pair of sentences that shares a fact, claim or statement.

News accounts restate: a headline sums up the lead and the main quote, a lead reports a quote
that comes again in the body. So a sentence may be in several links. The exclusive alignment
(``decide``) is computed first and kept (its links are also one feature among many); then every
candidate pair gets a feature vector (``pairfeatures``) and a learned scorer (``linkmodel``)
decides whether it is a further link and whether a link is strong or partial. A pair of
sentences is in at most one link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readerui.align.decide import ExclusiveResult, exclusive_links
from readerui.align.linkmodel import LinkModel, default_model
from readerui.align.pairfeatures import FEATURE_NAMES, PairContext
from readerui.align.settings import AlignSettings
from readerui.gcpause import collector_paused
from readerui.model import Alignment, Document, Link, LinkKind, Near, Side

Semantic = Callable[[list[tuple[int, int]]], Sequence[float]]


def candidate_pairs_many(result: ExclusiveResult, a: Document, b: Document,
                         settings: AlignSettings, every_pair: bool = False
                         ) -> list[tuple[int, int]]:
    """Pairs the learned scorer looks at, sorted.

    Short documents (``model_exhaustive_pairs``): every pair that shares a word (every pair at
    all with ``every_pair``, for a semantic signal). Longer ones: the exclusive pass's candidates
    (inverted index), the exclusive links, and each headline against the sentences that share
    one of its rarer words, so the cost grows with the number of sentences, not its square;
    of these, the pairs outside the exclusive links (those are kept, with the exclusive pass's
    kind) that score at least ``model_min_score``.
    """
    n_a, n_b = len(a.sentences), len(b.sentences)
    scorer = result.scorer
    if n_a * n_b <= settings.model_exhaustive_pairs:
        every = [(i, j) for i in range(n_a) for j in range(n_b)]
        if every_pair:
            return every
        return [p for p in every if scorer.pair(*p).score > 0]
    pairs = set(result.strength)
    pairs.update((i, j) for link in result.links for i in link.a for j in link.b)
    space = scorer.space
    for s in a.sentences:
        if s.role == "title":
            for f in space.a[s.id].features:
                pairs.update((s.id, j) for j in space.postings_b.get(f, ())[:settings.max_posting])
    for s in b.sentences:
        if s.role == "title":
            pairs.update((i, s.id) for i in range(min(n_a, settings.max_posting)))
    backbone = {(i, j) for link in result.links for i in link.a for j in link.b}
    floor = settings.model_min_score
    return sorted(p for p in pairs - backbone if scorer.pair(*p).score >= floor)


@dataclass(slots=True)
class PairTable:
    """Candidate pairs of one document pair with their features (for training and deciding)."""

    pairs: list[tuple[int, int]]
    rows: Sequence[Sequence[float]]  # one row of FEATURE_NAMES columns per pair
    result: ExclusiveResult | None  # None for tables rebuilt from stored rows (training)


def pair_table(a: Document, b: Document, settings: AlignSettings,
               lang: str | tuple[str, str] = "en", semantic: Semantic | None = None
               ) -> PairTable:
    """The exclusive alignment, the candidate pairs and their feature rows."""
    result = exclusive_links(a, b, settings, lang)
    pairs = candidate_pairs_many(result, a, b, settings, every_pair=semantic is not None)
    backbone = {(i, j) for link in result.links for i in link.a for j in link.b}
    speakers = None
    if len(a.sentences) * len(b.sentences) <= settings.model_exhaustive_pairs:
        # Articles (a few hundred pairs): whether both sentences report one speaker is strong
        # evidence, and the speaker pass costs little at this size. Long documents go without
        # (the pass is not linear enough to run twice there), as the annotation runs it too.
        from readerui.annotate.speakers import attribute_speakers

        attribution = attribute_speakers(a, b)
        speakers = (attribution.speaker_a, attribution.speaker_b)
    context = PairContext(a, b, result.scorer, lang, semantic, speakers)
    return PairTable(pairs, context.features(pairs, backbone), result)


def decide_links(table: PairTable, model: LinkModel,
                 probability: Sequence[float] | None = None) -> list[Link]:
    """The exclusive links plus every further pair the model calls a link.

    A 1:1 exclusive link and every added pair gets its kind from the model; a group keeps the
    kind of the exclusive pass. Scores are the lexical measure (1.0 for identical sentences),
    as in exclusive mode. Without an exclusive result (training tables), the pairs marked as
    exclusive links in the features stand for it.
    """
    if not table.pairs:
        return list(table.result.links) if table.result is not None else []
    if probability is None:
        probability = model.link.probability(table.rows)
    strong = [p >= model.kind.threshold for p in model.kind.probability(table.rows)]
    score_col = FEATURE_NAMES.index("score")
    index = {pair: k for k, pair in enumerate(table.pairs)}

    def kind(k: int) -> LinkKind:
        return "strong" if strong[k] else "partial"

    links: list[Link] = []
    if table.result is not None:
        for link in table.result.links:
            k = index.get((link.a[0], link.b[0])) if len(link.a) == len(link.b) == 1 else None
            links.append(link if k is None else Link(link.a, link.b, link.score, kind(k)))
        covered = {(i, j) for link in links for i in link.a for j in link.b}
        chosen = [p >= model.link.threshold for p in probability]
    else:
        covered = set()
        backbone = FEATURE_NAMES.index("backbone")
        chosen = [p >= model.link.threshold or row[backbone] > 0
                  for p, row in zip(probability, table.rows, strict=True)]
    for k, pair in enumerate(table.pairs):
        if chosen[k] and pair not in covered:
            links.append(Link((pair[0],), (pair[1],), round(float(table.rows[k][score_col]), 4),
                              kind(k)))
    links.sort(key=lambda link: (link.a[0], link.b[0]))
    return links


def near_matches(table: PairTable, probability: Sequence[float], links: Sequence[Link],
                 floor: float) -> tuple[Near, ...]:
    """For each sentence in none of ``links``, its best candidate in the other account when the
    link model gives that pair a probability of at least ``floor``: the aligner did not link
    them, but it is not sure the sentence is in one account only."""
    linked_a = {i for link in links for i in link.a}
    linked_b = {j for link in links for j in link.b}
    best: dict[tuple[Side, int], tuple[float, int]] = {}
    for (i, j), p in zip(table.pairs, probability, strict=True):
        if p < floor:
            continue
        keys: tuple[tuple[tuple[Side, int], int], ...] = ((("a", i), j), (("b", j), i))
        for key, other in keys:
            if key[1] in (linked_a if key[0] == "a" else linked_b):
                continue
            held = best.get(key)
            if held is None or p > held[0] or (p == held[0] and other < held[1]):
                best[key] = (p, other)
    return tuple(Near(side, sid, other, round(float(p), 4))
                 for (side, sid), (p, other) in sorted(best.items()))


def align_many(a: Document, b: Document, settings: AlignSettings | None = None,
               lang: str | tuple[str, str] = "en", model: LinkModel | None = None,
               semantic: Semantic | None = None) -> Alignment:
    """Many-to-many links between the sentences of ``a`` and ``b``, in reading order of A.

    ``model`` defaults to the shipped lexical scorer (or the semantic one when ``semantic``, a
    function giving a similarity per pair, is passed).
    """
    settings = settings or AlignSettings()
    n_a, n_b = len(a.sentences), len(b.sentences)
    if n_a == 0 or n_b == 0:
        return Alignment((), n_a, n_b)
    model = model or default_model(semantic is not None)
    if not model.semantic:
        semantic = None
    with collector_paused():
        table = pair_table(a, b, settings, lang, semantic)
        probability = model.link.probability(table.rows) if table.pairs else []
        links = tuple(decide_links(table, model, probability))
        near = near_matches(table, probability, links, settings.near_floor)
        # Freed while the collector is paused: re-enabled, it would first walk every object
        # still alive that was made meanwhile (~0.1 s at 10,000 sentences a side, 0.5 s at 40,000).
        del table
    return Alignment(links, n_a, n_b, near=near)
