"""Speakers and topics of two accounts.

PLACEHOLDER (first cut, being replaced under issue 4): no speakers, no topics.
"""

from __future__ import annotations

from readerui.model import Annotations, Document


def annotate(a: Document, b: Document, lexicon_path: str | None = None,
             lang: str = "en") -> Annotations:
    """Attribute each sentence to a speaker and tag topics across both documents."""
    return Annotations.empty(len(a), len(b))
