"""What the claims-matrix formats share (issue 13): account labels and titles, the marks, the
notes on a claim, the share matrix, and collating a pair (its two accounts) so that a pair
exports its claims like a larger reading. No format of its own; each claims format is a module
beside this one (``claims_markdown``, ``claims_html``, ``claims_json``, ``claims_csv``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from readerui.exports.common import plain
from readerui.model import Analysis, Claim, Collation, LinkKind, account_label

if TYPE_CHECKING:
    from readerui.store.notes import Note

MARKS: dict[LinkKind | None, str] = {"strong": "┃", "partial": "╏", None: "·"}
CollationWriter = Callable[[Collation, Sequence["Note"]], str]


def title(collation: Collation, account: int) -> str:
    """An account's title, else its file's name, else "Account C"."""
    doc = collation.documents[account]
    return plain(doc.meta.title or (Path(doc.path).name if doc.path
                                    else f"Account {account_label(account)}"))


def numbers(ids: Sequence[int]) -> str:
    """Sentence ids numbered from 1, as the reader shows them."""
    return " ".join(str(i + 1) for i in ids)


def notes_on(claim: Claim, notes: Sequence[Note]) -> list[Note]:
    """The notes on any sentence of the claim."""
    members = {(m.account, m.sentence) for m in claim.members}
    return [n for n in notes if (n.account, n.sentence) in members]


def note_text(note: Note) -> str:
    """ "C 2: text", or "bookmark on C 2"."""
    where = f"{account_label(note.account)} {note.sentence + 1}"
    if not note.text:
        return f"bookmark on {where}"
    return f"{where}: {plain(note.text)}"


def first_text(collation: Collation, claim: Claim) -> str:
    """The claim's first home sentence (of the first account that has it)."""
    member = next((m for m in claim.members if m.home), claim.members[0])
    return plain(collation.documents[member.account].sentences[member.sentence].text)


def share(collation: Collation, i: int, j: int) -> str:
    """How much of account i account j carries, as a percentage."""
    return f"{round(100 * collation.carried_share(i, j))}%"


def collate_pair(analysis: Analysis) -> Collation:
    """A pair's analysis as a collation of its two accounts (its links joined into claims)."""
    from readerui.collation import assemble

    return assemble((analysis.a, analysis.b), {(0, 1): analysis})
