"""The reader's keys for a reading of several accounts: swap sides, cycle either side's account,
pick accounts, the claims view, and the header's "also in".

Kept out of ``app.py``: :class:`AccountsMixin` is mixed into the reader app and works on its
panes, headers and session. The reader always shows one :class:`~readerui.model.Analysis`, that
of the two accounts on screen; showing another pair swaps it for ``collation.pair(i, j)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readerui.model import Side
from readerui.tui.accounts import Accounts, also_in_label, letter
from readerui.tui.reading import SIDES, search
from readerui.tui.widgets.chrome import DocHeader

if TYPE_CHECKING:
    from readerui.tui.app import ReaderApp
    from readerui.tui.screens.claims import ClaimOrders
    from readerui.tui.widgets.pane import AccountPane, PaneSnapshot

ACCOUNT_ACTIONS = frozenset({"swap_sides", "next_right", "prev_right", "next_left", "prev_left",
                             "pick_accounts", "claims"})


class AccountsMixin:
    """Actions on which two accounts the reader shows (mixed into ``ReaderApp``)."""

    accounts: Accounts | None
    # each account's wrapped layouts (by document id) while it is off screen
    layouts_kept: dict[int, PaneSnapshot]
    _claim_orders: ClaimOrders | None = None  # the claims view's sorted rows, kept per reading

    def letter(self, side: Side) -> str:
        """The letter of the account shown on that side (A and B until another is shown)."""
        accounts = self.accounts
        return side.upper() if accounts is None else accounts.letter_of(side)

    def _accounts_ready(self: ReaderApp) -> Accounts | None:  # type: ignore[misc]
        if self.accounts is None or self.analysis is None:
            self.tell("Still aligning…" if not self.analysis_error else self.analysis_error,
                      timeout=3)
            return None
        return self.accounts

    # ----- the header's "also in" ---------------------------------------------------------------

    def show_also_in(self: ReaderApp, pane: AccountPane) -> None:  # type: ignore[misc]
        """Say in the cursor pane's header which other accounts carry the cursor's sentence."""
        accounts = self.accounts
        if accounts is None or accounts.count <= 2 or not len(pane.document):
            return
        side = pane.side
        text = also_in_label(accounts.also_in(side, pane.cursor)) or "also in: none"
        for header_side in ("a", "b"):
            header = self.query_one(f"#header-{header_side}", DocHeader)
            wanted = text if header_side == side else ""
            if header.also != wanted:
                header.also = wanted
                header.refresh_text()

    # ----- actions ----------------------------------------------------------------------------

    def action_swap_sides(self: ReaderApp) -> None:  # type: ignore[misc]
        """Show the right-hand account on the left and the left-hand one on the right."""
        accounts = self._accounts_ready()
        if accounts is not None:
            self.show_pair(accounts.swapped())

    def _cycle(self: ReaderApp, side: Side, step: int) -> None:  # type: ignore[misc]
        accounts = self._accounts_ready()
        if accounts is None:
            return
        pair = accounts.cycled(side, step)
        if pair is None:
            self.tell("This reading has two accounts: w swaps them.", timeout=3)
            return
        self.show_pair(pair)

    def action_next_right(self) -> None:
        """Show the next account on the right."""
        self._cycle("b", 1)  # type: ignore[misc]

    def action_prev_right(self) -> None:
        """Show the previous account on the right."""
        self._cycle("b", -1)  # type: ignore[misc]

    def action_next_left(self) -> None:
        """Show the next account on the left."""
        self._cycle("a", 1)  # type: ignore[misc]

    def action_prev_left(self) -> None:
        """Show the previous account on the left."""
        self._cycle("a", -1)  # type: ignore[misc]

    def action_pick_accounts(self: ReaderApp) -> None:  # type: ignore[misc]
        """List the accounts; Enter shows the highlighted one on the right, l on the left."""
        from readerui.tui.screens.accounts import AccountPicker

        accounts = self._accounts_ready()
        if accounts is None:
            return

        def chosen(choice: tuple[Side, int] | None) -> None:
            if choice is not None:
                pair = accounts.with_account(*choice)
                if pair != accounts.shown:
                    self.show_pair(pair)

        metas = tuple(accounts.meta(k) for k in range(accounts.count))
        self.push_screen(AccountPicker(accounts.documents, accounts.shown,
                                       self.focused_pane.side, metas), chosen)

    def action_claims(self: ReaderApp) -> None:  # type: ignore[misc]
        """The claims view: which account carries which claim; Enter shows one side by side."""
        from readerui.tui.screens.claims import ClaimOrders, ClaimsScreen

        accounts = self._accounts_ready()
        if accounts is None:
            return
        claims = accounts.claims()
        if claims is None:
            self.tell("The claims view needs the claims of this reading, which this version "
                      "of the engine does not make for two accounts.", timeout=5)
            return

        def opened(place: tuple[tuple[int, int], int, int] | None) -> None:
            if place is not None:
                pair, account, sentence = place
                self.show_pair(pair, (account, sentence))

        orders = self._claim_orders
        if orders is None or orders.claims is not claims:  # sorted once per reading
            orders = self._claim_orders = ClaimOrders(claims)
        self.push_screen(ClaimsScreen(accounts.documents, orders, accounts.shown, self.filter),
                         opened)

    # ----- showing another pair ------------------------------------------------------------------

    def restore_shown(self: ReaderApp, shown: tuple[int, int]) -> None:  # type: ignore[misc]
        """Before the first analysis is shown: put the accounts of last time in the panes."""
        accounts = self.accounts
        if accounts is None or shown == accounts.shown \
                or not all(0 <= k < accounts.count for k in shown) or shown[0] == shown[1]:
            return
        accounts.shown = self.session.shown = shown
        for side in SIDES:
            self.pane(side).set_document(accounts.documents[accounts.account(side)])
        self.doc_a, self.doc_b = self.pane_a.document, self.pane_b.document

    def show_pair(self: ReaderApp, pair: tuple[int, int],  # type: ignore[misc]
                  place: tuple[int, int] | None = None) -> None:
        """Show accounts ``pair`` (left, right). The cursor stays on the sentence of an account
        that stays on screen (``place``: on sentence ``place[1]`` of account ``place[0]``);
        the filter, notes, search marks and highlights follow the accounts."""
        accounts = self.accounts
        if accounts is None:
            return
        focused = self.focused_pane
        cursors = {accounts.account(p.side): p.cursor for p in (self.pane_a, self.pane_b)}
        before = {p.side: p.cursor for p in (self.pane_a, self.pane_b)}
        lead = accounts.account(focused.side)
        if place is not None:
            lead, cursors[place[0]] = place[0], place[1]
        accounts.shown = pair
        self.session.shown = pair
        # an account coming back to a pane brings its wrapped layouts (kept by account, taken
        # before either pane changes): swapping back, or cycling round, re-wraps nothing
        for side in SIDES:
            self.layouts_kept[id(self.pane(side).document)] = self.pane(side).snapshot()
        for side in SIDES:
            pane = self.pane(side)
            document = accounts.documents[accounts.account(side)]
            if pane.document is not document:
                pane.set_document(document, self.layouts_kept.get(id(document)))
        self.doc_a, self.doc_b = self.pane_a.document, self.pane_b.document
        self._present(accounts.analysis())
        sidebar = self.query_one("#sidebar")
        sidebar.show_filter(self.filter)  # type: ignore[attr-defined]
        self._apply_filter(self.filter, follow=False)
        if self.last_query and self.analysis is not None:
            self._remember_search(self.last_query, search(self.analysis, self.last_query))
        lead_side = accounts.side_of(lead) or focused.side
        pane = self.pane(lead_side)
        partner = self.pane("b" if lead_side == "a" else "a")
        self.pane_a.active, self.pane_b.active = lead_side == "a", lead_side == "b"
        pane.focus()
        alignment = self.analysis.alignment if self.analysis is not None else None
        kept = cursors.get(accounts.account(partner.side))
        if kept is not None:
            partner.move_cursor(kept, scroll=False)
        mine = cursors.get(accounts.account(lead_side))
        if mine is None:  # a new account here: level with the other's cursor, else stay put
            best = alignment.best_partner(partner.side, kept) \
                if alignment is not None and kept is not None else None
            mine = best if best is not None else before[lead_side]
        pane.move_cursor(mine, jump=True)
        if kept is None and alignment is not None:
            best = alignment.best_partner(lead_side, pane.cursor)
            partner.cursor = best if best is not None else (partner.top_sentence() or 0)
            partner.refresh()
        self._cursor_moved(pane)
        self.tell(f"Left: {letter(pair[0])} · right: {letter(pair[1])}", timeout=2)
