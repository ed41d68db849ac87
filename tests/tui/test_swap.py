"""Analysis.swapped: A and B exchanged, purely (documents, link ids, annotations per side)."""

from __future__ import annotations

from readerui.model import Alignment, Analysis, Annotations, Link

from .helpers import council_analysis


def test_swapped_twice_is_the_original() -> None:
    analysis = council_analysis()
    once = analysis.swapped()
    assert once != analysis
    assert once.swapped() == analysis


def test_documents_and_link_ids_are_exchanged() -> None:
    analysis = council_analysis()
    swapped = analysis.swapped()
    assert swapped.a is analysis.b and swapped.b is analysis.a
    assert (swapped.alignment.n_a, swapped.alignment.n_b) == (analysis.alignment.n_b,
                                                              analysis.alignment.n_a)
    for mine, theirs in zip(analysis.alignment.links, swapped.alignment.links, strict=True):
        assert (theirs.a, theirs.b) == (mine.b, mine.a)
        assert (theirs.kind, theirs.score) == (mine.kind, mine.score)
    # the lookups follow: A 2's partners become B 2's partners
    assert swapped.alignment.partners("b", 2) == analysis.alignment.partners("a", 2)
    assert swapped.alignment.only_in("a") == analysis.alignment.only_in("b")


def test_annotations_per_side_are_exchanged() -> None:
    analysis = council_analysis()
    notes, swapped = analysis.annotations, analysis.swapped().annotations
    assert swapped.speaker_a == notes.speaker_b and swapped.speaker_b == notes.speaker_a
    assert swapped.topics_a == notes.topics_b and swapped.topics_b == notes.topics_a
    by_name = {s.name: s for s in swapped.speakers}
    for speaker in notes.speakers:
        assert (by_name[speaker.name].a, by_name[speaker.name].b) == (speaker.b, speaker.a)
    topics = {t.name: t for t in swapped.topics}
    for topic in notes.topics:
        assert (topics[topic.name].a, topics[topic.name].b) == (topic.b, topic.a)
    assert swapped.speaker_of("b", 4) == notes.speaker_of("a", 4)


def test_exclusive_flag_and_cues_survive() -> None:
    analysis = council_analysis()
    alignment = Alignment((Link((0,), (1,), 0.5, "partial"),), 3, 2, exclusive=True)
    annotations = Annotations((), (), (None,) * 3, (None,) * 2, ((),) * 3, ((),) * 2,
                              cue_a=("verb:said", None, None), cue_b=(None, None))
    small = Analysis(analysis.a, analysis.b, alignment, annotations)
    swapped = small.swapped()
    assert swapped.alignment.exclusive
    assert swapped.annotations.cue_b == ("verb:said", None, None)
    assert swapped.annotations.cue_a == (None, None)
    assert swapped.swapped() == small
