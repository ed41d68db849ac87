"""Speaker forms from issue 10 (generalisation): organisations that a title word opens, title
abbreviations, unnamed spokespeople, outlets named with every word, and the article an outlet
ran; all on sentences written for these tests."""

from __future__ import annotations

import pytest

from readerui.annotate.names import parse_name
from test_speakers import speakers_of


@pytest.mark.parametrize("run", ["Justice Department", "U.S. Attorney's Office",
                                 "Treasury Secretary's Office", "Attorney General's Office"])
def test_a_title_word_opening_an_office_is_an_organisation(run: str) -> None:
    name = parse_name(run)
    assert name is not None and name.kind == "org" and not name.titled
    assert name.words[-1] == "Office" or name.words[-1] == "Department"


def test_a_title_before_a_name_is_still_a_title() -> None:
    name = parse_name("Justice Ana Ruiz")
    assert name is not None and name.kind == "person" and name.words == ("Ana", "Ruiz")


def test_an_office_speaks_under_its_whole_name() -> None:
    got = speakers_of("The fine was paid in 2015, according to the U.S. Attorney's Office.",
                      "The Harbor Attorney's Office said the case was closed.")
    assert got == ["U.S. Attorney's Office", "Harbor Attorney's Office"]


def test_a_hyphenated_outlet_is_not_cut() -> None:
    got = speakers_of("He repaid the money last year, according to the Harbor Union-Tribune.")
    assert got == ["Harbor Union-Tribune"]


@pytest.mark.parametrize("intro, later", [
    ("Attorney General Ana Ruiz met the board on Monday.",
     "The A.G., according to the Gazette, said she had misspoken."),
    ("Sen. Ana Ruiz met the board on Monday.", "The senator said the bill was dead."),
    ("Dr. Ana Ruiz examined the patient in May.",
     "He is in excellent health, his doctor said."),
])
def test_a_title_written_another_way_is_the_person_so_titled(intro: str, later: str) -> None:
    assert speakers_of(intro, later) == [None, "Ana Ruiz"]


def test_an_unnamed_spokesperson_is_nobody_in_particular() -> None:
    got = speakers_of("Ana Ruiz stayed in hospital, but a spokesman said she watched the vote.")
    assert got == [None]


def test_a_possessive_spokesperson_speaks_for_the_owner() -> None:
    assert speakers_of(["The Harbor Foundation paid for the ad.",
                        "Its spokesman said the ad was fair."]) == [None, "Harbor Foundation"]
    assert speakers_of(["Ana Ruiz paid for the ad.",
                        "Her spokeswoman said the ad was fair."]) == [None, "Ana Ruiz"]


def test_a_title_after_where_is_inside_the_clause() -> None:
    got = speakers_of("The bill will fail in the Senate, where Majority Leader Ana Ruiz has "
                      "said it is dead on arrival.")
    assert got == [None]


def test_an_outlet_keeps_its_first_word_and_a_dated_adverbial_is_skipped() -> None:
    got = speakers_of("The New Harbor Register on July 20, 2006, described him as “a veteran "
                      "of the war.”")
    assert got == ["New Harbor Register"]


def test_the_article_is_the_outlet_it_ran_in_and_the_facts_after_are_narration() -> None:
    got = speakers_of(["The post followed an article in The Harbor Lantern, a small weekly.",
                       "The article said the aide, Tom Berg, kept two offices in 2009.",
                       "Berg later left the city for a post in the capital."])
    assert got == [None, "Harbor Lantern", None]
