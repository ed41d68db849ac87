"""Wrap a document's sentences to a width and map screen rows <-> sentences.

Pure Python (no Textual): the panes, the link gutter and the overview all read one
:class:`WrappedLayout` per width, computed once and cached by the pane.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from readerui.model import Document

_WORD = re.compile(r"\S+")
# C0/C1 controls and DEL become spaces (same length, so sentence offsets stay valid).
_CONTROLS = {c: " " for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}

BLANK = -1  # sentence id of a row that separates paragraphs
FOLD = -2  # sentence id of a row standing for a folded stretch: (FOLD, first id, last id)


def safe_text(text: str) -> str:
    """``text`` with every control character replaced by a space (offsets unchanged)."""
    return text.translate(_CONTROLS)


def _split_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut one over-long word into pieces of at most ``width`` cells."""
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    for index in range(start, end):
        cells = cell_len(text[index])
        if used + cells > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, used = index, 0
        used += cells
    pieces.append((piece_start, end))
    return pieces


_ASCII_LINES: dict[int, re.Pattern[str]] = {}


def _ascii_lines(width: int) -> re.Pattern[str]:
    """A regex whose matches are the greedy-wrapped lines of an ASCII text (one cell a char):
    the longest run ending before a space (or the end) within ``width``, else ``width`` chars
    of a word that is too long."""
    pattern = _ASCII_LINES.get(width)
    if pattern is None:
        if width == 1:
            pattern = re.compile(r"\S")
        else:
            pattern = re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S{{{width}}}")
        _ASCII_LINES[width] = pattern
    return pattern


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one sentence: ``(start, end)`` offsets of each line."""
    width = max(1, width)
    if text.isascii():
        if len(text) <= width:
            return [(len(text) - len(text.lstrip()), len(text.rstrip()))] if text.strip() \
                else [(0, 0)]
        return [m.span() for m in _ascii_lines(width).finditer(text)] or [(0, 0)]
    return _wrap_cells(text, width)


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap measuring cells (wide characters count two)."""
    ascii_only = False
    lines: list[tuple[int, int]] = []
    line_start = line_end = -1
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        cells = end - start if ascii_only else cell_len(match.group())
        if line_start >= 0 and used + (start - line_end) + cells <= width:
            used += (start - line_end) + cells
            line_end = end
            continue
        if line_start >= 0:
            lines.append((line_start, line_end))
        if cells > width:
            pieces = _split_long(text, start, end, width)
            lines.extend(pieces[:-1])
            start = pieces[-1][0]
            cells = cell_len(text[start:end])
        line_start, line_end, used = start, end, cells
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


@dataclass(frozen=True, slots=True)
class WrappedLayout:
    """Rows of one document at one width.

    ``rows[r]`` is ``(sentence_id, start, end)`` (``BLANK`` for a paragraph gap);
    ``first_row[i]`` / ``last_row[i]`` are the rows sentence ``i`` spans.
    """

    width: int
    rows: tuple[tuple[int, int, int], ...]
    first_row: tuple[int, ...]
    last_row: tuple[int, ...]

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.rows)

    def sentence_at(self, row: int) -> int | None:
        """The sentence shown on ``row`` (the first of a fold), or None for a gap or a row past
        the end."""
        if 0 <= row < len(self.rows):
            sentence, start, _ = self.rows[row]
            if sentence == FOLD:
                return start
            return None if sentence == BLANK else sentence
        return None

    def fold_at(self, row: int) -> tuple[int, int] | None:
        """``(first, last)`` sentence ids of the fold on ``row``, or None."""
        if 0 <= row < len(self.rows) and self.rows[row][0] == FOLD:
            return self.rows[row][1], self.rows[row][2]
        return None

    def next_sentence(self, sid: int, direction: int) -> int | None:
        """The sentence on the next (``direction=1``) or previous row group after ``sid``'s
        rows, stepping over a fold as one (None past either end)."""
        rows = self.rows_of(sid)
        if not rows:
            return None
        row = rows.stop if direction > 0 else rows.start - 1
        while 0 <= row < len(self.rows):
            found = self.sentence_at(row)
            if found is not None:
                return found
            row += direction
        return None

    def nearest_sentence(self, row: int) -> int | None:
        """The sentence on ``row``, else the one just after it, else the last one."""
        if not self.first_row:
            return None
        row = max(0, min(row, len(self.rows) - 1))
        sentence = self.rows[row][0]
        if sentence != BLANK:
            return self.sentence_at(row)
        index = bisect_right(self.first_row, row)
        return min(index, len(self.first_row) - 1)

    def rows_of(self, sentence: int) -> range:
        """The rows sentence ``sentence`` occupies (empty for an id the document lacks)."""
        if not 0 <= sentence < len(self.first_row):
            return range(0)
        return range(self.first_row[sentence], self.last_row[sentence] + 1)


def build_layout(document: Document, width: int, texts: list[str] | None = None,
                 folds: tuple[tuple[int, int], ...] = ()) -> WrappedLayout:
    """Wrap every sentence of ``document`` to ``width`` cells, with a gap row between paragraphs;
    each ``(first, last)`` stretch of ``folds`` (ascending, disjoint) becomes one fold row."""
    texts = texts if texts is not None else [safe_text(s.text) for s in document.sentences]
    rows: list[tuple[int, int, int]] = []
    first: list[int] = []
    last: list[int] = []
    previous_paragraph: int | None = None
    fold_end = {start: end for start, end in folds}
    folded_until = -1
    for sentence, text in zip(document.sentences, texts, strict=True):
        sid = sentence.id
        if sid <= folded_until:  # inside a fold: every sentence maps to the fold's row
            first.append(len(rows) - 1)
            last.append(len(rows) - 1)
            previous_paragraph = sentence.paragraph
            continue
        if previous_paragraph is not None and sentence.paragraph != previous_paragraph:
            rows.append((BLANK, 0, 0))
        previous_paragraph = sentence.paragraph
        first.append(len(rows))
        if sid in fold_end:
            folded_until = fold_end[sid]
            rows.append((FOLD, sid, folded_until))
        else:
            rows.extend((sid, start, end) for start, end in wrap(text, width))
        last.append(len(rows) - 1)
    return WrappedLayout(width, tuple(rows), tuple(first), tuple(last))
