"""The claims matrix as Markdown: the accounts, the share matrix, one row per claim with a
column per account, and the notes (issue 13). Every document string is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from readerui.exports.claims_common import (
    MARKS,
    collate_pair,
    first_text,
    note_text,
    notes_on,
    share,
    title,
)
from readerui.exports.markdown import md_escape
from readerui.model import Analysis, Collation, account_label

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def _md(text: str) -> str:
    return md_escape(text).replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(["---"] * len(headers)) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def write_collation(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The accounts, the share matrix and the claims matrix as Markdown, with the notes."""
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    lines = [f"# Claims of {n} accounts", ""]
    lines += _md_table(["account", "title", "source", "date", "sentences"], [
        [labels[k], _md(title(collation, k)), _md(collation.documents[k].meta.source or ""),
         _md(collation.meta(k).date or ""), str(len(collation.documents[k]))]
        for k in range(n)])
    lines += ["", "## How much of each account the others carry", "",
              "Row: the account whose sentences are counted; column: the account carrying them.",
              ""]
    lines += _md_table(["", *labels], [[labels[i], *("—" if i == j else share(collation, i, j)
                                                    for j in range(n))] for i in range(n)])
    lines += ["", "## Claims", "",
              "┃ strong, ╏ partial, · absent; one row per claim, in reading order.", ""]
    rows = []
    for claim in collation.claims:
        rows.append([str(claim.id + 1), *(MARKS[claim.carried(k)] for k in range(n)),
                     _md(claim.speaker or ""), _md(", ".join(claim.topics[:5])),
                     _md(first_text(collation, claim)),
                     _md("; ".join(note_text(x) for x in notes_on(claim, notes)))])
    lines += _md_table(["#", *labels, "speaker", "topics", "claim", "notes"], rows)
    if notes:
        lines += ["", "## Notes", ""]
        for note in notes:
            if note.account >= n:
                continue
            claims = ", ".join(str(c.id + 1) for c in collation.claims_of(note.account,
                                                                           note.sentence))
            lines.append(f"- {_md(note_text(note))} (claim {claims})")
    return "\n".join(lines) + "\n"



def write(analysis: Analysis, notes: Sequence[Note] = (), settings: Settings | None = None
          ) -> str:
    """The claims of a pair (its links joined) as Markdown: the registry's writer."""
    return write_collation(collate_pair(analysis), notes)
