"""Web input: pages given by address in place of files, and article text from HTML.

``readerui.web.fetch`` downloads an ``http://`` or ``https://`` page (bounded in time, size and
redirects) into a content-addressed cache; ``readerui.web.extract`` turns HTML into article text
with trafilatura when the ``readerui[web]`` extra is installed, else with the built-in extractor.
Nothing is ever fetched unless the user gave an address. This module itself imports nothing
heavy: ``is_address`` is what ingest and the CLI ask of every input name.
"""

from __future__ import annotations

import re
from pathlib import Path

_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")  # two letters at least: "C://" is a drive
_WEB = re.compile(r"https?://", re.IGNORECASE)


def is_address(name: str | Path) -> bool:
    """True when ``name`` is written as a web address (``scheme://...``), not a file name.

    Only ``http`` and ``https`` addresses are fetched; others are refused by ``fetch`` with a
    clear line rather than read as a (missing) file. ``./http://x`` still names a file.
    """
    return isinstance(name, str) and _ADDRESS.match(name) is not None


def is_web_address(name: str | Path) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return isinstance(name, str) and _WEB.match(name) is not None


def as_input(name: str) -> str | Path:
    """A command-line input as ingest takes it: an address stays a string, a file is a Path
    (``Path`` would fold the ``//`` of an address)."""
    return name if is_address(name) else Path(name)
