"""One account as a Line-API scroll view: wrapped sentences, a cursor, link colours."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from readerui.model import Analysis, Document, Side
from readerui.tui.bindings import pane_bindings
from readerui.tui.layout import BLANK, FOLD, WrappedLayout, build_layout, safe_text
from readerui.tui.widgets.scrollbar import FastScrollBar

MARKER_WIDTH = 2  # a kind glyph and a space before the text
# Glyphs differ by kind so the marks survive without colour (NO_COLOR).
# "maybe": in no link, but the aligner found a close candidate in the other account (a hollow
# square: one-sided, not for sure).
MARKERS = {"strong": "┃", "partial": "╏", "only": "▪", "maybe": "▫", "none": " "}
CONTINUED = {"strong": "┃", "partial": "╏", "only": " ", "maybe": " ", "none": " "}

# Beside a partner of the cursor's sentence, after the kind marker: its link's kind, so strong
# and partial partners differ without colour too.
PARTNER_MARKS = {"strong": "»", "partial": "›"}

CONTEXT_ROWS = 2  # a jump's target has at least this many rows of context above it
BOTTOM_MARGIN = 2  # and is never on the last rows

_BACKGROUND_CLASSES = {"cursor", "cursor-blurred", "partner", "partner-partial"}

PaneCallback = Callable[["AccountPane"], None]


@dataclass(frozen=True, slots=True)
class PaneSnapshot:
    """A pane's document with its wrapped layouts (by width and fold generation) and folds."""

    document: Document
    texts: list[str]
    layouts: dict[tuple[int, int], WrappedLayout]
    folds: tuple[tuple[int, int], ...]
    generation: int


