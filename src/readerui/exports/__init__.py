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
