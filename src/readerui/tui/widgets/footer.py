"""The reader's footer: the most useful keys that fit the width, from the one key table.

Textual's footer shows every key marked for it and lets the terminal cut the rest; at 80
columns that hid the keys of a reading of several accounts. This one keeps keys by their
``footer`` rank in :mod:`readerui.tui.bindings` (1 first) until the width is used, shows them in
table order, and leaves the others to ``?`` help, which lists every key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from readerui.tui.bindings import Key, reader_keys

PALETTE_CELLS = 12  # the command palette's key, docked at the right edge


def item_cells(key_display: str, description: str) -> int:
    """Cells one footer key takes: `` key `` then ``description `` (Textual's padding)."""
    return len(key_display) + 2 + len(description) + 1


def chosen(keys: list[tuple[Key, str]], width: int) -> set[str]:
    """Actions of the footer ``keys`` (with their shown key) kept in ``width`` cells: by rank,
    lowest first, each while it still fits."""
    kept: set[str] = set()
    used = PALETTE_CELLS
    for key, display in sorted(keys, key=lambda pair: pair[0].footer):
        cells = item_cells(display, key.short)
        if used + cells <= width:
            kept.add(key.action)
            used += cells
    return kept


class ReaderFooter(Footer):
    """The footer of the reader screen (see the module docstring)."""

    def __init__(self, several_accounts: bool = False) -> None:
        super().__init__()
        self.several_accounts = several_accounts  # show the account keys (a, C, .)
        self._width = 0

    def compose(self) -> ComposeResult:
        """Textual's footer keys, less those that do not fit or do not apply."""
        table = {key.action: key for key in reader_keys() if key.short and key.footer}
        items = list(super().compose())
        offered = [(table[item.action], item.key_display) for item in items
                   if isinstance(item, FooterKey) and item.action in table
                   and (self.several_accounts or table[item.action].group != "Accounts")]
        width = self.size.width or self.app.size.width
        self._width = width  # a resize to this width needs no second composition
        kept = chosen(offered, width)
        for item in items:
            if not isinstance(item, FooterKey) or "-command-palette" in item.classes \
                    or item.action in kept:
                yield item

    def on_resize(self, event: Resize) -> None:
        """Choose again for the new width."""
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)

    def show_accounts(self, several: bool) -> None:
        """Offer the account keys or not (known once the accounts are collated)."""
        if several != self.several_accounts:
            self.several_accounts = several
            self.call_after_refresh(self.recompose)
