"""Which two accounts of a reading the reader shows, without any widget.

A reading has 2..8 accounts (``readerui A B C …``); the reader shows two of them at once, left and
right, as the :class:`~readerui.model.Analysis` of that pair. :class:`Accounts` knows the accounts,
the pair on screen, how to cycle either side, and where the pair's analysis comes from: a
collation of every pair (three or more accounts), or one analysis and its mirror (two accounts,
for "swap sides").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from readerui.model import Analysis, Claim, Document, LinkKind, Metadata, Side

LETTERS = "ABCDEFGH"  # account i is LETTERS[i] on screen; a reading has at most 8 accounts
MARKS: Mapping[LinkKind | None, str] = {"strong": "┃", "partial": "╏", None: "·"}


def letter(account: int) -> str:
    """The letter of account ``account`` (0-based, command-line order): A, B, C…"""
    return LETTERS[account]


class PairSource(Protocol):
    """What the reader needs from a collation of N accounts (``readerui.model.Collation``)."""

    @property
    def documents(self) -> tuple[Document, ...]:
        """The accounts, in the order given."""
        ...

    def pair(self, i: int, j: int) -> Analysis:
        """The analysis of accounts ``i`` (as A) and ``j`` (as B)."""
        ...

    def also_in(self, i: int, sentence: int,
                shown: tuple[int, int]) -> dict[int, LinkKind]:
        """Accounts other than the shown two that carry that sentence's claims, and how."""
        ...

    def meta(self, account: int) -> Metadata:
        """The account's metadata as the analysis reads it (a missing year completed)."""
        ...

    def carried_share(self, i: int, j: int) -> float:
        """Share of account ``i``'s sentences that account ``j`` carries."""
        ...


class TwoAccounts:
    """The source of a two-account reading: its analysis, and the mirror for swapped sides."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.documents: tuple[Document, ...] = (analysis.a, analysis.b)
        self._mirror: Analysis | None = None
        self._claims: tuple[Claim, ...] | None = None

    def pair(self, i: int, j: int) -> Analysis:
        """Pair (0, 1) is the analysis; (1, 0) its mirror (computed once)."""
        if (i, j) == (0, 1):
            return self.analysis
        if (i, j) == (1, 0):
            if self._mirror is None:
                self._mirror = self.analysis.swapped()
            return self._mirror
        raise ValueError(f"a two-account reading has no pair {(i, j)}")

    def also_in(self, i: int, sentence: int,
                shown: tuple[int, int]) -> dict[int, LinkKind]:
        """No other accounts."""
        return {}

    def meta(self, account: int) -> Metadata:
        """The account's metadata as the analysis reads it (a missing year completed)."""
        return self.analysis.meta("a" if account == 0 else "b")

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The pair's claims (joined when first asked: the claims view)."""
        if self._claims is None:
            from readerui.collation import assemble

            self._claims = assemble(self.documents, {(0, 1): self.analysis}).claims
        return self._claims

    def carried_share(self, i: int, j: int) -> float:
        """Share of ``i``'s sentences linked to ``j``."""
        side: Side = "a" if i == 0 else "b"
        n = len(self.documents[i])
        return self.analysis.alignment.carried(side, range(n)) / n if n else 0.0


@dataclass
class Accounts:
    """The accounts of a reading and the two on screen (``shown``: left, right)."""

    source: PairSource
    shown: tuple[int, int] = (0, 1)
    _analyses: dict[tuple[int, int], Analysis] = field(default_factory=dict, repr=False)

    @property
    def count(self) -> int:
        """How many accounts the reading has."""
        return len(self.source.documents)

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every account, in command-line order."""
        return self.source.documents

    def account(self, side: Side) -> int:
        """The account shown on that side (``a``: left, ``b``: right)."""
        return self.shown[0 if side == "a" else 1]

    def side_of(self, account: int) -> Side | None:
        """The side showing that account, or None when it is not on screen."""
        if account == self.shown[0]:
            return "a"
        if account == self.shown[1]:
            return "b"
        return None

    def letter_of(self, side: Side) -> str:
        """The letter of the account shown on that side."""
        return letter(self.account(side))

    def analysis(self, shown: tuple[int, int] | None = None) -> Analysis:
        """The analysis of a pair (default: the one on screen), asked of the source once."""
        pair = shown or self.shown
        if pair not in self._analyses:
            self._analyses[pair] = self.source.pair(*pair)
        return self._analyses[pair]

    def meta(self, account: int) -> Metadata:
        """The account's metadata as the analysis reads it (a missing year completed)."""
        return self.source.meta(account)

    def swapped(self) -> tuple[int, int]:
        """The shown pair with its sides exchanged."""
        return self.shown[1], self.shown[0]

    def cycled(self, side: Side, step: int) -> tuple[int, int] | None:
        """The shown pair with that side's account replaced by the next (``step=1``) or
        previous (``-1``) account that is not on the other side; None when there is none."""
        index = 0 if side == "a" else 1
        keep = self.shown[1 - index]
        account = self.shown[index]
        for _ in range(self.count):
            account = (account + step) % self.count
            if account != keep:
                break
        if account == self.shown[index] or account == keep:
            return None
        pair = [0, 0]
        pair[index], pair[1 - index] = account, keep
        return pair[0], pair[1]

    def with_account(self, side: Side, account: int) -> tuple[int, int]:
        """The shown pair with ``account`` on that side; when it is the other side's account,
        the two change places."""
        left, right = self.shown
        if side == "a":
            return (account, right) if account != right else (right, left)
        return (left, account) if account != left else (right, left)

    def claims(self) -> tuple[Claim, ...] | None:
        """The claims of the reading (one per fact, across accounts), or None when its source
        has none."""
        return getattr(self.source, "claims", None)

    def also_in(self, side: Side, sentence: int) -> dict[int, LinkKind]:
        """The other accounts (not on screen) carrying that sentence of ``side``'s account."""
        if self.count <= 2:
            return {}
        return self.source.also_in(self.account(side), sentence, self.shown)


def also_in_label(found: Mapping[int, LinkKind]) -> str:
    """``also in: C ┃ D ╏`` (accounts in order, strong ┃ or partial ╏), or ``''``."""
    if not found:
        return ""
    return "also in: " + " ".join(f"{letter(k)} {MARKS[found[k]]}" for k in sorted(found))


def account_summary(documents: Sequence[Document], account: int,
                    meta: Metadata | None = None) -> tuple[str, str, str]:
    """What the picker lists for an account: its label, its source (else its file name, which
    is how the user named it) and its date as the analysis reads it (``meta``: a missing year
    completed from another account; default the document's own), ``—`` when unknown."""
    from readerui.sanitise import shown
    from readerui.tui.widgets.chrome import date_label, document_label

    document = documents[account]
    meta = meta or document.meta
    if meta.source:
        source = shown(meta.source)
    elif document.path:
        source = shown(document.path.replace("\\", "/").rsplit("/", 1)[-1]) or "—"
    else:
        source = "—"
    return document_label(document), source, date_label(shown(meta.date)) if meta.date else "—"
