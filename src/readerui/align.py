"""Align the sentences of two accounts.

PLACEHOLDER (first cut, being replaced under issue 3): each sentence of A linked to its best match
in B by rapidfuzz token-set ratio when that clears a threshold; no groups, no reordering pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from readerui.model import Alignment, Document, Link, WordDiff


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Knobs of the aligner (each documented in the README's configuration section)."""

    link_threshold: float = 0.5  # minimum score for a link
    strong_threshold: float = 0.7  # a link scoring at least this is "strong", else "partial"


def align(a: Document, b: Document, settings: AlignSettings | None = None,
          lang: str = "en") -> Alignment:
    """Links between the sentences of ``a`` and ``b``; each sentence in at most one link."""
    settings = settings or AlignSettings()
    used_b: set[int] = set()
    links: list[Link] = []
    for sa in a.sentences:
        best, best_j = 0.0, -1
        for sb in b.sentences:
            if sb.id in used_b:
                continue
            score = fuzz.token_set_ratio(sa.text.lower(), sb.text.lower()) / 100
            if score > best:
                best, best_j = score, sb.id
        if best_j >= 0 and best >= settings.link_threshold:
            used_b.add(best_j)
            kind = "strong" if best >= settings.strong_threshold else "partial"
            links.append(Link((sa.id,), (best_j,), round(best, 4), kind))
    return Alignment(tuple(links), len(a), len(b))


def word_diff(a: Document, b: Document, link: Link, lang: str = "en") -> WordDiff:
    """Words of each side of ``link`` that the other side lacks."""
    return WordDiff((), ())
