"""The claims matrix of a reading of several accounts, as Markdown, HTML, JSON and CSV.

One row per claim, one column per account (strong ``┃``, partial ``╏``, absent ``·``), with the
claim's speaker and topics, its sentences and the reader's notes on them; before it, each
account (title, source, date) and the matrix of how much of each account every other carries.
The writers take a :class:`~readerui.model.Collation`; :data:`CLAIM_FORMATS` lists them. This
module also registers them in :mod:`readerui.export_formats` (for two accounts, a pair's
analysis is collated first), so ``readerui export A B -f claims-csv`` works like any format.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readerui.model import Analysis, Claim, Collation, LinkKind, account_label
from readerui.sanitise import drop_lone_joiners, json_inert, strip_controls

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note

MARKS: dict[LinkKind | None, str] = {"strong": "┃", "partial": "╏", None: "·"}
CollationWriter = Callable[[Collation, Sequence["Note"]], str]


def _plain(text: str | None) -> str:
    """Document text with control sequences and bidi controls removed, lines joined."""
    return drop_lone_joiners(strip_controls(text or "").replace("\n", " "))


def _title(collation: Collation, account: int) -> str:
    doc = collation.documents[account]
    return _plain(doc.meta.title or (Path(doc.path).name if doc.path
                                     else f"Account {account_label(account)}"))


def _numbers(ids: Sequence[int]) -> str:
    return " ".join(str(i + 1) for i in ids)  # numbered from 1, as the reader shows them


def _notes_on(claim: Claim, notes: Sequence[Note]) -> list[Note]:
    members = {(m.account, m.sentence) for m in claim.members}
    return [n for n in notes if (n.account, n.sentence) in members]


def _note_text(note: Note) -> str:
    where = f"{account_label(note.account)} {note.sentence + 1}"
    if not note.text:
        return f"bookmark on {where}"
    return f"{where}: {_plain(note.text)}"


def _first_text(collation: Collation, claim: Claim) -> str:
    """The claim's first home sentence (of the first account that has it)."""
    member = next((m for m in claim.members if m.home), claim.members[0])
    return _plain(collation.documents[member.account].sentences[member.sentence].text)


def _share(collation: Collation, i: int, j: int) -> str:
    return f"{round(100 * collation.carried_share(i, j))}%"


# ----- CSV ----------------------------------------------------------------------------------------


def to_claims_csv(collation: Collation, notes: Sequence[Note] = ()) -> str:
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
                     *(_numbers(claim.sentences(k)) for k in range(n)), *texts,
                     "; ".join(_note_text(x) for x in _notes_on(claim, notes))])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [[_plain(str(value)) for value in row] for row in rows])
    return out.getvalue()


# ----- JSON ---------------------------------------------------------------------------------------


