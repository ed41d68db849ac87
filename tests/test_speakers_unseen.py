"""Speaker forms that recurred on unseen news (issue 10, generalisation): pronouns, names that
are no person, quotations, unnamed groups, descriptions, headlines and sidebar names. One test
per form, on sentences written for these tests (never copied from an article)."""

from __future__ import annotations

from readerui.annotate import annotate
from readerui.annotate.cues import find_cues, headline_cue
from readerui.annotate.names import People, parse_name
from test_speakers import make_doc, speakers_of


def names_in_sidebar(*paragraphs: str | list[str]) -> list[str]:
    return [s.name for s in annotate(make_doc(*paragraphs), make_doc()).speakers]


# -- pronouns ---------------------------------------------------------------------------------
def test_she_is_not_a_speaker_known_as_mister() -> None:
    got = speakers_of(["Mr. Tom Berg said he had never met the student, Lena Hale.",
                       "Ms. Hale was in Oslo at the time.",
                       "She issued a statement saying she had never met him."])
    assert got == ["Tom Berg", None, "Lena Hale"]


def test_he_in_a_second_clause_is_the_sentences_subject() -> None:
    got = speakers_of(["Ana Ruiz said the vote would be close.",
                       "Senator Tom Berg stopped short of calling for delay, but he said the "
                       "count should be checked."])
    assert got == ["Ana Ruiz", "Tom Berg"]


def test_a_place_after_the_is_no_antecedent() -> None:
    got = speakers_of(["Ana Ruiz spoke in the Rose Garden on Monday.",
                       "“We will build it,” she said."])
    assert got == [None, "Ana Ruiz"]
    assert "Rose Garden" not in names_in_sidebar("He spoke in the Rose Garden.",
                                                 "“We will build it,” he said.")


def test_a_person_named_beside_the_speaker_does_not_take_the_next_he() -> None:
    got = speakers_of(["Mr. Tom Berg took questions for an hour.",
                       "Calling Governor Hale a friend, he said the plan was fair.",
                       "The real test, he said, is the budget."])
    assert got[1:] == ["Tom Berg", "Tom Berg"]


def test_a_generational_suffix_is_not_the_surname() -> None:
    people = People()
    junior = people.add_full_name(("Carl", "Voss", "Jr."))
    senior = people.add_full_name(("Carl", "Voss"))
    assert junior != senior
    assert people.candidates("Voss") == [junior, senior]
    got = speakers_of(["Carl Voss Jr. met the committee on Monday.",
                       "“We have nothing to hide,” Mr. Voss said."])
    assert got[1] == "Carl Voss Jr."


def test_a_name_with_a_suffix_keeps_its_surname() -> None:
    name = parse_name("Trump Jr.")
    assert name is not None and name.surname_only and name.surname == "Trump"


def test_a_titled_surname_is_one_person_for_a_bare_title() -> None:
    # "President Harlow" is never given a full name; "the president" is still Harlow, not a
    # president named in full in the other account
    ann = annotate(make_doc("President Harlow was heading to Denver on Monday.",
                            "“We will not play that game again,” the president said."),
                   make_doc("It recalled the years under President Bill Tate."))
    assert ann.speaker_a[1] == "Harlow"


def test_a_bare_title_is_the_holder_met_last() -> None:
    got = speakers_of(["Gov. Ana Ruiz appointed Tom Berg on Wednesday.",
                       "He replaces a judge named by Gov. Lena Hale of Ohio.",
                       "Ms. Ruiz was asked whether she saw herself in Mr. Berg.",
                       "“I’m not that cool,” the governor replied."])
    assert got[3] == "Ana Ruiz"


# -- quotations -------------------------------------------------------------------------------
def test_a_word_inside_the_quotation_is_not_the_subject_of_said() -> None:
    cues = find_cues("“Right now, the rules sit in a legal no-man’s-land,” said Ana Ruiz, a "
                     "law professor.")
    assert [c.ref.name.text for c in cues if c.ref.name] == ["Ana Ruiz"]
    assert speakers_of("“Fortunately, Tom Berg is not the last word,” said Ms. Ruiz.") == [
        "Ruiz"]


def test_a_modal_verb_is_speech_only_with_a_quotation() -> None:
    assert speakers_of("In his speech, Tom Berg will promise “to defend every harbor.”") == [
        "Tom Berg"]
    assert speakers_of("Tom Berg is expected to announce his bid on Thursday.") == [None]
    assert speakers_of("Tom Berg would not say whether he would run.") == [None]
    got = speakers_of(["“I think it is a disgrace,” Tom Berg said.",
                       "“I think she should apologize to the court.",
                       "She knows it.”"])
    assert got == ["Tom Berg", "Tom Berg", "Tom Berg"]


