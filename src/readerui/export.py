"""Turn an Analysis into the JSON contract (``../shared/contract.md``, version 2), or into a
readable report: Markdown for a code forge, or one self-contained HTML page. The list of formats
(and CSV, JSONL) is :mod:`readerui.export_formats`."""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readerui.model import Analysis, Link, Side
from readerui.sanitise import drop_lone_joiners, json_inert, strip_controls

if TYPE_CHECKING:
    from readerui.align.settings import AlignSettings
    from readerui.settings import Settings
    from readerui.store.notes import Note

CONTRACT_VERSION = 2


def _document(analysis: Analysis, side: Side) -> dict[str, Any]:
    doc = analysis.document(side)
    notes = analysis.annotations
    return {
        "path": doc.path,
        "title": doc.meta.title,
        "date": doc.meta.date,
        "source": doc.meta.source,
        "place": doc.meta.place,
        "dateline": doc.meta.dateline,
        "lang": doc.meta.lang,
        "repaired": doc.meta.repaired,
        "sentences": [
            {
                "id": s.id,
                "paragraph": s.paragraph,
                "role": s.role,
                "text": s.text,
                "speaker": notes.speaker_of(side, s.id),
                "speaker_cue": notes.speaker_cue_of(side, s.id),
                "topics": list(notes.topics_of(side, s.id)),
                "start": s.start,
                "end": s.end,
            }
            for s in doc.sentences
        ],
    }


def to_contract(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the contract's JSON object (plain dicts and lists)."""
    links = sorted(
        analysis.alignment.links,
        key=lambda link: (link.a[0] if link.a else 1 << 30, link.b[0] if link.b else 1 << 30),
    )
    return {
        "version": CONTRACT_VERSION,
        "a": _document(analysis, "a"),
        "b": _document(analysis, "b"),
        "links": [
            {"a": list(link.a), "b": list(link.b), "score": round(link.score, 4), "kind": link.kind}
            for link in links
        ],
        "speakers": [
            {"name": s.name, "aliases": list(s.aliases), "a": list(s.a), "b": list(s.b),
             "joint": s.joint}
            for s in analysis.annotations.speakers
        ],
        "topics": [
            {"name": t.name, "terms": list(t.terms), "a": list(t.a), "b": list(t.b),
             "origin": t.origin}
            for t in analysis.annotations.topics
        ],
    }


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    """The contract object serialised as JSON text (UTF-8, not ASCII-escaped)."""
    return json_inert(json.dumps(to_contract(analysis), ensure_ascii=False, indent=indent))


# --- Readable reports: Markdown and HTML --------------------------------------------------------

_SIDE_NAMES: dict[Side, str] = {"a": "A", "b": "B"}


def _plain(text: str) -> str:
    """Document text with control sequences, control and bidi characters removed (the one
    sanitiser, :mod:`readerui.sanitise`), lines joined; tabs kept."""
    return drop_lone_joiners(strip_controls(text).replace("\n", " "))


@dataclass(frozen=True)
class _Group:
    """One link, with each side's sentences cut into (text, differs) runs."""

    number: int
    link: Link
    a: tuple[tuple[int, tuple[tuple[str, bool], ...]], ...]
    b: tuple[tuple[int, tuple[tuple[str, bool], ...]], ...]


@dataclass(frozen=True)
class _Coverage:
    """How much of a speaker's or topic's sentences the other account carries."""

    name: str
    a: int
    b: int
    a_carried: int  # of the ``a`` sentences, how many are linked to B
    b_carried: int
    extra: str = ""


def _runs(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
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
    return tuple((_plain(piece), marked) for piece, marked in runs)


def _groups(analysis: Analysis, lang: str, align: AlignSettings | None) -> list[_Group]:
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
                (i, _runs(doc.sentences[i].text,
                          [(s.start, s.end) for s in spans if s.sentence == i]))
                for i in ids))
        groups.append(_Group(number, link, sides[0], sides[1]))
    return groups


def _coverage(analysis: Analysis) -> list[tuple[str, str, list[_Coverage]]]:
    """(title, plural, rows) per facet (speakers, topics, places, …), in the facets' order."""
    from readerui.facets import facets

    carried = analysis.alignment.carried
    return [(facet.name.capitalize(), facet.name,
             [_Coverage(v.name, len(v.a), len(v.b), carried("a", v.a), carried("b", v.b), v.mark)
              for v in facet.values])
            for facet in facets(analysis)]


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "0"


