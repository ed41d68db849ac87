"""Exports: an Analysis (and the reader's notes) as files for other tools and for people.

One module per format, each with ``write(analysis, notes, settings) -> str``: ``contract`` (the
JSON contract, ``../shared/contract.md``), ``markdown``, ``html``, ``links_csv``,
``sentences_csv``, ``jsonl``, and the claims matrix of issue 13 (``claims_markdown``,
``claims_html``, ``claims_json``, ``claims_csv``, sharing ``claims_common``), which also write
a reading of several accounts (:func:`render_collation`). ``common`` holds what they share,
``registry`` lists them (name, suffixes, writer) for the CLI, the reader and the docs, and
``files`` writes one to disk.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readerui.exports.contract import CONTRACT_VERSION, to_contract, to_json
    from readerui.exports.files import check_output, write_export
    from readerui.exports.registry import (
        COLLATION_FORMATS,
        DEFAULT,
        FORMATS,
        READER_FORMATS,
        ExportFormat,
        format_of,
        formats_help,
        render,
        render_collation,
    )

__all__ = ["COLLATION_FORMATS", "CONTRACT_VERSION", "DEFAULT", "FORMATS", "READER_FORMATS",
           "ExportFormat", "check_output", "format_of", "formats_help", "render",
           "render_collation", "to_contract", "to_json", "write_export"]

# Each name's module, imported on first use (PEP 562): ``--help`` reads the registry alone, and
# the writers, the model and the contract load when something is written.
_HOMES = {"CONTRACT_VERSION": "contract", "to_contract": "contract", "to_json": "contract",
          "check_output": "files", "write_export": "files"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_HOMES.get(name, 'registry')}")
    value = getattr(module, name)
    globals()[name] = value
    return value
