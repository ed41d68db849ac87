"""The claims view: one row per claim (a fact, claim or statement across accounts), one column
per account (strong ┃, partial ╏, absent ·), the claim's speaker and topics; ordered by
"carried by fewest" (what one account alone says first) or in reading order. Enter shows the
claim's sentences side by side."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from readerui.model import Document
from readerui.sanitise import shown
from readerui.tui.accounts import MARKS, letter
from readerui.tui.bindings import CLOSE_KEYS, claims_bindings
from readerui.tui.reading import Filter
from readerui.tui.widgets.claims_table import Cells, ClaimsTable

STYLES = Path(__file__).parent.parent / "styles" / "accounts.tcss"
Order = Literal["fewest", "reading"]
SPEAKER_WIDTH = 14
TOPICS_WIDTH = 16
Claim = Any  # readerui.model.Claim: members, speaker, topics, accounts(), carried(), sentences()


def claim_kept(claim: Claim, chosen: Filter) -> bool:
    """True when the filter keeps the claim: its speaker is a chosen one (any) AND it has a
    chosen topic (any), as the sidebar's filter keeps sentences. Claims carry no places: a place
    filter does not narrow them."""
    speakers, topics = chosen.get("speakers"), chosen.get("topics")
    if speakers and claim.speaker not in speakers:
        return False
    return not topics or bool(topics.intersection(claim.topics))


def _first(claim: Claim) -> tuple[int, int]:
    """The claim's first account and its first sentence there."""
    return min((m.account, m.sentence) for m in claim.members)


def _fewest_key(claim: Claim) -> tuple[int, int, tuple[int, int]]:
    """How many accounts carry the claim, how many of them strongly, where it first appears:
    in one pass over its members (the claims view sorts every claim of a long reading each
    time it opens, and the model's per-account methods each walk the members again)."""
    carriers: set[int] = set()
    strong: set[int] = set()
    first = None
    for member in claim.members:
        carriers.add(member.account)
        if member.kind == "strong":
            strong.add(member.account)
        place = (member.account, member.sentence)
        if first is None or place < first:
            first = place
    return len(carriers), len(strong), first or (0, 0)


def ordered_claims(claims: Sequence[Claim], order: Order) -> list[Claim]:
    """``fewest``: carried by the fewest accounts first (then by fewer strong carriers, then
    reading order); ``reading``: by the first account carrying it, then its sentence."""
    return sorted(claims, key=_first if order == "reading" else _fewest_key)


