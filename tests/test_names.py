"""Person names: titles stripped, kinds told apart, variants merged, shared surnames kept apart."""

from __future__ import annotations

import pytest

from readerui.annotate import annotate
from readerui.annotate.names import People, is_title_case, parse_name
from test_speakers import make_doc


@pytest.mark.parametrize(("run", "words"), [
    ("Russian Foreign Minister Sergey Ivanov", ("Sergey", "Ivanov")),
    ("Mr. Steele", ("Steele",)),
    ("Secretary of State Anne Hale", ("Anne", "Hale")),
    ("State Councilor and", None),
    ("President Joe Alvarez", ("Joe", "Alvarez")),
    ("Dr. Aiko Tanaka", ("Aiko", "Tanaka")),
    ("Secretary-General Ana Ruiz", ("Ana", "Ruiz")),
    ("Mr. van der Berg", ("van", "der", "Berg")),
])
def test_titles_are_not_part_of_the_name(run: str, words: tuple[str, ...] | None) -> None:
    name = parse_name(run)
    if words is None:
        assert name is None or "Councilor" not in name.words
    else:
        assert name is not None and name.words == words


@pytest.mark.parametrize(("run", "kind"), [
    ("Maria Ortiz", "person"),
    ("Foreign Ministry", "org"),
    ("France", "place"),
    ("United Nations", "org"),
    ("Mr. Ortiz", "person"),
    ("NATO", "org"),
])
def test_name_kinds(run: str, kind: str) -> None:
    name = parse_name(run)
    assert name is not None and name.kind == kind


def test_title_case_headline_is_recognised() -> None:
    assert is_title_case("Ortiz Holds Talks with German Finance Minister Hans Keller")
    assert not is_title_case("Maria Ortiz held talks with Hans Keller in Lisbon.")


def test_transliterations_merge_and_namesakes_do_not() -> None:
    people = People()
    a = people.add_full_name(("Sergey", "Ivanov"))
    b = people.add_full_name(("Sergei", "Ivanov"))
    c = people.add_full_name(("Mary", "Cheney"))
    d = people.add_full_name(("Liz", "Cheney"))
    assert a == b
    assert c != d
    assert people.persons[a].canonical == "Sergey Ivanov"  # tie: the first seen


def test_bare_surname_goes_to_the_most_recent_namesake() -> None:
    people = People()
    mary = people.add_full_name(("Mary", "Cheney"))
    liz = people.add_full_name(("Liz", "Cheney"))
    bare = parse_name("Cheney")
    assert bare is not None
    assert people.resolve(bare, {mary: 3, liz: 5}) == liz
    assert people.resolve(bare, {mary: 7, liz: 5}) == mary
    assert people.resolve(bare, {}) is None  # neither named yet here: ambiguous


def test_honorific_picks_the_namesake_of_that_gender() -> None:
    people = People()
    tom = people.add_full_name(("Tom", "Harlan"))
    liz = people.add_full_name(("Liz", "Harlan"))
    mr, ms = parse_name("Mr. Harlan"), parse_name("Ms. Harlan")
    assert mr is not None and ms is not None
    assert people.resolve(ms, {tom: 1, liz: 2}) == liz  # no gender known yet: most recent
    assert people.resolve(mr, {tom: 1, liz: 2}) == tom  # "Ms." made Liz female


def test_one_speaker_across_accounts_with_aliases() -> None:
    a = make_doc("Russian Foreign Minister Sergey Ivanov said the talks were useful.",
                 "Ivanov added that a deal was near.")
    b = make_doc("Sergei Ivanov said the talks had been useful.")
    ann = annotate(a, b)
    assert len(ann.speakers) == 1
    speaker = ann.speakers[0]
    assert speaker.name == "Sergey Ivanov"
    assert {"Sergei Ivanov", "Ivanov"} <= set(speaker.aliases)
    assert speaker.a == (0, 1) and speaker.b == (0,)


def test_mr_form_and_full_name_are_one_speaker() -> None:
    a = make_doc("Mr. Steele said the dossier was accurate.")
    b = make_doc("Christopher Steele said the dossier was accurate.")
    ann = annotate(a, b)
    assert [s.name for s in ann.speakers] == ["Christopher Steele"]
    assert ann.speaker_a == ("Christopher Steele",)
    assert {"Steele", "Mr. Steele"} <= set(ann.speakers[0].aliases)


def test_two_cheneys_stay_apart() -> None:
    a = make_doc("Liz Cheney said the vote was a test of loyalty.",
                 "Mary Cheney said she disagreed with her sister.",
                 "Cheney said later that she would not campaign.")
    ann = annotate(a, make_doc())
    assert ann.speaker_a == ("Liz Cheney", "Mary Cheney", "Mary Cheney")
    assert {s.name for s in ann.speakers} == {"Liz Cheney", "Mary Cheney"}
    a2 = make_doc("Mary Cheney said she disagreed.", "Liz Cheney said the vote mattered.",
                  "Cheney said later that she would run.")
    assert annotate(a2, make_doc()).speaker_a[2] == "Liz Cheney"


def test_speaker_names_carry_no_titles() -> None:
    a = make_doc("Prime Minister Elena Markovic said the corridor would open in May.",
                 "The Prime Minister stressed that funding was secured.")
    ann = annotate(a, make_doc())
    assert ann.speaker_a == ("Elena Markovic", "Elena Markovic")
    assert all("Minister" not in s.name for s in ann.speakers)


def test_name_particles() -> None:
    a = make_doc("Pieter van der Berg said the strike would go on.",
                 "Mr. van der Berg added that talks had failed.")
    ann = annotate(a, make_doc())
    assert ann.speaker_a == ("Pieter van der Berg", "Pieter van der Berg")
