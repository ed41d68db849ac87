"""Split cleaned text into sentences that know their paragraph and character offsets.

PLACEHOLDER (first cut, being replaced under issue 2): a naive regex splitter.
"""

from __future__ import annotations

import re

from readerui.model import CleanText, Document, Paragraph, Sentence

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def segment(clean: CleanText) -> Document:
    """Sentences of every paragraph, in reading order."""
    sentences: list[Sentence] = []
    for para in clean.paragraphs:
        body = clean.text[para.start : para.end]
        for s, e in split_sentences(body):
            sentences.append(
                Sentence(len(sentences), para.index, para.role, body[s:e], para.start + s,
                         para.start + e)
            )
    return Document(clean.path, clean.text, tuple(sentences), clean.meta, clean.removed)


def from_lines(text: str, path: str | None = None) -> Document:
    """A pre-split text: one sentence per line, a blank line between paragraphs; no cleaning."""
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    paragraph, offset, blank_before = 0, 0, False
    for line in text.split("\n"):
        end = offset + len(line)
        if line.strip():
            if blank_before and sentences:
                paragraph += 1
            blank_before = False
            sentences.append(Sentence(len(sentences), paragraph, "body", line, offset, end))
        else:
            blank_before = True
        offset = end + 1
    del paragraphs
    return Document(path, text, tuple(sentences))
