"""Speaker forms of round 6c: a quick question with its quoted answer goes on with the speaker;
"signal" and "characterize" report a statement."""

from __future__ import annotations

import pytest

from test_speakers import speakers_of


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
