"""The account picker: every account of the reading with its label, source and date; the
highlighted one goes to the right (Enter, r) or to the left (l)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from readerui.model import Document, Metadata, Side
from readerui.tui.accounts import account_summary, letter
from readerui.tui.bindings import CLOSE_KEYS, picker_bindings

STYLES = Path(__file__).parent.parent / "styles" / "accounts.tcss"


def account_lines(documents: tuple[Document, ...], account: int, shown: tuple[int, int],
                  meta: Metadata | None = None) -> tuple[Text, Text]:
    """Two lines: `` C  label`` then ``source · date · n sentences · on the left`` (plain
    text, each cut with an ellipsis rather than wrapped; ``meta``: as the analysis reads it)."""
    label, source, date = account_summary(documents, account, meta)
    first = Text(f" {letter(account)} ", style="reverse bold")
    first.append(" ")
    first.append(label, style="bold")
    second = Text(f"     {source} · {date} · {len(documents[account])} sentences", style="dim")
    where = {shown[0]: " · ◂ left", shown[1]: " · right ▸"}.get(account)
    if where:
        second.append(where, style="bold")
    for line in (first, second):
        line.no_wrap, line.overflow = True, "ellipsis"
    return first, second


def account_prompt(documents: tuple[Document, ...], account: int, shown: tuple[int, int],
                   meta: Metadata | None = None) -> Group:
    """The picker's entry for an account (see :func:`account_lines`)."""
    return Group(*account_lines(documents, account, shown, meta))


class AccountPicker(ModalScreen[tuple[Side, int] | None]):
    """Choose the accounts on screen with the keyboard: ↑↓ move, Enter or r puts the
    highlighted account on the right, l on the left, Esc closes."""

    CSS_PATH = STYLES
    BINDINGS = [Binding(CLOSE_KEYS + ",a", "dismiss(None)", "Close", id="close_picker"),
                *picker_bindings()]

    def __init__(self, documents: tuple[Document, ...], shown: tuple[int, int],
                 side: Side = "b", metas: tuple[Metadata, ...] | None = None) -> None:
        """``shown``: the accounts on screen (left, right); ``side``: the focused pane, whose
        account is highlighted first; ``metas``: each account's metadata as the analysis reads
        it (dates completed), default the documents' own."""
        super().__init__()
        self.documents = documents
        self.metas = metas or tuple(document.meta for document in documents)
        self.shown = shown
        self.side = side

    def compose(self) -> ComposeResult:
        """The list of accounts in a box."""
        with Vertical(id="picker-box") as box:
            box.border_title = "Accounts (Enter/r: on the right · l: on the left · Esc)"
            yield OptionList(*(Option(account_prompt(self.documents, k, self.shown,
                                                     self.metas[k]), id=str(k))
                               for k in range(len(self.documents))), id="picker-list")
        yield Footer()

    def on_mount(self) -> None:
        """Highlight the focused pane's account."""
        options = self.query_one(OptionList)
        options.highlighted = self.shown[0 if self.side == "a" else 1]
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: on the right."""
        event.stop()
        self.dismiss(("b", int(event.option.id or 0)))

    def action_choose(self, side: str) -> None:
        """Put the highlighted account on ``side`` (``a`` left, ``b`` right)."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
            self.dismiss(("a" if side == "a" else "b", highlighted))
