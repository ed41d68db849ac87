"""Claims joined from pairwise links, and the collation of several accounts."""

from __future__ import annotations

import pytest

from readerui.claims import MAX_SPAN, join_claims
from readerui.collation import assemble, collate, merge_annotations
from readerui.errors import ReaderError
from readerui.model import (
    Alignment,
    Analysis,
    Annotations,
    Claim,
    ClaimMember,
    Collation,
    Link,
    Speaker,
    Topic,
)
from test_align import document


def strong(a: tuple[int, ...], b: tuple[int, ...], score: float = 0.9) -> Link:
    return Link(a, b, score, "strong")


def partial(a: tuple[int, ...], b: tuple[int, ...], score: float = 0.4) -> Link:
    return Link(a, b, score, "partial")


def homes(claims: tuple[Claim, ...]) -> set[frozenset[tuple[int, int]]]:
    """Each claim as its set of home (account, sentence) members."""
    return {frozenset((m.account, m.sentence) for m in c.members if m.home) for c in claims}


def test_a_transitive_chain_is_one_claim() -> None:
    # A0-B0 and B0-C0 are linked, A0-C0 are not: still one claim of three accounts
    pairs = {(0, 1): Alignment((strong((0,), (0,)),), 2, 2),
             (0, 2): Alignment((), 2, 2),
             (1, 2): Alignment((strong((0,), (0,)),), 2, 2)}
    claims = join_claims(3, pairs)
    assert frozenset({(0, 0), (1, 0), (2, 0)}) in homes(claims)
    chain = claims[0]
    assert chain.accounts() == {0, 1, 2}
    assert chain.carried(2) == "strong"


def test_every_sentence_is_home_in_exactly_one_claim_and_singles_are_strong() -> None:
    pairs = {(0, 1): Alignment((strong((1,), (0,)),), 3, 2)}
    claims = join_claims(2, pairs)
    seen = [(m.account, m.sentence) for c in claims for m in c.members if m.home]
    assert sorted(seen) == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
    singles = [c for c in claims if len(c.members) == 1]
    assert {(c.members[0].account, c.members[0].sentence) for c in singles} == {
        (0, 0), (0, 2), (1, 1)}
    assert all(c.members[0].kind == "strong" and len(c.accounts()) == 1 for c in singles)
    # numbered in reading order of the first account that has them
    assert [c.id for c in claims] == list(range(len(claims)))
    assert claims[0].sentences(0) == (0,)


def test_a_claim_split_across_two_sentences_of_one_account() -> None:
    # A says in one sentence what B says in two (partial links), and C carries B's second half
    pairs = {(0, 1): Alignment((partial((4,), (6,)), partial((4,), (7,))), 8, 9),
             (0, 2): Alignment((), 8, 3),
             (1, 2): Alignment((strong((7,), (1,)),), 9, 3)}
    claims = join_claims(3, pairs)
    claim = next(c for c in claims if (0, 4) in {(m.account, m.sentence) for m in c.members})
    assert claim.sentences(1) == (6, 7)
    assert claim.sentences(2) == (1,)
    assert claim.carried(0) == "partial" and claim.carried(2) == "strong"


def test_chains_of_partial_links_do_not_swallow_an_article() -> None:
    # A's headline partly carries every sentence of B, and B's sentences are each strongly
    # carried by one of C's: the headline must not join all of them into one claim
    n = 12
    pairs = {(0, 1): Alignment(tuple(partial((0,), (j,)) for j in range(n)), n, n),
             (0, 2): Alignment((), n, n),
             (1, 2): Alignment(tuple(strong((j,), (j,)) for j in range(n)), n, n)}
    claims = join_claims(3, pairs)
    for claim in claims:
        for account in range(3):
            ids = claim.home_sentences(account)
            assert not ids or ids[-1] - ids[0] <= MAX_SPAN
    shared = [c for c in claims if {1, 2} <= c.accounts()]
    assert len(shared) == n  # one claim per sentence of B, each with its C sentence
    # the headline is attached (partly) to the claims it could not join, so A carries them
    attached = [c for c in shared if c.carried(0) == "partial"]
    assert len(attached) == n
    assert sum(1 for c in shared for m in c.members if m.account == 0 and m.home) <= 1