def test_a_paragraph_after_saying_colon_is_the_speakers_text() -> None:
    got = speakers_of("Tom Berg lashed out on Twitter, saying:",
                      ["The judge has embarrassed us all.", "She should resign!"])
    assert got == ["Tom Berg", "Tom Berg", "Tom Berg"]


# -- unnamed and several people ---------------------------------------------------------------
def test_members_of_a_committee_are_unnamed() -> None:
    assert speakers_of("Some on the Harbor Affairs Committee also called for a delay.") == [
        None]
    assert speakers_of("Ana Ruiz and 18 members of the Harbor Affairs Committee called on the "
                       "mayor to resign.") == [None]


def test_a_joint_statement_or_a_list_is_nobodys() -> None:
    assert speakers_of("“This is a power grab,” Ana Ruiz of Ohio and Tom Berg of Utah, the "
                       "party leader, said in a joint statement.") == [None]
    assert speakers_of("Others, including the chairman for Lake County, Tom Berg, and Hill "
                       "County, Ana Ruiz, dismissed the story.") == [None]
    assert speakers_of("The statement released by each office said the talks were open.") == [
        None]


def test_a_persons_unnamed_spokesman_is_nobody() -> None:
    assert speakers_of(["Tom Berg hired a lawyer.",
                        "Berg's spokesman said the account had been hacked."]) == [None, None]
    assert speakers_of("A spokesperson for Vice President Tom Berg said he was shocked.") == [
        None]


def test_a_subordinate_clause_opening_is_no_speaker() -> None:
    assert speakers_of("Though Berg's office had responded to inquiries, the story went "
                       "on.") == [None]
    assert names_in_sidebar("Amid calls for him to quit, Tom Berg added, “I will not go.”") == [
        "Tom Berg"]


def test_a_place_after_a_lower_case_word_is_no_speaker() -> None:
    assert speakers_of("Some sheriffs in counties bordering Colorado have complained about "
                       "it.") == [None]


# -- descriptions -----------------------------------------------------------------------------
def test_a_state_and_party_description_is_the_person_speaking() -> None:
    got = speakers_of(["Tom Berg said the plan was dead.",
                       "The Vermont senator said he would vote no.",
                       "The Ohio Republican, who spoke for an hour, said it again."])
    assert got == ["Tom Berg", "Tom Berg", "Tom Berg"]


def test_a_role_described_only_later_is_the_person_speaking() -> None:
    got = speakers_of("Tom Berg added that the navy was too small.",
                      "In laying out his plan, the presidential hopeful said he was guided by "
                      "three ideas.",
                      "He also criticized Democratic presidential hopeful Ana Ruiz.")
    assert got[1] == "Tom Berg"


def test_a_role_before_a_name_after_said_is_that_person() -> None:
    got = speakers_of("“He was never aware of it,” said Berg press secretary Lena Hale.")
    assert got == ["Lena Hale"]


# -- narration after speech -------------------------------------------------------------------
def test_narration_after_speech_is_not_carried_on() -> None:
    got = speakers_of(["Tom Berg insisted he wanted to move on.",
                       "But there was no sign the story was fading."],
                      ["Tom Berg said he backed the bill.",
                       "Congress passed the bill on Thursday."],
                      ["Tom Berg said he had been hacked.",
                       "But the congressman declined to say whether the photo was his."])
    assert got == ["Tom Berg", None, "Tom Berg", None, "Tom Berg", None]


def test_expressed_no_concern_is_no_statement() -> None:
    assert speakers_of("But Tom Berg expressed no concern about the delay.") == [None]


# -- headlines and sidebar names --------------------------------------------------------------
def test_a_colon_topic_label_is_no_speaker() -> None:
    ann = annotate(make_doc("Tom Berg met the board on Monday.",
                            title="Tom Berg Harbor Scandal: Mayor Breaks His Silence"),
                   make_doc())
    assert ann.speaker_a[0] is None


def test_a_passive_headline_has_no_speaker() -> None:
    assert headline_cue("Tom Berg Urged to Step Down by Committee Republicans") is None
    assert headline_cue("Tom Berg Urges Calm") is not None


def test_a_misspelt_surname_is_the_person_named_in_full() -> None:
    names = names_in_sidebar("William Cowan said he would serve.",
                             "“I am not standing here for myself,” said Cowen.")
    assert names == ["William Cowan"]


def test_a_title_is_cut_from_a_county_officers_name() -> None:
    name = parse_name("Lake County Sheriff Mark Dorn")
    assert name is not None and name.words == ("Mark", "Dorn")


def test_the_paper_is_the_outlet_named_before() -> None:
    got = speakers_of("The Harbor Post reported that the mayor had resigned.",
                      "The Post noted that the term ends in May.")
    assert got == ["Harbor Post", "Harbor Post"]
