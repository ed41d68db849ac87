"""Topics: named things, variant grouping, junk, ranking, the user lexicon, the sample gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerui.annotate import annotate
from readerui.annotate.lexicon import load_lexicon
from readerui.annotate.topics import MAX_AUTO_TOPICS, phrase_key
from readerui.errors import ConfigError
from readerui.model import Annotations, Topic
from test_speakers import _gold_documents, make_doc

EXAMPLE_LEXICON = (Path(__file__).resolve().parent.parent / "src" / "readerui" / "data"
                   / "topics.example.toml")


def topic_with(ann: Annotations, term: str) -> Topic | None:
    """The topic one of whose terms has the same keys as ``term``."""
    key = phrase_key(term)
    for topic in ann.topics:
        if any(phrase_key(t) == key for t in topic.terms):
            return topic
    return None


PAIR_A = make_doc(
    ["Maria Ortiz said Portugal backed a world of greater multipolarity.",
     "She said hegemonism had no future and urged de-escalation in the Black Sea."],
    ["The ministers also discussed NATO and the Lisbon Treaty on Monday."],
    ["Ortiz said multipolarity would serve the Lisbon Treaty partners."],
)
PAIR_B = make_doc(
    ["Ortiz called for a multi-polar world and an end to hegemony.",
     "She urged deescalation and said multipolarization was under way."],
    ["However, officials in Lisbon said NATO would meet in March."],
)


def test_variants_of_one_idea_are_one_topic() -> None:
    ann = annotate(PAIR_A, PAIR_B)
    multi = topic_with(ann, "multipolarity")
    assert multi is not None
    assert {"multi-polar", "multipolarization"} <= {t.lower() for t in multi.terms}
    assert multi.a == (0, 3) and multi.b == (0, 1)
    hegemony = topic_with(ann, "hegemony")
    assert hegemony is not None and topic_with(ann, "hegemonism") is hegemony
    assert hegemony.a == (1,) and hegemony.b == (0,)
    calm = topic_with(ann, "de-escalation")
    assert calm is not None and calm.a == (1,) and calm.b == (1,)


def test_named_things_and_acronyms() -> None:
    ann = annotate(PAIR_A, PAIR_B)
    nato = topic_with(ann, "NATO")
    assert nato is not None and nato.name == "NATO" and nato.a == (2,) and nato.b == (2,)
    treaty = topic_with(ann, "Lisbon Treaty")
    assert treaty is not None and treaty.a == (2, 3) and treaty.b == ()  # only in A
    assert topic_with(ann, "Black Sea") is not None


def test_junk_is_not_a_topic() -> None:
    ann = annotate(PAIR_A, PAIR_B)
    names = {t.name.casefold() for t in ann.topics}
    for junk in ("monday", "march", "however", "minister", "ministers", "she", "the",
                 "maria ortiz", "ortiz"):
        assert junk not in names, junk


def test_per_sentence_topics_match_topic_sentences() -> None:
    ann = annotate(PAIR_A, PAIR_B)
    for topic in ann.topics:
        for i in topic.a:
            assert topic.name in ann.topics_of("a", i)
        for i in topic.b:
            assert topic.name in ann.topics_of("b", i)
    assert len(ann.topics_a) == len(PAIR_A) and len(ann.topics_b) == len(PAIR_B)


def test_topics_in_both_accounts_rank_above_one_side_mentions() -> None:
    ann = annotate(PAIR_A, PAIR_B)
    names = [t.name for t in ann.topics]
    assert names.index("NATO") < names.index("Black Sea")


def test_topic_list_is_trimmed() -> None:
    paragraphs = [f"Officials from {c} met on the {w} accord in {p}."
                  for c in ("Peru", "Chile", "Ghana", "Kenya", "Nepal", "Laos", "Fiji")
                  for w in ("Arctic", "Baltic", "Adriatic", "Caspian", "Andes", "Sahel", "Nile")
                  for p in ("Quito", "Lima")]
    ann = annotate(make_doc(*paragraphs), make_doc(*paragraphs[:50]))
    assert len(ann.topics) <= MAX_AUTO_TOPICS


def test_sample_gold_topics_found_with_their_sentences() -> None:
    gold, a, b = _gold_documents()
    ann = annotate(a, b)
    found = []
    for name, want in gold["topics"].items():
        keys = set(phrase_key(name))
        for topic in ann.topics:
            topic_keys = {k for term in topic.terms for k in phrase_key(term)}
            if (keys & topic_keys and set(want["a"]) <= set(topic.a)
                    and set(want["b"]) <= set(topic.b)
                    and bool(topic.a) == bool(want["a"]) and bool(topic.b) == bool(want["b"])):
                found.append(name)
                break
    assert len(found) >= 9, sorted(set(gold["topics"]) - set(found))
    # the ones only one account mentions show as such
    for name in ("Korean Peninsula", "Shanghai Cooperation Organization", "Afghanistan"):
        topic = topic_with(ann, name)
        assert topic is not None and topic.a and not topic.b, name


def test_speakers_are_not_topics() -> None:
    _, a, b = _gold_documents()
    ann = annotate(a, b)
    speaker_words = {w.casefold() for s in ann.speakers for n in (s.name, *s.aliases)
                     for w in n.split()}
    for topic in ann.topics:
        assert topic.name.casefold() not in speaker_words


def test_other_language_topics_without_speakers() -> None:
    a = make_doc(["Die Bahn streikt seit Montag in ganz Deutschland.",
                  "Der Streik trifft vor allem den Güterverkehr."],
                 ["Die Gewerkschaft GDL fordert mehr Lohn für den Güterverkehr."])
    b = make_doc(["Der GDL-Streik legt den Güterverkehr lahm."])
    ann = annotate(a, b, lang="de")
    assert ann.speakers == () and set(ann.speaker_a) == {None}
    freight = topic_with(ann, "Güterverkehr")
    assert freight is not None and freight.a == (1, 2) and freight.b == (0,)
    assert topic_with(ann, "GDL") is not None


# -- the lexicon -----------------------------------------------------------------------------

def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_lexicon_topics_come_first_and_absorb_what_they_cover(tmp_path: Path) -> None:
    lexicon = write(tmp_path, """
