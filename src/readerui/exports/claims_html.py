"""The claims matrix as one self-contained HTML page (issue 13). Every document string is
escaped; the page has no script."""

from __future__ import annotations

import html
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
from readerui.exports.common import plain
from readerui.model import Analysis, Collation, account_label

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


_CSS = """body{font-family:system-ui,sans-serif;margin:2em;line-height:1.4}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;
vertical-align:top}td.mark{text-align:center;font-family:monospace}.strong{color:#075}
.partial{color:#a60}.absent{color:#999}"""


def _h(text: str) -> str:
    return html.escape(plain(text))


def write_collation(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The claims Markdown's content (:mod:`readerui.exports.claims_markdown`) as one
    self-contained HTML page."""
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>Claims of {n} accounts</title><style>{_CSS}</style></head><body>",
           f"<h1>Claims of {n} accounts</h1>", "<table><tr><th>account</th><th>title</th>"
           "<th>source</th><th>date</th><th>sentences</th></tr>"]
    for k in range(n):
        meta = collation.meta(k)
        out.append(f"<tr><td>{labels[k]}</td><td>{_h(title(collation, k))}</td>"
                   f"<td>{_h(meta.source or '')}</td><td>{_h(meta.date or '')}</td>"
                   f"<td>{len(collation.documents[k])}</td></tr>")
    out += ["</table>", "<h2>How much of each account the others carry</h2>",
            "<p>Row: the account whose sentences are counted; column: the account carrying "
            "them.</p>", "<table><tr><th></th>" + "".join(f"<th>{x}</th>" for x in labels)
            + "</tr>"]
    for i in range(n):
        cells = "".join(f"<td>{'—' if i == j else share(collation, i, j)}</td>"
                        for j in range(n))
        out.append(f"<tr><th>{labels[i]}</th>{cells}</tr>")
    out += ["</table>", "<h2>Claims</h2>",
            "<p>┃ strong, ╏ partial, · absent; one row per claim, in reading order.</p>",
            "<table><tr><th>#</th>" + "".join(f"<th>{x}</th>" for x in labels)
            + "<th>speaker</th><th>topics</th><th>claim</th><th>notes</th></tr>"]
    for claim in collation.claims:
        marks = "".join(
            f'<td class="mark {claim.carried(k) or "absent"}">{MARKS[claim.carried(k)]}</td>'
            for k in range(n))
        noted = "<br>".join(_h(note_text(x)) for x in notes_on(claim, notes))
        out.append(f"<tr><td>{claim.id + 1}</td>{marks}<td>{_h(claim.speaker or '')}</td>"
                   f"<td>{_h(', '.join(claim.topics[:5]))}</td>"
                   f"<td>{_h(first_text(collation, claim))}</td><td>{noted}</td></tr>")
    out += ["</table>", "</body></html>"]
    return "\n".join(out) + "\n"



def write(analysis: Analysis, notes: Sequence[Note] = (), settings: Settings | None = None
          ) -> str:
    """The claims of a pair (its links joined) as an HTML page: the registry's writer."""
    return write_collation(collate_pair(analysis), notes)