def _coverage_line(analysis: Analysis, side: Side) -> str:
    doc = analysis.document(side)
    other = _SIDE_NAMES["b" if side == "a" else "a"]
    carried = analysis.alignment.carried(side, range(len(doc)))
    percent = f"{carried / len(doc):.0%}" if len(doc) else "0%"
    return f"{len(doc)} sentences, {carried} ({percent}) carried by {other}"


def _doc_label(analysis: Analysis, side: Side) -> str:
    doc = analysis.document(side)
    return _plain(doc.meta.title or (Path(doc.path).name if doc.path
                                     else f"Account {_SIDE_NAMES[side]}"))


def _doc_facts(analysis: Analysis, side: Side) -> list[tuple[str, str]]:
    doc = analysis.document(side)
    # The file's name only: a report is for sharing, and folders can say more than intended.
    facts = [("File", Path(doc.path).name if doc.path else None), ("Date", doc.meta.date),
             ("Source", doc.meta.source), ("Place", doc.meta.place)]
    return [(label, _plain(value)) for label, value in facts if value]


def _notes_by_sentence(notes: Sequence[Note]) -> dict[tuple[str, int], list[Note]]:
    found: dict[tuple[str, int], list[Note]] = {}
    for note in notes:
        found.setdefault((note.side, note.sentence), []).append(note)
    return found


def _note_label(note: Note) -> str:
    kind = "Bookmark" if note.bookmark and not note.text else (
        "Note (bookmarked)" if note.bookmark else "Note")
    return f"{kind} on {_SIDE_NAMES[note.side]} {note.sentence + 1}"


# Markdown ---------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
_MD_LINE_START = re.compile(r"^(\s*)([-=+:>]|\d+(?=[.)]))")


def _md_inline(text: str) -> str:
    """Escape Markdown's inline characters (not line starts)."""
    return _MD_SPECIAL.sub(r"\\\1", _plain(text))


def md_escape(text: str) -> str:
    """Document text made inert in Markdown at the start of a line: every significant character
    backslash-escaped, and leading blanks (which would make a code block) dropped."""
    return _MD_LINE_START.sub(lambda m: m.group(1) + (
        m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)),
        _md_inline(text).lstrip())


# A marked run is cut into (outside, inside, outside) so that the markers touch letters or digits
# on their inner side: CommonMark only opens/closes ** and ~~ reliably there.
_MD_MARKABLE = re.compile(r"^([\W_]*)(.*?)([\W_]*)$", re.S)


def _md_runs(runs: tuple[tuple[str, bool], ...], mark: str) -> str:
    """Sentence runs as Markdown, the marked ones wrapped in ``mark`` (``**`` or ``~~``)."""
    out = []
    for piece, marked in runs:
        lead, core, trail = _MD_MARKABLE.match(piece).groups()  # type: ignore[union-attr]
        if not marked or not core:
            out.append(md_escape(piece) if not out else _md_inline(piece))
            continue
        out.append(_md_inline(lead) + mark + _md_inline(core) + mark + _md_inline(trail))
    return "".join(out)


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    rule = ["---"] + ["--:"] * (len(headers) - 1)  # counts right-aligned
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _md_coverage(title: str, rows: list[_Coverage], what: str) -> list[str]:
    lines = [f"## {title}", ""]
    if not rows:
        return [*lines, f"No {what} found.", ""]
    table = [[md_escape(r.name) + (f" ({r.extra})" if r.extra else ""), str(r.a), str(r.b),
              _share(r.a_carried, r.a), _share(r.b_carried, r.b)] for r in rows]
    headers = [what.capitalize().rstrip("s"), "A", "B", "A carried by B", "B carried by A"]
    return [*lines, *_md_table(headers, table), ""]


def _md_note(note: Note) -> str:
    text = f": {md_escape(note.text)}" if note.text else ""
    return f"- *{_note_label(note)}*{text}"


