"""The link gutter between the panes (like Meld's link bands) and the per-pane overview column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from readerui.model import Analysis, Link
from readerui.tui.widgets.pane import AccountPane

# Box-drawing character for each set of directions a gutter cell connects.
_BOX = {
    frozenset("lr"): "─", frozenset("ud"): "│", frozenset("ld"): "┐", frozenset("lu"): "┘",
    frozenset("rd"): "┌", frozenset("ru"): "└", frozenset("udl"): "┤", frozenset("udr"): "├",
    frozenset("lru"): "┴", frozenset("lrd"): "┬", frozenset("lrud"): "┼",
    frozenset("l"): "╴", frozenset("r"): "╶", frozenset("u"): "╵", frozenset("d"): "╷",
}
_PARTIAL = {"─": "┄", "│": "┆"}  # dashed lines for partial links where a cell is a plain line

GUTTER_WIDTH = 3


class LinkGutter(Widget):
    """Three columns drawing a connector from each visible A sentence to its partner in B.

    Level rows show ``───``; when the partner sits higher or lower the connector bends to it;
    an arrow marks a partner that is scrolled out of view. The cursor's link is drawn last
    and brightest.
    """

    COMPONENT_CLASSES = {"link-gutter--strong", "link-gutter--partial", "link-gutter--cursor"}

    def __init__(self, pane_a: AccountPane, pane_b: AccountPane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane_a, self.pane_b = pane_a, pane_b
        self.analysis: Analysis | None = None
        self._cache_key: tuple[object, ...] | None = None
        self._frame_strips: list[Strip] | None = None
        self._strips: list[Strip] = []
        self._styles: dict[str, Style] = {}  # component styles by name (walking the DOM is slow)
        self._rows: dict[tuple[tuple[str, Style], ...], Strip] = {}  # built rows, by their cells
        self._row_key: tuple[object, ...] | None = None  # the line filters the rows went through
        self._row_filters: Sequence[LineFilter] = ()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"link-gutter--{name}",
                                                                        partial=True)
        return style

    def _key(self) -> tuple[object, ...]:
        a, b = self.pane_a, self.pane_b
        return (a.top_row, b.top_row, a.cursor, b.cursor, a.active, id(a.wrapped), id(b.wrapped),
                self.size.height, id(self.analysis))  # a layout changes with width and folds

    def _visible_links(self, pane: AccountPane, height: int) -> dict[int, tuple[int, Link]]:
        """Each link shown in ``pane``: ``id(link) -> (first screen row, link)``."""
        assert self.analysis is not None
        alignment = self.analysis.alignment
        layout, top = pane.wrapped, pane.top_row
        found: dict[int, tuple[int, Link]] = {}
        for y in range(height):
            sid = layout.sentence_at(top + y)
            if sid is None:
                continue
            for link in alignment.links_of(pane.side, sid):  # every link, not just the best
                if id(link) not in found:
                    found[id(link)] = (y, link)
        return found

    def notify_style_update(self) -> None:
        """Redraw with the new theme's colours."""
        self._cache_key = None
        self._styles.clear()
        self._rows, self._row_key = {}, None
        super().notify_style_update()

    def _grid(self) -> list[Strip]:
        key = self._key()
        if key != self._cache_key:
            self._cache_key, self._strips = key, self._draw(self.size.height, self.rich_style)
        return self._strips

    def _row(self, cells: tuple[tuple[str, Style], ...]) -> Strip:
        """The row of these cells, built and passed through the line filters once."""
        strip = self._rows.get(cells)
        if strip is None:
            if len(self._rows) > 512:
                self._rows.clear()
            strip = Strip([Segment(char, style) for char, style in cells], GUTTER_WIDTH)
            if self._row_key is not None:
                background = self._row_key[1]
                for line_filter in self._row_filters:
                    strip = strip.apply_filter(line_filter, background)  # type: ignore[arg-type]
            self._rows[cells] = strip
        return strip

    def _blank(self) -> Strip:
        base = self.rich_style
        return self._row(((" ", base), (" ", base), (" ", base)))

    def _draw(self, height: int, base: Style) -> list[Strip]:
        grid = _Grid(height, base)
        if self.analysis is not None and height:
            seen_a = self._visible_links(self.pane_a, height)
            seen_b = self._visible_links(self.pane_b, height)
            cursor_pane = self.pane_b if self.pane_b.active else self.pane_a
            cursor_links = {id(link) for link in self.analysis.alignment.links_of(
                cursor_pane.side, cursor_pane.cursor)}
            links = {key: link for key, (_, link) in (seen_a | seen_b).items()}
            # the cursor's links last, so they are drawn over the others
            for key, link in sorted(links.items(), key=lambda item: item[0] in cursor_links):
                name = "cursor" if key in cursor_links else link.kind
                style = base + self._style(name)
                dashed = link.kind == "partial"
                ya, yb = seen_a.get(key, (None,))[0], seen_b.get(key, (None,))[0]
                if ya is not None and yb is not None:
                    grid.connect(ya, yb, style, dashed)
                elif ya is not None:
                    grid.mark(ya, 0, self._arrow(self.pane_b, link.b[0]), style)
                elif yb is not None:
                    grid.mark(yb, 2, self._arrow(self.pane_a, link.a[0]), style)
        return grid.strips(self._row)

    @staticmethod
    def _arrow(pane: AccountPane, sid: int) -> str:
        """Which way the (scrolled-away) partner is."""
        return "↑" if pane.screen_row_of(sid) < 0 else "↓"

    def render_lines(self, crop: Region) -> list[Strip]:
        """Build the grid once per repaint. The gutter has no border, padding, tint or opacity:
        its rows go to the screen as built, each kind of row built (and filtered) once and then
        reused, so the compositor's cuts of it stay cached too (Textual's styles pass rebuilt
        every row on every key)."""
        styles = self.styles
        if not (styles.border.spacing or styles.padding or styles.tint.a or self.opacity != 1.0
                or styles.text_opacity != 1.0 or self.size.width != GUTTER_WIDTH):
            filters = self.get_line_filters()
            key = (tuple(id(line_filter) for line_filter in filters), self.background_colors[1])
            if key != self._row_key:
                self._row_key, self._rows = key, {}
                self._cache_key = None
            self._row_filters = filters
            strips = self._grid()
            lines = [strips[y] if 0 <= y < len(strips) else self._blank()
                     for y in crop.line_range]
            if crop.column_span != (0, GUTTER_WIDTH):
                lines = [line.crop(crop.x, crop.right) for line in lines]
            return lines
        if self._row_key is not None:  # rows built for the fast path carry the filters
            self._row_key, self._rows, self._cache_key = None, {}, None
        self._frame_strips = self._grid()
        try:
            return super().render_lines(crop)
        finally:
            self._frame_strips = None

    def render_line(self, y: int) -> Strip:
        """One row of connectors."""
        if self._frame_strips is not None and 0 <= y < len(self._frame_strips):
            return self._frame_strips[y]
        strips = self._grid()
        if 0 <= y < len(strips):
            return strips[y]
        return Strip.blank(GUTTER_WIDTH, self.rich_style)


