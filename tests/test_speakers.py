"""Speaker attribution: each reporting pattern (positive and negative), pronouns, carry-over,
joint speakers, addressees, and the sample pair against its hand-made gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from readerui.analysis import load_document
from readerui.annotate import annotate
from readerui.annotate.speakers import JOINT_NAME
from readerui.model import Annotations, Document, Sentence
from readerui.samples import sample_paths

GOLD = Path(__file__).parent / "data" / "gold" / "wang_lavrov.json"


def make_doc(*paragraphs: str | list[str], title: str | None = None) -> Document:
    """A document from paragraphs, each a sentence or a list of sentences."""
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset = 0
    groups: list[tuple[str, list[str]]] = []
    if title is not None:
        groups.append(("title", [title]))
    groups += [("body", [p] if isinstance(p, str) else list(p)) for p in paragraphs]
    for index, (role, texts) in enumerate(groups):
        for text in texts:
            sentences.append(Sentence(len(sentences), index, role, text, offset,
                                      offset + len(text)))
            parts.append(text)
            offset += len(text) + 1
    return Document(None, " ".join(parts), tuple(sentences))


def speakers_of(*paragraphs: str | list[str]) -> list[str | None]:
    """Speaker of every sentence of a one-document analysis (B is empty)."""
    ann = annotate(make_doc(*paragraphs), make_doc())
    return list(ann.speaker_a)


INTRO = "Maria Ortiz, the finance minister, opened the meeting in Lisbon."


@pytest.mark.parametrize("sentence", [
    "Maria Ortiz said the budget would be balanced by next year.",
    "The budget will be balanced by next year, Ortiz said.",
    "The budget will be balanced by next year, said Ortiz.",
    "Ortiz said: the budget will be balanced.",
    "Ortiz said, the budget will be balanced.",
    '"The budget will be balanced," Ortiz said.',
    "“The budget will be balanced,” said Maria Ortiz.",
    "According to Ortiz, the budget will be balanced.",
    "According to Finance Minister Maria Ortiz, the budget will be balanced.",
    "Noting that revenue rose in May, Ortiz said the budget would be balanced.",
    "For her part, Ortiz said the budget would be balanced.",
    "Ortiz told reporters that the budget would be balanced.",
    "Ortiz called for a balanced budget.",
    "Ortiz urged parliament to pass the budget.",
    "Ortiz stressed that the budget must be balanced.",
    "Ortiz also noted that revenue had risen.",
    "Ortiz warned against new spending.",
    "Ortiz expressed the hope that the budget would pass.",
    "Ortiz reiterated her support for the budget.",
    "Ortiz added that talks would continue.",
    "Ortiz emphasized the need for restraint.",
    "Ortiz pointed out that debt had fallen.",
    "Ortiz insisted the figures were sound.",
    "Ortiz denied that taxes would rise.",
    "Ortiz confirmed the plan on Tuesday.",
    "Ortiz has repeatedly argued that the deficit is too high.",
    "Ortiz, the finance minister, said the budget would pass.",
    "Ortiz, 54, said the budget would pass.",
    "Finance Minister Maria Ortiz announced a new budget on Tuesday.",
    "Ms. Ortiz acknowledged that the target was ambitious.",
    "Ortiz briefed Hans Keller on the budget, saying revenue had risen.",
    "Ortiz informed the German side of the plan, saying it would pass.",
])
def test_reporting_patterns_name_the_speaker(sentence: str) -> None:
    assert speakers_of(INTRO, sentence) == [None, "Maria Ortiz"]


@pytest.mark.parametrize("sentence", [
    "Maria Ortiz held talks with Hans Keller in Lisbon on Tuesday.",
    "Maria Ortiz met Hans Keller in Lisbon.",
    "The two sides also exchanged views on trade and energy.",
    "Maria Ortiz held talks with Hans Keller, and both sides pledged to deepen ties.",
    "The agreed plan was published on Monday.",
    "Analysts doubt that Ortiz said anything new.",
    "Keller called Ortiz on Monday.",
    "The budget will be voted on next week.",
    "Ortiz's statement was published in full.",
])
def test_narration_has_no_speaker(sentence: str) -> None:
    assert speakers_of(INTRO, sentence)[1] is None


def test_addressee_is_never_the_speaker() -> None:
    ann = annotate(make_doc("Hans Keller met Maria Ortiz in Bern.",
                            "Ortiz briefed Keller on the budget, saying revenue had risen.",
                            "Keller told Ortiz that Germany would help."), make_doc())
    assert ann.speaker_a == (None, "Maria Ortiz", "Hans Keller")


def test_spokesperson_of_an_organisation() -> None:
    got = speakers_of("A spokesman for the Finance Ministry said the figures were final.",
                      "A Defence Ministry spokeswoman said no troops would move.",
                      "The figures are final, a government spokesman said.")
    assert got[0] == "Finance Ministry spokesperson"
    assert got[1] == "Defence Ministry spokesperson"
    assert got[2] is not None and "spokesperson" in got[2]


def test_joint_statement_is_nobodys() -> None:
    # labelling.md: a joint statement of several named people has no single speaker.
    ann = annotate(make_doc("Maria Ortiz said the talks had been useful.",
                            "The two sides agreed to meet again in June.",
                            "Both sides pledged to cut tariffs."), make_doc())
    assert ann.speaker_a == ("Maria Ortiz", None, None)
    assert all(s.name != JOINT_NAME and not s.joint for s in ann.speakers)


def test_both_sides_describing_a_mood_carries_the_speaker() -> None:
    got = speakers_of(["Maria Ortiz said relations were improving.",
                       "Both sides are more determined to cooperate."])
    assert got == ["Maria Ortiz", "Maria Ortiz"]


def test_pronoun_goes_to_the_last_named_speaker() -> None:
    got = speakers_of("Maria Ortiz said the budget would pass.",
                      "Hans Keller said Germany would help.",
                      "He said the loan would be ready in May.",
                      "The money is needed, he said.")
    assert got == ["Maria Ortiz", "Hans Keller", "Hans Keller", "Hans Keller"]


def test_coordinated_reporting_verb_and_bare_title_named_in_the_other_account() -> None:
    a = make_doc("The Prime Minister offered condolences and said Britain stood ready to help.",
                 "President Rivera updated the Prime Minister on the floods.",
                 "They agreed to stay in close contact.")
    b = make_doc("British Prime Minister David Hart spoke to President Tomas Rivera of Chile.")
    ann = annotate(a, b)
    assert ann.speaker_a == ("David Hart", "Tomas Rivera", None)


def test_pronoun_after_a_named_subject_of_narration() -> None:
    got = speakers_of("Maria Ortiz said the budget would pass.",
                      "Hans Keller arrived in Lisbon on Monday.",
                      "He said Germany would help.")
    assert got == ["Maria Ortiz", None, "Hans Keller"]


def test_carry_over_within_a_paragraph_and_stop_at_a_break() -> None:
    got = speakers_of(["Maria Ortiz said the budget would pass.",
                       "Revenue rose in May.",
                       "Portugal is ready to work with its partners."],
                      ["Revenue rose again in June."],
                      ["He said more was needed.", "Debt remains high."])
    assert got == ["Maria Ortiz", "Maria Ortiz", "Maria Ortiz", None, "Maria Ortiz",
                   "Maria Ortiz"]


def test_carry_over_stops_at_a_new_person_acting() -> None:
    got = speakers_of(["Maria Ortiz said the budget would pass.",
                       "Hans Keller, meanwhile, flew to Paris."])
    assert got == ["Maria Ortiz", None]


def test_country_cue_is_a_new_speaker() -> None:
    got = speakers_of(["Maria Ortiz said the budget would pass.",
                       "Portugal has said it will honour its debts."])
    assert got == ["Maria Ortiz", "Portugal"]


def test_bare_title_is_the_person_so_titled() -> None:
    got = speakers_of("Prime Minister Elena Markovic spoke with President Jan Novak.",
                      "The Prime Minister congratulated the President on the election.",
                      "The President thanked her for the support.")
    assert got == [None, "Elena Markovic", "Jan Novak"]


def test_the_ministry_is_the_ministry_last_named() -> None:
    got = speakers_of("The death toll rose to 212, the Health Ministry said.",
                      "More than 1,400 people were injured, according to the ministry.")
    assert got == ["Health Ministry", "Health Ministry"]


def test_a_person_quoted_by_an_organisation_is_the_speaker() -> None:
    got = speakers_of('Maria Ortiz expressed "serious concern" over tariffs, the ministry said.',
                      "Markets had expected the move, a spokesman for the finance ministry said.")
    assert got == ["Maria Ortiz", "finance ministry spokesperson"]


def test_compound_subject_is_nobody() -> None:
    got = speakers_of(["Maria Ortiz said the talks went well.",
                       "Maria Ortiz and Hans Keller agreed on Tuesday to cut tariffs."])
    assert got == ["Maria Ortiz", None]


def test_group_side_and_it() -> None:
    got = speakers_of(["The German side expressed concern over the tariffs.",
                       "It urged the Portuguese side to honour its commitments."])
    assert got == ["German side", "German side"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    # labelling.md: unnamed or collective sources are null; a named organisation is a speaker.
    ("Rescue workers said they had heard voices under the concrete.", None),
    ("Shipping analysts estimate that the strike costs 30 million euros a day.", None),
    ("Pentagon officials said the drill was routine.", None),
    ("Levels have fallen, according to researchers at the University of Porto.", None),
    ("Analysts at Danske Bank estimated the strike would cost 50 million crowns a day.", None),
    ("Senior U.S. officials said the talks would resume.", None),
    ("House Republicans said the vote would have to wait.", None),
    ("Democrats argued that the plan was too costly.", None),
    ("The plan is dead, a senior White House official said on Friday.", None),
    ("Her aides hope to draw a contrast with the governor.", None),
    ("The union said the strike would go on, according to a statement.", "union"),
    ("The Office of the U.S. Trade Representative said the call was useful.",
     "Office of the U.S. Trade Representative"),
])
def test_groups_and_organisations_as_speakers(sentence: str, speaker: str | None) -> None:
    assert speakers_of(sentence) == [speaker]


@pytest.mark.parametrize("sentence", [
    "Mr. Ortiz did not respond to a request for comment.",
    "Ortiz, asked about the poll, smiled.",
])
def test_no_statement_about_a_person(sentence: str) -> None:
    assert speakers_of(["Maria Ortiz said the budget would pass.", sentence])[1] is None


def test_organisation_as_speaker() -> None:
    got = speakers_of("The Finance Ministry said in a statement that the figures were final.")
    assert got == ["Finance Ministry"]


def test_quoted_cue_is_not_the_speaker() -> None:
    got = speakers_of('"Both sides agreed to meet again," Ortiz said.')
    assert got == ["Ortiz"]


def test_title_without_speech_verb_is_narration() -> None:
    ann = annotate(make_doc("Ortiz said the budget would pass.",
                            title="Budget Will Pass Next Week"), make_doc())
    assert ann.speaker_a == (None, "Ortiz")


@pytest.mark.parametrize("title", [
    "Ortiz Says Budget Will Pass",             # present-tense speech verb
    "Budget Will Pass Next Week, Ortiz Says",  # trailing "X Says"
    "Ortiz: Budget Will Pass Next Week",       # colon form
    "Ortiz Slams Critics of the Budget Plan",  # headline speech act
    "'Shameful!' Ortiz slams budget critics",  # quote opener, sentence case
])
def test_headline_speech_names_the_speaker(title: str) -> None:
    ann = annotate(make_doc("Finance minister Ana Ortiz said the budget would pass.",
                            title=title), make_doc())
    assert ann.speaker_a[0] == ann.speaker_a[1] == "Ana Ortiz"


def test_headline_action_verb_is_narration() -> None:
    ann = annotate(make_doc("Ana Ortiz said the budget would pass.",
                            title="Ortiz Wows the Crowd in Lima"), make_doc())
    assert ann.speaker_a[0] is None


def test_every_sentence_has_an_entry() -> None:
    a = make_doc(INTRO, ["Ortiz said so.", "Yes."])
    b = make_doc("Nothing here.")
    ann = annotate(a, b)
    assert len(ann.speaker_a) == len(a) and len(ann.speaker_b) == len(b)
    assert isinstance(ann, Annotations)


# -- the sample pair against the gold --------------------------------------------------------

def _gold_documents() -> tuple[dict, Document, Document]:
    """Documents from the gold sentence texts; paragraphs found in the sample files."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = []
    for side, path in zip("ab", sample_paths(), strict=True):
        raw = path.read_text(encoding="utf-8").replace("\u00a0", " ")
        paragraphs = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
        entries = []
        for g in gold[side]:
            paragraph = next(k for k, p in enumerate(paragraphs) if g["text"][:40] in p)
            entries.append((paragraph, g["role"], g["text"]))
        sentences, offset = [], 0
        for i, (paragraph, role, text) in enumerate(entries):
            sentences.append(Sentence(i, paragraph, role, text, offset, offset + len(text)))
            offset += len(text) + 1
        docs.append(Document(None, " ".join(e[2] for e in entries), tuple(sentences)))
    return gold, docs[0], docs[1]


