"""Speaker names hold on forms no rule was written for: titles glued to names, a title alone,
a contraction, an everyday word opening a sentence, an initial before a given name, and a name
cut before its first words (issue 10)."""

from __future__ import annotations

import pytest

from readerui.annotate import annotate
from readerui.annotate.namefilter import is_no_speaker_name, is_sentence_word, lowercase_words
from readerui.model import Document, Sentence


def make_doc(*paragraphs: str | list[str]) -> Document:
    """A document from paragraphs, each a sentence or a list of sentences."""
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset = 0
    for index, para in enumerate(paragraphs):
        for text in [para] if isinstance(para, str) else para:
            sentences.append(Sentence(len(sentences), index, "body", text, offset,
                                      offset + len(text)))
            parts.append(text)
            offset += len(text) + 1
    return Document(None, " ".join(parts), tuple(sentences))


def names_of(*paragraphs: str | list[str]) -> list[str]:
    return [s.name for s in annotate(make_doc(*paragraphs), make_doc()).speakers]


@pytest.mark.parametrize(("sentence", "want"), [
    ("Reps. Lena Corvino of Ohio said she would vote no.", "Lena Corvino"),
    ("Senate President Pro Tem Aldo Brink said the bill would pass.", "Aldo Brink"),
    ("Actress Mira Solberg said the boycott would spread.", "Mira Solberg"),
])
def test_titles_glued_to_a_name_are_cut(sentence: str, want: str) -> None:
    assert names_of(sentence) == [want]


@pytest.mark.parametrize("sentence", [
    "Close to forty members have signed a letter, saying the plan is unfair.",
    "Cuts proposed by the panel would start in May, and said nothing of the rest.",
    "Asked whether the plan was final, the mayor's office declined, saying it was early.",
])
def test_a_sentence_opening_word_is_no_speaker(sentence: str) -> None:
    # each word is also written in lower case elsewhere in the text
    other = "The close vote followed deep cuts, and reporters asked for more."
    names = names_of(other, sentence)
    assert not {"Close", "Cuts", "Asked"} & set(names)


def test_a_title_alone_or_a_contraction_names_nobody() -> None:
    assert is_no_speaker_name("Governor")
    assert is_no_speaker_name("Senate President")
    assert is_no_speaker_name("I've")
    assert is_no_speaker_name("Center")
    assert not is_no_speaker_name("Center for Civic Data")
    assert not is_no_speaker_name("Senate")  # one body, named
    assert not is_no_speaker_name("Harbour Board spokesperson")
    assert not is_no_speaker_name("Ilse Brandt")


def test_sentence_word_needs_an_everyday_word_seen_in_lower_case() -> None:
    lower = lowercase_words(["The vote was close.", "Brandt spoke."])
    assert is_sentence_word("Close", lower)
    assert is_sentence_word("Asked", frozenset())  # a past form opening a sentence
    assert not is_sentence_word("Brandt", lower)
    assert not is_sentence_word("Mark", frozenset({"mark"}))  # a given name


def test_an_initial_before_the_given_name_is_one_person() -> None:
    names = names_of("Harbour chief Paul Verhoef said the port would reopen.",
                     "Port CEO J. Paul Verhoef said in a statement that talks went well.")
    assert len([n for n in names if "Verhoef" in n]) == 1


def test_a_newspaper_after_the_is_kept_whole() -> None:
    names = names_of("The Coastal Morning Herald reported that the port would reopen.")
    assert "Herald" not in names
