"""The ``sentences-csv`` export: one row per sentence of either account, with its speaker,
topics, any further facet (places, …), partners and notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readerui.exports.common import csv_table, extra_facets, sentence_records
from readerui.model import Analysis

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def to_sentences_csv(analysis: Analysis, notes: Sequence[Note] = (),
                     settings: Settings | None = None) -> str:
    """One row per sentence of either account: its speaker, topics, partners and notes."""
    extra = extra_facets(analysis)
    rows: list[list[object]] = [["side", "sentence", "role", "speaker", "topics", *extra,
                                 "partners", "notes", "text"]]
    for record in sentence_records(analysis, notes):
        partners = record["partners"]
        assert isinstance(partners, list)
        rows.append([record["side"], record["sentence"], record["role"], record["speaker"],
                     "; ".join(record["topics"]),  # type: ignore[arg-type]
                     *("; ".join(record[name]) for name in extra),  # type: ignore[arg-type]
                     " ".join(f"{p['sentence']}{'' if p['kind'] == 'strong' else '~'}"
                              for p in partners),
                     " | ".join(record["notes"]), record["text"]])  # type: ignore[arg-type]
    return csv_table(rows)


write = to_sentences_csv
