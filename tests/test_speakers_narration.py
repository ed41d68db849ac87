"""Narration that the speaker engine must not give to a speaker (issue 10), and speech forms it
must catch, on sentences written for these tests."""

from __future__ import annotations

import pytest

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
