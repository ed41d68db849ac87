"""Many-to-many links: every pair of sentences that shares a fact, claim or statement.

News accounts restate: a headline sums up the lead and the main quote, a lead reports a quote
that comes again in the body. So a sentence may be in several links. The exclusive alignment
(``decide``) gives the backbone (in-order pairs, groups for split and merged sentences); then
every further pair whose own score clears ``pair_threshold`` is linked too, headlines included.
A pair of sentences is in at most one link.
"""

from __future__ import annotations

from readerui.align.decide import Scorer, exclusive_links, link_kind
from readerui.align.settings import AlignSettings
from readerui.model import Alignment, Document, Link


def _extra_pairs(scorer: Scorer, strength: dict[tuple[int, int], float], a: Document,
                 b: Document, settings: AlignSettings) -> dict[tuple[int, int], float]:
    """Strength of every candidate pair, headline pairs included (the exclusive pass keeps
    headlines out of its candidates)."""
    pairs = dict(strength)
    titles_a = [s.id for s in a.sentences if s.role == "title"]
    titles_b = [s.id for s in b.sentences if s.role == "title"]
    n_a, n_b = len(a.sentences), len(b.sentences)
    if n_a * n_b <= settings.exhaustive_pairs:
        extra = [(i, j) for i in titles_a for j in range(n_b)]
        extra += [(i, j) for j in titles_b for i in range(n_a)]
    else:  # a headline against its likeliest partners only: those that share a rare word
        space = scorer.space
        extra = []
        for i in titles_a:
            for f in space.a[i].features:
                extra.extend((i, j) for j in space.postings_b.get(f, ())[:settings.max_posting])
        for j in titles_b:
            extra.extend((i, j) for i in range(min(n_a, settings.max_posting)))
    for pair in extra:
        if pair not in pairs:
            pairs[pair] = scorer.strength(scorer.pair(*pair))
    return pairs


def align_many(a: Document, b: Document, settings: AlignSettings | None = None,
               lang: str | tuple[str, str] = "en") -> Alignment:
    """Many-to-many links between the sentences of ``a`` and ``b``, in reading order of A.

    Every link of the exclusive alignment, plus every other pair of sentences whose strength
    clears ``pair_threshold`` (kind from how much of each side the other carries).
    """
    settings = settings or AlignSettings()
    n_a, n_b = len(a.sentences), len(b.sentences)
    if n_a == 0 or n_b == 0:
        return Alignment((), n_a, n_b)
    result = exclusive_links(a, b, settings, lang)
    scorer = result.scorer
    links = list(result.links)
    covered = {(i, j) for link in links for i in link.a for j in link.b}
    title_a = {s.id for s in a.sentences if s.role == "title"}
    title_b = {s.id for s in b.sentences if s.role == "title"}
    for (i, j), value in sorted(_extra_pairs(scorer, result.strength, a, b, settings).items()):
        if (i, j) in covered:
            continue
        measure = scorer.pair(i, j)
        if (i in title_a) != (j in title_b):
            # A headline against a body sentence: what counts is how much of the headline the
            # sentence states (a headline is short, so the score of the pair stays low).
            value = max(value, measure.cover_a if i in title_a else measure.cover_b) \
                if measure.score >= settings.title_min_score else value
            threshold = settings.title_cover
        else:
            threshold = settings.pair_threshold
        if value < threshold:
            continue
        links.append(Link((i,), (j,), round(measure.score, 4), link_kind(measure, settings)))
    links.sort(key=lambda link: (link.a[0], link.b[0]))
    return Alignment(tuple(links), n_a, n_b)
