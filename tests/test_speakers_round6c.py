"""Speaker forms of round 6c: a man's given name is not "she"; "he says" inside a quotation
that runs on from an earlier sentence is quoted speech, not an attribution."""

from __future__ import annotations

import pytest

from readerui.annotate import wordlists
from readerui.annotate.names import People, parse_name
from test_speakers import speakers_of

needs_dictionary = pytest.mark.skipif(not wordlists.given_name_gender("Thomas"),
                                      reason="the gender-guesser name dictionary is missing")


@needs_dictionary
def test_the_name_dictionary_knows_common_given_names() -> None:
    assert wordlists.given_name_gender("Thomas") == "m"
    assert wordlists.given_name_gender("margaret") == "f"
    assert wordlists.given_name_gender("Qzxv") == ""


@needs_dictionary
def test_a_persons_gender_comes_from_a_mans_given_name_only() -> None:
    people = People()
    man = people.persons[people.add_full_name(("Thomas", "Ruiz"))]
    woman = people.persons[people.add_full_name(("Margaret", "Ortiz"))]
    assert man.gender == "m"
    assert woman.gender == ""  # a woman's name is not trusted to keep "he" away
    name = parse_name("Ms. Ortiz")
    assert name is not None
    people.resolve(name, {})
    assert woman.gender == "f"  # a title still says so


@needs_dictionary
def test_she_is_not_the_man_named_in_between() -> None:
    got = speakers_of(["“The crossing was never safe,” Elena Marsh, one of the parents, said.",
                       "Her nephew Thomas Brandt, 19, was hurt there in 2015.",
                       "“They had years to fix it,” she said."])
    assert got == ["Elena Marsh", None, "Elena Marsh"]


@needs_dictionary
def test_he_says_inside_a_running_quotation_is_quoted_speech() -> None:
    got = speakers_of(["Mr. Dole, the mayor, met the press in March.",
                       "Carla Vent spoke again on Monday, telling the radio: “He is a bluffer.",
                       "He says whatever suits him that day.",
                       "He never answers a question,” she said."])
    assert got == [None, "Carla Vent", "Carla Vent", "Carla Vent"]


def test_a_round_of_quick_questions_and_quoted_answers_goes_on_with_the_speaker() -> None:
    got = speakers_of(["Asked about each of her possible deputies, Ana Ruiz played along."],
                      ["Director Paul Stern? “Brilliant,” she said."],
                      ["Councillor Mary Holt of Leeds? “A fighter.”"],
                      ["And Mr. Okafor? “Loyal to a fault.”"])
    assert got == [None, "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]


def test_a_question_and_quote_with_nobody_quoted_before_is_not_carried() -> None:
    got = speakers_of(["The council met on Tuesday."], ["Why now? “Because the money ran out.”"])
    assert got == [None, None]


@pytest.mark.parametrize("sentences, speaker", [
    (["Ana Ruiz spoke for an hour.", "The inquiry would go on, she signaled, at a slower pace."],
     "Ana Ruiz"),
    (["Ana Ruiz spoke for an hour.", "She signalled that the inquiry would go on."], "Ana Ruiz"),
    (["Ana Ruiz spoke for an hour.", "She characterized the report as a smear."], "Ana Ruiz"),
])
def test_signal_and_characterize_report_a_statement(sentences: list[str], speaker: str) -> None:
    assert speakers_of(sentences)[-1] == speaker
