"""The HTML report: one self-contained page (inline CSS, no scripts, no external assets) with the
same content as the Markdown one. Every document string is HTML-escaped."""

from __future__ import annotations

import html
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
    return html.escape(plain(text), quote=True)


def _html_runs(runs: tuple[tuple[str, bool], ...], css: str, title: str) -> str:
    return "".join(f'<mark class="{css}" title="{title}">{_h(piece)}</mark>' if marked
                   else _h(piece) for piece, marked in runs)


def _html_notes(notes: list[Note]) -> list[str]:
    return [f'<p class="note"><b>{_h(note_label(n))}</b>'
            + (f": {_h(n.text)}" if n.text else "") + "</p>" for n in notes]


def _html_coverage(title: str, rows: list[Coverage], what: str) -> list[str]:
    out = [f"<h2>{title}</h2>"]
    if not rows:
        return [*out, f"<p>No {what} found.</p>"]
    out.append("<table><thead><tr><th>Name</th><th class=n>A</th><th class=n>B</th>"
               "<th class=n>A carried by B</th><th class=n>B carried by A</th></tr></thead>"
               "<tbody>")
    for r in rows:
        extra = f' <span class="label">{_h(r.extra)}</span>' if r.extra else ""
        out.append(f"<tr><td>{_h(r.name)}{extra}</td><td class=n>{r.a}</td><td class=n>{r.b}</td>"
                   f"<td class=n>{share(r.a_carried, r.a)}</td>"
                   f"<td class=n>{share(r.b_carried, r.b)}</td></tr>")
    return [*out, "</tbody></table>"]


def to_html(analysis: Analysis, notes: Sequence[Note] = (), lang: str = "en",
            align: AlignSettings | None = None) -> str:
    """One self-contained HTML page (inline CSS, no scripts, no external assets): aligned groups
    side by side with differing words highlighted, each account's own sentences, coverage by
    speaker and topic, and the notes. Every document string is HTML-escaped."""
    by_sentence = notes_by_sentence(notes)
    label_a, label_b = doc_label(analysis, "a"), doc_label(analysis, "b")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'">',
           f"<title>{_h(label_a)} / {_h(label_b)} - readerui</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{_h(label_a)} <span class=label>/</span> {_h(label_b)}</h1>", '<div class="meta">']
    for side in ("a", "b"):
        out.append(f"<div><dl><dt>{SIDE_NAMES[side]}</dt><dd>{_h(doc_label(analysis, side))}"
                   f"</dd><dt>Coverage</dt><dd>{coverage_line(analysis, side)}</dd>")
        out += [f"<dt>{label}</dt><dd>{_h(value)}</dd>"
                for label, value in doc_facts(analysis, side)]
        out.append("</dl></div>")
    groups = linked_groups(analysis, lang, align)
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
                   f"A {link_ids(link.a)} / B {link_ids(link.b)} - {link.kind} "
                   f"({link.score:.2f})</h3>"
                   '<div class="pair">')
        for side, sentences, css in (("a", group.a, "only-a"), ("b", group.b, "only-b")):
            name = SIDE_NAMES[side]  # type: ignore[index]
            out.append(f'<div class="side {side}">')
            for sid, runs in sentences:
                out.append(f'<p id="{side}-{sid}"><span class=label>{name} {sid + 1}</span>'
                           f"{_html_runs(runs, css, f'only in {name}')}</p>")
                out += _html_notes(by_sentence.get((side, sid), []))
            out.append("</div>")
        out.append("</div></section>")
    for side in ("a", "b"):
        name = SIDE_NAMES["a" if side == "a" else "b"]
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
    for title, what, rows in coverage(analysis):
        out += _html_coverage(title, rows, what)
    out.append(f"<h2>Notes ({len(notes)})</h2>")
    if not notes:
        out.append("<p>No notes.</p>")
    for note in notes:
        quote = note.quote or sentence_text(analysis, cast(Side, note.side), note.sentence)
        out.append(f'<p class="note"><a href="#{note.side}-{note.sentence}">'
                   f"{_h(note_label(note))}</a>" + (f": {_h(note.text)}" if note.text else "")
                   + (f"<br>{_h(in_quotes(quote))}" if quote else "") + "</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"



def write(analysis: Analysis, notes: Sequence[Note], settings: Settings) -> str:
    """The ``html`` export, with the language and the linker's thresholds of ``settings``."""
    return to_html(analysis, notes, settings.lang, settings.align)