def test_a_strong_restatement_far_away_is_attached_not_merged() -> None:
    pairs = {(0, 1): Alignment((strong((1,), (1,)), strong((1,), (9,))), 3, 10)}
    claims = join_claims(2, pairs)
    far = next(c for c in claims if 9 in c.home_sentences(1))
    assert 1 not in far.home_sentences(1)
    assert far.carried(0) == "strong"  # A's sentence 1 attached to it
    collation = Collation((document(["x"] * 3), document(["y"] * 10)),
                          {(0, 1): _analysis(3, 10, pairs[(0, 1)])}, claims)
    found = collation.claims_of(0, 1)
    assert found[0].id != far.id and far in found  # its home claim first, then the attached


def _analysis(n_a: int, n_b: int, alignment: Alignment,
              annotations: Annotations | None = None) -> Analysis:
    return Analysis(document([f"a{i}." for i in range(n_a)]),
                    document([f"b{i}." for i in range(n_b)]), alignment,
                    annotations or Annotations.empty(n_a, n_b))


def _speakers(n_a: int, n_b: int, speakers: list[Speaker]) -> Annotations:
    names_a: list[str | None] = [None] * n_a
    names_b: list[str | None] = [None] * n_b
    for s in speakers:
        for i in s.a:
            names_a[i] = s.name
        for j in s.b:
            names_b[j] = s.name
    return Annotations(tuple(speakers), (), tuple(names_a), tuple(names_b), ((),) * n_a,
                       ((),) * n_b)


def test_speakers_are_merged_across_accounts_whatever_each_calls_them() -> None:
    # group (A, B) knows "Sergei Lavrov"; group (C, D) knows "Sergey Lavrov" and a bare
    # "Lavrov" in D; "Anna Petrova" is someone else
    ab = _speakers(3, 3, [Speaker("Sergei Lavrov", ("Lavrov",), (0,), (1,)),
                          Speaker("Anna Petrova", (), (2,), ())])
    cd = _speakers(3, 3, [Speaker("Sergey Lavrov", (), (2,), ()),
                          Speaker("Lavrov", (), (), (0,))])
    merged = merge_annotations([3, 3, 3, 3], [((0, 1), ab, True), ((2, 3), cd, True)])
    lavrov = [s for s in merged.speakers if "Lavrov" in s.name]
    assert len(lavrov) == 1
    assert lavrov[0].sentences == ((0,), (1,), (2,), (0,))
    assert merged.speaker_names[3][0] == merged.speaker_names[0][0] == lavrov[0].name
    assert merged.speaker_names[0][2] == "Anna Petrova"
    assert {"Sergei Lavrov", "Sergey Lavrov"} - {lavrov[0].name} <= set(lavrov[0].aliases)


def test_a_merged_speaker_is_named_by_the_full_name_not_the_commonest_form() -> None:
    # one group knows only "Okafor" (said often); another gives the full name once
    ab = _speakers(4, 4, [Speaker("Okafor", (), (0, 1, 2), (0, 1, 3))])
    cd = _speakers(2, 2, [Speaker("Paul Okafor", ("Okafor",), (1,), ())])
    merged = merge_annotations([4, 4, 2, 2], [((0, 1), ab, True), ((2, 3), cd, True)])
    assert [s.name for s in merged.speakers] == ["Paul Okafor"]
    assert merged.speaker_names[0][0] == merged.speaker_names[2][1] == "Paul Okafor"


def test_topics_merge_by_name_or_shared_term() -> None:
    ab = Annotations((), (Topic("multipolarity", ("multipolarity", "multi-polar"), (0,), (0,)),),
                     (None,), (None,), (("multipolarity",),), (("multipolarity",),))
    cd = Annotations((), (Topic("Multi-polar world", ("multi-polar",), (0,), ()),),
                     (None,), (None,), (("Multi-polar world",),), ((),))
    merged = merge_annotations([1, 1, 1, 1], [((0, 1), ab, True), ((2, 3), cd, True)])
    assert len(merged.topics) == 1
    assert merged.topic_names[2][0] == merged.topic_names[0][0]


def test_a_speaker_unnamed_in_one_surname_shared_by_two_people_is_not_guessed() -> None:
    ab = _speakers(2, 2, [Speaker("John Smith", (), (0,), ()),
                          Speaker("Mary Smith", (), (1,), ())])
    cd = _speakers(2, 2, [Speaker("Smith", (), (0,), ())])
    merged = merge_annotations([2, 2, 2, 2], [((0, 1), ab, True), ((2, 3), cd, True)])
    assert len([s for s in merged.speakers if "Smith" in s.name]) == 3


