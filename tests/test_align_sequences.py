"""Word order as strings of feature characters gives the same measures as tuples of ids."""

from __future__ import annotations

from rapidfuzz.distance import Indel

from readerui.align.features import join_sequences


def test_join_keeps_the_form_of_its_parts() -> None:
    assert join_sequences(["ab", "", "c"]) == "abc"
    assert join_sequences([(1, 2), (), (3,)]) == (1, 2, 3)
    assert join_sequences([]) == ()


def test_characters_and_ids_give_the_same_order_similarity() -> None:
    pairs = [((5, 9, 70000, 5), (9, 5, 70000)), ((1, 2, 3), (4, 5)), ((0xD800, 7), (7, 0xD800)),
             ((1,), (1,)), ((3, 1, 4, 1, 5, 9, 2, 6), (2, 7, 1, 8, 2, 8, 1, 8, 2, 8))]
    for x, y in pairs:
        as_text = Indel.normalized_similarity("".join(map(chr, x)), "".join(map(chr, y)))
        assert as_text == Indel.normalized_similarity(x, y)
