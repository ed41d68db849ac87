"""Quotes for the clipboard: a sentence, or a linked pair, labelled with account, source and date.

Pure Python (no Textual); the text is plain (control characters and bidi overrides removed), as
everything taken from a document is.
"""

from __future__ import annotations

from pathlib import Path

from readerui.model import Analysis, Document, Metadata, Side
from readerui.sanitise import shown


def label(document: Document, side: Side, meta: Metadata | None = None) -> str:
    """``A (source, date)``: the account, where the text comes from and when (what is known;
    ``meta``: the analysis' reading of the metadata, e.g. a completed year)."""
    meta = meta or document.meta
    origin = meta.source or meta.title or (Path(document.path).name if document.path else "")
    details = [shown(part) for part in (origin, meta.date) if part]
    return f"{side.upper()} ({', '.join(details)})" if details else side.upper()


def sentence_quote(document: Document, side: Side, ids: tuple[int, ...] | list[int],
                   meta: Metadata | None = None) -> str:
    """``A (source, date) 12: “…”`` for sentences ``ids`` of one account (joined by spaces)."""
    ids = sorted(i for i in ids if 0 <= i < len(document))
    if not ids:
        return ""
    numbers = ", ".join(str(i + 1) for i in ids)
    text = " ".join(" ".join(shown(document.sentences[i].text).split()) for i in ids)
    return f"{label(document, side, meta)} {numbers}: “{text}”"


def pair_quote(analysis: Analysis, side: Side, sid: int) -> str:
    """The sentence and every partner in the other account, A's line first; a sentence the
    other account lacks is said to be only in its own."""
    other: Side = "b" if side == "a" else "a"
    partners = analysis.alignment.partners(side, sid)
    lines = {side: sentence_quote(analysis.document(side), side, [sid], analysis.meta(side)),
             other: sentence_quote(analysis.document(other), other, list(partners),
                                   analysis.meta(other))
             if partners else f"{other.upper()}: (not in this account)"}
    return f"{lines['a']}\n{lines['b']}"
