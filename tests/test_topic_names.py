"""Named topics held whole on forms no rule was written for (issue 10), on sentences written
for these tests: a name cut at "and"/"on"/"to" or at a possessive, the state part of an
address, an abbreviation, a title before a name."""

from __future__ import annotations

from readerui.annotate import annotate
from readerui.annotate.namefilter import is_address_tail, whole_name_in
from test_speakers import make_doc


def _topics(a: list[str], b: list[str]) -> set[str]:
    return {t.name for t in annotate(make_doc(a), make_doc(b)).topics}


def test_a_name_cut_at_and_or_on_is_kept_whole() -> None:
    names = _topics(
        ["The Harbour Rates and Tolls Board met on the dredging plan.",
         "The dredging plan was costed by the Joint Office on Coastal Works."],
        ["The Harbour Rates and Tolls Board approved the dredging plan.",
         "Critics of the dredging plan wrote to the Joint Office on Coastal Works."])
    assert "Harbour Rates and Tolls Board" in names
    assert "Joint Office on Coastal Works" in names
    assert not {"Tolls Board", "Harbour Rates", "Coastal Works", "Joint Office"} & names


def test_a_possessive_before_one_everyday_word_is_one_name() -> None:
    names = _topics(["Reviews on Marlow's Table praised the soup kitchen.",
                     "The soup kitchen now lists Marlow's Table as a partner."],
                    ["Marlow's Table said the soup kitchen had grown."])
    assert "Table" not in names and "Marlow" not in names


def test_whole_name_in_stops_at_days_people_and_lists_of_places() -> None:
    assert whole_name_in("The plan went to Ohio on Monday.", "Ohio") is None
    assert whole_name_in("Kessler on the Senate Budget Committee spoke.",
                         "Senate Budget Committee") is None
    assert whole_name_in("He drove from Akron to Dayton to Toledo.", "Dayton") is None
    assert whole_name_in("Brandt and Ruiz spoke.", "Ruiz") is None
    assert whole_name_in("The Council on Water Policy met.", "Water Policy") == \
        "Council on Water Policy"


def test_state_part_of_an_address_and_abbreviations_are_not_topics() -> None:
    names = _topics(["Protests spread in Ferndale, Mo., after the shooting.",
                     "The shooting in Ferndale, Mo., drew protests in Denver, D.C., and Akron."],
                    ["Ore. Gov. Lena Brisk said the shooting was a tragedy.",
                     "Protests over the shooting reached Ferndale, Mo., again."])
    assert not {"Mo", "DC", "D.C.", "Ore"} & names
    assert "Ferndale" in names


def test_address_tail_needs_a_short_abbreviation() -> None:
    text = "He lives in Ferndale, Iowa, and in Akron, Mo., now; Fox, CNN and NBC said."
    assert is_address_tail(text, text.index("Mo."), "Mo.")
    assert not is_address_tail(text, text.index("Iowa"), "Iowa")  # a state in full
    assert not is_address_tail(text, text.index("CNN"), "CNN")


def test_an_occupation_before_a_name_is_no_part_of_it() -> None:
    names = _topics(["Actor Jonas Pell criticised the ferry law.",
                     "The ferry law passed on Friday."],
                    ["The ferry law was signed.", "Jonas Pell called the ferry law unfair."])
    assert "Actor Jonas Pell" not in names


def _long_story(extra_a: list[str], extra_b: list[str]) -> set[str]:
    """A pair of 44 sentences on a ferry strike, plus the sentences given."""
    filler = [f"The ferry strike entered day {i} as crews met port managers." for i in range(20)]
    return _topics(filler + extra_a, filler + extra_b)


def test_a_word_of_one_sentence_is_no_theme_of_a_long_story() -> None:
    names = _long_story(["One captain blamed the gridlock on quarrelsome logistics."],
                        ["Crews spoke of the sheer unpleasantness of the talks.",
                         "Managers regretted the unpleasantness, they said."])
    lowered = {n.casefold() for n in names}
    assert "quarrelsome" not in lowered and "gridlock" not in lowered
    assert "unpleasantness" not in lowered  # a quality, in two sentences
    assert lowered  # the filler's own terms are still listed


def test_a_short_readout_keeps_a_rare_word_said_once() -> None:
    names = _topics(["The ministers discussed tariffs on photovoltaics.",
                     "They agreed to meet again."],
                    ["Tariffs were discussed.", "The ministers will meet again in May."])
    assert "photovoltaics" in {n.casefold() for n in names}


def test_descriptions_are_not_names() -> None:
    from readerui.annotate.namefilter import is_description
    assert is_description("Ohio Democrat")
    assert is_description("Lyon-based")
    assert is_description("Akron-area")
    assert is_description("BREAKING")
    assert not is_description("House Republicans")
    assert not is_description("NCAA")
    assert not is_description("UNICEF")


def test_describing_words_before_a_name_go_and_a_speaker_with_jr_is_no_topic() -> None:
    ann = annotate(make_doc(["Outgoing Harbour Board chief Ana Ruiz said the dredging would stop.",
                             "The Harbour Board met on the dredging.",
                             "The Tory-controlled Harbour Board then voted on the dredging."]),
                   make_doc(["Ana Ruiz Jr. is a cousin, the Harbour Board said."]))
    names = {t.name for t in ann.topics}
    assert "Harbour Board" in names
    assert not {"Outgoing Harbour Board", "Tory-controlled Harbour Board"} & names
    assert "Ana Ruiz Jr" not in names


def test_an_everyday_word_yields_to_the_term_that_names_the_thing() -> None:
    names = _topics(["Benefit cuts were proposed by the council.",
                     "The union fought benefit cuts all year.",
                     "Cuts to the budget worried the union."],
                    ["Benefit cuts would hit retirees, the union said.",
                     "The council defended the cuts."])
    lowered = {n.casefold() for n in names}
    assert "benefit cuts" in lowered
    assert "cuts" not in lowered


def test_a_whole_name_and_its_acronym_are_one_topic_and_unnamed_people_are_none() -> None:
    ann = annotate(make_doc(["The JOH said the dredging would cost more.",
                             "Law enforcement officials guarded the dredging site.",
                             "The JOH met again on the dredging."]),
                   make_doc(["A report by the Joint Office on Harbours listed the cost.",
                             "Enforcement officials closed the dredging site."]))
    names = [t.name for t in ann.topics]
    assert not ("JOH" in names and "Joint Office on Harbours" in names)
    assert "JOH" in names or "Joint Office on Harbours" in names
    assert "enforcement officials" not in {n.casefold() for n in names}


def test_a_whole_name_stops_at_a_title() -> None:
    assert whole_name_in("Tolls and Rates Board Chairman Ana Ruiz spoke.", "Rates Board") == \
        "Tolls and Rates Board"
    assert whole_name_in("Director of Port Safety Ana Ruiz and Harbour Police Board Chief "
                         "Li Wen spoke.", "Harbour Police Board") is None
    assert whole_name_in("The Department of Roads and Inland Waterways met.",
                         "Inland Waterways") == "Department of Roads and Inland Waterways"
