"""Align the sentences of two accounts: paraphrase-aware, with groups and reordering.

``align`` links sentences of A and B that carry the same content (1:1, 1:n, n:1 and n:m groups,
reordered content, one-side-only sentences); ``word_diff`` shows, inside one link, the words each
side carries that the other does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readerui.align.settings import AlignSettings

if TYPE_CHECKING:
    from readerui.align.decide import align
    from readerui.align.diff import word_diff

__all__ = ["AlignSettings", "align", "word_diff"]


def __getattr__(name: str) -> Any:
    """``align`` and ``word_diff`` are imported on first use: reading settings (AlignSettings)
    must not load the aligner and its libraries."""
    if name == "align":
        from readerui.align.decide import align
        return align
    if name == "word_diff":
        from readerui.align.diff import word_diff
        return word_diff
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
