"""Topic-list junk by form (issue 10, topics6), on sentences written for these tests: what a
reader would not keep (descriptions, fragments, second entries, verbs and adjectives alone)."""

from __future__ import annotations

from readerui.annotate import annotate
from readerui.annotate.namefilter import is_description
from readerui.annotate.topics import _base_verb, _is_heading, _without_opening_description
from readerui.model import Topic
from test_speakers import make_doc


def _list(a: list[str], b: list[str]) -> list[Topic]:
    return list(annotate(make_doc(a), make_doc(b)).topics)


def _topics(a: list[str], b: list[str]) -> set[str]:
    return {t.name for t in _list(a, b)}


def test_a_party_word_that_describes_is_no_name() -> None:
    assert is_description("Senate Democratic")  # "the Senate Democratic leader"
    assert is_description("House Republican")  # "House Republican aides"
    assert is_description("Ohio Republican Senate")  # "the Ohio Republican Senate candidate"
    assert is_description("Democratic Nomination")
    for name in ("Democratic National Committee", "Republican Party", "Senate Republicans",
                 "Democratic National Convention", "House Democrats"):
        assert not is_description(name), name
    names = _topics(["The Senate Democratic leader met House Republican aides on the levee.",
                     "The levee bill passed heavily Democratic Vermont's senate."],
                    ["House Republican aides said the levee bill is dead.",
                     "The Senate Democratic leader disagreed about the levee."])
    assert not {"Senate Democratic", "House Republican", "Democratic Vermont"} & names
    assert "levee" in names


def test_describing_words_before_a_group_go() -> None:
    names = _topics(["Top Democrats said the levee plan was late.",
                     "Democrats want the levee plan now."],
                    ["Leading Democrats criticised the levee plan.",
                     "Presumptive GOP nominee Alan Varga backed the levee plan."])
    assert not any(n.startswith(("Top ", "Leading ", "Presumptive ")) for n in names)
    assert "Democrats" in names


def test_a_party_word_before_a_full_name_is_not_her_given_name() -> None:
    topics = _list(["Democrat Jane Holloway won the seat.", "Democrats cheered Holloway."],
                   ["Holloway thanked Democrats.", "Jane Holloway spoke in Dayton."])
    person = next(t for t in topics if t.name == "Jane Holloway")
    assert "Democrats" not in person.terms and "Holloway" in person.terms
    assert "Holloway" not in {t.name for t in topics}


def test_a_nickname_and_the_formal_given_name_are_one_person() -> None:
    names = _topics(["Edward Kowalczyk owns the old mill.", "The mill of Kowalczyk closed."],
                    ["Ed Kowalczyk owns a mill.", "Kowalczyk bought the mill in 1990."])
    assert len({n for n in names if "Kowalczyk" in n}) == 1


def test_titles_the_speaker_rules_do_not_need_are_cut_from_topic_names() -> None:
    names = _topics(["Journalist Mara Quill asked Pres Adebayo about the dam.",
                     "County DA Lou Fenwick opened a dam inquiry."],
                    ["Sheriff Dana Pruett closed the dam road.",
                     "Pres Adebayo visited the dam."])
    for bad in ("Journalist", "Pres ", "DA ", "Sheriff"):
        assert not any(bad in n for n in names), bad


def test_a_name_used_as_a_modifier_is_no_topic() -> None:
    assert is_description("Nevada-grown") and is_description("Ohio-related")
    assert is_description("Twitter-affiliated")
    names = _topics(["Nevada-grown hay reached the market.", "Ohio-related cases rose."],
                    ["The hay market in Nevada grew.", "Ohio-related hay was seized."])
    assert not any("-" in n for n in names)


def test_a_lowercase_word_that_ends_a_listed_name_is_that_name() -> None:
    names = _topics(["The Ethics Committee met.", "The committee heard the mayor.",
                     "The committee will vote."],
                    ["The Ethics Committee voted.", "The committee chair left.",
                     "The committee adjourned."])
    assert "Ethics Committee" in names
    assert "committee" not in names


def test_short_forms_of_a_listed_name_are_that_name() -> None:
    topics = _list(["The Denver Post reported the fire.", "The Post said the fire spread.",
                    "The United States Supreme Court took the case."],
                   ["The Post has the fire on its front page.",
                    "The Supreme Court will hear the case.",
                    "The Denver Post quoted the chief."])
    names = {t.name for t in topics}
    assert "Post" not in names and "Denver Post" in names
    assert "Supreme Court" in names and "United States Supreme Court" not in names
    post = next(t for t in topics if t.name == "Denver Post")
    assert len(post.a) + len(post.b) >= 4  # the sentences of "Post" joined it


