"""Plain data objects shared by the core and the UI.

Data flows one way: ``ingest`` makes a :class:`CleanText`, ``segment`` turns it into a
:class:`Document`, ``align`` makes an :class:`Alignment` of two documents, ``annotate`` makes
:class:`Annotations`, and :class:`Analysis` holds all of it for ``export`` and the TUI. Every object
here is frozen; nothing downstream mutates what upstream produced.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

Side = Literal["a", "b"]
# The side letter of account i of a reading: "a", "b" (the two panes' names, as before), then
# "c" … "h". Notes and saved cursors name accounts by it, so two-account files stay as they were.
ACCOUNT_SIDES = "abcdefgh"
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
    repaired: str | None = None  # what ingest repaired in the text, e.g. "mojibake repaired in 3
    # lines (UTF-8 read as Windows-1252)"; None when it was read as it stands


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


@dataclass(frozen=True, slots=True)
class Near:
    """A sentence in no link whose best candidate in the other account came close: ``other`` is
    that candidate's id, ``score`` the link model's probability that they are a link. The
    sentence is then only *maybe* in one account only."""

    side: Side  # the side of the unlinked sentence
    sentence: int
    other: int
    score: float


@dataclass(frozen=True)
class Alignment:
    """The links between two documents.

    Links are many-to-many: a sentence may be in several links, but a pair of sentences (one of
    A, one of B) is in at most one. ``exclusive`` marks an alignment where each sentence is in at
    most one link (``--exclusive``). ``near`` holds, for sentences in no link, a close candidate
    in the other account (see :class:`Near`): the aligner was not sure it is one-sided.
    """

    links: tuple[Link, ...]
    n_a: int
    n_b: int
    exclusive: bool = False
    near: tuple[Near, ...] = ()

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
        object.__setattr__(self, "_near", {(n.side, n.sentence): n for n in self.near})

    def near_of(self, side: Side, sentence_id: int) -> Near | None:
        """The close candidate of a sentence in no link, or None (linked, or confidently in
        one account only)."""
        return self._near.get((side, sentence_id))  # type: ignore[attr-defined,no-any-return]

    def uncertain_only_in(self, side: Side) -> tuple[int, ...]:
        """Ids of that side's sentences in no link that have a close candidate (maybe shared)."""
        return tuple(i for i in self.only_in(side) if (side, i) in self._near)  # type: ignore[attr-defined]

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
        flip: dict[Side, Side] = {"a": "b", "b": "a"}
        return Alignment(tuple(Link(link.b, link.a, link.score, link.kind) for link in self.links),
                         self.n_b, self.n_a, self.exclusive,
                         tuple(Near(flip[n.side], n.sentence, n.other, n.score)
                               for n in self.near))


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
    """Everything the views need: both documents (as loaded: the analysis never rewrites them),
    their alignment and annotations, and what the analysis concludes about the accounts'
    metadata (``dates``: each account's date, a missing year filled in from the other's)."""

    a: Document
    b: Document
    alignment: Alignment
    annotations: Annotations
    dates: tuple[str | None, ...] | None = None  # per account, in order; None: the documents'

    def document(self, side: Side) -> Document:
        """Document A or B."""
        return self.a if side == "a" else self.b

    def date(self, side: Side) -> str | None:
        """The account's date as this analysis reads it (ISO 8601; "--03-30" when no year is
        known): the document's own, or with the year the analysis completed."""
        if self.dates is None:
            return self.document(side).meta.date
        return self.dates[0 if side == "a" else 1]

    def meta(self, side: Side) -> Metadata:
        """The document's metadata with :meth:`date`: what the views and exports show."""
        meta = self.document(side).meta
        date = self.date(side)
        return meta if date == meta.date else replace(meta, date=date)

    def swapped(self) -> Analysis:
        """The same analysis with A and B exchanged: documents, each link's ids, and the
        annotations of each side. Pure: ``x.swapped().swapped() == x``."""
        return Analysis(self.b, self.a, self.alignment.swapped(), self.annotations.swapped(),
                        None if self.dates is None else tuple(reversed(self.dates)))


# ----- several accounts of one event (issue 13) ---------------------------------------------------

ACCOUNT_LETTERS = "ABCDEFGH"  # account i is shown as ACCOUNT_LETTERS[i]; a reading has at most 8


def side_of(account: int) -> str:
    """The side letter notes and saved state use for account ``account`` ("a", "b", "c" …)."""
    return ACCOUNT_SIDES[account]


def account_of(side: str) -> int:
    """The account a side letter names ("a" is 0, "b" 1, "c" 2 …); ValueError if none."""
    if len(side) != 1 or side not in ACCOUNT_SIDES:
        raise ValueError(f"not an account side: {side!r}")
    return ACCOUNT_SIDES.index(side)


def account_label(account: int) -> str:
    """The letter an account is shown by: A for the first on the command line, B, C …"""
    return ACCOUNT_LETTERS[account] if 0 <= account < len(ACCOUNT_LETTERS) else f"#{account + 1}"


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """Sentence ``sentence`` of account ``account`` (0-based, command-line order) in a claim.

    ``kind`` is the strongest link tying it to another member of the claim; the one member of a
    claim found in one account only is ``strong`` by convention. ``home`` is False for a
    sentence *attached* to a claim it does not belong to (a headline or summary sentence that
    partly carries it, for an account that has no other sentence in it); every sentence is the
    home member of exactly one claim.
    """

    account: int
    sentence: int
    kind: LinkKind
    home: bool = True