def to_markdown(analysis: Analysis, notes: Sequence[Note] = (), lang: str = "en",
                align: AlignSettings | None = None) -> str:
    """A report for a code forge: each aligned group as A/B blockquotes with the differing words
    marked (~~struck~~ only in A, **bold** only in B), the sentences each account alone has,
    per-speaker and per-topic coverage, and the notes. All document text is escaped."""
    by_sentence = _notes_by_sentence(notes)
    lines = [f"# {md_escape(_doc_label(analysis, 'a'))} / {md_escape(_doc_label(analysis, 'b'))}",
             ""]
    for side in ("a", "b"):
        facts = "; ".join(f"{label}: {md_escape(value)}"
                          for label, value in _doc_facts(analysis, side))
        lines.append(f"- **{_SIDE_NAMES[side]}**: {md_escape(_doc_label(analysis, side))} - "
                     f"{_coverage_line(analysis, side)}" + (f" ({facts})" if facts else ""))
    groups = _groups(analysis, lang, align)
    strong = sum(1 for g in groups if g.link.kind == "strong")
    lines += [f"- **Links**: {len(groups)} ({strong} strong, {len(groups) - strong} partial)", "",
              "Differing words: ~~struck~~ = only in A, **bold** = only in B.", "",
              "## Aligned", ""]
    if not groups:
        lines += ["No sentences of A and B carry the same content.", ""]
    for group in groups:
        link = group.link
        lines += [f"### {group.number}. A {_ids(link.a)} / B {_ids(link.b)} - {link.kind} "
                  f"({link.score:.2f})", ""]
        for side, sentences, mark in (("a", group.a, "~~"), ("b", group.b, "**")):
            name = _SIDE_NAMES[side]  # type: ignore[index]
            for sid, runs in sentences:
                lines += [f"> **{name} {sid + 1}** {_md_runs(runs, mark)}", ">"]
            lines[-1] = ""
            for sid, _ in sentences:
                lines += [_md_note(n) for n in by_sentence.get((side, sid), [])]
            if lines[-1]:
                lines.append("")
    for side in ("a", "b"):
        name, other = _SIDE_NAMES[side], _SIDE_NAMES["b" if side == "a" else "a"]
        only = analysis.alignment.only_in(side)  # type: ignore[arg-type]
        lines += [f"## Only in {name} ({len(only)})", ""]
        if not only:
            lines += [f"Everything in {name} is carried by {other}.", ""]
        doc = analysis.document(side)  # type: ignore[arg-type]
        for sid in only:
            lines.append(f"- **{name} {sid + 1}** {md_escape(doc.sentences[sid].text)}")
            lines += ["  " + _md_note(n) for n in by_sentence.get((side, sid), [])]
        if only:
            lines.append("")
    for title, what, rows in _coverage(analysis):
        lines += _md_coverage(title, rows, what)
    lines += [f"## Notes ({len(notes)})", ""]
    if not notes:
        lines += ["No notes.", ""]
    for note in notes:
        quote = note.quote or _sentence_text(analysis, note.side, note.sentence)
        lines.append(_md_note(note) + (f" - \u201c{md_escape(quote)}\u201d" if quote else ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def _ids(ids: tuple[int, ...]) -> str:
    return ", ".join(str(i + 1) for i in ids)  # numbered from 1, as the sentences are


def _sentence_text(analysis: Analysis, side: Side, sentence: int) -> str:
    sentences = analysis.document(side).sentences
    return sentences[sentence].text if 0 <= sentence < len(sentences) else ""


# HTML -------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; --fg: #1b1d21; --bg: #fdfdfb; --muted: #5d636d;
  --line: #d8dbe0; --a: #fde2b3; --b: #c9e3fb; --strong: #2f7d4f; --partial: #a8741a;
  --card: #ffffff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e3; --bg: #17191c; --muted: #a0a6b0;
  --line: #353a41; --a: #6b4a12; --b: #173f66; --strong: #6cc291; --partial: #e0b25c;
  --card: #1e2125; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, th, .meta, .label, .legend { font-family: system-ui, -apple-system, "Segoe UI",
  sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); }
.meta { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; font-size: .9rem; }
.meta dl { margin: 0; }
.meta div { background: var(--card); border: 1px solid var(--line); border-radius: 6px;
  padding: .6rem .8rem; }