class _Grid:
    """The gutter's cells while drawing: line directions, fixed glyphs, styles, dashing."""

    def __init__(self, height: int, base: Style) -> None:
        self.base = base
        self.lines: list[list[set[str]]] = [[set(), set(), set()] for _ in range(height)]
        self.glyphs: list[list[str | None]] = [[None, None, None] for _ in range(height)]
        self.styles: list[list[Style]] = [[base, base, base] for _ in range(height)]
        self.dashed: list[list[bool]] = [[False, False, False] for _ in range(height)]

    def _line(self, y: int, x: int, directions: set[str], style: Style, dashed: bool) -> None:
        self.lines[y][x] |= directions
        self.styles[y][x] = style
        self.dashed[y][x] = dashed

    def mark(self, y: int, x: int, glyph: str, style: Style) -> None:
        """Put a fixed glyph (an arrow) in a cell."""
        self.glyphs[y][x] = glyph
        self.styles[y][x] = style

    def connect(self, ya: int, yb: int, style: Style, dashed: bool) -> None:
        """A connector from row ``ya`` on the A side to row ``yb`` on the B side."""
        self._line(ya, 0, {"l", "r"}, style, dashed)
        self._line(yb, 2, {"l", "r"}, style, dashed)
        if ya == yb:
            self._line(ya, 1, {"l", "r"}, style, dashed)
            return
        step = 1 if yb > ya else -1
        self._line(ya, 1, {"l", "d" if step > 0 else "u"}, style, dashed)
        self._line(yb, 1, {"r", "u" if step > 0 else "d"}, style, dashed)
        for y in range(ya + step, yb, step):
            self._line(y, 1, {"u", "d"}, style, dashed)

    def strips(self, row: Callable[[tuple[tuple[str, Style], ...]], Strip]) -> list[Strip]:
        """One Strip per row, made by ``row`` from the row's cells (character, style)."""
        strips = []
        for y, lines in enumerate(self.lines):
            cells = []
            for x, directions in enumerate(lines):
                char = self.glyphs[y][x] or _BOX.get(frozenset(directions), " ")
                if self.dashed[y][x]:
                    char = _PARTIAL.get(char, char)
                cells.append((char, self.styles[y][x]))
            strips.append(row(tuple(cells)))
        return strips


