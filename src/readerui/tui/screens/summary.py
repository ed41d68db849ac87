"""The summary view: how much of each account the other carries, and what each says alone."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from readerui.model import Analysis, Side
from readerui.tui.accounts import Accounts, letter
from readerui.tui.bindings import CLOSE_KEYS
from readerui.tui.reading import SIDES, Carried, carried
from readerui.tui.screens import SCREEN_STYLES
from readerui.tui.widgets.chrome import document_label


def _share(value: Carried) -> str:
    return f"{value.carried}/{value.total} ({value.share:.0%})" if value.total else "—"


def coverage_matrix(accounts: Accounts) -> Table:
    """Every account against every other: row R, column C is the share of C's sentences that
    R carries (a reading of three or more accounts)."""
    count = accounts.count
    table = Table(title="Which account carries what: the row's account carries this share of "
                  "the column's sentences", title_justify="left", expand=True,
                  box=box.SIMPLE_HEAD)
    table.add_column("Account", ratio=3, no_wrap=True, overflow="ellipsis")
    for k in range(count):
        table.add_column(letter(k), justify="right", no_wrap=True)
    for row in range(count):
        cells = ["—" if row == column else f"{accounts.source.carried_share(column, row):.0%}"
                 for column in range(count)]
        label = Text(f"{letter(row)}  {document_label(accounts.documents[row])}")
        table.add_row(label, *cells)
    return table


def coverage_table(analysis: Analysis, letters: tuple[str, str] = ("A", "B")) -> Table:
    """One row per account: sentences, how many the other account carries, and how many it
    does not (``25 (4 ▫)``: of those, 4 maybe, with a weak match in the other account)."""
    table = Table(title="Overall", title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    table.add_column("Account", ratio=3, no_wrap=True, overflow="ellipsis")
    table.add_column("Carried by the other", ratio=2, justify="right")
    table.add_column("Alone", justify="right")
    for side, mark in zip(SIDES, letters, strict=True):
        document = analysis.document(side)
        value = carried(analysis, side, range(len(document)))
        maybe = len(analysis.alignment.uncertain_only_in(side))
        alone = str(value.total - value.carried) + (f" ({maybe} ▫)" if maybe else "")
        table.add_row(Text(f"{mark}  {document_label(document)}"), _share(value), alone)
    return table


def group_table(analysis: Analysis, title: str,
                groups: list[tuple[str, tuple[int, ...], tuple[int, ...]]],
                letters: tuple[str, str] = ("A", "B")) -> Table:
    """Per speaker or topic: A sentences carried by B, B sentences carried by A."""
    table = Table(title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    table.add_column(title[:-1] if title.endswith("s") else title, ratio=3, no_wrap=True,
                     overflow="ellipsis")
    first, second = letters
    table.add_column(f"{first} carried by {second}", ratio=2, justify="right")
    table.add_column(f"{second} carried by {first}", ratio=2, justify="right")
    if not groups:
        table.add_row(Text("none found", style="dim"), "", "")
    for name, ids_a, ids_b in groups:
        table.add_row(Text(name), _share(carried(analysis, "a", ids_a)),
                      _share(carried(analysis, "b", ids_b)))
    return table


def hanging(label: str, text: str) -> Table:
    """``label`` then ``text``, its wrapped lines indented under its first word (not under
    the label), so the sentence numbers stand clear down the left."""
    row = Table.grid()
    row.add_column(no_wrap=True, style="dim")
    row.add_column(ratio=1)
    row.add_row(label, Text(text))
    return row


def alone_options(analysis: Analysis, letters: tuple[str, str] = ("A", "B")) -> list[Option]:
    """The sentences each account alone carries, under a heading per account; option ids are
    ``"a:12"`` / ``"b:3"`` so choosing one can jump to it."""
    options: list[Option] = []
    rows: tuple[tuple[Side, str, str], ...] = (("a", letters[0], letters[1]),
                                               ("b", letters[1], letters[0]))
    for side, mark, other in rows:
        alignment = analysis.alignment
        ids = alignment.only_in(side)
        maybe = len(alignment.uncertain_only_in(side))
        unsure = f" ({maybe} uncertain ▫: {other} has a weak match)" if maybe else ""
        heading = Text(f"Only in {mark} — {len(ids)} sentences {other} does not carry{unsure}",
                       style="bold")
        options.append(Option(heading, disabled=True))
        document = analysis.document(side)
        for sid in ids:
            text = " ".join(document.sentences[sid].text.split())
            near = alignment.near_of(side, sid)
            glyph = " "
            if near is not None:
                glyph = "▫"
                text += f" (maybe: closest in {other}: {near.other + 1}, a weak match)"
            options.append(Option(hanging(f"{mark} {sid + 1:>4} {glyph} ", text),
                                  id=f"{side}:{sid}"))
        if not ids:
            options.append(Option(Text("  nothing: every sentence is carried", style="dim"),
                                  disabled=True))
    return options


def summary_renderable(analysis: Analysis, accounts: Accounts | None = None) -> RenderableType:
    """Everything on the summary screen, top to bottom: the matrix of every account against
    every other (three or more accounts), overall for the two on screen, then one table per
    facet (speakers, topics, places, …) in the facets' one ordering."""
    from readerui.facets import facets

    gap = Text("")
    parts: list[RenderableType] = []
    letters = ("A", "B")
    if accounts is not None:
        letters = (accounts.letter_of("a"), accounts.letter_of("b"))
        if accounts.count > 2:
            parts += [coverage_matrix(accounts), gap]
    parts.append(coverage_table(analysis, letters))
    for facet in facets(analysis):
        rows = [(value.name, value.a, value.b) for value in facet.values]
        parts += [gap, group_table(analysis, facet.name.capitalize(), rows, letters)]
    return Group(*parts)


class SummaryScreen(Screen[tuple[Side, int] | None]):
    """Coverage tables above, what each account alone says below (Enter jumps there);
    Esc, q or v goes back to the reader."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding(CLOSE_KEYS + ",v", "dismiss(None)", "Back", id="close_summary")]

    def __init__(self, analysis: Analysis, accounts: Accounts | None = None) -> None:
        """``accounts``: the reading's accounts (for the matrix of three or more)."""
        super().__init__()
        self.analysis = analysis
        self.accounts = accounts

    def compose(self) -> ComposeResult:
        """The tables in a scrollable box, the one-sided sentences in a list."""
        with VerticalScroll(id="summary-box") as box:
            box.border_title = "Summary: how much of each account the other carries"
            yield Static(summary_renderable(self.analysis, self.accounts), id="summary-body")
        letters = ("A", "B") if self.accounts is None else (self.accounts.letter_of("a"),
                                                            self.accounts.letter_of("b"))
        alone = OptionList(*alone_options(self.analysis, letters), id="summary-alone")
        alone.border_title = "What each account alone says (Enter: go there · Tab: tables)"
        yield alone
        yield Footer()

    def on_mount(self) -> None:
        """Start in the list of one-sided sentences."""
        alone = self.query_one("#summary-alone", OptionList)
        alone.focus()
        first = next((i for i in range(alone.option_count)
                      if not alone.get_option_at_index(i).disabled), None)
        alone.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Go to the chosen sentence in the reader."""
        side, sid = (event.option.id or "a:0").split(":")
        self.dismiss((side, int(sid)))  # type: ignore[arg-type]