.meta dt { color: var(--muted); float: left; clear: left; width: 5rem; }
.meta dd { margin: 0 0 0 5.5rem; overflow-wrap: anywhere; }
.legend { font-size: .9rem; color: var(--muted); }
mark { color: inherit; border-radius: 3px; padding: 0 .1em; }
mark.only-a { background: var(--a); }
mark.only-b { background: var(--b); }
.group { background: var(--card); border: 1px solid var(--line); border-left: 4px solid
  var(--partial); border-radius: 6px; margin: 0 0 1rem; padding: .5rem .9rem .7rem; }
.group.strong { border-left-color: var(--strong); }
.group h3 { font-size: .85rem; color: var(--muted); margin: 0 0 .4rem; font-weight: 600; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.pair p, .only p { margin: 0 0 .4rem; overflow-wrap: anywhere; }
.label { color: var(--muted); font-size: .8rem; margin-right: .3rem; }
.note { font-family: system-ui, sans-serif; font-size: .88rem; border-left: 3px solid var(--muted);
  padding: .1rem .6rem; margin: .2rem 0 .5rem; color: var(--muted); }
table { border-collapse: collapse; min-width: 60%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .8rem; border-bottom: 1px solid var(--line); }
.n { text-align: right; font-variant-numeric: tabular-nums; }
@media (max-width: 44rem) { .pair, .meta { grid-template-columns: 1fr; } }
@media print { .group { break-inside: avoid; } }
"""


def _h(text: str) -> str:
    return html.escape(_plain(text), quote=True)


def _html_runs(runs: tuple[tuple[str, bool], ...], css: str, title: str) -> str:
    return "".join(f'<mark class="{css}" title="{title}">{_h(piece)}</mark>' if marked
                   else _h(piece) for piece, marked in runs)


def _html_notes(notes: list[Note]) -> list[str]:
    return [f'<p class="note"><b>{_h(_note_label(n))}</b>'
            + (f": {_h(n.text)}" if n.text else "") + "</p>" for n in notes]


def _html_coverage(title: str, rows: list[_Coverage], what: str) -> list[str]:
    out = [f"<h2>{title}</h2>"]
    if not rows:
        return [*out, f"<p>No {what} found.</p>"]
    out.append("<table><thead><tr><th>Name</th><th class=n>A</th><th class=n>B</th>"
               "<th class=n>A carried by B</th><th class=n>B carried by A</th></tr></thead>"
               "<tbody>")
    for r in rows:
        extra = f' <span class="label">{_h(r.extra)}</span>' if r.extra else ""
        out.append(f"<tr><td>{_h(r.name)}{extra}</td><td class=n>{r.a}</td><td class=n>{r.b}</td>"
                   f"<td class=n>{_share(r.a_carried, r.a)}</td>"
                   f"<td class=n>{_share(r.b_carried, r.b)}</td></tr>")
    return [*out, "</tbody></table>"]


def to_html(analysis: Analysis, notes: Sequence[Note] = (), lang: str = "en",
            align: AlignSettings | None = None) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no external assets): aligned groups
    side by side with differing words highlighted, each account's own sentences, coverage by
    speaker and topic, and the notes. Every document string is HTML-escaped."""
    by_sentence = _notes_by_sentence(notes)
    label_a, label_b = _doc_label(analysis, "a"), _doc_label(analysis, "b")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'">',
           f"<title>{_h(label_a)} / {_h(label_b)} - readerui</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{_h(label_a)} <span class=label>/</span> {_h(label_b)}</h1>", '<div class="meta">']
    for side in ("a", "b"):
        out.append(f"<div><dl><dt>{_SIDE_NAMES[side]}</dt><dd>{_h(_doc_label(analysis, side))}"
                   f"</dd><dt>Coverage</dt><dd>{_coverage_line(analysis, side)}</dd>")
        out += [f"<dt>{label}</dt><dd>{_h(value)}</dd>"
                for label, value in _doc_facts(analysis, side)]
        out.append("</dl></div>")
    groups = _groups(analysis, lang, align)
    strong = sum(1 for g in groups if g.link.kind == "strong")
    out += ["</div>", f"<h2>Aligned ({len(groups)} links: {strong} strong, "
            f"{len(groups) - strong} partial)</h2>",
            '<p class="legend">Words <mark class="only-a">only in A</mark> and '
            '<mark class="only-b">only in B</mark> are highlighted.</p>']
    if not groups:
        out.append("<p>No sentences of A and B carry the same content.</p>")
    for group in groups:
        link = group.link
        out.append(f'<section class="group {link.kind}"><h3>{group.number}. '
                   f"A {_ids(link.a)} / B {_ids(link.b)} - {link.kind} ({link.score:.2f})</h3>"
                   '<div class="pair">')
        for side, sentences, css in (("a", group.a, "only-a"), ("b", group.b, "only-b")):
            name = _SIDE_NAMES[side]  # type: ignore[index]
            out.append(f'<div class="side {side}">')
            for sid, runs in sentences:
                out.append(f'<p id="{side}-{sid}"><span class=label>{name} {sid + 1}</span>'
                           f"{_html_runs(runs, css, f'only in {name}')}</p>")
                out += _html_notes(by_sentence.get((side, sid), []))
            out.append("</div>")
        out.append("</div></section>")
    for side in ("a", "b"):
        name = _SIDE_NAMES[side]
        only = analysis.alignment.only_in(side)  # type: ignore[arg-type]
        doc = analysis.document(side)  # type: ignore[arg-type]
        out += [f"<h2>Only in {name} ({len(only)})</h2>", '<div class="only">']
        if not only:
            out.append(f"<p>Everything in {name} is carried by the other account.</p>")
        for sid in only:
            out.append(f'<p id="{side}-{sid}"><span class=label>{name} {sid + 1}</span>'
                       f"{_h(doc.sentences[sid].text)}</p>")
            out += _html_notes(by_sentence.get((side, sid), []))
        out.append("</div>")
    for title, what, rows in _coverage(analysis):
        out += _html_coverage(title, rows, what)
    out.append(f"<h2>Notes ({len(notes)})</h2>")
    if not notes:
        out.append("<p>No notes.</p>")
    for note in notes:
        quote = note.quote or _sentence_text(analysis, note.side, note.sentence)
        out.append(f'<p class="note"><a href="#{note.side}-{note.sentence}">'
                   f"{_h(_note_label(note))}</a>" + (f": {_h(note.text)}" if note.text else "")
                   + (f"<br>\u201c{_h(quote)}\u201d" if quote else "") + "</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# Files ------------------------------------------------------------------------------------------

def check_output(target: Path, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse (StoreError, one line) an output path that is one of ``inputs`` (however named:
    links, relative paths), a directory, a device, a FIFO or anything but a regular file."""
    from readerui.store.atomic import StoreError

    if not target.name:
        raise StoreError(f"cannot write {target}: not a file name")
    try:
        info = os.stat(target)  # links followed: what would be written to
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        what = ("a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO"
                if stat.S_ISFIFO(info.st_mode) else "a device"
                if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else "not a regular file")
        raise StoreError(f"will not write the report to {target}: it is {what}")
    real = os.path.realpath(target)
    for source in inputs:
        same = os.path.realpath(source) == real
        if not same and info is not None:
            with contextlib.suppress(OSError):
                same = os.path.samefile(source, target)
        if same:
            raise StoreError(f"will not write the report to {target}: it is an input "
                             f"({source}); choose another -o")
    if not target.parent.is_dir():
        # The user's own path: report a missing folder instead of creating it.
        raise StoreError(f"cannot write {target}: no such folder {target.parent}")


def write_export(analysis: Analysis, path: str | Path, fmt: str | None = None,
                 notes: Sequence[Note] = (), settings: Settings | None = None,
                 inputs: Sequence[str | Path] = ()) -> Path:
    """Write a report to ``path`` atomically (a temporary file next to it, then a rename;
    format from the suffix unless given), readable by all (0644). StoreError (one line) when it
    cannot be written, or when ``path`` is one of ``inputs``, a directory, device or FIFO. Used
    by ``readerui export`` and the reader's export."""
    from readerui.export_formats import format_of, render
    from readerui.store.atomic import atomic_write

    target = Path(path)
    check_output(target, [*inputs, *(p for p in (analysis.a.path, analysis.b.path) if p)])
    text = render(analysis, fmt or format_of(target), notes, settings)
    atomic_write(target, text, mode=0o644)
    return target
