"""Narration that the speaker engine must not give to a speaker (issue 10), and speech forms it
must catch, on sentences written for these tests."""

from __future__ import annotations

import pytest

from readerui.annotate.cues import headline_cue
from test_speakers import speakers_of


def test_indirect_speech_still_carries_on() -> None:
    got = speakers_of(["Ana Ruiz said the council had failed the town.",
                       "The budget is too small and the roads are falling apart."])
    assert got == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize("after", [
    "It was unclear where Ms. Ruiz found the figure.",
    "But farmers oppose Ms. Ruiz's plan, which would raise the water tax.",
    "Her remarks came a day after the council met in private.",
])
def test_a_sentence_about_the_speaker_is_the_narrators(after: str) -> None:
    got = speakers_of(["Ana Ruiz said the council had failed the town.", after])
    assert got == ["Ana Ruiz", None]


def test_a_bare_noun_for_the_organisation_acting_is_narration() -> None:
    got = speakers_of(["The Harbor Gazette defended the cartoon, saying it was satire.",
                       "The newspaper printed two more cartoons on its front page."])
    assert got[1] is None


def test_the_fact_after_an_outlets_report_is_the_narrators() -> None:
    got = speakers_of(["Meanwhile, the Harbor Gazette reported that the union has started a "
                       "second campaign.",
                       "That campaign opened Monday and runs through March in four towns."])
    assert got == ["Harbor Gazette", None]


@pytest.mark.parametrize("text", [
    "Ana Ruiz seemed to suggest that the council was to blame.",  # the narrator's reading
    "Ana Ruiz implied on Monday that the council had misled voters.",
    "Ana Ruiz mentions neither Tom Berg nor the council in the video.",  # what was not said
    "The Harbor Gazette responded to the uproar by posting more photos.",  # an action
    "The Senate committee responded with two more subpoenas on Tuesday.",
    "A year later, Ana Ruiz asked a clerk to sell the car, the documents say.",  # a record
    "A blogger on the Web site Harbor’s Lantern said, “Is anyone surprised?”",  # unnamed
])
def test_narration_not_speech(text: str) -> None:
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("text", [
    "Ana Ruiz responded with a statement calling the plan a stunt.",
    "Ana Ruiz responded that the plan was sound.",
    "Ana Ruiz said the figures show growth.",
])
def test_speech_next_to_those_forms_still_counts(text: str) -> None:
    assert speakers_of(text) == ["Ana Ruiz"]


def test_a_bare_noun_for_an_organisation_is_the_one_named_before() -> None:
    got = speakers_of(["The Harbor Foundation paid for the ad.",
                       "The ad will air in three towns, the organization confirmed to reporters.",
                       "The group says the bill only restates the law.",
                       "In July, the group released an ad accusing the mayor of lying."])
    assert got == [None, "Harbor Foundation", "Harbor Foundation", "Harbor Foundation"]


def test_the_article_is_the_publication_named_before() -> None:
    got = speakers_of(["The Harbor Times ran a story on Monday about the mayor.",
                       "The article said the mayor had kept two offices."])
    assert got == [None, "Harbor Times"]


def test_speech_in_a_clause_after_though_and_an_adverbial_is_embedded() -> None:
    got = speakers_of(["The Harbor Foundation paid for the ad.",
                       "It is not its first ad, even though on its website the group describes "
                       "itself as neutral."])
    assert got == [None, None]


def test_posting_photos_is_an_action() -> None:
    got = speakers_of(["The Harbor Times defended the cover.",
                       "The magazine posted other photos of her on its website."])
    assert got == ["Harbor Times", None]


def test_a_block_quote_stays_with_its_source_past_an_unnamed_voice_inside() -> None:
    got = speakers_of(["The Harbor Times reports:"],
                      ["“The mayor plans to sell the port.",
                       "The deal is worth $2 million, an aide said."],
                      ["Those docks are the town's largest employer.",
                       "The buyer is a firm from the capital.”"],
                      ["The council meets on Monday."])
    assert got == ["Harbor Times", "Harbor Times", None, "Harbor Times", "Harbor Times", None]


@pytest.mark.parametrize("text", [
    # an adjunct whose comma sits inside a quotation before the verb
    "Ms. Ruiz, in addition to calling for the report to be released “at once,” called on the "
    "mayor to testify.",
    # a particle verb after "and" whose object is followed by a quotation
    "Ana Ruiz was at the rally and called him a “decent guy.”",
    # progressive reporting verbs
    "The group’s president, Ana Ruiz, has been deriding what she called “panic” from critics.",
    "Ana Ruiz is insisting that the port stays open.",
])
def test_speech_acts_in_less_common_shapes(text: str) -> None:
    assert speakers_of(text)[0] in ("Ana Ruiz", "Ruiz")


@pytest.mark.parametrize("text", [
    "Ana Ruiz was referring to the old port, not the new one.",  # the narrator's reading
    "Ana Ruiz was going home after the vote.",
])
def test_progressives_that_are_not_speech(text: str) -> None:
    assert speakers_of(text) == [None]


def test_a_progressive_inside_an_open_quotation_is_the_quotes_words() -> None:
    got = speakers_of(["Councillor Ana Ruiz accused Mayor Tom Berg of neglecting the port.",
                       "“Nothing the mayor is proposing would have saved the docks.",
                       "Mayor Berg is ignoring the real causes of the decline,” she said."])
    assert got == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]