class ClaimOrders:
    """A reading's claims sorted each way, each sort done once and kept for the next opening
    of the claims view (a long reading has ten thousand claims; sorting them each time took
    most of a second). The caller keeps one per reading."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = tuple(claims)
        self._sorted: dict[Order, tuple[Claim, ...]] = {}
        self._tally: dict[Order, str] = {}

    def rows(self, order: Order) -> tuple[Claim, ...]:
        """Every claim in that order."""
        if order not in self._sorted:
            self._sorted[order] = tuple(ordered_claims(self.claims, order))
        return self._sorted[order]

    def tally(self, order: Order, count: int) -> str:
        """:func:`tally` of every claim (the unfiltered view's status line)."""
        if order not in self._tally:
            self._tally[order] = tally(self.rows(order), count)
        return self._tally[order]


def claim_marks(claim: Claim, count: int) -> str:
    """One mark per account: ``┃`` strong, ``╏`` partial, ``·`` absent, space-separated."""
    return " ".join(MARKS[claim.carried(k)] for k in range(count))


def claim_text(claim: Claim, documents: Sequence[Document]) -> str:
    """The claim's words as its first account tells them (one line, plain text)."""
    account, sentence = _first(claim)
    return shown(" ".join(documents[account].sentences[sentence].text.split()))


def claim_cells(claim: Claim, documents: Sequence[Document]) -> Cells:
    """A row's cells: the marks, the speaker, the topics, the claim's words (plain text)."""
    speaker = shown(claim.speaker) if claim.speaker else "—"
    topics = ", ".join(shown(t) for t in claim.topics) or "—"
    return ((claim_marks(claim, len(documents)) + "  ", ""),
            (_cell(speaker, SPEAKER_WIDTH), "speaker" if claim.speaker else "narrator"),
            (" ", ""), (_cell(topics, TOPICS_WIDTH), "topics"), (" ", ""),
            (claim_text(claim, documents), ""))


def _cell(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[:width - 1] + "…"


def heading(count: int) -> str:
    """The column heads: account letters, then speaker, topics, claim."""
    return (" ".join(letter(k) for k in range(count)) + "  " + "speaker".ljust(SPEAKER_WIDTH)
            + " " + "topics".ljust(TOPICS_WIDTH) + " claim")


def claim_pair(claim: Claim, shown_pair: tuple[int, int]) -> tuple[tuple[int, int], int, int]:
    """Which two accounts show a claim, and where the cursor goes: ``((left, right), account,
    sentence)``. The pair on screen is kept as far as it carries the claim; a claim carried by
    one account alone is shown beside the other account on screen."""
    carriers = sorted(claim.accounts())
    left, right = shown_pair
    if left in carriers:
        other = right if right in carriers else next((k for k in carriers if k != left), right)
        pair, account = (left, other), left
    elif right in carriers:
        other = next((k for k in carriers if k != right), left)
        pair, account = (other, right), right
    else:
        first = carriers[0]
        second = next((k for k in carriers if k != first), right if right != first else left)
        pair, account = (first, second), first
    return pair, account, min(claim.sentences(account))


def tally(claims: Sequence[Claim], count: int) -> str:
    """``12 claims: 2 in all 3 · 5 in 2 · 5 in one`` for the status line."""
    by_size: dict[int, int] = {}
    for claim in claims:
        size = len(claim.accounts())
        by_size[size] = by_size.get(size, 0) + 1
    parts = [f"{by_size.get(size, 0)} in {'all ' if size == count else ''}{size}"
             if size > 1 else f"{by_size.get(1, 0)} in one" for size in range(count, 0, -1)]
    return f"{len(claims)} claims: " + " · ".join(parts)


class ClaimsScreen(Screen[tuple[tuple[int, int], int, int] | None]):
    """Every claim of the reading as a row; o changes the order, Enter shows one in the
    reader (the right pair of accounts, the cursor on its sentence), Esc goes back."""

    CSS_PATH = STYLES
    BINDINGS = [Binding(CLOSE_KEYS + ",C", "dismiss(None)", "Back", id="close_claims"),
                *claims_bindings()]

    def __init__(self, documents: Sequence[Document], claims: Sequence[Claim] | ClaimOrders,
                 shown_pair: tuple[int, int], chosen: Filter | None = None,
                 order: Order = "fewest") -> None:
        """``chosen``: the reader's filter (speakers, topics), applied to the claims;
        ``claims`` may come sorted already (:class:`ClaimOrders`, kept by the caller)."""
        super().__init__()
        self.documents = tuple(documents)
        self.orders = claims if isinstance(claims, ClaimOrders) else ClaimOrders(claims)
        self.all_claims = self.orders.claims
        self.shown_pair = shown_pair
        self.chosen = chosen or Filter()
        self.order: Order = order
        self.rows: list[Claim] = []

    def compose(self) -> ComposeResult:
        """Column heads, the rows, a status line."""
        with Vertical(id="claims-box"):  # the column heads inside the box, over their columns
            yield Static(heading(len(self.documents)), id="claims-head", markup=False)
            yield ClaimsTable(id="claims-list")
        yield Static("", id="claims-detail", markup=False)
        yield Static("", id="claims-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the rows, focus the table."""
        self._fill()
        self.query_one(ClaimsTable).focus()

    def _fill(self) -> None:
        ordered = self.orders.rows(self.order)  # a filter keeps the order: no sort again
        self.rows = [c for c in ordered if claim_kept(c, self.chosen)] if self.chosen.active \
            else list(ordered)
        table = self.query_one(ClaimsTable)
        table.show(len(self.rows), lambda i: claim_cells(self.rows[i], self.documents))
        order = "fewest accounts first" if self.order == "fewest" else "reading order"
        self.query_one("#claims-box").border_title = \
            f"Claims · {order} · o order · ⏎ side by side · Esc back"
        status = tally(self.rows, len(self.documents)) if self.chosen.active \
            else self.orders.tally(self.order, len(self.documents))
        if self.chosen.active:
            status += f" · filter: {self.chosen.describe()} (c in the reader clears it)"
        elif not self.rows:
            status = "no claims"
        self.query_one("#claims-status", Static).update(status)

    def on_claims_table_moved(self, event: ClaimsTable.Moved) -> None:
        """Under the table, the highlighted claim whole: its row cuts it to the width left
        after the marks, speaker and topics (a few words at 80 columns)."""
        event.stop()
        detail = self.query_one("#claims-detail", Static)
        if event.index >= len(self.rows):
            detail.update("")
            return
        claim = self.rows[event.index]
        account, sentence = _first(claim)
        detail.update(f"{letter(account)} {sentence + 1}: {claim_text(claim, self.documents)}")

    def action_sort(self) -> None:
        """Switch between "carried by fewest first" and reading order."""
        self.order = "reading" if self.order == "fewest" else "fewest"
        self._fill()

    def on_claims_table_chosen(self, event: ClaimsTable.Chosen) -> None:
        """Enter on a row: show the claim's sentences side by side in the reader."""
        event.stop()
        if event.index < len(self.rows):
            self.dismiss(claim_pair(self.rows[event.index], self.shown_pair))
