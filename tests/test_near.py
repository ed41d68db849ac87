"""Close candidates of unlinked sentences ("only in A?"): kept by the aligner above a floor,
carried by the Alignment, the cache and the JSON contract, counted by the BASIL scorer."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from readerui.align import align
from readerui.align.settings import AlignSettings
from readerui.analysis import analyse
from readerui.exports import to_contract
from readerui.model import Alignment, Link, Near
from readerui.store.serial import analysis_from_data, analysis_to_data
from test_align import document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from basil_eval import one_sided_counts  # noqa: E402  (benchmarks/basil_eval.py)

# Written for this test: one shared fact, one sentence that only loosely echoes B's second
# sentence (a few shared words, another claim), and one about something else entirely.
TEXT_A = [
    "The river ferry service will stop running on Monday after forty years.",
    "Ferry passengers complained about the river crossing fares last winter.",
    "A bakery on the high street won a national prize for its rye bread.",
]
TEXT_B = [
    "After forty years, the river ferry service stops running on Monday.",
    "The council said river crossing fares would rise for passengers next year.",
    "Volunteers will keep the old ferry landing tidy.",
]


def aligned(floor: float) -> Alignment:
    return align(document(TEXT_A), document(TEXT_B), AlignSettings(near_floor=floor))


def test_near_candidates_are_unlinked_sentences_with_a_partner_in_range() -> None:
    result = aligned(0.0)
    assert result.near, "at floor 0 some unlinked sentence has a candidate"
    for near in result.near:
        assert not result.links_of(near.side, near.sentence)
        assert 0 <= near.other < (result.n_b if near.side == "a" else result.n_a)
        assert 0.0 <= near.score <= 1.0
        assert result.near_of(near.side, near.sentence) == near
    assert result.near_of("a", 0) is None  # linked: never "maybe"


def test_the_floor_only_drops_candidates() -> None:
    low, high = aligned(0.0), aligned(0.12)
    kept = {(n.side, n.sentence): n for n in low.near if n.score >= 0.12}
    assert {(n.side, n.sentence): n for n in high.near} == kept
    assert not aligned(1.0).near


def test_uncertain_only_in_is_the_unlinked_sentences_with_a_candidate() -> None:
    result = aligned(0.0)
    for side in ("a", "b"):
        maybe = result.uncertain_only_in(side)  # type: ignore[arg-type]
        assert set(maybe) <= set(result.only_in(side))  # type: ignore[arg-type]
        assert set(maybe) == {n.sentence for n in result.near if n.side == side}


def test_swapped_alignment_moves_near_to_the_other_side() -> None:
    result = Alignment((Link((0,), (0,), 0.9, "strong"),), 3, 2,
                       near=(Near("a", 2, 1, 0.2), Near("b", 1, 0, 0.3)))
    flipped = result.swapped()
    assert flipped.near_of("b", 2) == Near("b", 2, 1, 0.2)
    assert flipped.near_of("a", 1) == Near("a", 1, 0, 0.3)
    assert flipped.near_of("a", 2) is None


def small_analysis():  # type: ignore[no-untyped-def]
    from readerui.settings import Settings

    settings = Settings()
    settings = replace(settings, align=replace(settings.align, near_floor=0.0))
    return analyse(document(TEXT_A), document(TEXT_B), settings, parallel=False)


def test_cache_round_trip_keeps_near_and_refuses_bad_entries() -> None:
    analysis = small_analysis()
    assert analysis.alignment.near
    data = json.loads(json.dumps(analysis_to_data(analysis)))
    assert analysis_from_data(data).alignment.near == analysis.alignment.near
    for bad in (["c", 0, 0, 0.1], ["a", 99, 0, 0.1], ["a", 0, 99, 0.1], ["a", 0, 0, 2.0],
                ["a", "0", 0, 0.1]):
        broken = dict(data, near=[bad])
        with pytest.raises(ValueError):
            analysis_from_data(broken)


def test_contract_lists_near_as_a_new_top_level_field() -> None:
    analysis = small_analysis()
    contract = to_contract(analysis)
    assert contract["version"] == 2
    assert contract["near"] == [{"side": n.side, "id": n.sentence, "other": n.other,
                                 "score": round(n.score, 4)} for n in analysis.alignment.near]


def test_scorer_splits_false_only_into_confident_and_maybe() -> None:
    # gold: a0~b0 and a1~b1; the engine linked a0~b0 only, and offers b1 as a1's candidate
    gold = {"links": [{"a": 0, "b": 0}, {"a": 1, "b": 1}],
            "a": [{"i": i} for i in range(3)], "b": [{"i": i} for i in range(3)]}

    class Fake:
        alignment = Alignment((Link((0,), (0,), 0.9, "strong"),), 3, 3,
                              near=(Near("a", 1, 1, 0.3), Near("a", 2, 2, 0.1)))

    c = one_sided_counts(gold, Fake())  # type: ignore[arg-type]
    # gold-linked: a0 a1 b0 b1; shown one-sided: a1 (flagged) and b1 (confident)
    assert (c.linked_gold, c.false_only, c.flagged_maybe, c.confident_only) == (4, 2, 1, 1)
    # gold-unlinked: a2 (flagged at any floor up to 0.1) and b2 (confident)
    assert (c.true_only, c.true_only_kept) == (2, 1)
    high = one_sided_counts(gold, Fake(), floor=0.2)  # type: ignore[arg-type]
    assert (high.flagged_maybe, high.confident_only, high.true_only_kept) == (1, 1, 2)
