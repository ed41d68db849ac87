"""The Markdown report for a code forge: aligned groups with word differences, one-sided
sentences, coverage per facet, notes. Every document string is escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from readerui.exports.common import (
    SIDE_NAMES,
    Coverage,
    coverage,
    coverage_line,
    doc_facts,
    doc_label,
    in_quotes,
    link_ids,
    linked_groups,
    note_label,
    notes_by_sentence,
    plain,
    sentence_text,
    share,
)
from readerui.model import Analysis, Side

if TYPE_CHECKING:
    from readerui.align.settings import AlignSettings
    from readerui.settings import Settings
    from readerui.store.notes import Note

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
_MD_LINE_START = re.compile(r"^(\s*)([-=+:>]|\d+(?=[.)]))")


def _md_inline(text: str) -> str:
    """Escape Markdown's inline characters (not line starts)."""
    return _MD_SPECIAL.sub(r"\\\1", plain(text))


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
    out: list[str] = []
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


def _md_coverage(title: str, rows: list[Coverage], what: str) -> list[str]:
    lines = [f"## {title}", ""]
    if not rows:
        return [*lines, f"No {what} found.", ""]
    table = [[md_escape(r.name) + (f" ({r.extra})" if r.extra else ""), str(r.a), str(r.b),
              share(r.a_carried, r.a), share(r.b_carried, r.b)] for r in rows]
    headers = [what.capitalize().rstrip("s"), "A", "B", "A carried by B", "B carried by A"]
    return [*lines, *_md_table(headers, table), ""]


def _md_note(note: Note) -> str:
    text = f": {md_escape(note.text)}" if note.text else ""
    return f"- *{note_label(note)}*{text}"


def to_markdown(analysis: Analysis, notes: Sequence[Note] = (), lang: str = "en",
                align: AlignSettings | None = None) -> str:
    """A report for a code forge: each aligned group as A/B blockquotes with the differing words
    marked (~~struck~~ only in A, **bold** only in B), the sentences each account alone has,
    per-speaker and per-topic coverage, and the notes. All document text is escaped."""
    by_sentence = notes_by_sentence(notes)
    lines = [f"# {md_escape(doc_label(analysis, 'a'))} / {md_escape(doc_label(analysis, 'b'))}",
             ""]
    for side in ("a", "b"):
        facts = "; ".join(f"{label}: {md_escape(value)}"
                          for label, value in doc_facts(analysis, side))
        lines.append(f"- **{SIDE_NAMES[side]}**: {md_escape(doc_label(analysis, side))} - "
                     f"{coverage_line(analysis, side)}" + (f" ({facts})" if facts else ""))
    groups = linked_groups(analysis, lang, align)
    strong = sum(1 for g in groups if g.link.kind == "strong")
    lines += [f"- **Links**: {len(groups)} ({strong} strong, {len(groups) - strong} partial)", "",
              "Differing words: ~~struck~~ = only in A, **bold** = only in B.", "",
              "## Aligned", ""]
    if not groups:
        lines += ["No sentences of A and B carry the same content.", ""]
    for group in groups:
        link = group.link
        lines += [f"### {group.number}. A {link_ids(link.a)} / B {link_ids(link.b)} - {link.kind} "
                  f"({link.score:.2f})", ""]
        for side, sentences, mark in (("a", group.a, "~~"), ("b", group.b, "**")):
            name = SIDE_NAMES[side]  # type: ignore[index]
            for sid, runs in sentences:
                lines += [f"> **{name} {sid + 1}** {_md_runs(runs, mark)}", ">"]
            lines[-1] = ""
            for sid, _ in sentences:
                lines += [_md_note(n) for n in by_sentence.get((side, sid), [])]
            if lines[-1]:
                lines.append("")
    for side in ("a", "b"):
        name = SIDE_NAMES["a" if side == "a" else "b"]
        other = SIDE_NAMES["b" if side == "a" else "a"]
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
    for title, what, rows in coverage(analysis):
        lines += _md_coverage(title, rows, what)
    lines += [f"## Notes ({len(notes)})", ""]
    if not notes:
        lines += ["No notes.", ""]
    for note in notes:
        quote = note.quote or sentence_text(analysis, cast(Side, note.side), note.sentence)
        lines.append(_md_note(note) + (f" - {md_escape(in_quotes(quote))}" if quote else ""))
    return "\n".join(lines).rstrip("\n") + "\n"



def write(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    """The ``md`` export, with the language and the linker's thresholds of ``settings``."""
    return to_markdown(analysis, notes, settings.lang, settings.align)
