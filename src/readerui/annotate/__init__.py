"""Speakers and topics of two accounts.

``annotate`` runs the speaker attribution (:mod:`.speakers`, rules over :mod:`.cues`, names
merged by :mod:`.names`) and the topic finder (:mod:`.topics`, with an optional user lexicon from
:mod:`.lexicon`) over both documents and returns one :class:`~readerui.model.Annotations`.
:mod:`.lookup` answers the sidebar's questions (per-side counts, only in A / only in B, find by
alias). The word lists the rules use are plain text files in ``annotate/words/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readerui.model import Annotations, Document

__all__ = ["annotate"]


def annotate(a: Document, b: Document, lexicon_path: str | None = None,
             lang: str = "en") -> Annotations:
    """Attribute each sentence to a speaker and tag topics across both documents.

    Speaker rules are for English; for other languages only topics are found.
    Raises :class:`readerui.errors.ConfigError` when the lexicon file cannot be used.
    """
    # The pass makes hundreds of thousands of small containers and frees them by reference
    # counting; the cyclic collector, run every 700 allocations over all of them, cost a third
    # of its time on long pairs. It is paused for the pass (never re-enabled if it was off).
    from readerui.gcpause import collector_paused

    with collector_paused():
        return _annotate(a, b, lexicon_path, lang)


def _annotate(a: Document, b: Document, lexicon_path: str | None, lang: str) -> Annotations:
    # The rules are imported here, not with the package: the reader imports the light
    # ``annotate.overrides`` at start-up, before the engine is needed.
    from readerui.annotate.lexicon import load_lexicon
    from readerui.annotate.speakers import attribute_speakers
    from readerui.annotate.topics import find_topics
    from readerui.model import Annotations

    lexicon = load_lexicon(lexicon_path) if lexicon_path else None
    if lang == "en":
        found = attribute_speakers(a, b)
        speakers, speaker_a, speaker_b = found.speakers, found.speaker_a, found.speaker_b
        people: frozenset[str] = found.person_names
        cue_a, cue_b = found.cue_a, found.cue_b
    else:
        speakers, speaker_a, speaker_b, people = (), [None] * len(a), [None] * len(b), frozenset()
        cue_a, cue_b = [None] * len(a), [None] * len(b)
    # People who speak are listed as speakers, not again as topics; organisations stay topics.
    topics, topics_a, topics_b = find_topics(a, b, lang, lexicon, people)
    return Annotations(tuple(speakers), tuple(topics), tuple(speaker_a), tuple(speaker_b),
                       tuple(topics_a), tuple(topics_b), tuple(cue_a), tuple(cue_b))
