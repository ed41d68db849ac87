"""Keeping two panes level by alignment, not by row number.

Pure geometry over the panes' wrapped layouts: which sentence anchors a pane, and where the
other pane must scroll so that sentence's partner sits level with it. The app applies the
result inside a re-entrancy guard (the echo of a mirrored scroll must not sync back).
"""

from __future__ import annotations

from readerui.model import Alignment
from readerui.tui.widgets.pane import AccountPane


def anchor_sentence(alignment: Alignment, pane: AccountPane) -> int | None:
    """The first linked sentence in view in ``pane``, else the last linked one above it."""
    layout, top = pane.wrapped, pane.top_row
    start = layout.nearest_sentence(top)
    if start is None:
        return None
    bottom = top + pane.view_height
    sid = start
    while sid < len(pane.document) and layout.rows_of(sid).start < bottom:
        if alignment.link_of(pane.side, sid) is not None:
            return sid
        sid += 1
    for sid in range(start - 1, -1, -1):
        if alignment.link_of(pane.side, sid) is not None:
            return sid
    return None


def level_row(alignment: Alignment, source: AccountPane, target: AccountPane,
              sid: int) -> int | None:
    """The top row for ``target`` that puts the partner of ``source``'s sentence ``sid`` level
    with it (None when ``sid`` has no partner). A sentence that began above the view keeps the
    same fraction scrolled in its partner, so tall and short partners stay in step. A partner
    that would run past the target's bottom edge is lifted until it shows whole (stacked panes
    are short: level to the row, a partner on the last row would be cut)."""
    partners = alignment.partners(source.side, sid)
    if not partners:
        return None
    src_rows = source.wrapped.rows_of(sid)
    dst_rows = target.wrapped.rows_of(partners[0])
    if not src_rows or not dst_rows:
        return None
    top = source.top_row
    if src_rows.start < top:
        fraction = (top - src_rows.start) / len(src_rows)
        return dst_rows.start + int(fraction * len(dst_rows))
    row = dst_rows.start - (src_rows.start - top)
    height = target.view_height
    if height > 0 and dst_rows.stop - row > height:  # it would be cut at the bottom
        row = min(dst_rows.start, dst_rows.stop - height)
    return row
