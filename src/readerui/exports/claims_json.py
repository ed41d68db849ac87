"""The JSON object of a reading of several accounts (``docs/accounts.md``): what ``readerui
align A B C --json`` prints, and, with the notes, the ``claims-json`` export.

Two accounts keep the contract object of ``../shared/contract.md`` on ``align --json``
(:mod:`readerui.exports.contract`); this shape has the accounts (each as the contract's
``a``/``b`` object plus its ``label``), every pair's links in the version-2 link form, the
claims, and the speakers and topics merged across accounts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from readerui.exports.claims_common import collate_pair
from readerui.exports.contract import CONTRACT_VERSION
from readerui.jsontext import dumps_indented
from readerui.model import Analysis, Collation, account_label
from readerui.sanitise import json_inert

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def _cues(collation: Collation, account: int) -> tuple[str | None, ...]:
    """The speaker cue of each sentence of an account, from a pair that holds it."""
    for (i, j), analysis in collation.pairs.items():
        if account in (i, j):
            cues = analysis.annotations.cue_a if account == i else analysis.annotations.cue_b
            if cues:
                return cues
    return ()


def _account(collation: Collation, account: int) -> dict[str, Any]:
    doc = collation.documents[account]
    cues = _cues(collation, account)
    return {
        "label": account_label(account),
        "path": doc.path,
        "title": doc.meta.title,
        "date": collation.meta(account).date,
        "source": doc.meta.source,
        "place": doc.meta.place,
        "dateline": doc.meta.dateline,
        "lang": doc.meta.lang,
        "sentences": [
            {
                "id": s.id,
                "paragraph": s.paragraph,
                "role": s.role,
                "text": s.text,
                "speaker": collation.speaker_of(account, s.id),
                "speaker_cue": cues[s.id] if s.id < len(cues) else None,
                "topics": list(collation.topics_of(account, s.id)),
                "start": s.start,
                "end": s.end,
            }
            for s in doc.sentences
        ],
    }


def to_collation_contract(collation: Collation) -> dict[str, Any]:
    """The collation as plain dicts and lists (the N-account shape of ``docs/accounts.md``)."""
    n = len(collation.documents)
    pairs = []
    for (i, j), analysis in sorted(collation.pairs.items()):
        links = sorted(analysis.alignment.links,
                       key=lambda link: (link.a[0] if link.a else 1 << 30,
                                         link.b[0] if link.b else 1 << 30))
        pairs.append({"a": i, "b": j, "links": [
            {"a": list(link.a), "b": list(link.b), "score": round(link.score, 4),
             "kind": link.kind} for link in links]})
    return {
        "version": CONTRACT_VERSION,
        "accounts": [_account(collation, k) for k in range(n)],
        "pairs": pairs,
        "claims": [
            {"id": c.id,
             "carried": [c.carried(k) for k in range(n)],
             "members": [{"account": m.account, "sentence": m.sentence, "kind": m.kind,
                          "home": m.home} for m in c.members],
             "speaker": c.speaker,
             "topics": list(c.topics)}
            for c in collation.claims
        ],
        "speakers": [
            {"name": s.name, "aliases": list(s.aliases),
             "sentences": [list(ids) for ids in s.sentences], "joint": s.joint}
            for s in collation.speakers
        ],
        "topics": [
            {"name": t.name, "terms": list(t.terms),
             "sentences": [list(ids) for ids in t.sentences], "origin": t.origin}
            for t in collation.topics
        ],
    }


def collation_to_json(collation: Collation, indent: int | None = 2) -> str:
    """The N-account object serialised as JSON text (UTF-8, not ASCII-escaped)."""
    contract = to_collation_contract(collation)
    if indent is None:
        return json_inert(json.dumps(contract, ensure_ascii=False))
    return json_inert(dumps_indented(contract, indent))


def write_collation(collation: Collation, notes: Sequence[Note] = ()) -> str:
    """The N-account JSON object (``docs/accounts.md``) with the notes added under ``notes``
    (each with its account, sentence and claims)."""
    data: dict[str, Any] = to_collation_contract(collation)
    data["notes"] = [
        {"account": note.account, "sentence": note.sentence, "text": note.text,
         "bookmark": note.bookmark, "created": note.created,
         "claims": [c.id for c in collation.claims_of(note.account, note.sentence)]}
        for note in notes if note.account < len(collation.documents)]
    return json_inert(dumps_indented(data, 2))



def write(analysis: Analysis, notes: Sequence[Note] = (), settings: Settings | None = None
          ) -> str:
    """The claims of a pair (its links joined) as the N-account JSON object (the registry's
    writer)."""
    return write_collation(collate_pair(analysis), notes)