@dataclass(frozen=True)
class Claim:
    """One fact, claim or statement and the sentences of each account that report it."""

    id: int
    members: tuple[ClaimMember, ...]  # by account, then sentence
    speaker: str | None = None  # the merged speaker most of its members have (None: narrator)
    topics: tuple[str, ...] = ()  # merged topic names its members mention, the most frequent first

    def accounts(self) -> frozenset[int]:
        """The accounts that carry the claim (strongly or partly)."""
        return frozenset(m.account for m in self.members)

    def carried(self, account: int) -> LinkKind | None:
        """``strong`` when a member of that account is strong, ``partial`` when its members
        are all partial, None when the account does not carry the claim."""
        kinds = {m.kind for m in self.members if m.account == account}
        if not kinds:
            return None
        return "strong" if "strong" in kinds else "partial"

    def sentences(self, account: int) -> tuple[int, ...]:
        """That account's sentence ids in the claim, ascending (empty when it is absent)."""
        return tuple(sorted(m.sentence for m in self.members if m.account == account))

    def home_sentences(self, account: int) -> tuple[int, ...]:
        """That account's sentences whose home is this claim (attached ones left out)."""
        return tuple(sorted(m.sentence for m in self.members if m.account == account and m.home))


@dataclass(frozen=True, slots=True)
class AccountSpeaker:
    """One person across every account: ``sentences[i]`` are the ids they speak in account i."""

    name: str
    aliases: tuple[str, ...]
    sentences: tuple[tuple[int, ...], ...]
    joint: bool = False


@dataclass(frozen=True, slots=True)
class AccountTopic:
    """A topic across every account: ``sentences[i]`` are the ids of account i mentioning it."""

    name: str
    terms: tuple[str, ...]
    sentences: tuple[tuple[int, ...], ...]
    origin: Literal["lexicon", "auto"] = "auto"


@dataclass(frozen=True)
class Collation:
    """A reading of several accounts: every pair aligned, the links joined into claims.

    ``pairs`` holds the analysis of each pair ``(i, j)`` with ``i < j`` (account i as A), its
    annotations already using the merged names; ``speakers`` and ``topics`` are merged across
    all accounts (one person, whatever each account calls them), with ``speaker_names[i][s]`` and
    ``topic_names[i][s]`` the merged speaker and topics of sentence s of account i.
    """

    documents: tuple[Document, ...]
    pairs: Mapping[tuple[int, int], Analysis]
    claims: tuple[Claim, ...]
    speakers: tuple[AccountSpeaker, ...] = ()
    topics: tuple[AccountTopic, ...] = ()
    speaker_names: tuple[tuple[str | None, ...], ...] = ()
    topic_names: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def __post_init__(self) -> None:
        index: dict[tuple[int, int], list[int]] = {}
        for position, claim in enumerate(self.claims):
            for member in sorted(claim.members, key=lambda m: not m.home):
                index.setdefault((member.account, member.sentence), []).append(position)
        # a sentence's home claim first, then the claims it is attached to
        ordered = {key: tuple(dict.fromkeys(found)) for key, found in index.items()}
        object.__setattr__(self, "_claims_of", ordered)

    def __len__(self) -> int:
        return len(self.documents)

    def meta(self, account: int) -> Metadata:
        """The account's metadata as the analysis reads it (a missing year completed from
        another account, as :meth:`Analysis.meta`): what the views and exports show."""
        for (i, j), analysis in self.pairs.items():
            if account in (i, j):
                return analysis.meta("a" if account == i else "b")
        return self.documents[account].meta

    def pair(self, i: int, j: int) -> Analysis:
        """The analysis of accounts i (as A) and j (as B), for any two distinct accounts."""
        if i == j:
            raise ValueError(f"a pair needs two accounts, got {i} twice")
        return self.pairs[(i, j)] if i < j else self.pairs[(j, i)].swapped()

    def claims_of(self, account: int, sentence: int) -> tuple[Claim, ...]:
        """The claims that sentence is in: its home claim first, then those it is attached to."""
        found = self._claims_of.get((account, sentence), ())  # type: ignore[attr-defined]
        return tuple(self.claims[k] for k in found)

    def also_in(self, i: int, sentence: int, shown: tuple[int, int]) -> dict[int, LinkKind]:
        """The accounts other than the two ``shown`` that carry a claim of that sentence, each
        with how strongly (strong if it carries one of them strongly), in account order."""
        kinds: dict[int, LinkKind] = {}
        for claim in self.claims_of(i, sentence):
            for account in claim.accounts():
                if account in shown or account == i:
                    continue
                kind = claim.carried(account)
                if kind is not None and kinds.get(account) != "strong":
                    kinds[account] = kind
        return dict(sorted(kinds.items()))

    def carried_share(self, i: int, j: int) -> float:
        """The share of account i's sentences that account j carries: linked to some sentence
        of j in the pair's alignment (1.0 for i == j; 0.0 for an empty account)."""
        n = len(self.documents[i])
        if i == j:
            return 1.0
        if n == 0:
            return 0.0
        if i < j:
            return self.pairs[(i, j)].alignment.carried("a", range(n)) / n
        return self.pairs[(j, i)].alignment.carried("b", range(n)) / n

    def speaker_of(self, account: int, sentence: int) -> str | None:
        """The merged speaker of a sentence (None: the narrator)."""
        names = self.speaker_names[account] if account < len(self.speaker_names) else ()
        return names[sentence] if sentence < len(names) else None

    def topics_of(self, account: int, sentence: int) -> tuple[str, ...]:
        """The merged topics a sentence mentions."""
        names = self.topic_names[account] if account < len(self.topic_names) else ()
        return names[sentence] if sentence < len(names) else ()
