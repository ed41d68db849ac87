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


def test_an_organisations_spokesperson_speaks_for_it_a_persons_is_unnamed() -> None:
    # the lead's rule 4: "his lawyer said", "a spokesman said" -> null; an organisation's
    # spokesperson stands for the organisation (the annotate gold's convention)
    assert speakers_of(["The Harbor Foundation paid for the ad.",
                        "Its spokesman said the ad was fair."]) == [None, "Harbor Foundation"]
    assert speakers_of(["Ana Ruiz paid for the ad.",
                        "Her spokeswoman said the ad was fair."]) == [None, None]
    assert speakers_of(["Ana Ruiz paid for the ad.",
                        "Ruiz's spokesman said the ad was fair.",
                        "A spokesperson for Senator Ana Ruiz said it ran twice."]) == [
        None, None, None]


def test_a_title_after_where_is_inside_the_clause() -> None:
    got = speakers_of("The bill will fail in the Senate, where Majority Leader Ana Ruiz has "
                      "said it is dead on arrival.")
    assert got == [None]


def test_an_outlet_keeps_its_first_word_and_a_dated_adverbial_is_skipped() -> None:
    got = speakers_of("The New Harbor Register on March 3, 2011, described him as “a veteran "
                      "of the war.”")
    assert got == ["New Harbor Register"]


def test_the_article_is_the_outlet_it_ran_in_and_the_facts_after_are_narration() -> None:
    got = speakers_of(["The post followed an article in The Harbor Lantern, a small weekly.",
                       "The article said the aide, Tom Berg, kept two offices in 2009.",
                       "Berg later left the city for a post in the capital."])
    assert got == [None, "Harbor Lantern", None]


@pytest.mark.parametrize("text", [
    "Ana Ruiz took a shot at the council on Monday.",
    "But in pressing for the bill, Ana Ruiz took her sharpest shot not at the mayor but at "
    "the board.",
    "Ana Ruiz fired back at her critics within the hour.",
    "Ana Ruiz doubled down on her plan to close the port.",
    "Ana Ruiz pushed back on the charge, which she called baseless.",
    "Ana Ruiz took to Twitter to defend the budget.",
    "Ana Ruiz made the case for a second bridge.",
    "Ana Ruiz has, over many years, made it clear that she opposes the tax.",
    "On Tuesday, Ana Ruiz laid out her belief that the port should stay public.",
    "Ana Ruiz came out in support of the strike on Wednesday.",
    "Ana Ruiz has recently stepped up her attacks on the mayor.",
    "Ana Ruiz tweaked the board for passing a motion on flags when it should fix roads.",
    "Notably, Ana Ruiz hammered the mayor over his remarks about the port.",
    "Ana Ruiz opened the hearing with sharp criticism of the port authority.",
    "At a ceremony for veterans, Mayor Ana Ruiz rose and spoke of her own service.",
    "Ana Ruiz outlined a bleak vision of the town’s future.",
])
def test_idiomatic_speech_acts_name_their_subject(text: str) -> None:
    assert speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "Ana Ruiz pushed back the vote to March.",  # a date moved, not a rebuttal
    "Ana Ruiz took a seat at the back of the hall.",
    "Ana Ruiz made the team in her second year.",
    "Ana Ruiz ripped the banner off the wall.",  # no reason given: no criticism
    "But the way she speaks about the war has confused voters.",  # a clause on "way"
])
def test_look_alikes_of_speech_idioms_are_narration(text: str) -> None:
    assert speakers_of(text) == [None]


def test_the_idiom_is_named_as_the_cue() -> None:
    from readerui.annotate import annotate
    from test_speakers import make_doc

    ann = annotate(make_doc("Ana Ruiz fired back at her critics within the hour."), make_doc())
    assert ann.speaker_a == ("Ana Ruiz",)
    assert ann.speaker_cue_of("a", 0) == "verb:fired back"


def test_a_role_noun_is_the_person_described_so_before() -> None:
    got = speakers_of(["Ana Ruiz, the Republican nominee, toured the port on Monday.",
                       "Tom Berg met her there."],
                      ["The presumptive Republican nominee said the port would stay open."])
    assert got == [None, None, "Ana Ruiz"]