class AccountPane(ScrollView, can_focus=True):
    """Sentences of one account, wrapped to the width; the cursor is a sentence id."""

    BINDINGS = pane_bindings()

    COMPONENT_CLASSES = {
        "account-pane--strong",
        "account-pane--partial",
        "account-pane--only",
        "account-pane--only-text",
        "account-pane--maybe",
        "account-pane--title",
        "account-pane--cursor",
        "account-pane--cursor-blurred",
        "account-pane--partner",
        "account-pane--partner-partial",
        "account-pane--diff",
        "account-pane--dim",
        "account-pane--match",
        "account-pane--note",
        "account-pane--fold",
        "account-pane--number",
    }

    def __init__(self, document: Document, side: Side, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.side = side
        self.analysis: Analysis | None = None
        self.cursor = 0
        # partners of the cursor's sentence -> the kind of the link that joins them
        self.partners: Mapping[int, str] = {}
        self.diff: dict[int, tuple[tuple[int, int], ...]] = {}
        self.kept: frozenset[int] | None = None  # sentences the filter keeps (None: all)
        self.matches: frozenset[int] = frozenset()  # sentences found by the last search
        self.match_spans: dict[int, tuple[tuple[int, int], ...]] = {}  # the words it matched
        self.noted: frozenset[int] = frozenset()  # sentences with a note or bookmark
        self.active = side == "a"  # the pane the cursor keys act on (shows its cursor)
        self.numbers = False  # show each sentence's number (1-based) before it
        self.paging = False  # True while a page key scrolls (sync by the top, not the cursor)
        self.on_scrolled: PaneCallback | None = None
        self.on_cursor: PaneCallback | None = None
        self.on_resized: PaneCallback | None = None  # after a re-wrap for a new size
        self._texts = [safe_text(s.text) for s in document.sentences]
        self._layouts: dict[tuple[int, int], WrappedLayout] = {}  # by (width, fold generation)
        self._folds: tuple[tuple[int, int], ...] = ()  # alike stretches shown as one row
        self._fold_generation = 0  # bumped when the folds change (cheap cache key)
        self._shown: WrappedLayout | None = None  # the layout the virtual size was set from
        self._quiet = False  # True while scrolling for a resize (no sync from this pane)
        self._kinds: list[str] = ["none"] * len(document)
        self._base_style: Style | None = None
        self._styles: dict[str, Style] = {}
        self._frame: tuple[int, Style, WrappedLayout, int] | None = None
        self._region_key: tuple[Size, bool] | None = None
        self._region = Region()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar (created when first asked for, as Textual does), drawn by
        :class:`FastScrollBar`: both panes' bars move on every synced key."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = FastScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # ----- data -------------------------------------------------------------------------------

    def snapshot(self) -> PaneSnapshot:
        """What another pane needs to show this pane's document without wrapping it again."""
        return PaneSnapshot(self.document, self._texts, dict(self._layouts), self._folds,
                            self._fold_generation)

    def set_document(self, document: Document, like: PaneSnapshot | None = None) -> None:
        """Show another account here (swap sides, another account of a set): marks and search
        matches are dropped and the cursor goes to the top; the app then sets the analysis,
        the cursor and the marks. ``like``: a snapshot of a pane that showed this document
        (a swap): its wrapped layouts and folds are taken over instead of wrapping again."""
        if like is not None and like.document is document:
            self._texts, self._layouts = like.texts, like.layouts
            self._folds, self._fold_generation = like.folds, like.generation
        else:
            self._texts = [safe_text(s.text) for s in document.sentences]
            self._layouts, self._folds = {}, ()
            self._fold_generation += 1
        self.document = document
        self.analysis = None
        self.cursor = 0
        self.partners, self.diff, self.kept = {}, {}, None
        self.matches, self.match_spans, self.noted = frozenset(), {}, frozenset()
        self._kinds = ["none"] * len(document)
        self._shown = self._frame = None
        if self.size.width:
            self._update_virtual_size()
            self.scroll_rows(0)
        self.refresh()

    def set_analysis(self, analysis: Analysis) -> None:
        """Colour the sentences by how they link to the other account."""
        self.analysis = analysis
        alignment = analysis.alignment
        kinds: list[str] = []
        for sid in range(len(self.document)):
            link = alignment.link_of(self.side, sid)
            if link is not None:
                kinds.append(link.kind)
            else:
                kinds.append("only" if alignment.near_of(self.side, sid) is None else "maybe")
        self._kinds = kinds
        self.refresh()

    def kind_of(self, sid: int) -> str:
        """``strong``, ``partial``, ``only`` (confidently), ``maybe`` (one-sided, with a close
        candidate in the other account), or ``none`` before the analysis is ready."""
        return self._kinds[sid]

    def notify_style_update(self) -> None:
        """Forget cached styles when CSS, theme or focus change."""
        self._base_style = None
        self._styles.clear()
        super().notify_style_update()

    @property
    def base_style(self) -> Style:
        """The widget's own style (cached: computing it walks the DOM)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    @property
    def text_region(self) -> Region:
        """The area inside the scrollbar (cached per size and scrollbar state)."""
        key = (self.size, self.show_vertical_scrollbar)
        if self._region_key != key:
            self._region_key, self._region = key, self.scrollable_content_region
        return self._region

    @property
    def number_width(self) -> int:
        """Cells of the sentence-number column (0 when numbers are off)."""
        return len(str(len(self.document))) + 1 if self.numbers else 0

    @property
    def prefix_width(self) -> int:
        """Cells before the text: the number column, the kind marker and its gap."""
        return self.number_width + MARKER_WIDTH

    @property
    def text_width(self) -> int:
        """Cells available for text on a row."""
        return max(8, self.text_region.width - self.prefix_width)

    def set_numbers(self, on: bool) -> None:
        """Show sentence numbers (re-wraps to the narrower text), or hide them."""
        if on == self.numbers:
            return
        self.numbers = on
        if self.size.width:
            self._update_virtual_size()
            if len(self.document):
                self.scroll_to_sentence(self.cursor)
        self.refresh()

    @property
    def wrapped(self) -> WrappedLayout:
        """The wrapped layout at the current width and folds (cached)."""
        key = (self.text_width, self._fold_generation)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > 4:
                self._layouts.clear()
            layout = build_layout(self.document, key[0], self._texts, self._folds)
            self._layouts[key] = layout
        return layout

    @property
    def folds(self) -> tuple[tuple[int, int], ...]:
        """The ``(first, last)`` stretches shown folded, each as one row."""
        return self._folds

    def set_folds(self, folds: tuple[tuple[int, int], ...]) -> None:
        """Fold these stretches (empty: unfold all); the cursor stays on its sentence."""
        if folds == self._folds:
            return
        self._folds = folds
        self._fold_generation += 1
        self._layouts.clear()
        if self.size.width:
            self._update_virtual_size()
            if len(self.document):
                self.scroll_to_sentence(self.cursor, context=True)
        self.refresh()

    def _update_virtual_size(self) -> None:
        layout = self._shown = self.wrapped
        self.virtual_size = Size(self.text_region.width, layout.height)

    # ----- geometry ---------------------------------------------------------------------------

    @property
    def top_row(self) -> int:
        """The layout row at the top of the view."""
        return round(self.scroll_y)

    @property
    def view_height(self) -> int:
        """Rows visible at once."""
        return max(1, self.text_region.height)

    def top_sentence(self) -> int | None:
        """The sentence on (or just after) the top row."""
        return self.wrapped.nearest_sentence(self.top_row)

    def screen_row_of(self, sid: int) -> int:
        """Row of the view where sentence ``sid`` starts (may be negative or past the end)."""
        return self.wrapped.rows_of(sid).start - self.top_row

    def is_visible(self, sid: int) -> bool:
        """True when any row of ``sid`` is in view."""
        rows = self.wrapped.rows_of(sid)
        top = self.top_row
        return bool(rows) and rows.stop > top and rows.start < top + self.view_height

    def scroll_rows(self, row: float) -> None:
        """Scroll so layout row ``row`` is at the top, at once (no animation)."""
        self.scroll_to(y=max(0, row), animate=False, immediate=True)

    def on_resize(self, event: Resize) -> None:
        """Re-wrap for the new width; the active pane keeps its cursor where it was on screen,
        the other keeps its top sentence (the app re-levels it afterwards)."""
        if not len(self.document) or not self.size.width:
            return
        old = self._shown
        anchor = self.cursor if self.active else (old.nearest_sentence(self.top_row) or 0
                                                  if old is not None else 0)
        offset = old.first_row[anchor] - self.top_row if old is not None else 0
        self._update_virtual_size()
        offset = max(0, min(offset, self.view_height - 1))
        self._quiet = not self.active
        try:
            self.scroll_rows(self.wrapped.first_row[anchor] - offset)
        finally:
            self._quiet = False
        self.call_after_refresh(self._keep_cursor_in_view)
        if self.on_resized is not None:
            self.call_after_refresh(self.on_resized, self)
        self.refresh()

    def _keep_cursor_in_view(self) -> None:
        if self.active and len(self.document) and not self.is_visible(self.cursor):
            self.scroll_to_sentence(self.cursor)

    def on_mount(self) -> None:
        """Lay out now if the width is already known (else the first resize does it)."""
        if self.size.width:
            self._update_virtual_size()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Repaint and let the app keep the other pane level."""
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value) and self.on_scrolled is not None \
                and not self._quiet:
            self.on_scrolled(self)

    # ----- cursor -----------------------------------------------------------------------------

    def move_cursor(self, sid: int, *, scroll: bool = True, jump: bool = False,
                    tall: int = 0) -> None:
        """Put the cursor on sentence ``sid`` and bring it into view (``jump``: with context
        above, see :meth:`scroll_to_sentence`)."""
        if not len(self.document):
            return
        sid = max(0, min(sid, len(self.document) - 1))
        previous, self.cursor = self.cursor, sid
        if scroll:
            self.scroll_to_sentence(sid, context=jump, tall=tall)  # a scroll repaints it all
        self.refresh_sentences((previous, sid))
        if self.on_cursor is not None:
            self.on_cursor(self)

    def refresh_sentences(self, sids: Iterable[int]) -> None:
        """Repaint only the rows in view of these sentences (a cursor step changes a few rows;
        repainting the whole pane for it cost most of a key press at 10k sentences)."""
        layout, top = self.wrapped, self.top_row
        bottom = top + self.view_height
        for sid in set(sids):
            rows = layout.rows_of(sid)
            start, stop = max(rows.start, top), min(rows.stop, bottom)
            if start < stop:
                self.refresh_lines(start, stop - start)

    def scroll_to_sentence(self, sid: int, *, context: bool = False, tall: int = 0) -> None:
        """Scroll the least needed to show sentence ``sid`` (its start when it is taller).

        ``context`` (a jump): unless it is already well in view, put it a third of the way
        down, with rows of context above and never on the last two rows; ``tall`` rows (its
        partner's height, when taller) must fit below its start too."""
        rows = self.wrapped.rows_of(sid)
        if not rows:
            return
        top, height = self.top_row, self.view_height
        if context:
            needed = max(len(rows), tall)
            above = max(0, min(height // 3, height - BOTTOM_MARGIN - needed))
            well_in_view = (rows.start >= top + min(above, CONTEXT_ROWS)
                            and rows.start + needed <= top + height - BOTTOM_MARGIN)
            if not well_in_view:
                self.scroll_rows(rows.start - above)
            return
        if rows.start < top or len(rows) > height:
            self.scroll_rows(rows.start)
        elif rows.stop > top + height:
            self.scroll_rows(rows.stop - height)

    def _step(self, direction: int) -> None:
        if not self._folds:
            self.move_cursor(self.cursor + direction)
            return
        found = self.wrapped.next_sentence(self.cursor, direction)  # a fold is one step
        self.move_cursor(self.cursor if found is None else found)

    def action_cursor_down(self) -> None:
        """Next sentence (or fold)."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Previous sentence (or fold)."""
        self._step(-1)

    def _page(self, direction: int) -> None:
        if not len(self.document):
            return
        offset = max(0, min(self.screen_row_of(self.cursor), self.view_height - 1))
        before = self.top_row
        self.paging = True
        try:
            self.scroll_rows(before + direction * self.view_height)
            if self.top_row == before:
                target = len(self.document) - 1 if direction > 0 else 0
            else:
                layout = self.wrapped
                target = layout.nearest_sentence(self.top_row + offset) or 0
                if layout.first_row[target] < self.top_row:  # its start scrolled off: the next
                    following = layout.next_sentence(target, 1)
                    if following is not None and \
                            layout.first_row[following] < self.top_row + self.view_height:
                        target = following
            self.move_cursor(target, scroll=self.top_row == before)
        finally:
            self.paging = False

    def action_page_down(self) -> None:
        """Scroll a page down; the cursor keeps its place on screen."""
        self._page(1)

    def action_page_up(self) -> None:
        """Scroll a page up."""
        self._page(-1)

    def action_first(self) -> None:
        """First sentence."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """Last sentence."""
        self.move_cursor(len(self.document) - 1)

    def on_click(self, event: Click) -> None:
        """Clicking a sentence puts the cursor on it."""
        sid = self.wrapped.sentence_at(self.top_row + event.y)
        if sid is not None:
            self.focus()
            self.move_cursor(sid, scroll=False)

    def on_focus(self) -> None:
        """Show the cursor as active."""
        self.refresh()

    def on_blur(self) -> None:
        """Show the cursor as inactive."""
        self.refresh()

    # ----- drawing ----------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self._component_style(name)
        return style

    def _component_style(self, name: str) -> Style:
        # Classes that set a background (cursor, partner) need the full, alpha-blended style;
        # the others only what they set, so e.g. the diff colour keeps the cursor background.
        full = self.get_component_rich_style(f"account-pane--{name}")
        if name in _BACKGROUND_CLASSES:
            return full
        own = self.get_component_rich_style(f"account-pane--{name}", partial=True)
        # keep the alpha-blended colour of the full style, but not its inherited background
        return own + Style(color=full.color) if own.color is not None else own

    def render_lines(self, crop: Region) -> list[Strip]:
        """Work out width, style, layout and scroll once per repaint, not once per row."""
        self._frame = (self.text_region.width, self.base_style, self.wrapped, self.top_row)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the view: a kind marker and a slice of one sentence."""
        width, base, layout, top = self._frame or (self.text_region.width, self.base_style,
                                                   self.wrapped, self.top_row)
        row = top + y
        if row >= layout.height:
            return Strip.blank(width, base)
        sid, start, end = layout.rows[row]
        if sid == BLANK:
            return Strip.blank(width, base)
        if sid == FOLD:
            return self._fold_line(start, end, width, base)
        kind = self._kinds[sid]
        first = layout.first_row[sid] == row
        style = base
        if self.document.sentences[sid].role == "title":
            style += self._style("title")
        if kind in ("only", "maybe"):  # both shown as one-sided; the marker tells them apart
            style += self._style("only-text")
        if self.kept is not None and sid not in self.kept:
            style += self._style("dim")
        if sid in self.matches and sid not in self.match_spans:  # no words known: all of it
            style += self._style("match")
        if sid == self.cursor and self.active:
            style += self._style("cursor" if self.has_focus else "cursor-blurred")
        elif sid in self.partners:
            partner_kind = self.partners[sid]
            style += self._style("partner" if partner_kind == "strong" else "partner-partial")
        marker_style = base + self._style(kind) if kind != "none" else base
        glyph = (MARKERS if first else CONTINUED)[kind]
        if first and sid in self.noted:
            gap = Segment("*", style + self._style("note"))
        elif first and sid in self.partners and not (sid == self.cursor and self.active):
            gap = Segment(PARTNER_MARKS.get(self.partners[sid], " "), style)
        else:
            gap = Segment(" ", style)
        segments = [Segment(glyph, marker_style), gap]
        if self.numbers:
            number = f"{sid + 1:>{self.number_width - 1}} " if first else " " * self.number_width
            segments.insert(0, Segment(number, base + self._style("number")))
        segments.extend(self._text_segments(sid, start, end, style))
        text = self._texts[sid]
        used = self.prefix_width + (end - start if text.isascii() else cell_len(text[start:end]))
        if used > width:  # only when the pane is narrower than the narrowest wrap
            return Strip(segments).crop(0, width)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return Strip(segments, width)

    def _fold_line(self, first: int, last: int, width: int, base: Style) -> Strip:
        """One dim row standing for sentences ``first``..``last`` (all alike)."""
        style = base + self._style("fold")
        if self.active and first <= self.cursor <= last:
            style += self._style("cursor" if self.has_focus else "cursor-blurred")
        count = last - first + 1
        label = f"… {count} sentence{'s' if count != 1 else ''} alike …"
        segments = [Segment(" " * self.prefix_width, base), Segment(label, style)]
        used = self.prefix_width + len(label)
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return Strip(segments).crop(0, width)

    def _text_segments(self, sid: int, start: int, end: int, style: Style) -> list[Segment]:
        """The text of one row, the word differences and the search's matched words marked."""
        text = self._texts[sid]
        diff = self.diff.get(sid, ())
        found = self.match_spans.get(sid, ()) if sid in self.matches else ()
        if not diff and not found:
            return [Segment(text[start:end], style)]
        cuts = {start, end}
        for spans in (diff, found):
            for span_start, span_end in spans:
                if span_start < end and span_end > start:
                    cuts.update((max(span_start, start), min(span_end, end)))
        diff_style = self._style("diff")
        match_style = self._style("match")
        ordered = sorted(cuts)
        segments: list[Segment] = []
        for left, right in pairwise(ordered):
            piece = style
            if any(a <= left and right <= b for a, b in diff):
                piece += diff_style
            if any(a <= left and right <= b for a, b in found):
                piece += match_style
            segments.append(Segment(text[left:right], piece))
        return segments
