"""The exclusive aligner: one link per sentence at most, reading order, groups, edge cases."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("scipy", reason="the block aligner needs readerui[corpus] (scipy)")

from readerui.align.exclusive import ExclusiveSettings, align_exclusive
from readerui.model import Alignment, Document, Sentence

WORDS = ["river", "flood", "council", "Budget", "the", "a", "of", "Müller", "multi-polar",
         "multipolar", "2024", "Sergey", "Sergei", "strike", "Bahn", "ès", "rain", "said",
         "mayor", "barrier", "school", "closed", "wind", "harbour"]

STORY = [
    "The city council approved a new budget for flood defences on Monday evening.",
    "Heavy rain had caused the river to burst its banks twice this spring.",
    "Mayor Anna Müller said the barrier would protect two thousand homes.",
    "Construction is expected to begin in September and last eighteen months.",
    "Opposition councillors criticised the cost of the project.",
    "They argued that the money should go to schools instead.",
    "A public meeting on the plans will be held at the town hall next week.",
]


def document(texts: list[str]) -> Document:
    """A one-paragraph Document of the given sentences."""
    out, offset = [], 0
    for index, text in enumerate(texts):
        out.append(Sentence(index, 0, "body", text, offset, offset + len(text)))
        offset += len(text) + 1
    return Document(None, " ".join(texts), tuple(out))


def check_invariants(result: Alignment, n_a: int, n_b: int, monotone: bool) -> None:
    """Each sentence in at most one link, ids in range and sorted, scores in [0, 1], order."""
    assert (result.n_a, result.n_b) == (n_a, n_b)
    assert result.exclusive
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for link in result.links:
        assert link.a and link.b
        assert list(link.a) == sorted(set(link.a)) and list(link.b) == sorted(set(link.b))
        assert all(0 <= i < n_a for i in link.a) and all(0 <= j < n_b for j in link.b)
        assert not seen_a & set(link.a) and not seen_b & set(link.b)
        seen_a.update(link.a)
        seen_b.update(link.b)
        assert 0.0 <= link.score <= 1.0
        assert link.kind in ("strong", "partial")
    starts_a = [link.a[0] for link in result.links]
    assert starts_a == sorted(starts_a)  # links are listed in A's reading order
    if monotone:
        for first, second in zip(result.links, result.links[1:], strict=False):
            assert first.a[-1] < second.a[0] and first.b[-1] < second.b[0]


sentence_text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=9).map(
    lambda words: " ".join(words) + ".")
any_text = st.text(max_size=40)
texts = st.lists(st.one_of(sentence_text, any_text), max_size=14)
IN_ORDER = ExclusiveSettings(reorder_threshold=2.0)  # no pass for moved content


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts, st.sampled_from(["en", "de", "xx", ("en", "en"), ("de", "fr")]))
def test_invariants_hold_on_any_documents(texts_a: list[str], texts_b: list[str],
                                          lang: str | tuple[str, str]) -> None:
    a, b = document(texts_a), document(texts_b)
    check_invariants(align_exclusive(a, b, None, lang), len(a), len(b), monotone=False)
    check_invariants(align_exclusive(a, b, None, lang, IN_ORDER), len(a), len(b), monotone=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence_text.filter(lambda t: any(w.isalnum() for w in t)), min_size=1,
                max_size=12))
def test_identical_documents_give_all_strong_one_to_one(entries: list[str]) -> None:
    doc = document(entries)
    result = align_exclusive(doc, doc)
    assert [(link.a, link.b) for link in result.links] == [((i,), (i,)) for i in range(len(doc))]
    assert all(link.kind == "strong" and link.score > 0.99 for link in result.links)


def test_a_sentence_split_in_two_is_one_one_to_two_group() -> None:
    joined = ("Mayor Anna Müller said the barrier would protect two thousand homes, and "
              "construction is expected to begin in September and last eighteen months.")
    a = document([*STORY[:2], joined, *STORY[4:]])
    b = document(STORY)
    links = align_exclusive(a, b).links
    assert any(link.a == (2,) and link.b == (2, 3) for link in links)
    assert sum(1 for link in links if len(link.a) + len(link.b) > 2) == 1


def test_two_sentences_merged_into_one_is_one_two_to_one_group() -> None:
    a = document(STORY)
    merged = ("Opposition councillors criticised the cost of the project and argued that the "
              "money should go to schools instead.")
    b = document([*STORY[:4], merged, *STORY[6:]])
    assert ((4, 5), (4,)) in [(link.a, link.b) for link in align_exclusive(a, b).links]


def test_groups_larger_than_the_programme_step_grow_to_full_size() -> None:
    parts = [
        "The storm closed the harbour on Friday.",
        "Fishing boats stayed in port for three days.",
        "Ferries to the islands were cancelled.",
        "The coast guard rescued two sailors near the lighthouse.",
        "Power lines fell across the northern villages.",
        "Engineers restored electricity by Sunday night.",
    ]
    joined = ("The storm closed the harbour on Friday, so fishing boats stayed in port for three "
              "days, ferries to the islands were cancelled, the coast guard rescued two sailors "
              "near the lighthouse, power lines fell across the northern villages, and engineers "
              "restored electricity by Sunday night.")
    tuning = ExclusiveSettings(max_shape=4)
    links = align_exclusive(document([joined]), document(parts), None, "en", tuning).links
    assert [(link.a, link.b) for link in links] == [((0,), tuple(range(6)))]


def test_sentences_in_one_account_only_stay_unlinked() -> None:
    extra = "Local bakeries reported record sales of pretzels during the festival."
    a = document([*STORY[:3], extra, *STORY[3:]])
    b = document(STORY)
    result = align_exclusive(a, b)
    assert result.link_of("a", 3) is None
    assert [(link.a, link.b) for link in result.links] == \
        [((i,), (i,)) for i in range(3)] + [((i + 1,), (i,)) for i in range(3, len(STORY))]


def test_moved_content_is_linked_out_of_order() -> None:
    order = [5, 6, 0, 1, 2, 3, 4]
    result = align_exclusive(document(STORY), document([STORY[k] for k in order]))
    pairs = {(link.a, link.b) for link in result.links}
    assert pairs == {((k,), (order.index(k),)) for k in range(len(STORY))}


def test_partial_links_when_only_a_clause_is_shared() -> None:
    a = document(["The council approved the flood budget, and the mayor resigned after a long "
                  "dispute over housing, pensions and the new tram line."])
    b = document(["The council approved the flood budget."])
    link = align_exclusive(a, b).links[0]
    assert link.kind == "strong"  # the shorter side is wholly in the other
    c = document(["The council approved the flood budget yesterday, officials said."])
    d = document(["The mayor resigned yesterday over the tram line, officials said."])
    for link in align_exclusive(c, d).links:
        assert link.kind == "partial"


def test_empty_and_one_sentence_documents() -> None:
    empty, one = document([]), document(["A single sentence about the river."])
    assert align_exclusive(empty, empty).links == ()
    assert align_exclusive(empty, one).links == ()
    assert align_exclusive(one, empty).links == ()
    assert [(link.a, link.b) for link in align_exclusive(one, one).links] == [((0,), (0,))]
    blank = document(["", "   ", "..."])
    check_invariants(align_exclusive(blank, one), 3, 1, monotone=True)


def test_long_documents_use_the_band_and_keep_the_invariants() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(3000)]
    a_texts = [" ".join(rng.choice(vocabulary) for _ in range(12)) + "." for _ in range(700)]
    b_texts = []
    truth = set()
    for i, text in enumerate(a_texts):
        if i % 10 == 3:
            continue  # deleted
        if i % 17 == 5:
            b_texts.append("Unrelated filler sentence number " + str(i) + ".")
        truth.add((i, len(b_texts)))
        b_texts.append(text)
    tuning = ExclusiveSettings(full_cells=10_000, band_halfwidth=8)
    result = align_exclusive(document(a_texts), document(b_texts), None, "en", tuning)
    check_invariants(result, len(a_texts), len(b_texts), monotone=False)
    found = {(i, j) for link in result.links for i in link.a for j in link.b}
    assert len(found & truth) >= 0.98 * len(truth)
    assert len(found - truth) <= 0.02 * len(truth)


def _reference_best(space: object, n_a: int, n_b: int, tuning: ExclusiveSettings) -> float:
    """Best total gain by a plain memoised recursion over the same steps (no band, no arrays)."""
    from functools import cache

    from readerui.align import exclusive

    sums = exclusive._Sums(space)  # type: ignore[arg-type]
    shapes = [s for s in exclusive._shapes(tuning) if s[1] > 0]

    @cache
    def best(i: int, j: int) -> float:
        if i == 0 and j == 0:
            return 0.0
        options = []
        if i > 0:
            options.append(best(i - 1, j))
        if j > 0:
            options.append(best(i, j - 1))
        for p, q in shapes:
            if p <= i and q <= j:
                a_ids, b_ids = list(range(i - p, i)), list(range(j - q, j))
                sim = sums.sim(a_ids, b_ids)
                options.append(best(i - p, j - q)
                               + exclusive._gain(space, sim, a_ids, b_ids, tuning))  # type: ignore[arg-type]
        return max(options)

    return best(n_a, n_b)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence_text, min_size=1, max_size=7), st.lists(sentence_text, min_size=1,
                                                                  max_size=7),
       st.booleans())
def test_the_programme_finds_the_best_total_gain(texts_a: list[str], texts_b: list[str],
                                                  banded: bool) -> None:
    from readerui.align import exclusive

    tuning = ExclusiveSettings()
    n_a, n_b = len(texts_a), len(texts_b)
    space = exclusive._build_space(texts_a, texts_b, "en", tuning)
    anchors = exclusive._anchor_path(space, n_a, n_b) if banded else None
    lo, hi = exclusive._band(n_a, n_b, anchors, halfwidth=max(n_a, n_b))  # band holds all
    blocks = exclusive._programme(space, n_a, n_b, lo, hi, tuning)
    sums = exclusive._Sums(space)
    total = 0.0
    for i0, i1, j0, j1 in blocks:
        a_ids, b_ids = list(range(i0, i1)), list(range(j0, j1))
        total += exclusive._gain(space, sums.sim(a_ids, b_ids), a_ids, b_ids, tuning)
    assert abs(total - _reference_best(space, n_a, n_b, tuning)) < 1e-6