def test_a_description_in_one_account_names_the_person_in_the_other() -> None:
    from readerui.annotate import annotate
    from test_speakers import make_doc

    ann = annotate(make_doc("GOP front-runner Ana Ruiz toured the port."),
                   make_doc("Tom Berg opened the meeting.",
                            "The GOP front-runner insists she will keep the port public."))
    assert ann.speaker_b == (None, "Ana Ruiz")


def test_an_undescribed_role_noun_is_the_person_written_about() -> None:
    got = speakers_of(["Ana Ruiz wants a wall along the river."],
                      ["(The real estate mogul estimates the cost at $8 billion.)"])
    assert got == [None, "Ana Ruiz"]


def test_a_role_noun_with_a_relative_clause_and_went_so_far_as_to_say() -> None:
    got = speakers_of(["Ana Ruiz, the Republican nominee, toured the port."],
                      ["The nominee, who has called the mayor “a crook,” insists she will win.",
                       "The nominee went so far as to say the mayor should resign."])
    assert got == [None, "Ana Ruiz", "Ana Ruiz"]


def test_a_title_written_as_a_noun_is_the_person_titled() -> None:
    got = speakers_of(["Rep. Ana Ruiz toured the port.", "Tom Berg met her there."],
                      ["The four-term congresswoman said the port would stay open."])
    assert got == [None, None, "Ana Ruiz"]


def test_a_role_noun_without_a_speech_verb_is_narration() -> None:
    got = speakers_of(["Ana Ruiz, the Republican nominee, toured the port.",
                       "The nominee was born in Lima in 1961."])
    assert got == [None, None]


@pytest.mark.parametrize("text", [
    "In the letter, Ana Ruiz wrote that the port should stay public.",
    "In a Facebook post on Monday, Ana Ruiz called the closure a mistake.",
    "In her letter to the board, Ana Ruiz recalled her first year in office.",
    "In a letter to Tom and Eva posted on her website, Ana Ruiz recalled her first year.",
    "The letter, signed by Ana Ruiz, said the port would close.",
    "The statement on her health, from Dr. Ana Ruiz, said the patient was fit.",
    "The Gazette obtained a letter sent from the mayor's lawyer, Ana Ruiz, to the board "
    "asking it to wait.",
    "“The fees were paid twice,” the press release from Ana Ruiz said.",
])
def test_letters_and_statements_without_quotation_marks_are_their_authors(text: str) -> None:
    assert speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "The Gazette obtained a letter on Monday.",  # having a letter is no statement
    "In the letter, the port is described as a burden.",  # no one named writes
    "The tax makes good on the campaign pledge to fix the roads.",  # "campaign" is no subject
    "The board, though it released a letter from its chairwoman, stayed silent.",
])
def test_pieces_that_name_no_author_speaking_are_narration(text: str) -> None:
    assert speakers_of(text) == [None]


def test_a_statement_from_her_doctor_is_the_doctor_named_elsewhere() -> None:
    got = speakers_of(["Her campaign on Monday released a statement from her doctor declaring "
                       "that she is fit to serve."],
                      ["The statement, from Dr. Eva Lind, an internist in Lima, said she "
                       "swims daily."])
    assert got == ["Eva Lind", "Eva Lind"]


def test_a_paragraph_introduced_as_a_post_is_its_authors_text() -> None:
    got = speakers_of(["Ana Ruiz wrote that the council should resign."],
                      ["Read the full post:"],
                      ["Dear council members, you have failed the town.",
                       "The roads of Harbor Hill are a disgrace.",
                       "Resign now."],
                      ["The council did not reply."])
    assert got == ["Ana Ruiz", None, "Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None]


def test_an_editors_note_introduces_no_authors_text() -> None:
    got = speakers_of(["Ana Ruiz wrote that the council should resign."],
                      ["This post has been updated with the following correction:"],
                      ["An earlier version misstated the date of the vote."])
    assert got[1:] == [None, None]


def test_a_possessive_description_before_the_name_is_not_the_speaker() -> None:
    got = speakers_of("Berg's Democratic campaign counterpart, Sen. Ana Ruiz, D-Ore., on Tuesday "
                      "offered a vote of confidence, saying his record is what matters.")
    assert got == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "The Senate confirmed two cabinet nominations on Friday.",
    "The council confirmed her as treasurer.",
    "Tom Berg was referring to a claim Ana Ruiz rejected.",  # a relative clause on "claim"
    "On why the board first claimed the port was safe, Tom Berg explained little.",
])
def test_votes_and_relative_clauses_are_no_statements(text: str) -> None:
    got = speakers_of(text)
    assert got[0] in (None, "Tom Berg") and "Ana Ruiz" not in got and "Senate" not in got
    assert "council" not in str(got) and "board" not in str(got)


