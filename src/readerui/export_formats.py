"""The export formats, in one registry: name, file suffixes, what it holds, and its writer.

``readerui export`` (``-f`` and the ``-o`` suffix), the reader's ``E`` and the README's list all
read :data:`FORMATS`; adding a format is one :class:`ExportFormat` here. A file name whose suffix
no format claims is an error, never a silent Markdown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readerui.errors import ReaderError
from readerui.export import CONTRACT_VERSION, to_html, to_json, to_markdown
from readerui.model import Analysis, Side
from readerui.sanitise import strip_controls

if TYPE_CHECKING:  # not at run time: `export --help` reads this registry and must stay light
    from readerui.settings import Settings
    from readerui.store.notes import Note

Writer = Callable[[Analysis, Sequence["Note"], "Settings"], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: ``name`` for ``-f``, the ``suffixes`` that choose it (the first is the
    one it writes), a one-line ``summary`` and its ``write(analysis, notes, settings)``."""

    name: str
    suffixes: tuple[str, ...]
    summary: str
    write: Writer
    notes: bool = True  # carries the reader's notes


def _cell(text: object) -> str:
    return "" if text is None else strip_controls(str(text))


def _table(rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return out.getvalue()


def _ids(ids: Sequence[int]) -> str:
    return " ".join(str(i + 1) for i in ids)  # numbered from 1, as the reader shows them


def to_links_csv(analysis: Analysis, notes: Sequence[Note] = (),
                 settings: Settings | None = None) -> str:
    """One row per link: A and B sentence numbers, kind, score, and the texts."""
    def text(side: Side, ids: Sequence[int]) -> str:
        doc = analysis.document(side)
        return " ".join(doc.sentences[i].text for i in ids)

    rows: list[list[object]] = [["a_sentences", "b_sentences", "kind", "score", "a_text",
                                 "b_text"]]
    for link in sorted(analysis.alignment.links, key=lambda k: (k.a[:1] or (1 << 30,),
                                                                k.b[:1] or (1 << 30,))):
        rows.append([_ids(link.a), _ids(link.b), link.kind, f"{link.score:.3f}",
                     text("a", link.a), text("b", link.b)])
    return _table(rows)


def _sentence_records(analysis: Analysis, notes: Sequence[Note]) -> list[dict[str, object]]:
    """Every sentence of both accounts with its speaker, topics, any further facet (places, …),
    partners and notes."""
    from readerui.facets import facets

    extra = [f for f in facets(analysis) if f.name not in ("speakers", "topics")]
    on: dict[tuple[str, str, int], list[str]] = {}
    for facet in extra:
        for value in facet.values:
            for side, ids in (("a", value.a), ("b", value.b)):
                for i in ids:
                    on.setdefault((facet.name, side, i), []).append(value.name)
    notes_on: dict[tuple[str, int], list[str]] = {}
    for note in notes:
        notes_on.setdefault((note.side, note.sentence), []).append(note.text or "(bookmark)")
    records = []
    for side in ("a", "b"):
        doc = analysis.document(side)  # type: ignore[arg-type]
        for sentence in doc.sentences:
            kinds = analysis.alignment.partner_kinds(side, sentence.id)  # type: ignore[arg-type]
            records.append({
                "side": side, "sentence": sentence.id + 1, "role": sentence.role,
                "text": sentence.text,
                "speaker": analysis.annotations.speaker_of(side, sentence.id),  # type: ignore
                "topics": list(analysis.annotations.topics_of(side, sentence.id)),  # type: ignore
                **{f.name: on.get((f.name, side, sentence.id), []) for f in extra},
                "partners": [{"sentence": i + 1, "kind": kind} for i, kind in kinds.items()],
                "notes": notes_on.get((side, sentence.id), []),
            })
    return records


def to_sentences_csv(analysis: Analysis, notes: Sequence[Note] = (),
                     settings: Settings | None = None) -> str:
    """One row per sentence of either account: its speaker, topics, partners and notes."""
    from readerui.facets import facets

    extra = [f.name for f in facets(analysis) if f.name not in ("speakers", "topics")]
    rows: list[list[object]] = [["side", "sentence", "role", "speaker", "topics", *extra,
                                 "partners", "notes", "text"]]
    for record in _sentence_records(analysis, notes):
        partners = record["partners"]
        assert isinstance(partners, list)
        rows.append([record["side"], record["sentence"], record["role"], record["speaker"],
                     "; ".join(record["topics"]),  # type: ignore[arg-type]
                     *("; ".join(record[name]) for name in extra),  # type: ignore[arg-type]
                     " ".join(f"{p['sentence']}{'' if p['kind'] == 'strong' else '~'}"
                              for p in partners),
                     " | ".join(record["notes"]), record["text"]])  # type: ignore[arg-type]
    return _table(rows)


def to_jsonl(analysis: Analysis, notes: Sequence[Note] = (),
             settings: Settings | None = None) -> str:
    """One JSON object per line: a sentence of either account with its speaker, topics,
    partners (numbered from 1) and notes; ``version`` is the contract's."""
    return "".join(json.dumps({"version": CONTRACT_VERSION, **record}, ensure_ascii=False) + "\n"
                   for record in _sentence_records(analysis, notes))


def _markdown(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    return to_markdown(analysis, notes, settings.lang, settings.align)


def _html(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    return to_html(analysis, notes, settings.lang, settings.align)


def _json(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    return to_json(analysis) + "\n"


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("md", (".md", ".markdown"), "Markdown for a code forge", _markdown),
    ExportFormat("html", (".html", ".htm"), "one self-contained page", _html),
    ExportFormat("json", (".json",), "the JSON contract, as 'align --json'", _json, notes=False),
    ExportFormat("jsonl", (".jsonl",), "one JSON object per sentence (speaker, topics, "
                 "partners, notes)", to_jsonl),
    ExportFormat("csv", (".csv",), "one row per link (sentence numbers, kind, score, texts)",
                 to_links_csv, notes=False),
    ExportFormat("sentences-csv", (".sentences.csv",), "one row per sentence (speaker, "
                 "topics, partners, notes)", to_sentences_csv),
)}
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


def formats_help() -> str:
    """The formats for ``--help`` and the docs: ``name (suffix): summary``, one a line."""
    return "\n".join(f"{f.name} ({', '.join(f.suffixes)}): {f.summary}"
                     for f in FORMATS.values())


def _register_claims() -> None:
    """The claims matrix formats (issue 13) live in their own module, which adds them here."""
    from readerui import claims_export

    claims_export.register(FORMATS, ExportFormat)


_register_claims()
