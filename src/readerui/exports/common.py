"""What the export formats share: plain text from documents, the aligned groups with their word
differences, coverage per facet, note labels, the sentence records of the per-sentence formats
and CSV tables. No format of its own; each format is a module beside this one."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from readerui.model import Analysis, Link, Side
from readerui.sanitise import drop_lone_joiners, strip_controls

if TYPE_CHECKING:
    from readerui.align.settings import AlignSettings
    from readerui.store.notes import Note

SIDE_NAMES: dict[Side, str] = {"a": "A", "b": "B"}


def plain(text: str) -> str:
    """Document text with control sequences, control and bidi characters removed (the one
    sanitiser, :mod:`readerui.sanitise`), lines joined; tabs kept."""
    return drop_lone_joiners(strip_controls(text).replace("\n", " "))


@dataclass(frozen=True)
class Group:
    """One link, with each side's sentences cut into (text, differs) runs."""

    number: int
    link: Link
    a: tuple[tuple[int, tuple[tuple[str, bool], ...]], ...]
    b: tuple[tuple[int, tuple[tuple[str, bool], ...]], ...]


@dataclass(frozen=True)
class Coverage:
    """How much of a speaker's or topic's sentences the other account carries."""

    name: str
    a: int
    b: int
    a_carried: int  # of the ``a`` sentences, how many are linked to B
    b_carried: int
    extra: str = ""


def runs(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
    """``text`` cut into runs, ``True`` for the marked ones; marks only whitespace apart merge."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    runs: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        if at < start:
            runs.append((text[at:start], False))
        runs.append((text[start:end], True))
        at = end
    if at < len(text):
        runs.append((text[at:], False))
    return tuple((plain(piece), marked) for piece, marked in runs)


def linked_groups(analysis: Analysis, lang: str, align: AlignSettings | None) -> list[Group]:
    """Every link in reading order of A (then B), with word differences marked."""
    from readerui.align import word_diff

    links = sorted(analysis.alignment.links,
                   key=lambda link: (link.a[0] if link.a else 1 << 30,
                                     link.b[0] if link.b else 1 << 30))
    groups = []
    for number, link in enumerate(links, start=1):
        diff = word_diff(analysis.a, analysis.b, link, lang, align)  # the linker's thresholds
        sides = []
        for side, ids, spans in (("a", link.a, diff.a), ("b", link.b, diff.b)):
            doc = analysis.document(side)  # type: ignore[arg-type]
            sides.append(tuple(
                (i, runs(doc.sentences[i].text,
                          [(s.start, s.end) for s in spans if s.sentence == i]))
                for i in ids))
        groups.append(Group(number, link, sides[0], sides[1]))
    return groups


def coverage(analysis: Analysis) -> list[tuple[str, str, list[Coverage]]]:
    """(title, plural, rows) per facet (speakers, topics, places, …), in the facets' order."""
    from readerui.facets import facets

    carried = analysis.alignment.carried
    return [(facet.name.capitalize(), facet.name,
             [Coverage(v.name, len(v.a), len(v.b), carried("a", v.a), carried("b", v.b), v.mark)
              for v in facet.values])
            for facet in facets(analysis)]


def share(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "0"


def coverage_line(analysis: Analysis, side: Side) -> str:
    doc = analysis.document(side)
    other = SIDE_NAMES["b" if side == "a" else "a"]
    carried = analysis.alignment.carried(side, range(len(doc)))
    percent = f"{carried / len(doc):.0%}" if len(doc) else "0%"
    return f"{len(doc)} sentences, {carried} ({percent}) carried by {other}"


def doc_label(analysis: Analysis, side: Side) -> str:
    doc = analysis.document(side)
    return plain(doc.meta.title or (Path(doc.path).name if doc.path
                                     else f"Account {SIDE_NAMES[side]}"))


def doc_facts(analysis: Analysis, side: Side) -> list[tuple[str, str]]:
    doc = analysis.document(side)
    # The file's name only: a report is for sharing, and folders can say more than intended.
    meta = analysis.meta(side)  # the date as the analysis reads it (a missing year completed)
    facts = [("File", Path(doc.path).name if doc.path else None), ("Date", meta.date),
             ("Source", meta.source), ("Place", meta.place)]
    return [(label, plain(value)) for label, value in facts if value]


def notes_by_sentence(notes: Sequence[Note]) -> dict[tuple[str, int], list[Note]]:
    found: dict[tuple[str, int], list[Note]] = {}
    for note in notes:
        found.setdefault((note.side, note.sentence), []).append(note)
    return found


def note_label(note: Note) -> str:
    kind = "Bookmark" if note.bookmark and not note.text else (
        "Note (bookmarked)" if note.bookmark else "Note")
    return f"{kind} on {SIDE_NAMES[cast(Side, note.side)]} {note.sentence + 1}"


def link_ids(ids: tuple[int, ...]) -> str:
    """Sentence numbers from 1, comma-separated (the reports' headings)."""
    return ", ".join(str(i + 1) for i in ids)  # numbered from 1, as the sentences are


def sentence_text(analysis: Analysis, side: Side, sentence: int) -> str:
    """The text of one sentence, or "" when the id is out of range."""
    sentences = analysis.document(side).sentences
    return sentences[sentence].text if 0 <= sentence < len(sentences) else ""



_OPENING_QUOTES = "\"'\u2018\u201c\u201e\u00ab\u2039"


def in_quotes(text: str) -> str:
    """``text`` in curly quotation marks, unless it already opens with one (a quoted sentence
    would otherwise read ““I think …”)."""
    return text if text[:1] in _OPENING_QUOTES else f"\u201c{text}\u201d"


def ids_spaced(ids: Sequence[int]) -> str:
    """Sentence numbers from 1, space-separated (the CSV columns)."""
    return " ".join(str(i + 1) for i in ids)


_FORMULA_START = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]))")


def cell(text: object) -> str:
    """A CSV cell: plain text, control sequences stripped, and a text a spreadsheet would run as
    a formula (starting ``=``, ``+``, ``@``, a tab, or ``-`` not before a number) prefixed with
    ``'`` so it is shown, never evaluated (OWASP's advice for CSV injection)."""
    if text is None:
        return ""
    value = strip_controls(str(text))
    return "'" + value if _FORMULA_START.match(value) else value


def csv_table(rows: list[list[object]]) -> str:
    """Rows as CSV text (``\\n`` line ends), every cell through :func:`cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[cell(value) for value in row] for row in rows])
    return out.getvalue()


def extra_facets(analysis: Analysis) -> list[str]:
    """The facets beyond speakers and topics (places, …), in the facets' order: the
    per-sentence formats give each its own column or field."""
    from readerui.facets import facets

    return [f.name for f in facets(analysis) if f.name not in ("speakers", "topics")]


def sentence_records(analysis: Analysis, notes: Sequence[Note]) -> list[dict[str, object]]:
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
    records: list[dict[str, object]] = []
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
