"""Speaker forms that eight newly labelled BASIL pairs showed the engine missing (issue 10,
round 6b): pieces of a named outlet, joint organisations, counted groups, verbs and idioms of
speech, interviews, texts of law, and name forms; all on sentences written for these tests."""

from __future__ import annotations

import pytest

from readerui.annotate import annotate
from readerui.annotate.names import parse_name
from test_speakers import make_doc, speakers_of


@pytest.mark.parametrize("sentence", [
    "“Even when it works, the agency keeps the data,” the Harbor Times report said.",
    "Last week a Harbor Times report detailed a second program that reads mail.",
    "A new report in the Harbor Times, published online on Sunday, cited another memo.",
])
def test_a_piece_of_a_named_outlet_is_the_outlet(sentence: str) -> None:
    assert speakers_of(sentence) == ["Harbor Times"]


def test_according_to_a_study_by_an_organisation() -> None:
    got = speakers_of("Forty towns do the same, according to a study by the Lumen Institute, a "
                      "research group that favours the change.")
    assert got == ["Lumen Institute"]


@pytest.mark.parametrize("sentence", [
    "Ships may dock at night, the Harbor Authority and the Port Agency said on Monday.",
    "Ships may dock at night, the HPA and Port Agency announced on Monday.",
])
def test_two_organisations_speaking_together_are_nobody(sentence: str) -> None:
    assert speakers_of(sentence) == [None]


def test_an_and_inside_an_organisations_name_is_one_name() -> None:
    got = speakers_of("Separately, the Parks and Harbor Services Department said the pier "
                      "would reopen.")
    assert got == ["Parks and Harbor Services Department"]


def test_a_counted_group_is_nobody_in_particular() -> None:
    got = speakers_of(["“It is fair,” Judge Ana Ruiz said.",
                       "Several judges voiced doubts about how many firms the rule would reach."])
    assert got == ["Ana Ruiz", None]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz disputed the figures.",
    "Ana Ruiz castigated the council for its delay.",
    "Ana Ruiz downplayed the risk.",
    "Ana Ruiz played down the risk.",
    "Ana Ruiz compared the plan to a lottery.",
    "Ana Ruiz projected a loss of five seats.",
    "Ana Ruiz sparred with council members over the budget.",
    "Ana Ruiz calls that study flawed and misleading.",
    "Ana Ruiz called the plan a mistake.",
    "Ana Ruiz issued a formal apology on Twitter.",
    "Ana Ruiz issued her own resolution against the plan.",
    "Ana Ruiz responded to the question by saying the plan was sound.",
    "Ana Ruiz responded with a point about the cost of the plan.",
    "Ana Ruiz went online on Tuesday to express regret.",
    "Ana Ruiz distanced herself from the plan.",
    "Ana Ruiz drew a sharp distinction between the two plans.",
])
def test_verbs_and_idioms_of_speech(sentence: str) -> None:
    assert speakers_of(sentence) == ["Ana Ruiz"]


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz called the police.",
    "Ana Ruiz called the police immediately.",
    "Ana Ruiz called her mother.",
    "Ana Ruiz called a meeting of the board.",
    "After the vote Ana Ruiz resigned, citing her health and the inquiry.",
    "Ana Ruiz has a long record that includes being arrested and accused of fraud.",
    "Ana Ruiz met council members who are resisting the plan, saying it costs too much.",
])
def test_what_is_no_statement_of_the_subject(sentence: str) -> None:
    assert speakers_of(sentence) == [None]


def test_with_a_person_saying() -> None:
    got = speakers_of("Their cases came up only briefly, with Ruiz noting how different "
                      "they were.")
    assert got == ["Ruiz"]


def test_as_a_person_put_it() -> None:
    got = speakers_of("As Sen. Ana Ruiz, D-Ore., put it, “The harbor is the hottest spot.”")
    assert got == ["Ana Ruiz"]


def test_a_given_name_that_is_a_country_before_a_title() -> None:
    got = speakers_of("“We won,” said Chad Roe, the president of the Harbor League.")
    assert got == ["Chad Roe"]


def test_an_outlet_role_and_the_person() -> None:
    got = speakers_of("According to Harbor Times writer Ana Ruiz, the mayor claims that the "
                      "pier is safe despite the report from the engineers in May.")
    assert got == ["Ana Ruiz"]


def test_an_outlet_relaying_a_persons_letter() -> None:
    got = speakers_of("In a letter to the council reported by the Harbor Times, Ms. Ruiz "
                      "wrote: “I have learned that I will not be heard.”")
    assert got == ["Ruiz"]


@pytest.mark.parametrize("paragraphs", [
    ["Speaker Ana Ruiz met the board.",
     "The council speaker, in an interview with the Harbor Times, gave the plan a "
     "“fair chance” of passing."],
    ["Ana Ruiz met the board.",
     "Ms. Ruiz first took responsibility for the delay in an interview with reporters."],
])
def test_an_interview_makes_the_subject_a_speaker(paragraphs: list[str]) -> None:
    assert speakers_of(*paragraphs)[1] == "Ana Ruiz"


@pytest.mark.parametrize("sentence", [
    "The 12th Amendment states that “the electors shall meet in their states.”",
    "The plan would clash with the Harbor Charter, which states, “No pier shall be sold.”",
])
def test_a_text_of_law_is_no_speaker(sentence: str) -> None:
    assert speakers_of(sentence) == [None]