class Overview(Widget):
    """A one-column map of a whole account: each cell's colour says how much of that stretch the
    other account carries (carried / mixed / one-sided); a bar marks the part in view."""

    COMPONENT_CLASSES = {"overview--carried", "overview--mixed", "overview--one-sided",
                         "overview--view"}

    def __init__(self, pane: AccountPane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane
        self._linked_prefix: list[int] = [0] * (len(pane.document) + 1)
        self._base_style: Style | None = None
        self._ready = False
        self._frame: tuple[Size, int, int] | None = None
        self._styles: dict[str, Style] = {}  # component styles by name
        self._drawn: tuple[Size, int, int] | None = None  # what the last repaint showed

    def set_analysis(self, analysis: Analysis) -> None:
        """Count linked sentences once so each row is O(1) to draw."""
        alignment = analysis.alignment
        side = self.pane.side
        flags = (alignment.link_of(side, sid) is not None for sid in range(len(self.pane.document)))
        self._linked_prefix = [0, *accumulate(int(flag) for flag in flags)]
        self._ready = True
        self.refresh()

    def notify_style_update(self) -> None:
        """Forget the cached styles when CSS or theme change."""
        self._base_style = None
        self._styles.clear()
        self._drawn = None
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"overview--{name}",
                                                                        partial=True)
        return style

    def _view(self) -> tuple[Size, int, int]:
        """This widget's size and the first and last sentence in view in its pane."""
        pane = self.pane
        if not pane.size.width:  # not laid out yet: no layout at a made-up width (wrapping
            return self.size, 0, 0  # 10k sentences to 8 columns took a second at start)
        first = pane.wrapped.nearest_sentence(pane.top_row) or 0
        last = pane.wrapped.nearest_sentence(pane.top_row + pane.view_height - 1) or first
        return self.size, first, last

    def refresh_view(self) -> None:
        """Repaint only when the part in view moved (most cursor moves do not move it), and
        then only the rows whose view bar changed (a page down moves the bar by a row or two;
        repainting the whole column cost more than the rest of the key)."""
        view, drawn = self._view(), self._drawn
        if view == drawn:
            return
        if drawn is None or drawn[0] != view[0]:
            self.refresh()
            return
        changed = self._bar_rows(view) ^ self._bar_rows(drawn)
        if changed:
            self.refresh(Region(0, min(changed), view[0].width,
                                max(changed) - min(changed) + 1))
        else:
            self._drawn = view  # the same rows carry the bar: nothing to repaint

    def _rows_of(self, y: int, n: int, height: int) -> tuple[int, int]:
        """The sentences ``[start, end)`` that row ``y`` stands for."""
        start = y * n // height
        return start, min(n, max(start + 1, (y + 1) * n // height))

    def _bar_rows(self, frame: tuple[Size, int, int]) -> set[int]:
        """The rows that show the view bar for ``frame`` (size, first and last in view)."""
        size, first, last = frame
        n, height = len(self.pane.document), max(1, size.height)
        rows = set()
        for y in range(size.height):
            start, end = self._rows_of(y, n, height)
            if start < n and start <= last and end > first:
                rows.add(y)
        return rows

    def on_click(self, event: Click) -> None:
        """Clicking the map jumps the pane (and its cursor) to that stretch of the account."""
        n, height = len(self.pane.document), max(1, self.size.height)
        if n:
            self.pane.focus()
            self.pane.move_cursor(min(n - 1, event.y * n // height))

    def render_lines(self, crop: Region) -> list[Strip]:
        """Work out size and the range in view once per repaint."""
        self._frame = self._view()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        """The cell for the sentences that map to row ``y``."""
        if self._base_style is None:
            self._base_style = self.rich_style
        base = self._base_style
        self_size, first, last = frame = self._frame or self._view()
        self._drawn = frame  # (render_lines also runs for an unchanged widget: not there)
        n, height = len(self.pane.document), max(1, self_size.height)
        start, end = self._rows_of(y, n, height)
        if not n or start >= n:
            return Strip.blank(self_size.width, base)
        style = base
        if self._ready:
            linked = self._linked_prefix[end] - self._linked_prefix[start]
            share = linked / (end - start)
            name = "carried" if share >= 0.75 else "mixed" if share >= 0.25 else "one-sided"
            style += self._style(name)
        glyph = " "
        if start <= last and end > first:
            glyph = "▐" if self.pane.side == "a" else "▌"  # the bar leans towards the text
            style += self._style("view")
        return Strip([Segment(glyph, style)], 1).extend_cell_length(self_size.width, style)