def test_two_people_sharing_a_surname_alias_in_different_groups_stay_two() -> None:
    ab = _speakers(2, 2, [Speaker("John Smith", ("Smith", "Mr. Smith"), (0,), (1,))])
    cd = _speakers(2, 2, [Speaker("Mary Smith", ("Smith", "Ms. Smith"), (0,), ())])
    merged = merge_annotations([2, 2, 2, 2], [((0, 1), ab, True), ((2, 3), cd, True)])
    assert sorted(s.name for s in merged.speakers) == ["John Smith", "Mary Smith"]


def test_collation_pair_swaps_and_also_in_and_share() -> None:
    pairs = {(0, 1): _analysis(2, 2, Alignment((strong((0,), (0,)),), 2, 2)),
             (0, 2): _analysis(2, 2, Alignment((partial((0,), (1,)),), 2, 2)),
             (1, 2): _analysis(2, 2, Alignment((), 2, 2))}
    collation = assemble([pairs[(0, 1)].a, pairs[(0, 1)].b, pairs[(0, 2)].b], pairs)
    assert collation.pair(1, 0) == pairs[(0, 1)].swapped()
    assert collation.pair(1, 0).swapped() == pairs[(0, 1)]
    assert collation.also_in(0, 0, (0, 1)) == {2: "partial"}
    assert collation.also_in(1, 0, (0, 1)) == {2: "partial"}  # through the chain
    assert collation.also_in(0, 1, (0, 1)) == {}
    assert collation.carried_share(0, 1) == 0.5
    assert collation.carried_share(2, 0) == 0.5
    assert collation.carried_share(1, 2) == 0.0
    with pytest.raises(ValueError):
        collation.pair(1, 1)


def test_collate_three_real_accounts_shares_claims_and_speakers() -> None:
    texts = [
        ["The foreign minister Sergei Lavrov met his counterpart in Geneva on Monday.",
         "Lavrov said the talks on the grain corridor were constructive.",
         "The weather in Geneva was cold."],
        ["Russian Foreign Minister Sergey Lavrov held talks in Geneva on Monday.",
         "The two ministers discussed a grain corridor across the Black Sea.",
         "Lavrov called the grain corridor talks constructive."],
        ["Sergei Lavrov described the talks on the grain corridor as constructive.",
         "A new round is planned for next month in Istanbul."],
    ]
    collation = collate([document(t) for t in texts], workers=1)
    assert len(collation) == 3 and set(collation.pairs) == {(0, 1), (0, 2), (1, 2)}
    lavrov = [s for s in collation.speakers if "Lavrov" in s.name]
    assert len(lavrov) == 1, collation.speakers
    constructive = collation.claims_of(0, 1)[0]
    assert constructive.accounts() == {0, 1, 2}
    assert any(len(c.accounts()) == 1 and c.sentences(2) == (1,) for c in collation.claims)
    # each pair carries the merged names
    assert collation.pair(2, 1).annotations.speaker_of("a", 0) == lavrov[0].name


def test_two_accounts_collate_to_the_plain_analysis() -> None:
    from readerui.analysis import analyse

    a = document(["Talks were held in Geneva on Monday.", "Both sides praised the result."])
    b = document(["The sides met in Geneva on Monday.", "Nothing else was agreed."])
    collation = collate([a, b], workers=1)
    assert collation.pairs[(0, 1)] == analyse(a, b, parallel=False)


@pytest.mark.parametrize("n", [1, 9])
def test_collate_refuses_too_few_or_too_many_accounts(n: int) -> None:
    with pytest.raises(ReaderError, match="2 to 8"):
        collate([document(["x."])] * n, workers=1)


def test_claim_member_order_and_carried() -> None:
    claim = Claim(0, (ClaimMember(0, 1, "partial"), ClaimMember(0, 2, "strong"),
                      ClaimMember(2, 5, "partial", home=False)))
    assert claim.carried(0) == "strong" and claim.carried(2) == "partial"
    assert claim.carried(1) is None
    assert claim.sentences(0) == (1, 2) and claim.home_sentences(2) == ()
