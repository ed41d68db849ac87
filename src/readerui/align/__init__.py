"""Align the sentences of two accounts: paraphrase-aware, with groups and reordering.

``align`` links sentences of A and B that carry the same content (1:1, 1:n, n:1 and n:m groups,
reordered content, one-side-only sentences); ``word_diff`` shows, inside one link, the words each
side carries that the other does not.
"""

from __future__ import annotations

from readerui.align.decide import align
from readerui.align.diff import word_diff
from readerui.align.settings import AlignSettings

__all__ = ["AlignSettings", "align", "word_diff"]
