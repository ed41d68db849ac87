"""The header above each pane (the status bar is in ``status``)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from readerui.model import Document, Metadata, Side
from readerui.sanitise import shown

MIN_TITLE = 16  # cells of a title a one-line header keeps however narrow


def document_label(document: Document) -> str:
    """A document's title, else a headline on its first line, else its file name, else
    ``untitled``."""
    if document.meta.title:
        return shown(document.meta.title)  # one sanitiser for all terminal-bound strings
    headline = headline_of(document)
    if headline:
        return shown(headline)
    if document.path:
        return shown(document.path.replace("\\", "/").rsplit("/", 1)[-1]) or "untitled"
    return "untitled"


def headline_of(document: Document) -> str | None:
    """The first sentence when it reads as a headline (pre-split ``--lines`` input has no
    title): short, and not ending like a sentence."""
    if not len(document):
        return None
    first = " ".join(document.sentences[0].text.split())
    if 0 < len(first) <= 150 and first[-1] not in ".!?:;\"”’'»)":
        return first
    return None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(iso: str) -> str:
    """``2022-03-30`` as is; a date without a year (``--03-30``) as ``30 Mar (year?)``."""
    if iso.startswith("--") and len(iso) == 7 and iso[2:4].isdigit() and iso[5:].isdigit():
        month, day = int(iso[2:4]), int(iso[5:])
        if 1 <= month <= 12:
            return f"{day} {_MONTHS[month - 1]} (year?)"
    return iso


class DocHeader(Static):
    """Two lines: ``A  title`` and ``source · date · place · n sentences``; one line (the
    details after the title) when ``compact`` (accounts stacked, where rows are scarce)."""

    def __init__(self, document: Document, side: Side, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.document = document
        self.side = side
        self.coverage: float | None = None
        self.meta: Metadata | None = None  # the analysis' reading of it (a completed year)
        self.compact = False
        self.letter = side.upper()  # the account shown (A, B, C… of a reading's accounts)
        self.other_letter = "B" if side == "a" else "A"  # the account of the other pane
        self.also = ""  # "also in: C ┃ D ╏": other accounts carrying the cursor's sentence

    def on_mount(self) -> None:
        """Show the metadata."""
        self.refresh_text()

    def refresh_text(self) -> None:
        """Show the header's fields as they are now (built at each paint, for the width the
        header has then: a narrower header gives the title less room, never the details)."""
        self.refresh()

    def render(self) -> Text:
        """The two lines (all document text as plain Text, never markup)."""
        meta = self.meta or self.document.meta
        title = Text(f" {self.letter} ", style="reverse bold")
        title.append(" ")
        label = document_label(self.document)
        details = [f"{len(self.document)} sentences"]  # most telling first: what the other carries
        if self.coverage is not None:
            details.insert(0, f"{self.coverage:.0%} in {self.other_letter}")
        date = date_label(meta.date) if meta.date else None
        extra = [shown(part) for part in (meta.source, date, meta.place) if part]
        if self.compact:
            both = self._one_line(title, label, details, extra)
        else:
            title.append(label, style="bold")
            also = Text("    ", style="dim")
            if self.also:  # first after the title: the part a narrow header keeps
                also.append(self.also, style="bold")
                also.append(" · ", style="dim")
            also.append(" · ".join([*details, *extra]), style="dim")
            both = Text("\n").join([title, also])
        both.no_wrap, both.overflow = True, "ellipsis"
        return both

    def _one_line(self, title: Text, label: str, details: list[str], extra: list[str]) -> Text:
        """``A  title… · also in: C ┃ · 86% in B · n sentences · source · date`` in the width:
        the title is cut (to no less than :data:`MIN_TITLE` cells) before "also in", the share
        and the count are; source, date and place follow only when the title fits whole."""
        width = self.size.width or 80
        kept = Text()
        if self.also:
            kept.append(" · ", style="dim")
            kept.append(self.also, style="bold")
        kept.append(" · " + " · ".join(details), style="dim")
        more = Text(" · " + " · ".join(extra), style="dim") if extra else Text()
        room = width - title.cell_len - kept.cell_len
        if cell_len(label) + more.cell_len <= room:
            return Text.assemble(title, (label, "bold"), kept, more)
        cut = Text(label, style="bold")
        cut.truncate(max(MIN_TITLE, room), overflow="ellipsis")
        return Text.assemble(title, cut, kept)