def test_an_outlet_name_joined_short_is_the_outlet() -> None:
    names = _topics(["GlobeWire reported the strike.", "The strike grew, GlobeWire said."],
                    ["The Globe Wire reported a strike.", "The strike ended."])
    assert not ({"GlobeWire", "Globe Wire"} <= names)


def test_a_given_name_alone_is_no_topic_but_a_place_so_named_is() -> None:
    names = _topics(["Tom Brandt came with his wife, Carla, to the rally in Lincoln.",
                     "Brandt spoke in Lincoln about the dam."],
                    ["Brandt and Carla left Lincoln.", "The dam vote is near."])
    assert "Carla" not in names
    assert "Lincoln" in names


def test_a_committee_name_without_its_head_word_is_the_committee() -> None:
    names = _topics(["She sits on the Senate Budget and Rules committees.",
                     "The Senate Budget Committee met on the levee."],
                    ["The Senate Budget Committee approved the levee.", "Rules changed."])
    assert "Senate Budget" not in names and "Senate Budget Committee" in names


def test_contractions_adverbs_and_amounts_are_not_topics() -> None:
    names = {n.casefold() for n in _topics(
        ["He's certain the levee holds, and it's costing billions.",
         "Afterward he said he would step aside; it's billions more."],
        ["He's certain, he said afterward.", "Billions were spent; he will step aside."])}
    assert not {"he certain", "think it", "billions", "afterward", "step aside"} & names
    assert not any(n.startswith(("he ", "it ")) for n in names)


def test_adjectives_and_plain_verbs_alone_are_not_topics() -> None:
    names = {n.casefold() for n in _topics(
        ["The hearing was testy.", "So dishonest, he said of the dishonest press.",
         "They will undermine the levee deal.", "Critics undermine it daily."],
        ["A testy session followed.", "Aides said the leak could undermine the deal.",
         "The dishonest media ran it."])}
    assert not {"testy", "dishonest", "undermine"} & names
    assert _base_verb("undermine") and _base_verb("resign")
    assert not _base_verb("court") and not _base_verb("prank") and not _base_verb("arrests")


def test_a_group_of_a_verb_and_its_noun_is_named_by_the_noun() -> None:
    names = _topics(["Police enforce the curfew.", "They enforce it strictly.",
                     "Enforcement of the curfew began."],
                    ["Police will enforce the curfew.", "Curfew enforcement was strict."])
    assert "enforce" not in names
    assert any("enforcement" in n for n in names)


def test_unnamed_persons_and_predicates_are_not_topics() -> None:
    names = {n.casefold() for n in _topics(
        ["The nominee spoke on the levee.", "The presidential hopeful said the levee "
         "remains questionable.", "The nominee left."],
        ["The nominee backed the levee.", "It remains questionable, the hopeful said."])}
    assert not {"nominee", "presidential hopeful", "remains questionable"} & names


def test_a_heading_line_names_nothing_and_a_participle_does_not_open_a_name() -> None:
    assert _is_heading("Page Tools Menu")
    assert not _is_heading("The Page Tools Menu opened.")
    assert _without_opening_description(["Blocking", "Okafor"]) == ["Okafor"]
    assert _without_opening_description(["Neighboring", "Countries", "of", "Chad"]) == [
        "Neighboring", "Countries", "of", "Chad"]
    assert _without_opening_description(["Banking", "Committee"]) == ["Banking", "Committee"]


def test_a_party_adjective_alone_is_no_topic_and_places_join_their_people() -> None:
    names = _topics(["The Democratic strategy failed in Colorado.", "Coloradans voted.",
                     "Democratic aides left Colorado."],
                    ["Coloradans in Colorado voted.", "The Democratic plan failed."])
    assert "Democratic" not in names
    assert not ({"Colorado", "Coloradans"} <= names)


def test_a_committee_named_before_a_lowercase_head_is_the_committee() -> None:
    names = _topics(["She sits on the House Budget and Senate Energy committees.",
                     "The GOP committee members wrote a letter on the levee."],
                    ["The Senate Energy committee met on the levee.", "The levee vote is near."])
    assert "Senate Energy Committee" in names and "Senate Energy" not in names
    assert "GOP Committee" not in names


def test_a_full_name_whose_surname_speaks_is_the_speaker() -> None:
    names = _topics(['"We will close the road," said Sheriff Dana Pruett.',
                     "Dana Pruett closed the dam road in May."],
                    ['"The road is closed," Pruett said.', "Pruett patrols the dam."])
    assert not any("Pruett" in n for n in names)