def test_a_pronoun_cue_inside_a_quotation_closed_by_its_speaker() -> None:
    got = speakers_of(["Ana Ruiz criticised the council on Monday."],
                      ["“This is getting worse by the day.",
                       "They first blamed the weather.",
                       "Then they blamed the port,” Ruiz said."])
    assert got == ["Ana Ruiz"] * 4


@pytest.mark.parametrize("state", ["California", "Texas", "Ohio"])
def test_a_state_after_of_is_not_part_of_the_name(state: str) -> None:
    assert speakers_of(f"House leader Ana Ruiz of {state} said the bill would fail.") == [
        "Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "Mayor Ana Ruiz called Wednesday for a new port tax.",  # an adverbial before the particle
    "Ana Ruiz called as well for a ban on trucks.",
    "Ana Ruiz shot back: “They lost the vote.”",
    "Ana Ruiz quipped that she was a happy warrior.",
    "Ana Ruiz charged that the plan would raise costs.",
    "Ana Ruiz pleaded with voters not to give in to fear.",
    "Ana Ruiz apologized on Friday for the post.",
    "Ana Ruiz threatened to sue the council.",
    "The Harbor League, in a letter to the council, encouraged members to vote no.",
    "Ana Ruiz went after the council over its budget.",
])
def test_more_speech_acts(text: str) -> None:
    assert speakers_of(text)[0] in ("Ana Ruiz", "Harbor League")


@pytest.mark.parametrize("text", [
    "Ana Ruiz was charged with fraud.",
    "Ana Ruiz pleaded guilty on Monday.",
    "Ana Ruiz went to Lima on Monday.",
    "Ana Ruiz shot a deer.",
])
def test_their_non_speech_uses(text: str) -> None:
    assert speakers_of(text) == [None]


def test_a_headline_verb_needing_a_particle() -> None:
    found = headline_cue("Ruiz Goes After Berg Over Port Tax")
    assert found is not None and found.name is not None and found.name.words == ("Ruiz",)
    assert headline_cue("Ruiz Cover Goes for Insult But Gets Criticism") is None


def test_he_is_the_person_named_last_not_the_last_subject() -> None:
    got = speakers_of(["Ana Ruiz ran for mayor in 2008."],
                      ["But Tom Berg won the primary, and Ruiz withdrew from the race."],
                      ["Ruiz's faith has shaped her career.",
                       "She wrote in her memoir that the church taught her to listen."])
    assert got[-1] == "Ana Ruiz"


def test_he_after_an_outlets_report_is_the_person_named_since() -> None:
    got = speakers_of(["The Harbor Weekly reported in 2008 that Mr. Tom Berg had served abroad."],
                      ["It does not appear that Mr. Berg ever corrected the story."],
                      ["In the interview, he said he had not seen it."])
    assert got[-1] == "Tom Berg"


def test_names_in_a_quotation_or_in_the_sentence_itself_are_no_antecedent() -> None:
    got = speakers_of(["“We will beat Tom Berg,” Ana Ruiz said."],
                      ["She was at the rally to see Tom Berg and called him a “decent man.”"])
    assert got == ["Ana Ruiz", "Ana Ruiz"]


def test_an_outlets_possessive_is_not_part_of_the_name_after_it() -> None:
    from readerui.annotate.names import parse_name
    found = parse_name("Harbor’s Ana Ruiz")
    assert found is not None and found.words == ("Ana", "Ruiz")
    got = speakers_of("“We will not pay,” Tom Berg told Harbor’s Ana Ruiz, and she agreed.")
    assert got == ["Tom Berg"]


@pytest.mark.parametrize("opening", ["Instead", "Notably", "American"])
def test_an_opening_word_is_never_a_speaker(opening: str) -> None:
    got = speakers_of(f"{opening}, they laid out a plan, saying the port must stay open.")
    assert got == [None]


def test_a_demonym_is_not_the_organisation_named_last() -> None:
    got = speakers_of(["The ad is paid for by the Harbor Foundation.",
                       "It says the American people back the port.",
                       "The ad will air in two towns, the organization confirmed."])
    assert got[-1] == "Harbor Foundation"


def test_an_appositive_chain_after_a_closing_quotation() -> None:
    got = speakers_of("“The ban is a low priority,” Ana Ruiz, a spokeswoman for Harbor Way, a "
                      "research group, said after the vote.")
    assert got == ["Ana Ruiz"]


def test_a_name_inside_an_earlier_quotation_is_not_the_chains_subject() -> None:
    got = speakers_of("When Ana Ruiz asked who was to blame, someone shouted “Tom Berg,” though "
                      "Ruiz, a critic of the mayor, said it was not that simple.")
    assert got != ["Tom Berg"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ana Ruiz made the announcement in her hometown of Lima.", "Ana Ruiz"),
    ("Ana Ruiz, a former governor, gave a speech on the port.", "Ana Ruiz"),
    ("Ana Ruiz made a donation to the port.", None),
    ("The speech that Ana Ruiz made was long.", None),
])
def test_speech_acts_with_a_light_verb(text: str, speaker: str | None) -> None:
    assert speakers_of(text) == [speaker]
