"""The ``csv`` export: one row per link, with sentence numbers, kind, score and both texts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readerui.exports.common import csv_table, ids_spaced
from readerui.model import Analysis, Side

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def to_links_csv(analysis: Analysis, notes: Sequence[Note] = (),
                 settings: Settings | None = None) -> str:
    """One row per link: A and B sentence numbers, kind, score, and the texts."""
    def text(side: Side, ids: Sequence[int]) -> str:
        doc = analysis.document(side)
        return " ".join(doc.sentences[i].text for i in ids)

    rows: list[list[object]] = [["a_sentences", "b_sentences", "kind", "score", "a_text",
                                 "b_text"]]
    for link in sorted(analysis.alignment.links, key=lambda k: (k.a[:1] or (1 << 30,),
                                                                k.b[:1] or (1 << 30,))):
        rows.append([ids_spaced(link.a), ids_spaced(link.b), link.kind, f"{link.score:.3f}",
                     text("a", link.a), text("b", link.b)])
    return csv_table(rows)


write = to_links_csv
