"""Markdown and HTML reports: content, word differences, escaping, and a real browser render."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from readerui.exports import to_contract, to_json
from readerui.exports.common import runs as _runs
from readerui.exports.html import to_html
from readerui.exports.markdown import _md_runs, md_escape, to_markdown
from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Annotations, Link, Speaker, Topic
from readerui.store import Note

HOSTILE = "Officials posted <script>document.body.setAttribute('data-ran','yes')</script> here."

A_LINES = [
    "The council approved the budget on Monday.",
    "Mayor Jane Roe said the plan *protects* jobs & services.",
    HOSTILE,
    "# 1. Not a heading | not a cell ~~not struck~~ [a link](http://x.example) _under_",
]
B_LINES = [
    "The council approved the budget.",
    "Roe said the plan protects jobs.",
    "Critics called the vote rushed.",
]


@pytest.fixture()
def analysis() -> Analysis:
    a = from_lines("\n".join(A_LINES), "a.txt")
    b = from_lines("\n".join(B_LINES), "b.txt")
    links = (Link((0,), (0,), 0.91, "strong"), Link((1,), (1,), 0.62, "partial"))
    annotations = Annotations(
        speakers=(Speaker("Jane Roe", ("Roe",), (1,), (1,)),),
        topics=(Topic("budget", ("budget",), (0,), (0,)),
                Topic("vote", ("vote",), (), (2,))),
        speaker_a=(None, "Jane Roe", None, None), speaker_b=(None, "Jane Roe", None),
        topics_a=(("budget",), (), (), ()), topics_b=(("budget",), (), ("vote",)),
    )
    return Analysis(a, b, Alignment(links, len(a), len(b)), annotations)


NOTES = [Note("a", 2, "Check <b>who</b> posted *this*", "2026-01-02T03:04:05", True, HOSTILE),
         Note("b", 2, "", "2026-01-02T03:04:06", True, B_LINES[2])]


def render_md(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


# --- Markdown ----------------------------------------------------------------------------------

def test_markdown_has_every_part(analysis: Analysis) -> None:
    md = to_markdown(analysis, NOTES)
    for heading in ("## Aligned", "### 1. A 1 / B 1 - strong (0.91)",
                    "### 2. A 2 / B 2 - partial (0.62)", "## Only in A (2)", "## Only in B (1)",
                    "## Speakers", "## Topics", "## Notes (2)"):
        assert heading in md
    assert "| Jane Roe | 1 | 1 | 1/1 | 1/1 |" in md
    assert "| vote | 0 | 1 | 0 | 0/1 |" in md
    assert "4 sentences, 2 (50%) carried by B" in md


def test_markdown_marks_the_differing_words(analysis: Analysis) -> None:
    html = render_md(to_markdown(analysis))
    assert "<s>Monday</s>" in html  # only A says when
    assert "<strong>Mayor Jane</strong>" not in html  # names: shared "Roe" is not marked
    assert "<s>Mayor Jane</s>" in html


def test_markdown_escapes_document_text(analysis: Analysis) -> None:
    html = render_md(to_markdown(analysis, NOTES))
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<a href" not in html and "[a link](http://x.example) _under_" in html
    assert "<em>protects</em>" not in html and "*protects*" in html
    assert "<b>who</b>" not in html and "&lt;b&gt;who&lt;/b&gt;" in html
    assert "<h1>1. Not a heading" not in html and "# 1. Not a heading" in html
    assert "~~not struck~~" in html and "<table>" in html  # only the coverage tables


@pytest.mark.parametrize("text", ["1. one", "- item", "+ plus", "> quote", "=== ", "# h",
                                  "a_b_c *x* `code` <i>", "100 $ and 5 $", "&amp; &copy;"])
def test_md_escape_leaves_plain_text(text: str) -> None:
    html = render_md(md_escape(text))
    shown = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html == f"<p>{shown}</p>\n"


MD_TEXT = st.text(st.sampled_from(list("ab 1.)-+*_`#<>[]()!|~&$\\=:'\"/;é\t")), min_size=1,
                  max_size=30)


@settings(max_examples=300, deadline=None)
@given(MD_TEXT)
def test_md_escape_shows_any_text_as_written(text: str) -> None:
    html = render_md(md_escape(text))
    if not text.strip():
        return
    body = re.fullmatch(r"<p>(.*)</p>\n", html, re.S)
    assert body and "<" not in body.group(1)
    assert unescape(body.group(1)) == text.strip(" \t")


@settings(max_examples=300, deadline=None)
@given(MD_TEXT.map(str.strip).filter(bool),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4),
       st.sampled_from(["~~", "**"]))
def test_marked_words_render_as_marks_around_the_exact_text(
        text: str, spans: list[tuple[int, int]], mark: str) -> None:
    ordered = [(min(x, y), max(x, y)) for x, y in spans]
    html = render_md("> **A 0** " + _md_runs(_runs(text, ordered), mark))
    body = re.fullmatch(r"<blockquote>\n<p>(.*)</p>\n</blockquote>\n", html, re.S)
    assert body, html
    assert set(re.findall(r"</?([a-z]+)>", body.group(1))) <= {"strong", "s"}
    assert unescape(re.sub(r"</?[a-z]+>", "", body.group(1))) == "A 0 " + text


# --- HTML ------------------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def test_html_is_self_contained_and_escaped(analysis: Analysis) -> None:
    page = to_html(analysis, NOTES)
    tags = parse(page)
    assert "script" not in tags.tags and "link" not in tags.tags and "img" not in tags.tags
    assert not any(name in {"src", "onload", "onerror"} for name, _ in tags.attrs)
    assert "http://" not in page.replace("http://x.example", "")  # only the document's own text
    assert "url(" not in page and "@import" not in page
    text = "".join(tags.text)
    assert HOSTILE in text  # shown as text
    assert "Check <b>who</b> posted *this*" in text
    assert "Content-Security-Policy" in page


def test_html_has_every_part(analysis: Analysis) -> None:
    page = to_html(analysis, NOTES)
    text = " ".join(parse(page).text)
    for part in ("Aligned (2 links: 1 strong, 1 partial)", "Only in A (2)", "Only in B (1)",
                 "Speakers", "Topics", "Notes (2)", "Jane Roe", "Critics called the vote"):
        assert part in text
    assert '<mark class="only-a" title="only in A">Monday</mark>' in page
    assert 'id="a-2"' in page and 'href="#a-2"' in page  # notes link to their sentence


def test_json_export_is_the_contract(analysis: Analysis) -> None:
    assert json.loads(to_json(analysis)) == to_contract(analysis)


def test_reports_of_a_pair_without_links(analysis: Analysis) -> None:
    empty = Analysis(analysis.a, analysis.b, Alignment((), len(analysis.a), len(analysis.b)),
                     Annotations.empty(len(analysis.a), len(analysis.b)))
    assert "No sentences of A and B carry the same content." in to_markdown(empty)
    assert "No speakers found." in to_html(empty)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_html_renders_in_headless_chromium_and_shows_the_script_as_text(
        analysis: Analysis, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(to_html(analysis, NOTES), encoding="utf-8")
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=90)
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<body" in dom and "Aligned (2 links" in dom
    assert "data-ran" in dom  # the text of the script is on the page ...
    assert 'data-ran="yes"' not in dom  # ... and it did not run
    assert "&lt;script&gt;document.body.setAttribute" in dom
    assert "<script" not in dom


def test_write_export_picks_the_format_from_the_suffix(analysis: Analysis, tmp_path: Path) -> None:
    from readerui.errors import ReaderError
    from readerui.exports import format_of, render, write_export

    assert [format_of(n) for n in ("r.md", "r.HTML", "r.htm", "r.json", "r.csv",
                                   "r.sentences.csv", "r.jsonl", None)] == [
        "md", "html", "html", "json", "csv", "sentences-csv", "jsonl", "md"]
    for unknown in ("r.txt", "report", "r.pdf"):  # never a silent Markdown
        with pytest.raises(ReaderError, match="-f"):
            format_of(unknown)
    page = write_export(analysis, tmp_path / "r.html", notes=NOTES)
    assert page.read_text().startswith("<!DOCTYPE html>")
    assert json.loads(write_export(analysis, tmp_path / "r.json").read_text())["version"] == 2
    assert write_export(analysis, tmp_path / "r.txt", "md").read_text() == to_markdown(analysis)
    with pytest.raises(ReaderError, match="unknown export format"):
        render(analysis, "pdf")


def test_csv_and_jsonl_rows_follow_the_analysis(analysis: Analysis) -> None:
    import csv
    import io

    from readerui.exports import FORMATS, render

    links = list(csv.reader(io.StringIO(render(analysis, "csv"))))
    assert links[0][:3] == ["a_sentences", "b_sentences", "kind"]
    assert len(links) - 1 == len(analysis.alignment.links)
    assert {row[2] for row in links[1:]} <= {"strong", "partial"}
    rows = list(csv.DictReader(io.StringIO(render(analysis, "sentences-csv", NOTES))))
    assert len(rows) == len(analysis.a) + len(analysis.b)
    records = [json.loads(line) for line in render(analysis, "jsonl", NOTES).splitlines()]
    assert len(records) == len(rows)
    for record, row in zip(records, rows, strict=True):
        side, sid = record["side"], record["sentence"] - 1
        assert record["speaker"] == analysis.annotations.speaker_of(side, sid)
        assert row["speaker"] == (record["speaker"] or "")
        assert [p["sentence"] - 1 for p in record["partners"]] == list(
            analysis.alignment.partners(side, sid))
    noted = {(n.side, n.sentence) for n in NOTES}
    assert {(r["side"], r["sentence"] - 1) for r in records if r["notes"]} == noted
    assert FORMATS["csv"].suffixes[0] == ".csv" and not FORMATS["csv"].notes


def test_the_readme_lists_every_export_format() -> None:
    from readerui.exports import FORMATS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in readme.splitlines()
            if line.startswith("| `") and line.count("|") == 4}
    for name, fmt in FORMATS.items():
        assert name in rows, f"README.md has no row for export format {name}"
        assert all(f"`{suffix}`" in rows[name] for suffix in fmt.suffixes)


def test_each_format_is_one_module_of_the_exports_package_and_registered() -> None:
    """Adding a format is one module in ``readerui/exports/`` plus its registry line: every
    module there other than the shared ones is a registered format's writer, and each format's
    writer lives in its own module."""
    import pkgutil

    import readerui.exports
    from readerui.exports import FORMATS

    shared = {"common", "registry", "files", "claims_common"}
    modules = {m.name for m in pkgutil.iter_modules(readerui.exports.__path__)} - shared
    writers = {fmt.write.__module__.rsplit(".", 1)[1] for fmt in FORMATS.values()}
    assert writers == modules
    assert len({fmt.write.__module__ for fmt in FORMATS.values()}) == len(FORMATS)


@pytest.mark.parametrize(("text", "shown"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("-cmd", "'-cmd"), ("\tx", "'\tx"),
    ("-3.5", "-3.5"), ("The minister said", "The minister said"), (None, ""),
])
def test_csv_cells_never_start_a_formula(text: str | None, shown: str) -> None:
    from readerui.exports.common import cell

    assert cell(text) == shown


@pytest.mark.parametrize("quoted", ["\u201cWe will not back down,\u201d she said.",
                                    "\"We will not back down,\" she said."])
def test_a_noted_sentence_that_opens_with_a_quotation_is_not_quoted_twice(
        analysis: Analysis, quoted: str) -> None:
    notes = [Note("a", 0, "tone", "2026-01-02T03:04:05", True, quoted),
             Note("a", 1, "plain", "2026-01-02T03:04:06", True, "The vote was close.")]
    md, page = to_markdown(analysis, notes), unescape(to_html(analysis, notes))
    for text in (md, page):
        assert "\u201c\u201c" not in text and "\u201c\"" not in text
        assert "\u201cThe vote was close.\u201d" in text  # a plain sentence is still quoted
    assert "We will not back down" in md and "We will not back down" in page