def _speaker_errors(gold: dict, ann: Annotations, a: Document, b: Document) -> list[str]:
    """Sentences whose speaker differs from the gold (matched by text)."""
    errors = []
    for side, doc in (("a", a), ("b", b)):
        by_text = {g["text"]: g["speaker"] for g in gold[side]}
        for sentence in doc.sentences:
            if sentence.text in by_text:
                got = ann.speaker_of(side, sentence.id)
                if got != by_text[sentence.text]:
                    errors.append(f"{side}{sentence.id}: {got!r} != {by_text[sentence.text]!r}")
    return errors


def test_sample_speakers_match_gold() -> None:
    gold, a, b = _gold_documents()
    ann = annotate(a, b)
    errors = _speaker_errors(gold, ann, a, b)
    assert len(errors) <= 1, errors  # >= 95% of the 29 sentences


def test_sample_minister_is_one_speaker_under_both_spellings() -> None:
    gold, a, b = _gold_documents()
    ann = annotate(a, b)
    for canonical, aliases in gold["speaker_aliases"].items():
        holders = [s for s in ann.speakers if canonical == s.name or canonical in s.aliases]
        assert len(holders) == 1, canonical
        names = {holders[0].name, *holders[0].aliases}
        assert set(aliases) <= names


def test_sample_pipeline_speakers_match_gold() -> None:
    """The pipeline test: the sample files through ingest and segmentation, then annotate."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    path_a, path_b = sample_paths()
    a, b = load_document(path_a), load_document(path_b)
    texts = {g["text"] for side in "ab" for g in gold[side]}
    matched = sum(s.text in texts for s in (*a.sentences, *b.sentences))
    if matched < 25:
        pytest.skip(f"segmentation gives only {matched} of the gold sentences")
    ann = annotate(a, b)
    errors = _speaker_errors(gold, ann, a, b)
    assert len(errors) <= 1, errors


def test_ten_thousand_sentences_a_side_are_all_attributed() -> None:
    """At scale every sentence is annotated and the cues still work (the speed is
    benchmarks/annotate_quality.py's to print, not a wall-clock bound here)."""
    paragraph = ["Maria Ortiz said the budget for 2025 would be balanced.",
                 "Revenue from the new carbon levy rose in May.",
                 "He said the Lisbon Treaty allowed it, according to Hans Keller."]
    a = make_doc(*([paragraph] * 3400))
    ann = annotate(a, a)
    assert len(ann.speaker_a) == len(a) > 10_000
    assert ann.speaker_a[0] == "Maria Ortiz"
    assert all(ann.speaker_a[i] == ann.speaker_a[i % 3] for i in range(len(a)))  # same everywhere


def test_lowercase_title_is_the_person_so_titled() -> None:
    got = speakers_of("Senator Rachel Ortega visited the dam on Monday.",
                      "The senator said the water supply was safe.")
    assert got == [None, "Rachel Ortega"]


def test_paragraph_opening_with_a_quote_continues_the_quote() -> None:
    got = speakers_of("Maria Ortiz said: \"The budget will pass.",
                      "\"We have the votes, and we will use them.\"",
                      "The vote is on Friday.")
    assert got == ["Maria Ortiz", "Maria Ortiz", None]


def test_anonymous_single_source() -> None:
    got = speakers_of('"It was terrible," said one resident.')
    assert got == [None]


def test_which_marks_an_organisation() -> None:
    ann = annotate(make_doc("Lumen Pay, which filed for bankruptcy in March, said it would "
                            "cooperate."), make_doc("Lumen Pay is based in Austin."))
    assert ann.speaker_a == ("Lumen Pay",)
    assert any(t.name == "Lumen Pay" for t in ann.topics)  # organisations stay topics


PATHOLOGICAL = [
    "A. " * 200 + "x said.", "Mr. " * 300 + "said", "The " + "Big " * 500 + "said that",
    ", " * 500 + "said", '"' * 301 + " he said", "said " * 400, ("X" * 5000) + " said",
    "Van der " * 200 + "Berg said", "U.S. " * 300 + "officials said", "Ortiz, " * 300 + "said",
    "", "\x1b[31m", "—" * 100,
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_sentences_are_quick(text: str) -> None:
    import time

    start = time.perf_counter()
    ann = annotate(make_doc(text, [text, text]), make_doc(text))
    assert time.perf_counter() - start < 3  # linear patterns: no catastrophic backtracking
    assert len(ann.speaker_a) == 3 and len(ann.topics_b) == 1


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    given = None

if given is not None:
    WORDS = st.sampled_from(["said", "Mr.", "he", "she", "the two sides", "according to",
                             "Ortiz", "Maria", "van der", "Berg", "NATO", "U.S.", ",", ".",
                             '"', "“", "”", "told", "urged", "the", "ministry", "spokesman",
                             "for", "which", "and", "Both", "sides", "agreed", "it", "x"])
    SENTENCES = st.lists(WORDS, max_size=25).map(" ".join)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.lists(SENTENCES, min_size=1, max_size=3), max_size=4),
           st.lists(st.lists(SENTENCES, min_size=1, max_size=3), max_size=3))
    def test_any_text_gives_consistent_annotations(pa: list[list[str]],
                                                   pb: list[list[str]]) -> None:
        a, b = make_doc(*pa), make_doc(*pb)
        ann = annotate(a, b)
        assert len(ann.speaker_a) == len(a) and len(ann.speaker_b) == len(b)
        assert len(ann.topics_a) == len(a) and len(ann.topics_b) == len(b)
        names = {s.name for s in ann.speakers}
        assert {x for x in (*ann.speaker_a, *ann.speaker_b) if x is not None} == names
        for speaker in ann.speakers:
            assert all(ann.speaker_a[i] == speaker.name for i in speaker.a)
            assert all(ann.speaker_b[i] == speaker.name for i in speaker.b)
        for topic in ann.topics:
            assert all(0 <= i < len(a) for i in topic.a)
            assert all(0 <= i < len(b) for i in topic.b)
            assert topic.a or topic.b


def test_quoted_as_saying() -> None:
    got = speakers_of("Maria Ortiz was quoted by local media as saying the budget would pass.")
    assert got == ["Maria Ortiz"]


def test_they_continues_an_organisation_not_a_collective() -> None:
    got = speakers_of(["Officials said the border would reopen on Friday.",
                       "They added that trucks would be checked."])
    assert got == [None, None]
    got = speakers_of(["The Finance Ministry said the border would reopen on Friday.",
                       "They added that trucks would be checked."])
    assert got == ["Finance Ministry", "Finance Ministry"]


def test_unmarked_headline_with_speech_verb_names_the_speaker() -> None:
    got = speakers_of("Ortiz says budget will pass",
                      "Maria Ortiz said the budget would pass.")
    assert got == ["Maria Ortiz", "Maria Ortiz"]
