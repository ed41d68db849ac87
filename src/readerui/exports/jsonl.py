"""The ``jsonl`` export: one JSON object per line, a sentence of either account with its
speaker, topics, any further facet, partners (numbered from 1) and notes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from readerui.exports.common import sentence_records
from readerui.exports.contract import CONTRACT_VERSION
from readerui.model import Analysis

if TYPE_CHECKING:
    from readerui.settings import Settings
    from readerui.store.notes import Note


def to_jsonl(analysis: Analysis, notes: Sequence[Note] = (),
             settings: Settings | None = None) -> str:
    """One JSON object per line: a sentence of either account with its speaker, topics,
    partners (numbered from 1) and notes; ``version`` is the contract's."""
    return "".join(json.dumps({"version": CONTRACT_VERSION, **record}, ensure_ascii=False) + "\n"
                   for record in sentence_records(analysis, notes))


write = to_jsonl
