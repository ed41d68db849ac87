"""The claims matrix as CSV: one row per claim (issue 13, ``docs/accounts.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readerui.exports.claims_common import collate_pair, note_text, notes_on, numbers
from readerui.exports.common import csv_table
from readerui.model import Analysis, Collation, account_label

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def write_collation(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """One row per claim: number, how many accounts carry it, one column per account (strong,
    partial or empty), speaker, topics, each account's sentence numbers and texts, notes."""
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    header = ["claim", "accounts", *labels, "speaker", "topics",
              *(f"{x}_sentences" for x in labels), *(f"{x}_text" for x in labels), "notes"]
    rows: list[list[object]] = [header]
    for claim in collation.claims:
        texts = [" ".join(collation.documents[k].sentences[s].text
                          for s in claim.sentences(k)) for k in range(n)]
        rows.append([claim.id + 1, len(claim.accounts()),
                     *(claim.carried(k) or "" for k in range(n)),
                     claim.speaker or "", "; ".join(claim.topics),
                     *(numbers(claim.sentences(k)) for k in range(n)), *texts,
                     "; ".join(note_text(x) for x in notes_on(claim, notes))])
    return csv_table(rows)


def write(analysis: Analysis, notes: Sequence[Note] = (), settings: Settings | None = None
          ) -> str:
    """The claims of a pair (its links joined) as CSV: the registry's writer."""
    return write_collation(collate_pair(analysis), notes)