@pytest.mark.parametrize("run, words", [
    ("St. Louis Harbor League", ("St.", "Louis", "Harbor", "League")),
    ("U.S. Harbor Service", ("U.S.", "Harbor", "Service")),
    ("Ana Ruiz of Roe L.L.P.", ("Ana", "Ruiz")),
    ("Ana Ruiz of Harbor Bank", ("Ana", "Ruiz")),
])
def test_name_forms(run: str, words: tuple[str, ...]) -> None:
    name = parse_name(run)
    assert name is not None and name.words == words


def test_a_surname_is_found_before_jr() -> None:
    got = speakers_of(["Judges Keller and Samuel B. Roe Jr. asked about the rule.",
                       "“So every firm is guilty?” Judge Roe said."])
    assert got == [None, "Samuel B. Roe Jr."]


def test_a_description_right_after_the_person_spoke() -> None:
    got = speakers_of(["Ana Ruiz, a vocal critic of the plan, said she was saddened.",
                       "The former Harbor governor said the claims were false."])
    assert got == ["Ana Ruiz", "Ana Ruiz"]


def test_the_secretary_is_the_secretary_of_state() -> None:
    got = speakers_of(["Secretary of State Ana Ruiz faced the committee on Monday.",
                       "The secretary tried to explain that many cables reach the department."])
    assert got == [None, "Ana Ruiz"]


def test_the_letter_said_after_a_letter_by_a_person() -> None:
    got = speakers_of("In a letter sent in May, Ana Ruiz told two senators that the plan "
                      "was legal.",
                      "The letter said the committees had been briefed many times.")
    assert got == ["Ana Ruiz", "Ana Ruiz"]


def test_a_headline_opening_with_a_participle() -> None:
    ann = annotate(make_doc("Ana Ruiz met voters in May.", "“I stand by it,” Ruiz said.",
                            title="Facing Voters, Ruiz Defends Her Plan"), make_doc())
    assert ann.speaker_a[0] == "Ana Ruiz"


def test_a_headline_surname_shared_goes_to_the_one_who_speaks() -> None:
    ann = annotate(make_doc("Ana Ruiz hit back at her critics on Monday.",
                            "Her husband, Tom Ruiz, stayed at home.",
                            "“They are wrong,” Ana Ruiz said.",
                            title="Ruiz Lashes Out at Critics"), make_doc())
    assert ann.speaker_a[0] == "Ana Ruiz"


def test_a_title_tells_apart_two_people_sharing_a_surname() -> None:
    got = speakers_of(["Ana Ruiz and her husband, Tom Ruiz, arrived.",
                       "President Ruiz said on Wednesday that the pier would reopen."],
                      ["President Ana Ruiz opened the pier."])
    assert got[1] == "Ana Ruiz"


def test_a_title_with_a_place_in_it_after_the_person_spoke() -> None:
    got = speakers_of("Ana Ruiz, a vocal critic of the plan, said she was saddened.",
                      "The former Harbor governor said the claims were false and appalling.")
    assert got == ["Ana Ruiz", "Ana Ruiz"]


def test_a_closing_quotation_goes_on_quoting_the_speaker() -> None:
    got = speakers_of(["“Well, which is it?” Ruiz asked.",
                       "Either the managers decide alone, “or else the rules tell them what "
                       "to do.”"])
    assert got == ["Ruiz", "Ruiz"]


def test_a_short_quoted_phrase_after_a_quote_stays_the_narrators() -> None:
    got = speakers_of(["“Well, which is it?” Ruiz asked.",
                       "Couples often pay the “marriage penalty,” the report shows."])
    assert got[1] is None


def test_an_uncued_quote_after_an_unnamed_source_is_not_an_earlier_speaker() -> None:
    got = speakers_of(["“We read every request,” Ana Ruiz said."],
                      ["“We follow the law,” the spokesperson said."],
                      ["“We never take part in such programs.”"])
    assert got == ["Ana Ruiz", None, None]


def test_a_participle_after_while() -> None:
    got = speakers_of("On Wednesday, Ruiz appeared to shift her stance, while acknowledging "
                      "the dispute “would be decided by the courts.”")
    assert got == ["Ruiz"]


def test_a_headline_administration_speaks() -> None:
    ann = annotate(make_doc("The Ruiz administration said the program was legal.",
                            title="Ruiz administration defends second program"), make_doc())
    assert ann.speaker_a[0] is not None and "administration" in ann.speaker_a[0]


def test_appealing_to_voters_is_no_statement() -> None:
    got = speakers_of("Ana Ruiz met the board.",
                      "She has sought to appeal to voters with new promises.")
    assert got == [None, None]


def test_a_person_after_helped_is_an_object() -> None:
    got = speakers_of("But the remarks helped Ruiz make her case for the pier.")
    assert got == [None]


def test_a_headline_surname_goes_to_the_one_who_speaks_most() -> None:
    ann = annotate(make_doc("Ana Ruiz lashed out at her critics.", "“They are wrong,” Ruiz said.",
                            "“I will not stop,” Ana Ruiz said.",
                            "Tom Ruiz said he agreed with his wife.",
                            "“We are united,” Ana Ruiz added.",
                            title="Ruiz Lashes Out at Critics"), make_doc())
    assert ann.speaker_a[0] == "Ana Ruiz"
