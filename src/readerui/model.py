"""Plain data objects shared by the core and the UI.

Data flows one way: ``ingest`` makes a :class:`CleanText`, ``segment`` turns it into a
:class:`Document`, ``align`` makes an :class:`Alignment` of two documents, ``annotate`` makes
:class:`Annotations`, and :class:`Analysis` holds all of it for ``export`` and the TUI. Every object
here is frozen; nothing downstream mutates what upstream produced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["a", "b"]
Role = Literal["title", "body"]
LinkKind = Literal["strong", "partial"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What ingest learnt about a document besides its sentences."""

    title: str | None = None
    date: str | None = None  # ISO 8601: "2022-03-30", or "--03-30" when the year is unknown
    source: str | None = None  # agency or outlet, where the text states it
    place: str | None = None  # dateline place, e.g. "MOSCOW"
    dateline: str | None = None  # the dateline as it stood, e.g. "MOSCOW, May 1 (Reuters) -"
    lang: str | None = None  # ISO 639-1 language, given with --lang or detected from the text


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the cleaned text: ``text[start:end]``."""

    index: int
    role: Role
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CleanText:
    """A decoded, cleaned text with its paragraphs, before sentence splitting."""

    path: str | None
    text: str  # paragraphs joined by "\n\n"
    paragraphs: tuple[Paragraph, ...]
    meta: Metadata
    removed: tuple[str, ...] = ()  # page furniture lines that were dropped, for transparency


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``start``/``end`` are offsets into its document's cleaned ``text``."""

    id: int
    paragraph: int
    role: Role
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A segmented account: cleaned text, sentences in reading order, metadata."""

    path: str | None
    text: str
    sentences: tuple[Sentence, ...]
    meta: Metadata = field(default_factory=Metadata)
    removed: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.sentences)


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of A and of B that carry the same content (ids sorted ascending)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float  # in [0, 1]
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of sentence ``sentence`` (offsets into the sentence's text)."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class WordDiff:
    """Words of each side of a link that the other side does not carry."""

    a: tuple[Span, ...]
    b: tuple[Span, ...]


def _rank(link: Link) -> tuple[int, float]:
    """Order of preference among a sentence's links: strong before partial, then by score."""
    return (link.kind == "strong", link.score)


