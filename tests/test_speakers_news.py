"""Speaker phenomena of real news (issue 10), on sentences written for these tests."""

from __future__ import annotations

import pytest

from readerui.annotate import annotate
from readerui.annotate.names import parse_name
from test_speakers import make_doc, speakers_of


@pytest.mark.parametrize("text", [
    "One candidate, Ana Ruiz, the mayor of Lima, who is a teacher, said the plan would fail.",
    "After the vote, Rep. Ana Ruiz, D-Va., one of nine members to object, said it was wrong.",
    "Sen. Ana Ruiz (D-Calif.) said the report should be released without delay.",
    "Ana Ruiz, the younger sister of Liz Ruiz, criticized the ruling.",
    "Ana Ruiz, who has been criticized for her tone, called on the council to resign.",
    "WASHINGTON — Senator Ana Ruiz spoke on Tuesday, accusing the council of delay.",
    "Ana Ruiz at the time said the council was careless.",
    "Ms. Ruiz made similar demands and also retweeted the report.",
    "Ms. Ruiz, who served from 2006 until 2012, went on to argue that the plan was wrong.",
])
def test_subject_far_from_its_verb(text: str) -> None:
    got = speakers_of(text)
    assert got == ["Ana Ruiz"] or got == ["Ruiz"]


def test_mid_sentence_attribution() -> None:
    got = speakers_of(["Ana Ruiz spoke in Lima on Monday.",
                       "Practically speaking, she continued, the plan cannot pass."])
    assert got[1] == "Ana Ruiz"


def test_inversion_with_former_title() -> None:
    got = speakers_of('"The people deserve the truth," tweeted former Housing Secretary '
                      'Ana Ruiz.')
    assert got == ["Ana Ruiz"]


def test_quote_over_sentences_named_at_its_end() -> None:
    got = speakers_of(['"We are pleased with the report.', 'The council will decide next," '
                       'said Ana Ruiz in a joint statement.'])
    assert got == ["Ana Ruiz", "Ana Ruiz"]


def test_narration_after_a_quote_is_the_narrator() -> None:
    got = speakers_of(['"We will win," Ana Ruiz said.',
                       "The resolution was introduced by Rep. Tom Berg in May.",
                       "It passed in a 396-9 vote."])
    assert got == ["Ana Ruiz", None, None]


def test_narration_naming_someone_else_stops_carry_over() -> None:
    got = speakers_of(["Ana Ruiz said the council had failed.",
                       "The phrase used by Tom Berg is not in the charter."])
    assert got == ["Ana Ruiz", None]


@pytest.mark.parametrize("given", [("Bill", "William"), ("Liz", "Elizabeth"), ("Jim", "James"),
                                   ("Mike", "Michael"), ("Bob", "Robert")])
def test_nickname_and_formal_name_are_one_person(given: tuple[str, str]) -> None:
    short, formal = given
    a = make_doc(f"{formal} Harlan said the vote was close.")
    b = make_doc(f"{short} Harlan said the count was wrong.")
    ann = annotate(a, b)
    assert len(ann.speakers) == 1
    assert ann.speakers[0].a and ann.speakers[0].b


def test_people_sharing_a_surname_stay_apart() -> None:
    ann = annotate(make_doc("Liz Harlan said the bill was bad."),
                   make_doc("Former Vice President Tom Harlan said the bill was good."))
    assert {s.name for s in ann.speakers} == {"Liz Harlan", "Tom Harlan"}


@pytest.mark.parametrize("run", ["Despite Trump", "Attacking Ana Ruiz", "Nine", "D-Va"])
def test_fragments_are_not_names(run: str) -> None:
    name = parse_name(run)
    assert name is None or name.words[0] not in ("Despite", "Attacking", "Nine", "D-Va") or \
        (name.kind == "unknown" and run == "D-Va")


def test_party_label_is_never_a_speaker() -> None:
    got = speakers_of("After the vote, Rep. Ana Ruiz, D-Va., said the nation faces bigger "
                      "problems.")
    assert got == ["Ana Ruiz"]


def test_number_word_is_not_a_speaker() -> None:
    got = speakers_of("Nine states, including Ohio, now allow civil unions.")
    assert got == [None]


@pytest.mark.parametrize(("sentences", "want"), [
    # an outlet reporting a plain fact is the speaker, with every word of its name
    (["The mayor forwarded the files to a private account, first reported by the Evening Lark."],
     ["Evening Lark"]),
    (["According to a report in the Morning Ledger, the sailor had hoped for a pardon."],
     ["Morning Ledger"]),
    # "the company" is the organisation named last
    (["Brightwave Holdings lost the contract in May.",
      "The company said in a statement that it would appeal."],
     [None, "Brightwave Holdings"]),
    (["The company said in a statement that it would appeal."], [None]),
    # a statement about a missing statement is the narrator's
    (["While the Finance Ministry has said little about the plan, two former ministers object."],
     [None]),
    # a reporting clause inside a time adjunct is background
    (["Ana Ruiz spoke on Monday.",
      "The effort became urgent after Ms. Ruiz said last year that she was broke."],
     [None, None]),
])
def test_outlets_organisations_and_background(sentences: list[str],
                                              want: list[str | None]) -> None:
    assert speakers_of(sentences) == want