exclude = ["hegemony"]

[topics."World order"]
terms = ["multipolarity"]
patterns = ['\\bBlack Sea\\b']
""")
    ann = annotate(PAIR_A, PAIR_B, lexicon_path=lexicon)
    first = ann.topics[0]
    assert first.name == "World order" and first.origin == "lexicon"
    assert first.a == (0, 1, 3) and first.b == (0, 1)
    assert {"multi-polar", "multipolarization"} <= {t.lower() for t in first.terms}
    assert all(t.origin == "auto" for t in ann.topics[1:])
    assert topic_with(ann, "multi-polar") is first  # the auto topic was folded in
    assert topic_with(ann, "hegemony") is None  # excluded
    assert "World order" in ann.topics_of("a", 1)


def test_lexicon_topic_without_matches_is_left_out(tmp_path: Path) -> None:
    lexicon = write(tmp_path, '[topics."Whaling"]\nterms = ["whale"]\n')
    ann = annotate(PAIR_A, PAIR_B, lexicon_path=lexicon)
    assert all(t.name != "Whaling" for t in ann.topics)


@pytest.mark.parametrize(("text", "problem"), [
    ("[topics.x\n", "not valid TOML"),
    ('[topics."X"]\npatterns = ["(unclosed"]\n', "bad pattern"),
    ('[topics."X"]\nterms = "one"\n', "list of non-empty strings"),
    ('[topics."X"]\n', "neither 'terms' nor 'patterns'"),
    ('[topics."X"]\nterms = ["a"]\ncolour = "red"\n', "unknown key 'colour'"),
    ('topic = 1\n', "unknown key 'topic'"),
    ('exclude = [1]\n', "'exclude' must be a list"),
])
def test_bad_lexicon_is_one_line_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        annotate(PAIR_A, PAIR_B, lexicon_path=path)
    message = str(error.value)
    assert path in message and problem in message and "\n" not in message


def test_missing_lexicon_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="not found"):
        annotate(PAIR_A, PAIR_B, lexicon_path=path)


def test_example_lexicon_is_valid() -> None:
    lexicon = load_lexicon(EXAMPLE_LEXICON)
    assert lexicon.topics and lexicon.exclude
    assert all(t.terms or t.patterns for t in lexicon.topics)


def test_lookup_counts_and_one_side_items() -> None:
    from readerui.annotate.lookup import (
        find_speaker,
        find_topic,
        in_both,
        only_in,
        sentences_of,
        side_counts,
    )

    ann = annotate(PAIR_A, PAIR_B)
    treaty = find_topic(ann, "lisbon treaty")
    nato = find_topic(ann, "NATO")
    assert treaty is not None and nato is not None
    assert treaty in only_in(ann.topics, "a") and treaty not in only_in(ann.topics, "b")
    assert nato in in_both(ann.topics) and side_counts(nato) == (1, 1)
    assert sentences_of(nato, "b") == (2,)
    ortiz = find_speaker(ann, "ortiz")
    assert ortiz is not None and ortiz.name == "Maria Ortiz"
    assert find_speaker(ann, "Nobody") is None and find_topic(ann, "whales") is None


def test_topic_names_keep_their_spelling_and_verbs_are_not_topics() -> None:
    a = make_doc(["Die Umweltverbände kritisierten das Klimaschutzprogramm scharf.",
                  "Das Klimaschutzprogramm sei unzureichend, sagten die Umweltverbände."])
    b = make_doc(["Das Klimaschutzprogramm wurde am Mittwoch beschlossen."])
    ann = annotate(a, b, lang="de")
    names = {t.name for t in ann.topics}
    assert {"Klimaschutzprogramm", "Umweltverbände"} <= names  # accents and capitals kept
    assert "Mittwoch" not in names and "sagten" not in names  # everyday words
    en = annotate(make_doc("The ministers discussed trade.", "They discussed tariffs."),
                  make_doc("Trade was discussed."))
    assert all(t.name != "discussed" for t in en.topics)


def test_acronym_joins_its_expansion_and_titles_match_no_topic() -> None:
    a = make_doc("The European Central Bank raised rates, ECB President Ana Ruiz said.",
                 "The presidency of the council passes to Malta in July.")
    b = make_doc("The ECB raised its key rate again.")
    ann = annotate(a, b)
    ecb = topic_with(ann, "ECB")
    assert ecb is not None and ecb is topic_with(ann, "European Central Bank")
    assert ecb.a == (0,) and ecb.b == (0,)
    presidency = topic_with(ann, "presidency")
    assert presidency is None or presidency.a == (1,)  # "President" is a title, not a mention