@dataclass(frozen=True)
class Alignment:
    """The links between two documents.

    Links are many-to-many: a sentence may be in several links, but a pair of sentences (one of
    A, one of B) is in at most one. ``exclusive`` marks an alignment where each sentence is in at
    most one link (``--exclusive``).
    """

    links: tuple[Link, ...]
    n_a: int
    n_b: int
    exclusive: bool = False

    def __post_init__(self) -> None:
        links_of_a: dict[int, list[int]] = {}
        links_of_b: dict[int, list[int]] = {}
        for index, link in enumerate(self.links):
            for i in link.a:
                links_of_a.setdefault(i, []).append(index)
            for j in link.b:
                links_of_b.setdefault(j, []).append(index)
        ranked = {}
        for side, table in (("a", links_of_a), ("b", links_of_b)):
            ranked[side] = {
                sid: tuple(sorted(indices, key=lambda k: _rank(self.links[k]), reverse=True))
                for sid, indices in table.items()
            }
        object.__setattr__(self, "_links_of", ranked)

    def links_of(self, side: Side, sentence_id: int) -> tuple[Link, ...]:
        """Every link holding that sentence, the best first (strong before partial, then by
        score); empty when it is in one account only."""
        indices = self._links_of[side].get(sentence_id, ())  # type: ignore[attr-defined]
        return tuple(self.links[k] for k in indices)

    def link_of(self, side: Side, sentence_id: int) -> Link | None:
        """The best link holding that sentence, or None when it is in one account only."""
        indices = self._links_of[side].get(sentence_id)  # type: ignore[attr-defined]
        return None if not indices else self.links[indices[0]]

    def partners(self, side: Side, sentence_id: int) -> tuple[int, ...]:
        """Ids on the other side linked to that sentence, the best partner first."""
        seen: dict[int, None] = {}
        for link in self.links_of(side, sentence_id):
            for other in (link.b if side == "a" else link.a):
                seen.setdefault(other, None)
        return tuple(seen)

    def partner_kinds(self, side: Side, sentence_id: int) -> dict[int, LinkKind]:
        """Each partner of that sentence with the kind of the link that joins them."""
        kinds: dict[int, LinkKind] = {}
        for link in self.links_of(side, sentence_id):
            for other in (link.b if side == "a" else link.a):
                kinds.setdefault(other, link.kind)
        return kinds

    def best_partner(self, side: Side, sentence_id: int) -> int | None:
        """The partner to bring level with that sentence: the nearest sentence of its best
        link's other side (the first of it), or None when it has none."""
        partners = self.partners(side, sentence_id)
        return partners[0] if partners else None

    def kind_of(self, side: Side, sentence_id: int) -> LinkKind | None:
        """``strong`` when some link of that sentence is strong, ``partial`` when all are
        partial, None when it is in one account only."""
        link = self.link_of(side, sentence_id)
        return None if link is None else link.kind

    def carried(self, side: Side, ids: Iterable[int]) -> int:
        """How many of those sentences of ``side`` are linked to the other account."""
        linked = self._links_of[side]  # type: ignore[attr-defined]
        return sum(1 for i in ids if i in linked)

    def only_in(self, side: Side) -> tuple[int, ...]:
        """Ids of that side's sentences that are in no link."""
        linked = self._links_of[side]  # type: ignore[attr-defined]
        n = self.n_a if side == "a" else self.n_b
        return tuple(i for i in range(n) if i not in linked)

    def swapped(self) -> Alignment:
        """The same links seen from the other side: each link's A and B ids exchanged."""
        return Alignment(tuple(Link(link.b, link.a, link.score, link.kind) for link in self.links),
                         self.n_b, self.n_a, self.exclusive)


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person (or a joint speaker such as "both sides") with the sentences they speak."""

    name: str
    aliases: tuple[str, ...]
    a: tuple[int, ...]
    b: tuple[int, ...]
    joint: bool = False


@dataclass(frozen=True, slots=True)
class Topic:
    """A named thing or recurring idea with the sentences that mention it on each side."""

    name: str
    terms: tuple[str, ...]
    a: tuple[int, ...]
    b: tuple[int, ...]
    origin: Literal["lexicon", "auto"] = "auto"


@dataclass(frozen=True)
class Annotations:
    """Speakers and topics of both documents; per-sentence lookups are precomputed."""

    speakers: tuple[Speaker, ...]
    topics: tuple[Topic, ...]
    speaker_a: tuple[str | None, ...]  # canonical speaker name per sentence of A
    speaker_b: tuple[str | None, ...]
    topics_a: tuple[tuple[str, ...], ...]  # topic names per sentence of A
    topics_b: tuple[tuple[str, ...], ...]
    # which cue named each sentence's speaker ("verb:said", "headline", "continuation"), or
    # None; empty when the annotator did not say (explainability only)
    cue_a: tuple[str | None, ...] = ()
    cue_b: tuple[str | None, ...] = ()

    def speaker_of(self, side: Side, sentence_id: int) -> str | None:
        """The canonical speaker of that sentence, or None for the narrator."""
        return (self.speaker_a if side == "a" else self.speaker_b)[sentence_id]

    def speaker_cue_of(self, side: Side, sentence_id: int) -> str | None:
        """Which cue named that sentence's speaker, or None (narrator, or not recorded)."""
        cues = self.cue_a if side == "a" else self.cue_b
        return cues[sentence_id] if sentence_id < len(cues) else None

    def topics_of(self, side: Side, sentence_id: int) -> tuple[str, ...]:
        """Names of the topics that sentence mentions."""
        return (self.topics_a if side == "a" else self.topics_b)[sentence_id]

    def swapped(self) -> Annotations:
        """The same speakers and topics with the sides exchanged (A's lookups become B's)."""
        return Annotations(
            tuple(Speaker(s.name, s.aliases, s.b, s.a, s.joint) for s in self.speakers),
            tuple(Topic(t.name, t.terms, t.b, t.a, t.origin) for t in self.topics),
            self.speaker_b, self.speaker_a, self.topics_b, self.topics_a, self.cue_b, self.cue_a)

    @classmethod
    def empty(cls, n_a: int, n_b: int) -> Annotations:
        """No speakers and no topics."""
        return cls((), (), (None,) * n_a, (None,) * n_b, ((),) * n_a, ((),) * n_b)


@dataclass(frozen=True)
class Analysis:
    """Everything the views need: both documents, their alignment and annotations."""

    a: Document
    b: Document
    alignment: Alignment
    annotations: Annotations

    def document(self, side: Side) -> Document:
        """Document A or B."""
        return self.a if side == "a" else self.b

    def swapped(self) -> Analysis:
        """The same analysis with A and B exchanged: documents, each link's ids, and the
        annotations of each side. Pure: ``x.swapped().swapped() == x``."""
        return Analysis(self.b, self.a, self.alignment.swapped(), self.annotations.swapped())