def test_a_debate_between_two_is_no_headline_speaker() -> None:
    from readerui.annotate.cues import headline_cue

    assert headline_cue("Ruiz-Berg Debate: All About Ana") is None
    assert headline_cue("Ruiz: The Port Stays Open") is not None


def test_an_office_named_with_its_owner_is_the_office_named_without() -> None:
    got = speakers_of(["The fees were paid twice, according to a press release from the Harbor "
                       "County’s U.S. Attorney’s Office."],
                      ["“The fees were paid twice,” the U.S. Attorney’s Office said."])
    assert got == ["U.S. Attorney’s Office", "U.S. Attorney’s Office"]


@pytest.mark.parametrize("text, speaker", [
    ("At a dinner for veterans, Attorney General Ana Ruiz of Harbor County rose and spoke of "
     "her service.", "Ana Ruiz"),
    ("“We won the debate,” said Harbor campaign manager Ana Ruiz.", "Ana Ruiz"),
    ("He did pledge to “close every loophole” in the tax code.", "Tom Berg"),
    ("To Rep. Ana Ruiz, D-Ore., the bill “gives power back to voters.”", "Ana Ruiz"),
    ("The port will stay open through the winter, the Harbor Gazette has learned.",
     "Harbor Gazette"),
    ("The port will stay open through the winter, the Harbor Gazette is told.",
     "Harbor Gazette"),
])
def test_more_speech_forms(text: str, speaker: str) -> None:
    assert speakers_of(["Tom Berg spoke in Lima."], [text])[1] == speaker


def test_a_person_with_others_of_a_group_is_a_collective() -> None:
    got = speakers_of(["Ana Ruiz opened the debate."],
                      ["She and other Democrats disputed the claim, noting that the fund is "
                       "paid by banks."])
    assert got == [None, None]


def test_a_headline_opening_on_an_occasion_names_the_speaker_after_it() -> None:
    from readerui.annotate.cues import headline_cue

    ref = headline_cue("After Harbor Flood, Ruiz Expresses Outrage and Grief")
    assert ref is not None and ref.name is not None and ref.name.text == "Ruiz"


@pytest.mark.parametrize("text, speaker", [
    ("The plan was denounced by the Harbor Trust, a tenants group, which said it was “wrong "
     "for the mayor to sell.”", "Harbor Trust"),
    ("The plan was criticized by Ana Ruiz on Monday.", "Ana Ruiz"),
    ("The bill was opposed by Ana Ruiz, who said it would raise taxes.", "Ana Ruiz"),
    ("The new ad follows Ana Ruiz’s statement on Tuesday criticizing the port sale.",
     "Ana Ruiz"),
])
def test_passive_relative_and_owned_statements(text: str, speaker: str) -> None:
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize("text", [
    "The ad was paid for by the Harbor Trust.",
    "The vote was delayed by the storm.",
    "Ana Ruiz met Tom Berg, who later said nothing.",
    "Her remarks came a day after the council met.",
])
def test_look_alikes_of_passive_and_relative_speech_are_narration(text: str) -> None:
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("intro, later", [
    ("Ana Ruiz, the former governor of Harbor State, toured the port.",
     "The former governor said the port would stay open."),
    ("Ana Ruiz, the attorney general of Harbor State, toured the port.",
     "The attorney general said the port would stay open."),
    ("Attorney General Ana Ruiz toured the port.",
     "The attorney general said the port would stay open."),
])
def test_a_title_given_in_an_appositive_is_the_person_given_it(intro: str, later: str) -> None:
    assert speakers_of([intro, "Tom Berg met her there."], [later]) == [None, None, "Ana Ruiz"]
