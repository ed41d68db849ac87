"""Where the two accounts go on screen: side by side, or one above the other.

Side by side needs room: below :data:`SIDE_BY_SIDE_MIN` columns for the accounts (the
terminal's width less a shown sidebar) each pane would be a ribbon of a few words, so the
accounts stack, each at the full width, A above B. The user may force either with a key; the
sidebar never floats over the text it filters: it takes its columns and the accounts give way
(and stack when that leaves too little room to sit side by side).
"""

from __future__ import annotations

from typing import Literal

from textual.widget import Widget

from readerui.tui.widgets.chrome import DocHeader

Arrangement = Literal["side", "stacked"]
SIDE: Arrangement = "side"
STACKED: Arrangement = "stacked"

SIDEBAR_WIDTH = 38  # columns the speakers & topics sidebar takes (with its border)
# Columns the two accounts need to sit side by side: each pane then wraps ~33 columns of text.
SIDE_BY_SIDE_MIN = 82
# From this terminal width the sidebar is shown at start and the accounts still sit side by side.
SIDEBAR_MIN_WIDTH = SIDE_BY_SIDE_MIN + SIDEBAR_WIDTH


def sidebar_by_default(width: int) -> bool:
    """Whether the sidebar is shown at start in a terminal ``width`` columns wide."""
    return width >= SIDEBAR_MIN_WIDTH


def choose(width: int, sidebar_shown: bool, forced: Arrangement | None = None) -> Arrangement:
    """The arrangement for a terminal ``width`` wide: ``forced`` when the user chose one, else
    side by side when the accounts have :data:`SIDE_BY_SIDE_MIN` columns, else stacked."""
    if forced is not None:
        return forced
    room = width - (SIDEBAR_WIDTH if sidebar_shown else 0)
    return SIDE if room >= SIDE_BY_SIDE_MIN else STACKED


def flipped(current: Arrangement) -> Arrangement:
    """The other arrangement (what the layout key asks for)."""
    return STACKED if current == SIDE else SIDE


def apply(panes: Widget, arrangement: Arrangement) -> bool:
    """Arrange the accounts container ``panes`` (CSS class ``-stacked``; the stylesheet stacks
    the columns, hides the link gutter and puts each header on one line). True if it changed."""
    stacked = arrangement == STACKED
    if panes.has_class("-stacked") == stacked:
        return False
    panes.set_class(stacked, "-stacked")
    for header in panes.query(DocHeader):
        header.compact = stacked
        header.refresh_text()
    return True
