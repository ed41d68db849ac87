"""The JSON contract (``../shared/contract.md``, version 2): what ``align --json`` prints and the
``json`` export writes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from readerui.jsontext import dumps_indented
from readerui.model import Analysis, Side
from readerui.sanitise import json_inert

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note

CONTRACT_VERSION = 2


def _document(analysis: Analysis, side: Side) -> dict[str, Any]:
    doc = analysis.document(side)
    meta = analysis.meta(side)  # the date as the analysis reads it (a missing year completed)
    notes = analysis.annotations
    return {
        "path": doc.path,
        "title": meta.title,
        "date": meta.date,
        "source": meta.source,
        "place": meta.place,
        "dateline": meta.dateline,
        "lang": meta.lang,
        "repaired": meta.repaired,
        "sentences": [
            {
                "id": s.id,
                "paragraph": s.paragraph,
                "role": s.role,
                "text": s.text,
                "speaker": notes.speaker_of(side, s.id),
                "speaker_cue": notes.speaker_cue_of(side, s.id),
                "topics": list(notes.topics_of(side, s.id)),
                "start": s.start,
                "end": s.end,
            }
            for s in doc.sentences
        ],
    }


def to_contract(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the contract's JSON object (plain dicts and lists)."""
    links = sorted(
        analysis.alignment.links,
        key=lambda link: (link.a[0] if link.a else 1 << 30, link.b[0] if link.b else 1 << 30),
    )
    return {
        "version": CONTRACT_VERSION,
        "a": _document(analysis, "a"),
        "b": _document(analysis, "b"),
        "links": [
            {"a": list(link.a), "b": list(link.b), "score": round(link.score, 4), "kind": link.kind}
            for link in links
        ],
        "near": [
            {"side": n.side, "id": n.sentence, "other": n.other, "score": round(n.score, 4)}
            for n in analysis.alignment.near
        ],
        "speakers": [
            {"name": s.name, "aliases": list(s.aliases), "a": list(s.a), "b": list(s.b),
             "joint": s.joint}
            for s in analysis.annotations.speakers
        ],
        "topics": [
            {"name": t.name, "terms": list(t.terms), "a": list(t.a), "b": list(t.b),
             "origin": t.origin}
            for t in analysis.annotations.topics
        ],
    }


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    """The contract object serialised as JSON text (UTF-8, not ASCII-escaped)."""
    contract = to_contract(analysis)
    if indent is None:
        return json_inert(json.dumps(contract, ensure_ascii=False))
    return json_inert(dumps_indented(contract, indent))


def write(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    """The ``json`` export: the contract, indented, with a final newline (no notes)."""
    return to_json(analysis) + "\n"