def to_claims_json(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The N-account JSON object (``docs/accounts.md``) with the notes added under ``notes``
    (each with its account, sentence and claims)."""
    from readerui.collation_json import to_collation_contract

    data: dict[str, Any] = to_collation_contract(collation)
    data["notes"] = [
        {"account": note.account, "sentence": note.sentence, "text": note.text,
         "bookmark": note.bookmark, "created": note.created,
         "claims": [c.id for c in collation.claims_of(note.account, note.sentence)]}
        for note in notes if note.account < len(collation.documents)]
    return json_inert(json.dumps(data, ensure_ascii=False, indent=2))


# ----- Markdown -----------------------------------------------------------------------------------


def _md(text: str) -> str:
    from readerui.export import md_escape

    return md_escape(text).replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(["---"] * len(headers)) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def to_claims_markdown(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The accounts, the share matrix and the claims matrix as Markdown, with the notes."""
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    lines = [f"# Claims of {n} accounts", ""]
    lines += _md_table(["account", "title", "source", "date", "sentences"], [
        [labels[k], _md(_title(collation, k)), _md(_plain(collation.documents[k].meta.source)),
         _md(_plain(collation.documents[k].meta.date)), str(len(collation.documents[k]))]
        for k in range(n)])
    lines += ["", "## How much of each account the others carry", "",
              "Row: the account whose sentences are counted; column: the account carrying them.",
              ""]
    lines += _md_table(["", *labels], [[labels[i], *("—" if i == j else _share(collation, i, j)
                                                    for j in range(n))] for i in range(n)])
    lines += ["", "## Claims", "",
              "┃ strong, ╏ partial, · absent; one row per claim, in reading order.", ""]
    rows = []
    for claim in collation.claims:
        rows.append([str(claim.id + 1), *(MARKS[claim.carried(k)] for k in range(n)),
                     _md(claim.speaker or ""), _md(", ".join(claim.topics[:5])),
                     _md(_first_text(collation, claim)),
                     _md("; ".join(_note_text(x) for x in _notes_on(claim, notes)))])
    lines += _md_table(["#", *labels, "speaker", "topics", "claim", "notes"], rows)
    if notes:
        lines += ["", "## Notes", ""]
        for note in notes:
            if note.account >= n:
                continue
            claims = ", ".join(str(c.id + 1) for c in collation.claims_of(note.account,
                                                                           note.sentence))
            lines.append(f"- {_md(_note_text(note))} (claim {claims})")
    return "\n".join(lines) + "\n"


# ----- HTML ---------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;margin:2em;line-height:1.4}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;
vertical-align:top}td.mark{text-align:center;font-family:monospace}.strong{color:#075}
.partial{color:#a60}.absent{color:#999}"""


def _h(text: str) -> str:
    return html.escape(_plain(text))


def to_claims_html(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The same as :func:`to_claims_markdown`, as one self-contained HTML page."""
    n = len(collation.documents)
    labels = [account_label(k) for k in range(n)]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>Claims of {n} accounts</title><style>{_CSS}</style></head><body>",
           f"<h1>Claims of {n} accounts</h1>", "<table><tr><th>account</th><th>title</th>"
           "<th>source</th><th>date</th><th>sentences</th></tr>"]
    for k in range(n):
        meta = collation.documents[k].meta
        out.append(f"<tr><td>{labels[k]}</td><td>{_h(_title(collation, k))}</td>"
                   f"<td>{_h(meta.source or '')}</td><td>{_h(meta.date or '')}</td>"
                   f"<td>{len(collation.documents[k])}</td></tr>")
    out += ["</table>", "<h2>How much of each account the others carry</h2>",
            "<p>Row: the account whose sentences are counted; column: the account carrying "
            "them.</p>", "<table><tr><th></th>" + "".join(f"<th>{x}</th>" for x in labels)
            + "</tr>"]
    for i in range(n):
        cells = "".join(f"<td>{'—' if i == j else _share(collation, i, j)}</td>"
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
        noted = "<br>".join(_h(_note_text(x)) for x in _notes_on(claim, notes))
        out.append(f"<tr><td>{claim.id + 1}</td>{marks}<td>{_h(claim.speaker or '')}</td>"
                   f"<td>{_h(', '.join(claim.topics[:5]))}</td>"
                   f"<td>{_h(_first_text(collation, claim))}</td><td>{noted}</td></tr>")
    out += ["</table>", "</body></html>"]
    return "\n".join(out) + "\n"


# ----- the formats ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFormat:
    """A claims export: ``name`` for ``-f``, ``suffixes`` that choose it, a ``summary`` and
    its ``write(collation, notes)``."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    write: CollationWriter


CLAIM_FORMATS: dict[str, ClaimFormat] = {f.name: f for f in (
    ClaimFormat("claims-md", (".claims.md",), "the claims matrix (one row per claim, one column "
                "per account) with the notes, as Markdown", to_claims_markdown),
    ClaimFormat("claims-html", (".claims.html",), "the claims matrix as one self-contained page",
                to_claims_html),
    ClaimFormat("claims-json", (".claims.json",), "every account, pair's links and claim "
                "(docs/accounts.md), with the notes", to_claims_json),
    ClaimFormat("claims-csv", (".claims.csv",), "one row per claim: which accounts carry it, "
                "speaker, topics, sentences, notes", to_claims_csv),
)}


def render_claims(collation: Collation, fmt: str, notes: Sequence[Note] = ()) -> str:
    """The collation's claims as ``fmt`` (a name of :data:`CLAIM_FORMATS`)."""
    return CLAIM_FORMATS[fmt].write(collation, notes)


def _of_pair(fmt: str) -> Callable[[Analysis, Sequence[Note], Settings], str]:
    def write(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
        from readerui.collation import assemble

        collation = assemble((analysis.a, analysis.b), {(0, 1): analysis})
        return CLAIM_FORMATS[fmt].write(collation, notes)

    return write


def register(formats: dict[str, Any], make: Callable[..., Any]) -> None:
    """Add the claims formats to an export registry of pair writers (``make(name, suffixes,
    summary, write)`` builds its entry); a pair is collated first."""
    for f in CLAIM_FORMATS.values():
        formats[f.name] = make(f.name, f.suffixes, f.summary, _of_pair(f.name))