@pytest.mark.parametrize("headline", [
    "Ana Ruiz and Tom Berg, Two Former Mayors, Say the City Will Not Pay",
    "Calling the Council's Bluff: Three Bills Likely Before the Budget",
    "Council Republicans: No Votes Until After the Budget",
])
def test_headlines_without_a_single_named_speaker(headline: str) -> None:
    ann = annotate(make_doc("Ana Ruiz said the city would not pay.", title=headline),
                   make_doc())
    assert ann.speaker_a[0] is None


def test_each_speaker_comes_with_the_cue_that_named_it() -> None:
    a = make_doc(["Ana Ruiz said the port would open.", "It will be ready by May."],
                 ['"We have the money," she added.',
                  "The cost, according to the Harbour Board, is falling."],
                 ["The weather was fine."], title="Ruiz Says Port Will Open")
    ann = annotate(a, make_doc("Tom Berg spoke."))
    assert ann.speaker_a == ("Ana Ruiz",) * 4 + ("Harbour Board", None)
    assert ann.cue_a == ("headline", "verb:said", "continuation", "pronoun:added",
                         "according-to", None)
    assert all((c is None) == (s is None) for s, c in zip(ann.speaker_b, ann.cue_b, strict=True))


def test_a_described_organisation_is_the_one_named_before() -> None:
    got = speakers_of(["The Senate Ethics Committee met on Monday.",
                       "The Senate committee said it would issue two subpoenas."])
    assert got == [None, "Senate Ethics Committee"]


@pytest.mark.parametrize("text", [
    "WASHINGTON ― Senator Ana Ruiz on Monday renewed her attack on the council, and said "
    "its chair should resign.",
    "Ana Ruiz pushed back against the charges on Sunday, first telling reporters that the "
    "council had failed.",
    "Veteran party strategist Ana Ruiz has long opposed the plan, claiming on many occasions "
    "that it cannot work.",
    "“Every day the council waits, the costs rise,” Ms. Ruiz is shown saying.",
    "Sen. Ana Ruiz (D-Ore.) called the council's plan “a reckless gamble” in a letter.",
    "In her speech, Ms. Ruiz also referred to the flooding of the river last spring.",
    "Ms. Ruiz demurred when asked whether she would run again.",
])
def test_speech_cues_of_news_forms(text: str) -> None:
    got = speakers_of(text)
    assert got == ["Ana Ruiz"] or got == ["Ruiz"]


def test_name_suffix_keeps_its_full_stop() -> None:
    got = speakers_of("Tom Berg Jr., the mayor, has said he will not attend.")
    assert got == ["Tom Berg Jr."]


def test_uncued_quotation_resumes_the_last_quoted_speaker() -> None:
    got = speakers_of(["“The river is rising,” Ms. Ruiz is shown saying.",
                       "A drum roll plays as the camera pans over the valley.",
                       "“They tell us, ‘Wait.",
                       "Wait for what?”"])
    assert got == ["Ruiz", None, "Ruiz", "Ruiz"]


def test_quotation_with_an_unnamed_attribution_is_not_resumed() -> None:
    got = speakers_of(["“The river is rising,” Ana Ruiz said.",
                       "The council met later.",
                       "“We are pleased with the report.",
                       "The council will decide next,” said two of the mayor's lawyers."])
    assert got[2:] == [None, None]


def test_pronoun_goes_to_the_person_named_before_it_in_its_sentence() -> None:
    got = speakers_of(["Ana Ruiz said the tax plan was unfair.",
                       "When Mr. Tom Berg released his own returns, he said: “I paid more.”"])
    assert got == ["Ana Ruiz", "Tom Berg"]


def test_pronoun_of_the_other_gender_is_not_the_person_named_before_it() -> None:
    got = speakers_of(["Ana Ruiz spoke first.",
                       "After meeting Mr. Tom Berg, she said the talks went well."])
    assert got[1] == "Ana Ruiz"


def test_a_name_in_the_reported_words_is_not_the_pronoun_antecedent() -> None:
    got = speakers_of(["Tom Berg spoke to farmers on Monday.",
                       "The Clearwater Basin has more than enough water, he said."])
    assert got[1] == "Tom Berg"


@pytest.mark.parametrize("text", [
    "Former candidate Ana Ruiz, for example, put out a statement that called the plan a sham.",
    "Ana Ruiz issued a statement on Friday.",
    "The council released a letter from Dr. Ana Ruiz, its adviser.",
])
def test_issuing_a_statement_is_a_speech_act(text: str) -> None:
    got = speakers_of(text)
    assert got == ["Ana Ruiz"] or got == ["Ruiz"]


@pytest.mark.parametrize("text", [
    "Political observers in Ohio cautioned that the governor is deliberate.",
    "Officials in Lima said the plan had failed.",
])
def test_a_place_after_unnamed_people_is_not_the_speaker(text: str) -> None:
    assert speakers_of(text) == [None]


def test_a_person_before_a_place_is_the_speaker() -> None:
    assert speakers_of("Ms. Ana Ruiz in Lima said the plan had failed.") == ["Ana Ruiz"]


def test_a_party_descriptor_in_a_headline_is_not_a_name() -> None:
    ann = annotate(make_doc("Ana Ruiz said the council had failed.",
                            title="Top Senate Intel Dem: Council Not Cooperating With Probe"),
                   make_doc())
    assert ann.speaker_a[0] is None
    assert all("Dem" not in s.name for s in ann.speakers)
