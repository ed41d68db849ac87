"""Filters, one-sided jumps and search, computed without widgets."""

from __future__ import annotations

from readerui.tui.reading import Filter, carried, matching, next_one_sided, search

from .helpers import council_analysis


def test_speaker_filter_keeps_only_that_speakers_sentences_on_both_sides() -> None:
    analysis = council_analysis()
    chosen = Filter().toggled("speaker", "Tomas Berg")
    assert matching(analysis, "a", chosen) == {4, 5}
    assert matching(analysis, "b", chosen) == {6}
    assert matching(analysis, "a", Filter()) is None
    assert not chosen.toggled("speaker", "Tomas Berg").active


def test_speaker_and_topic_filters_combine_with_and() -> None:
    analysis = council_analysis()
    chosen = Filter(speakers={"Tomas Berg"}, topics={"ridership"})
    assert matching(analysis, "a", chosen) == {5}
    assert matching(analysis, "b", chosen) == set()
    assert chosen.describe() == "speaker: Tomas Berg + topic: ridership"


def test_next_one_sided_walks_both_ways_and_stops_at_the_ends() -> None:
    analysis = council_analysis()
    assert next_one_sided(analysis, "a", 0, 1) == 5
    assert next_one_sided(analysis, "a", 5, 1) == 6
    assert next_one_sided(analysis, "a", 6, -1) == 5
    assert next_one_sided(analysis, "a", 5, -1) is None
    assert next_one_sided(analysis, "b", 0, 1) == 7


def test_search_is_fuzzy_and_covers_both_accounts() -> None:
    analysis = council_analysis()
    hits = search(analysis, "tenders open january")
    found = {(hit.side, hit.sentence) for hit in hits[:2]}
    assert found == {("a", 8), ("b", 5)}
    assert search(analysis, "   ") == []


def test_carried_counts_linked_sentences() -> None:
    analysis = council_analysis()
    value = carried(analysis, "a", range(len(analysis.a)))
    assert (value.total, value.carried) == (12, 7)
    assert carried(analysis, "b", ()).share == 0.0


def test_search_hits_step_in_side_by_side_reading_order() -> None:
    from readerui.tui.reading import SearchHit, reading_order

    analysis = council_analysis()  # links A1-B1, A3-B5, A8-B6 … (1-based)
    hits = [SearchHit("b", 4, 90.0, ""), SearchHit("a", 2, 95.0, ""),
            SearchHit("b", 0, 80.0, ""), SearchHit("a", 0, 70.0, ""),
            SearchHit("b", 7, 85.0, ""), SearchHit("a", 9, 99.0, "")]
    ordered = [(hit.side, hit.sentence) for hit in reading_order(analysis, hits)]
    # B1 right after its partner A1; B5 after its partner A3; B8 (unlinked) after A5, the A
    # partner of B7, the nearest linked B sentence above it; A10 last
    assert ordered == [("a", 0), ("b", 0), ("a", 2), ("b", 4), ("b", 7), ("a", 9)]
