"""Align the sentences of two accounts: paraphrase-aware, many-to-many, with groups.

``align`` links sentences of A and B that carry the same content: by default many-to-many (a
sentence may be in several links, a pair of sentences in at most one); with ``exclusive`` each
sentence is in at most one link, in reading order (1:1, 1:n, n:1 and n:m groups, reordered
content). ``word_diff`` shows, inside one link, the words each side carries that the other does
not.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from readerui.align.settings import AlignSettings
from readerui.model import Alignment, Document

if TYPE_CHECKING:
    from readerui.align.decide import align_exclusive
    from readerui.align.diff import word_diff
    from readerui.align.many import align_many

# The aligner's modules are imported on first use: reading settings (AlignSettings) must not load
# the aligner and its libraries (the reader paints before it, ``readerui --help`` never needs it).
_LAZY = {"align_exclusive": "readerui.align.decide", "align_many": "readerui.align.many",
         "word_diff": "readerui.align.diff"}


def __getattr__(name: str) -> Any:
    """``align_exclusive``, ``align_many`` and ``word_diff``, imported when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def block_aligner_available() -> bool:
    """Whether the block aligner of ``--exclusive`` can run (numpy and scipy, the ``corpus``
    extra, are installed); without them ``--exclusive`` uses the one-link aligner."""
    return all(importlib.util.find_spec(name) is not None for name in ("numpy", "scipy"))


def align(a: Document, b: Document, settings: AlignSettings | None = None,
          lang: str | tuple[str, str] = "en", exclusive: bool = False) -> Alignment:
    """Links between ``a`` and ``b``: many-to-many, or one link per sentence with
    ``exclusive`` (the monotone block aligner when its extra is installed, else the one-link
    aligner). ``lang`` is both documents' language or a (lang of A, lang of B) pair."""
    if exclusive:
        if block_aligner_available():
            from readerui.align.exclusive import align_exclusive as align_blocks

            return align_blocks(a, b, settings, lang)
        from readerui.align.decide import align_exclusive

        return align_exclusive(a, b, settings, lang)
    from readerui.align.many import align_many

    return align_many(a, b, settings, lang)


__all__ = ["AlignSettings", "align", "align_exclusive", "align_many", "block_aligner_available",
           "word_diff"]
