"""The export formats, in one registry: name, file suffixes, what it holds, and its writer.

``readerui export`` (``-f`` and the ``-o`` suffix), the reader's ``E`` and the README's list all
read :data:`FORMATS`; adding a format is one module in this package (a ``write(analysis, notes,
settings) -> str``) plus one :class:`ExportFormat` line here. A file name whose suffix no format
claims is an error, never a silent Markdown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readerui.errors import ReaderError

if TYPE_CHECKING:  # not at run time: `export --help` reads this registry and must stay light
    from readerui.exports.claims_common import CollationWriter
    from readerui.model import Analysis, Collation
    from readerui.settings import Settings
    from readerui.store.notes import Note

Writer = Callable[["Analysis", Sequence["Note"], "Settings"], str]


class ExportFormat(NamedTuple):  # not a dataclass: ``--help`` lists these, and stays light
    """One export format: ``name`` for ``-f``, the ``suffixes`` that choose it (the first is the
    one it writes), a one-line ``summary`` and its ``write(analysis, notes, settings)``."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    module: str  # the writer's module in this package, imported when a file is written
    notes: bool = True  # carries the reader's notes

    @property
    def write(self) -> Writer:
        """The format's ``write(analysis, notes, settings) -> str``."""
        return _writer(self.module, "write")


def _writer(module: str, name: str) -> Callable[..., str]:
    """``name`` in ``readerui.exports.<module>``: the writers (and the model they import) are
    loaded on first use, so ``--help`` listing the formats stays light."""
    writer: Callable[..., str] = getattr(importlib.import_module(f"readerui.exports.{module}"),
                                         name)
    return writer


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("md", (".md", ".markdown"), "Markdown for a code forge", "markdown"),
    ExportFormat("html", (".html", ".htm"), "one self-contained page", "html"),
    ExportFormat("json", (".json",), "the JSON contract, as 'align --json'", "contract",
                 notes=False),
    ExportFormat("jsonl", (".jsonl",), "one JSON object per sentence (speaker, topics, "
                 "partners, notes)", "jsonl"),
    ExportFormat("csv", (".csv",), "one row per link (sentence numbers, kind, score, texts)",
                 "links_csv", notes=False),
    ExportFormat("sentences-csv", (".sentences.csv",), "one row per sentence (speaker, "
                 "topics, partners, notes)", "sentences_csv"),
    ExportFormat("claims-md", (".claims.md",), "the claims matrix (one row per claim, one "
                 "column per account) with the notes, as Markdown", "claims_markdown"),
    ExportFormat("claims-html", (".claims.html",), "the claims matrix as one self-contained "
                 "page", "claims_html"),
    ExportFormat("claims-json", (".claims.json",), "every account, pair's links and claim "
                 "(docs/accounts.md), with the notes", "claims_json"),
    ExportFormat("claims-csv", (".claims.csv",), "one row per claim: which accounts carry it, "
                 "speaker, topics, sentences, notes", "claims_csv"),
)}
# The formats that also write a reading of three accounts or more (a Collation); the others
# are a pair's.
_COLLATION_MODULES = {"claims-md": "claims_markdown", "claims-html": "claims_html",
                      "claims-json": "claims_json", "claims-csv": "claims_csv"}
COLLATION_FORMATS: tuple[str, ...] = tuple(_COLLATION_MODULES)
DEFAULT = "md"  # for standard output without -f
READER_FORMATS = ("md", "html")  # what the reader's E writes, side by side


def format_of(path: str | Path | None) -> str:
    """The format a file name asks for by its suffix (the longest one claimed: ``.sentences.csv``
    before ``.csv``); :data:`DEFAULT` without a path. ReaderError for a suffix no format has."""
    if not path:
        return DEFAULT
    name = Path(path).name.lower()
    claims = [(suffix, f.name) for f in FORMATS.values() for suffix in f.suffixes
              if name.endswith(suffix) and len(name) > len(suffix)]
    if not claims:
        known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
        raise ReaderError(f"cannot tell the export format of {str(path)!r} from its suffix (known: "
                          f"{known}); choose one with -f")
    return max(claims, key=lambda claim: len(claim[0]))[1]


def render(analysis: Analysis, fmt: str, notes: Sequence[Note] = (),
           settings: Settings | None = None) -> str:
    """The analysis as ``fmt`` text (notes only in the formats that carry them)."""
    try:
        chosen = FORMATS[fmt]
    except KeyError:
        raise ReaderError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})") from None
    if settings is None:
        from readerui.settings import Settings

        settings = Settings()
    return chosen.write(analysis, notes if chosen.notes else (), settings)


def render_collation(collation: Collation, fmt: str, notes: Sequence[Note] = ()) -> str:
    """A reading of several accounts as ``fmt``, one of :data:`COLLATION_FORMATS`."""
    try:
        write: CollationWriter = _writer(_COLLATION_MODULES[fmt], "write_collation")
    except KeyError:
        raise ReaderError(f"format {fmt!r} writes two accounts only; for more, choose one of "
                          f"{', '.join(COLLATION_FORMATS)}") from None
    return write(collation, notes)


def formats_help() -> str:
    """The formats for ``--help`` and the docs: ``name (suffix): summary``, one a line."""
    return "\n".join(f"{f.name} ({', '.join(f.suffixes)}): {f.summary}"
                     for f in FORMATS.values())
