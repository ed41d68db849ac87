"""Quotes for the clipboard: a sentence, or a linked pair, labelled with account, source and date.

Pure Python (no Textual); the text is plain (control characters and bidi overrides removed), as
everything taken from a document is.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from readerui.model import Analysis, Document, Metadata, Side
from readerui.sanitise import shown


def label(document: Document, side: Side, meta: Metadata | None = None,
          letter: str | None = None) -> str:
    """``A (source, date)``: the account (``letter``, default the side's), where the text comes
    from and when (what is known; ``meta``: the analysis' reading of the metadata, e.g. a
    completed year)."""
    meta = meta or document.meta
    origin = meta.source or meta.title or (Path(document.path).name if document.path else "")
    details = [shown(part) for part in (origin, meta.date) if part]
    letter = letter or side.upper()
    return f"{letter} ({', '.join(details)})" if details else letter


def sentence_quote(document: Document, side: Side, ids: tuple[int, ...] | list[int],
                   meta: Metadata | None = None, letter: str | None = None) -> str:
    """``A (source, date) 12: “…”`` for sentences ``ids`` of one account (joined by spaces)."""
    ids = sorted(i for i in ids if 0 <= i < len(document))
    if not ids:
        return ""
    numbers = ", ".join(str(i + 1) for i in ids)
    text = " ".join(" ".join(shown(document.sentences[i].text).split()) for i in ids)
    return f"{label(document, side, meta, letter)} {numbers}: “{text}”"


def pair_quote(analysis: Analysis, side: Side, sid: int,
               letters: Mapping[Side, str] | None = None) -> str:
    """The sentence and every partner in the other account, the left-hand line first; a
    sentence the other account lacks is said to be only in its own. ``letters``: the account
    letter of each side (default A and B)."""
    other: Side = "b" if side == "a" else "a"
    names = {"a": "A", "b": "B", **(letters or {})}
    partners = analysis.alignment.partners(side, sid)
    lines = {side: sentence_quote(analysis.document(side), side, [sid], analysis.meta(side),
                                  names[side]),
             other: sentence_quote(analysis.document(other), other, list(partners),
                                   analysis.meta(other), names[other])
             if partners else f"{names[other]}: (not in this account)"}
    return f"{lines['a']}\n{lines['b']}"
