"""Article text from an HTML page: trafilatura when ``readerui[web]`` is installed, else the
built-in extractor (:mod:`readerui.ingest.html`, standard library only). ``READERUI_HTML_EXTRACTOR=
builtin`` chooses the built-in one even where trafilatura is installed.

Both return the form ``ingest.clean`` expects: the headline, then one paragraph per block,
separated by blank lines. trafilatura scores higher on a public news extraction benchmark
(``benchmarks/extraction.py``) but brings lxml and several other packages, so the default
install keeps the built-in one. When trafilatura finds no article, the built-in one is used.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from importlib import metadata
from types import ModuleType

from readerui.ingest.html import html_to_text as builtin_html_to_text

BUILTIN = "builtin"
ENV_VAR = "READERUI_HTML_EXTRACTOR"


@cache
def _trafilatura() -> ModuleType | None:
    try:
        import trafilatura
    except ImportError:
        return None
    for name in ("trafilatura", "htmldate", "courlan"):  # no log lines on the user's terminal
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    return trafilatura


def extractor_name() -> str:
    """The extractor in use, with its version: ``"trafilatura 2.3.1"`` or ``"builtin"``
    (without importing trafilatura: the analysis cache keys on this)."""
    if os.environ.get(ENV_VAR, "").strip().lower() == BUILTIN:
        return BUILTIN
    try:
        return f"trafilatura {metadata.version('trafilatura')}"
    except metadata.PackageNotFoundError:
        return BUILTIN


def trafilatura_to_text(markup: str) -> str | None:
    """The article as headline + paragraphs by trafilatura; None when it is not installed or
    finds no article text."""
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    try:
        found = trafilatura.bare_extraction(
            markup, include_comments=False, include_tables=False, with_metadata=True,
            # only dates the page states as its own: the wider search guesses from "© 2024"
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # a third-party parser on untrusted markup: any failure means "not found"
        return None
    if found is None:
        return None
    def get(key: str) -> str:  # a Document in trafilatura 2, a dict in older versions
        value = found.get(key) if isinstance(found, dict) else getattr(found, key, None)
        return value if isinstance(value, str) else ""

    body = get("text")
    # one paragraph a line; list items come as "- item", which the built-in extractor gives bare
    paragraphs = [" ".join(line.removeprefix("- ").split()) for line in body.split("\n")
                  if line.strip()]
    if not paragraphs:
        return None
    title = " ".join(get("title").split())
    date = get("date")
    head = [title] if title and title != paragraphs[0] else []
    if date:
        head.append(f"Published: {date}")  # ingest reads a labelled date as metadata
    return "\n\n".join([*head, *paragraphs]) + "\n"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML article: headline first, blank lines between paragraphs."""
    text = None if extractor_name() == BUILTIN else trafilatura_to_text(markup)
    return text if text is not None else builtin_html_to_text(markup)
