"""A vertical scrollbar that draws its rows straight from the bar's cells.

Textual's scrollbar renders through Rich (a renderable, a console pass, line splitting, the
styles pass) on every scroll: ~8 ms a pane on this machine, more than the pane's own text, and
both panes scroll on every PageDown with sync. A bar has only a handful of distinct cells (track,
thumb, the thumb's two eighth-cell ends), so each becomes a row once and is reused; reused rows
also keep the compositor's per-row cuts cached.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class FastScrollBar(ScrollBar):
    """The same bar, cells and mouse metadata as Textual's; rows built once per kind of cell."""

    def __init__(self, vertical: bool = True, name: str | None = None, *,
                 thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._rows: dict[tuple[Segment, int, tuple[int, ...], Style], Strip] = {}

    def notify_style_update(self) -> None:
        """Forget the built rows when CSS or theme change."""
        self._rows.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows of ``crop``: Textual's own path for anything but a plain vertical bar."""
        renderable = self.render()
        if not self.vertical or not isinstance(renderable, ScrollBarRender) \
                or self.styles.tint.a or self.opacity != 1.0 or self.text_selection is not None:
            return super().render_lines(crop)
        width, height = self.size
        style = renderable.style if isinstance(renderable.style, Style) else None
        if style is None or style.bgcolor is None or style.color is None:
            return super().render_lines(crop)
        bar = renderable.render_bar(
            size=height, virtual_size=renderable.virtual_size,
            window_size=renderable.window_size, position=renderable.position, vertical=True,
            thickness=width, back_color=style.bgcolor, bar_color=style.color)
        cells = [segment for segment in bar.segments if not segment.control]
        filters = self.get_line_filters()
        key_filters = tuple(id(line_filter) for line_filter in filters)
        background = self.background_colors[1]
        base = self.visual_style.rich_style  # what Textual's path puts under the cells
        rows = self._rows
        strips: list[Strip] = []
        for y in range(crop.y, crop.y + crop.height):
            cell = cells[y] if 0 <= y < len(cells) else Segment(" " * width, style)
            key = (cell, width, key_filters, base)
            strip = rows.get(key)
            if strip is None:
                if len(rows) > 64:
                    rows.clear()
                strip = Strip([Segment(cell.text, base + cell.style)], width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                rows[key] = strip
            strips.append(strip.crop(crop.x, crop.x + crop.width) if crop.x or
                          crop.width != width else strip)
        return strips
