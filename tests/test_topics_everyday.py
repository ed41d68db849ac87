"""Topics: everyday words, modifiers and pieces of longer names are not topics (issue 10)."""

from __future__ import annotations

from readerui.annotate import annotate
from readerui.model import Annotations
from test_speakers import make_doc
from test_topics import topic_with


def names(ann: Annotations) -> list[str]:
    return [t.name for t in ann.topics]


ORCHARD_A = [
    "The orchard cooperative met in Tarvik on Tuesday.",
    "Growers said the situation at the orchards was grim.",
    "The frost destroyed most blossoms across the valley.",
    "Insurers will inspect the orchards next week.",
    "A spokesman said the situation would improve by summer.",
    "Beekeepers moved their hives to warmer slopes.",
    "Officials called the situation serious.",
    "Ladders lay in the grass.",
]
ORCHARD_B = [
    "Frost hit the Tarvik orchards overnight.",
    "Growers counted the damaged blossoms.",
    "Insurers promised quick payments for the orchards.",
    "Prices for apples may rise at markets.",
    "The cooperative will meet again on Friday.",
    "Beekeepers fear for their hives.",
    "Pickers waited at the gates.",
    "Tractors stood idle in the rows.",
]


def test_everyday_word_in_a_few_sentences_is_no_topic() -> None:
    ann = annotate(make_doc(ORCHARD_A), make_doc(ORCHARD_B))
    assert topic_with(ann, "situation") is None, names(ann)  # 3 of 16 sentences, common word
    assert topic_with(ann, "orchards") is not None, names(ann)  # a specific word stays


def test_everyday_word_that_is_the_theme_stays() -> None:
    a = [*ORCHARD_A, "The situation worried the mayor.", "Nobody expected the situation."]
    b = [*ORCHARD_B, "The situation stayed tense.", "Officials discussed the situation."]
    ann = annotate(make_doc(a), make_doc(b))
    topic = topic_with(ann, "situation")  # 7 of 20 sentences: what the story is about
    assert topic is not None and len(topic.a) + len(topic.b) == 7, names(ann)


def test_a_word_only_seen_before_a_noun_is_no_topic() -> None:
    a = ["Kovar praised multilateral forums in Brno.", "He backed multilateral trade rules.",
         "The hegemony of one bloc is over, Kovar said."]
    b = ["Kovar spoke of multilateral cooperation.", "He warned against hegemony."]
    ann = annotate(make_doc(a), make_doc(b))
    assert topic_with(ann, "multilateral") is None, names(ann)
    assert topic_with(ann, "hegemony") is not None, names(ann)
    # the same word once on its own is no mere modifier any more
    ann = annotate(make_doc([*a, "The approach must stay multilateral."]), make_doc(b))
    assert topic_with(ann, "multilateral") is not None, names(ann)


def test_a_pair_ending_in_a_modifier_is_a_fragment() -> None:
    a = ["Both sides will deepen bilateral relations, Kovar said.",
         "They agreed to deepen bilateral relations in Brno."]
    b = ["Kovar vowed to deepen bilateral relations.", "The talks lasted two hours."]
    ann = annotate(make_doc(a), make_doc(b))
    assert "deepen bilateral" not in names(ann)
    assert topic_with(ann, "bilateral relations") is not None, names(ann)


def test_a_piece_of_a_longer_name_is_not_listed() -> None:
    a = ["Kovar discussed Asia-Pacific trade at the Summit on Trade in Asia.",
         "The Asia-Pacific bloc should stay open, he said.",
         "He met the Neighbouring Countries of Nepal group."]
    b = ["Kovar praised Asia-Pacific partners.", "Delegates of Nepal attended."]
    ann = annotate(make_doc(a), make_doc(b))
    assert topic_with(ann, "Asia-Pacific") is not None, names(ann)
    assert "Asia" not in names(ann)  # only in sentences of "Asia-Pacific", a piece of a name
    assert "Nepal" in names(ann)  # after "of": a place of its own
    ann = annotate(make_doc([*a, "Trade across Asia grew fast."]), make_doc(b))
    assert "Asia" in names(ann)  # seen on its own: a topic of its own


def test_a_word_mostly_after_to_or_a_subject_pronoun_is_a_verb() -> None:
    a = ["Kovar said Brno would not capitulate.", "He vowed to capitulate on nothing.",
         "The glaciers of Brno are melting, Kovar said."]
    b = ["Kovar refused to capitulate.", "Kovar flew over the glaciers on Monday."]
    ann = annotate(make_doc(a), make_doc(b))
    assert topic_with(ann, "capitulate") is None, names(ann)
    assert topic_with(ann, "glaciers") is not None, names(ann)
