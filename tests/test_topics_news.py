"""Topic filters for real news (issue 10), on sentences written for these tests."""

from __future__ import annotations

from readerui.annotate import annotate
from test_speakers import make_doc


def _topics(a: list[str], b: list[str]) -> set[str]:
    return {t.name for t in annotate(make_doc(a), make_doc(b)).topics}


def test_datelines_contractions_and_state_labels_are_not_topics() -> None:
    names = _topics(["LIMA — The council met on the water tariff.",
                     "Rep. Ana Ruiz (D-Calif.) said: \"I'm sure the tariff will fall.\""],
                    ["The water tariff rose in Lima.", "Ruiz said I've seen the tariff rise."])
    assert "LIMA" not in names and "Calif" not in names
    assert not any("'" in n or "’" in n for n in names)
    assert any("tariff" in n for n in names)


def test_everyday_words_and_verb_forms_are_not_topics_on_their_own() -> None:
    names = _topics(["The council will help farmers with the drought.",
                     "Officials view the drought as severe and will help."],
                    ["The drought hit farmers.", "Help is coming, officials said."])
    assert "help" not in {n.casefold() for n in names}
    assert "view" not in {n.casefold() for n in names}
    assert "drought" in {n.casefold() for n in names}


def test_named_things_stay_whole() -> None:
    names = _topics(["The Shanghai Cooperation Organization met in New York."],
                    ["Leaders of the Shanghai Cooperation Organization gathered in New York."])
    assert "New York" in names and "York" not in names
    assert "Shanghai Cooperation Organization" in names
    assert not any(n.startswith("Leaders") for n in names)


def test_one_person_is_one_topic_under_the_full_name_without_titles() -> None:
    names = _topics(["House Speaker Rosa Delgado met Special Counsel Ivan Petrenko.",
                     "Delgado said Petrenko would testify.", "Ivan Petrenko declined."],
                    ["Petrenko, the special counsel, will testify, Delgado said.",
                     "Senators Amy Norberg of Minnesota objected.", "Norberg wants a vote."])
    assert "Ivan Petrenko" in names and "Petrenko" not in names
    assert not any("Speaker" in n or "Counsel" in n or "Senators" in n for n in names)
    assert "Amy Norberg" in names and "Norberg" not in names


def test_a_surname_two_people_share_stays_apart() -> None:
    names = _topics(["Maria Lindqvist and Erik Lindqvist met the board.", "Lindqvist spoke."],
                    ["Maria Lindqvist and Erik Lindqvist left.", "Lindqvist was late."])
    assert {"Maria Lindqvist", "Erik Lindqvist"} <= names


def test_modifiers_initials_descriptions_and_spellings() -> None:
    names = _topics(["The Bush-era tax cuts expire under the Dream Act debate, said Tom Reyes,"
                     " Republican of New Jersey.", "W. stood by the DREAM Act."],
                    ["The Dream Act vote is near.", "Critics doubt the Dream Act."])
    assert "Bush-era" not in names and "W" not in names
    assert "Republican of New Jersey" not in names
    assert sum(n.casefold() == "dream act" for n in names) == 1


def test_a_party_word_before_a_persons_name_is_not_part_of_the_topic() -> None:
    names = _topics(["The race pits Republican Olek Wrzosek against the mayor.",
                     "Wrzosek leads in the polls."],
                    ["Republican Olek Wrzosek opened an office in Lima.",
                     "The Democrat Politician Protection Act passed the House."])
    assert "Olek Wrzosek" in names
    assert not any(n.startswith("Republican Olek") for n in names)
    assert "Politician Protection Act" not in names  # a name of a bill keeps its words
