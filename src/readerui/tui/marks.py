"""Where a search query matches inside a sentence: the words to mark, not the whole sentence.

Pure Python (no Textual). The search finds sentences fuzzily (``reading.search``); here each
word of the query is looked for in the sentence (case-insensitive, as the start of a word, so
"tram" marks "trams"); when no word is found as typed (a typo the fuzzy search forgave), the
best fuzzy alignment of the query is marked, widened to whole words.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")

Spans = tuple[tuple[int, int], ...]


def _merge(spans: list[tuple[int, int]]) -> Spans:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` grown to the word boundaries around it."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def match_spans(query: str, text: str) -> Spans:
    """Character spans of ``text`` that ``query`` matches (empty when nothing fits)."""
    words = [w.lower() for w in _WORD.findall(query) if len(w) > 1 or query.strip() == w]
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    if words:
        for found in _WORD.finditer(lowered):
            token = found.group()
            if any(token.startswith(word) for word in words):
                spans.append(found.span())
    if spans:
        return _merge(spans)
    needle = query.strip().lower()
    if not needle or not lowered:
        return ()
    from rapidfuzz import fuzz  # here: not on the way to the first paint

    alignment = fuzz.partial_ratio_alignment(needle, lowered)
    if alignment is None or alignment.score < 60 or alignment.dest_end <= alignment.dest_start:
        return ()
    return (_widen(text, alignment.dest_start, alignment.dest_end),)
