"""The claims view's table: one line per claim, drawn a screenful at a time (Line API), so a
reading of tens of thousands of claims opens as fast as one of ten."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from readerui.tui.bindings import claims_table_bindings

Cells = tuple[tuple[str, str], ...]  # (text, part) of one row: part names its style


class ClaimsTable(ScrollView, can_focus=True):
    """Rows of claims with a cursor; ``row(i)`` gives row i's cells (made when first drawn)."""

    BINDINGS = claims_table_bindings()
    COMPONENT_CLASSES = {"claims-table--cursor", "claims-table--speaker",
                         "claims-table--narrator", "claims-table--topics"}

    class Chosen(Message):
        """Enter on a row."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Moved(Message):
        """The cursor is on another row (or the rows changed)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.count = 0
        self.cursor = 0
        self._row: Callable[[int], Cells] = lambda index: ()
        self._cache: dict[int, Cells] = {}

    def show(self, count: int, row: Callable[[int], Cells]) -> None:
        """Show ``count`` rows; ``row(i)`` makes row i's cells."""
        self.count, self._row, self._cache = count, row, {}
        self.cursor = 0
        self.virtual_size = Size(self.size.width, count)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Moved(0))

    def cells(self, index: int) -> Cells:
        """Row ``index``'s cells (cached)."""
        if index not in self._cache:
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[index] = self._row(index)
        return self._cache[index]

    def plain(self, index: int) -> str:
        """Row ``index`` as plain text, uncut."""
        return "".join(text for text, _ in self.cells(index))

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the view, cut with an ellipsis to the width."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if index >= self.count:
            return Strip.blank(width, base)
        line_style = base + self.get_component_rich_style("claims-table--cursor") \
            if index == self.cursor else base
        segments: list[Segment] = []
        used = 0
        for text, part in self.cells(index):
            style = line_style
            if part:
                style = line_style + self.get_component_rich_style(f"claims-table--{part}",
                                                                   partial=True)
            room = width - used
            if room <= 0:
                break
            if cell_len(text) > room:
                text = set_cell_size(text, max(0, room - 1)) + "…"
            segments.append(Segment(text, style))
            used += cell_len(text)
        if used < width:
            segments.append(Segment(" " * (width - used), line_style))
        return Strip(segments, width)

    def _move(self, index: int) -> None:
        if not self.count:
            return
        moved = max(0, min(index, self.count - 1))
        if moved != self.cursor:
            self.post_message(self.Moved(moved))
        self.cursor = moved
        top, height = round(self.scroll_y), max(1, self.scrollable_content_region.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        self.refresh()

    def action_down(self) -> None:
        """Next claim."""
        self._move(self.cursor + 1)

    def action_up(self) -> None:
        """Previous claim."""
        self._move(self.cursor - 1)

    def action_page_down(self) -> None:
        """A screenful down."""
        self._move(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        """A screenful up."""
        self._move(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        """The first claim."""
        self._move(0)

    def action_last(self) -> None:
        """The last claim."""
        self._move(self.count - 1)

    def action_choose(self) -> None:
        """Enter: tell the screen which claim."""
        if self.count:
            self.post_message(self.Chosen(self.cursor))

